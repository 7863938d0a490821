/**
 * Connecting accounts: platform tokens sealed with the vault (never presented, never logged, never in
 * audit details), the OAuth flow with an encrypted-and-authenticated state, and the connector other
 * modules use to speak for an account.
 */
import { DomainError } from '../../kernel/errors.js';
import type { Connector, TokenSet } from '../platforms/connector.js';
import { getPlatform } from '../platforms/registry.js';
import { can } from '../team/model.js';
import type { Actor } from '../team/service.js';
import type { AccountsContext } from './context.js';
import type { Platform } from './model.js';
import type { AccountRow } from './store.js';

const STATE_TTL_MS = 10 * 60_000;

interface OAuthState { w: string; a: string; u: string; p: string; exp: number }

export interface CredentialsInput {
  accessToken?: string;
  refreshToken?: string;
  expiresAt?: string;
  appId?: string;
  appSecret?: string;
  /** The secret the platform signs webhook deliveries with. */
  webhookToken?: string;
  platformAccountId?: string;
  /** Instance-type platforms only; a different instance drops the credentials stored for the old one. */
  instanceUrl?: string;
}

const hasToken = (c: Record<string, unknown>) => typeof c.accessToken === 'string' && c.accessToken.length > 0;

export function createConnectionOps(ctx: AccountsContext) {
  const { db, store, clock, team, vault } = ctx;
  const redirectUriFor = (platform: string) => `${ctx.baseUrl.replace(/\/+$/, '')}/api/v1/oauth/${platform}/callback`;

  /** Connected: a user token, or (for app-credential platforms such as WeChat) the app id and secret. */
  function isConnected(platform: string, c: Record<string, unknown>) {
    if (hasToken(c)) return true;
    const auth = getPlatform(platform)?.auth;
    return auth !== undefined && auth !== 'oauth' && Boolean(c.appId && c.appSecret);
  }

  function requireActive(a: AccountRow) {
    if (a.status !== 'active') throw new DomainError('accounts.not_active', { message: 'an account is connected once its filing is approved (status active)' });
  }

  async function saveTokens(workspaceId: string, accountId: string, t: TokenSet, actor: { userId: string | null; workspaceId: string }, action: string) {
    return db.transaction(async (tx) => {
      const a = await ctx.findOrFail(tx, workspaceId, accountId, true);
      const merged = { ...ctx.openCredentials(a), ...stripUndefined({ accessToken: t.accessToken, refreshToken: t.refreshToken, expiresAt: t.expiresAt?.toISOString(), refreshExpiresAt: t.refreshExpiresAt?.toISOString() }) };
      const row = await store.updateAccount(tx, workspaceId, accountId, {
        credentials: ctx.sealCredentials(merged), tokenExpiresAt: t.expiresAt ?? null, platformAccountId: t.accountId ?? a.platformAccountId,
        connectedAt: a.connectedAt ?? clock.now(), failedCalls: 0, updatedAt: clock.now(),
      });
      await team.record(tx, actor, { action, targetType: 'account', targetId: accountId, details: { expiresAt: t.expiresAt?.toISOString() ?? null } });
      return row;
    });
  }

  return {
    /** Manual tokens (and the sandbox), or the app credentials an OAuth connect needs. */
    async storeCredentials(actor: Actor, accountId: string, input: CredentialsInput, opts: { keepCredentials?: boolean } = {}) {
      let instanceUrl: string | undefined;
      if (input.instanceUrl !== undefined) {
        // Checked before the transaction (a DNS look-up); the platform is read first to refuse non-instance platforms.
        const found = await ctx.findOrFail(db, actor.workspaceId, accountId);
        instanceUrl = await ctx.checkInstanceUrl(found.platform, input.instanceUrl, 'instanceUrl');
      }
      return db.transaction(async (tx) => {
        const a = await ctx.findOrFail(tx, actor.workspaceId, accountId, true);
        requireActive(a);
        const { platformAccountId, instanceUrl: _u, ...secret } = input;
        // Tokens issued by one instance are never sent to another: a new instance starts from no credentials.
        const moved = instanceUrl !== undefined && instanceUrl !== a.apiBaseUrl;
        const kept = moved && !opts.keepCredentials ? {} : ctx.openCredentials(a);
        const merged = { ...kept, ...stripUndefined(secret) };
        const connected = isConnected(a.platform, merged);
        const now = clock.now();
        const row = await store.updateAccount(tx, actor.workspaceId, a.id, {
          ...(moved && { apiBaseUrl: instanceUrl }),
          credentials: ctx.sealCredentials(merged), platformAccountId: platformAccountId ?? (moved && !opts.keepCredentials ? null : a.platformAccountId),
          tokenExpiresAt: input.expiresAt ? new Date(input.expiresAt) : input.accessToken || (moved && !opts.keepCredentials) ? null : a.tokenExpiresAt,
          connectedAt: connected ? (a.connectedAt ?? now) : null, failedCalls: 0, updatedAt: now,
        });
        // Field names only: values never reach the audit log.
        if (moved) await team.record(tx, actor, { action: 'accounts.instance_changed', targetType: 'account', targetId: a.id, details: { from: a.apiBaseUrl, to: instanceUrl, credentialsDropped: !opts.keepCredentials } });
        await team.record(tx, actor, { action: 'accounts.credentials_stored', targetType: 'account', targetId: a.id, details: { fields: Object.keys(stripUndefined({ ...input })).sort(), connected } });
        return { account: await ctx.present(tx, row) };
      });
    },

    async disconnect(actor: Actor, accountId: string) {
      return db.transaction(async (tx) => {
        const a = await ctx.findOrFail(tx, actor.workspaceId, accountId, true);
        const row = await store.updateAccount(tx, actor.workspaceId, a.id, {
          credentials: null, connectedAt: null, tokenExpiresAt: null, platformAccountId: null, updatedAt: clock.now(),
        });
        await team.record(tx, actor, { action: 'accounts.disconnected', targetType: 'account', targetId: a.id });
        return { account: await ctx.present(tx, row) };
      });
    },

    /** The platform's authorisation URL, with a state only this server can read (AES-GCM: encrypted and authenticated). */
    async connectUrl(actor: Actor, accountId: string) {
      const a = await ctx.findOrFail(db, actor.workspaceId, accountId);
      requireActive(a);
      const creds = ctx.openCredentials(a);
      const connector = ctx.connectorOf(a, creds);
      if (!connector.authorizeUrl || !connector.exchangeCode) throw new DomainError('accounts.oauth_unsupported', { message: `${a.platform} accounts connect with credentials, not OAuth` });
      if (!creds.appId) throw new DomainError('accounts.app_credentials_missing', { message: 'store the platform app id and secret first (POST …/credentials)' });
      const exp = clock.now().getTime() + STATE_TTL_MS;
      const state = vault.encrypt(JSON.stringify({ w: a.workspaceId, a: a.id, u: actor.userId, p: a.platform, exp } satisfies OAuthState));
      const redirectUri = redirectUriFor(a.platform);
      return { authorizeUrl: connector.authorizeUrl(state, redirectUri), redirectUri, expiresAt: new Date(exp).toISOString() };
    },

    /** The platform redirected back: check the state, exchange the code, seal the tokens. */
    async oauthCallback(platform: Platform, code: string, state: string) {
      let s: OAuthState;
      try {
        s = JSON.parse(vault.decrypt(state)) as OAuthState;
      } catch {
        throw new DomainError('accounts.oauth_state_invalid', { message: 'the authorisation link is invalid' });
      }
      if (s.p !== platform || s.exp < clock.now().getTime()) throw new DomainError('accounts.oauth_state_invalid', { message: 'the authorisation link has expired; start again' });
      const role = await team.roleIn({ userId: s.u, via: 'session' }, s.w);
      if (!role || !can(role, 'accounts.manage')) throw new DomainError('accounts.oauth_state_invalid', { message: 'the person who started this connection may no longer manage accounts' });
      const a = await ctx.findOrFail(db, s.w, s.a);
      requireActive(a);
      const connector = ctx.connectorOf(a, ctx.openCredentials(a));
      let tokens: TokenSet;
      try {
        tokens = await connector.exchangeCode!(code, redirectUriFor(platform));
      } catch (err) {
        await store.countFailedCall(db, a.workspaceId, a.id);
        throw new DomainError('accounts.oauth_exchange_failed', { message: `the platform refused the authorisation code (${(err as Error).name})` });
      }
      await saveTokens(s.w, a.id, tokens, { userId: s.u, workspaceId: s.w }, 'accounts.connected');
      return { workspaceId: s.w, accountId: a.id };
    },

    /**
     * For other modules (publishing, inbox, analytics): the connector for an active, connected account.
     * Tokens the connector refreshes are sealed again.
     */
    async connectorFor(workspaceId: string, accountId: string): Promise<Connector> {
      const a = await ctx.findOrFail(db, workspaceId, accountId);
      requireActive(a);
      const creds = ctx.openCredentials(a);
      if (!a.connectedAt || !isConnected(a.platform, creds)) throw new DomainError('accounts.not_connected');
      return ctx.connectorOf(a, creds, async (t) => {
        await saveTokens(workspaceId, accountId, t, { userId: null, workspaceId }, 'accounts.tokens_refreshed');
      });
    },

    /** For collectors: the outcome of a platform call, kept as health (last sync, failed calls in a row). */
    async recordSync(workspaceId: string, accountId: string, outcome: 'ok' | 'failed') {
      if (outcome === 'failed') return store.countFailedCall(db, workspaceId, accountId);
      await store.updateAccount(db, workspaceId, accountId, { lastSyncAt: clock.now(), failedCalls: 0 });
    },
  };
}

function stripUndefined<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
