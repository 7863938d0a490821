/** What the accounts service's parts share: dependencies, settings, calendars, lookups and presenting. */
import type { Database, DbOrTx } from '../../db/client.js';
import type { Clock } from '../../kernel/clock.js';
import { DomainError } from '../../kernel/errors.js';
import type { Vault } from '../../kernel/vault.js';
import { assertPublicUrl, guardedFetcher } from '../../kernel/outbound.js';
import type { Connector, ConnectorContext, PlatformSlug } from '../platforms/connector.js';
import { createConnector } from '../platforms/registry.js';
import type { TeamService } from '../team/service.js';
import { DEFAULT_SETTINGS, INSTANCE_PLATFORMS, checkAccountName, type AccountSettings, type AccountType, type WorkingCalendar } from './model.js';
import { presentAccount } from './presenters.js';
import { createAccountsStore, type AccountRow } from './store.js';

/** A reminder for people (the notify module, when wired); the reminders table is written either way. */
export type AccountsNotifier = (input: { workspaceId: string; userIds: string[]; title: string; body: string; link: string }) => Promise<void>;

export interface AccountsDeps {
  database: Database;
  clock: Clock;
  vault: Vault;
  team: TeamService;
  /** Public base URL of this server (OAuth redirect URIs). */
  baseUrl: string;
  notify?: AccountsNotifier;
  /** Tests swap the platform connectors; defaults to the platform registry. */
  connectors?: (slug: PlatformSlug, ctx: ConnectorContext) => Connector;
  fetch?: typeof fetch;
  /** Operator overrides of a platform's API host (CHORUS_PLATFORM_API_HOSTS; tests point connectors at contract servers). */
  platformHosts?: Record<string, string>;
}

export function createAccountsContext(deps: AccountsDeps) {
  const { database, clock, team } = deps;
  const db = database.db;
  const store = createAccountsStore();

  async function settingsOf(tx: DbOrTx, workspaceId: string): Promise<AccountSettings> {
    const s = await store.findSettings(tx, workspaceId);
    return s ? { ...DEFAULT_SETTINGS, ...s, naming: { ...DEFAULT_SETTINGS.naming, ...s.naming } } : DEFAULT_SETTINGS;
  }

  async function calendarOf(workspaceId: string): Promise<WorkingCalendar> {
    const w = await team.workspaceSettings(workspaceId);
    return { timeZone: w.timeZone, workingDays: w.workingHours.days.map((d) => d.weekday), holidays: w.holidays.map((h) => h.date) };
  }

  async function findOrFail(tx: DbOrTx, workspaceId: string, id: string, forUpdate = false) {
    const row = forUpdate ? await store.findAccountForUpdate(tx, workspaceId, id) : await store.findAccount(tx, workspaceId, id);
    if (!row) throw new DomainError('accounts.not_found');
    return row;
  }

  /** Every given user must be a member of the workspace (owner, operators, grantees). */
  async function requireMembers(tx: DbOrTx, workspaceId: string, userIds: string[], field: string) {
    const unique = [...new Set(userIds)];
    const found = await store.membersIn(tx, workspaceId, unique);
    if (found.length !== unique.length) throw new DomainError('accounts.not_a_member', { fields: { [field]: 'not a member of this workspace' } });
    return found;
  }

  function requireName(name: string, type: AccountType, settings: AccountSettings) {
    const v = checkAccountName(name, type, settings.naming);
    if (!v.ok) throw new DomainError('accounts.naming_violation', { message: v.message, fields: { displayName: v.message } });
  }

  async function present(tx: DbOrTx, row: AccountRow) {
    // One after another: inside a transaction these share one connection.
    const settings = await settingsOf(tx, row.workspaceId);
    const overdue = await store.accountsWithOverdueFilings(tx, row.workspaceId, clock.now());
    const owner = await team.store.findUserById(tx, row.ownerId);
    return presentAccount(row, owner?.name ?? null, clock.now(), settings, overdue.has(row.id));
  }

  function connectorOf(row: AccountRow, credentials: Record<string, unknown>, onTokens?: ConnectorContext['onTokens']): Connector {
    const make = deps.connectors ?? createConnector;
    // The API host: the account's instance for instance-type platforms, otherwise the connector's own (or the operator's override).
    const instance = INSTANCE_PLATFORMS.has(row.platform);
    const override = instance ? undefined : deps.platformHosts?.[row.platform];
    // Every request goes through the outbound policy; only a host the operator configured may be private.
    const f = deps.fetch ?? guardedFetcher({ timeoutMs: 300_000, maxBytes: 64 * 1024 * 1024, ...(override ? { allowPrivateHosts: true } : {}) });
    return make(row.platform as PlatformSlug, {
      credentials: {
        ...credentials,
        expiresAt: credentials.expiresAt ? new Date(String(credentials.expiresAt)) : undefined,
      },
      baseUrl: instance ? row.apiBaseUrl ?? undefined : override, fetch: f, clock, flags: row.flags, onTokens,
    });
  }

  /** An instance URL may be set only on instance-type platforms, and only to a host the outbound policy allows. */
  async function checkInstanceUrl(platform: string, url: string, field: string) {
    if (!INSTANCE_PLATFORMS.has(platform)) {
      throw new DomainError('accounts.instance_url_not_allowed', { message: `${platform} accounts use the platform's own API host`, fields: { [field]: 'only Mastodon and sandbox accounts take an instance URL' } });
    }
    return (await assertPublicUrl(url, { field })).toString().replace(/\/+$/, '');
  }

  const sealCredentials = (c: Record<string, unknown>) => deps.vault.encrypt(JSON.stringify(c));
  const openCredentials = (row: AccountRow): Record<string, unknown> => (row.credentials ? JSON.parse(deps.vault.decrypt(row.credentials)) : {});

  return {
    ...deps, db, store, settingsOf, calendarOf, findOrFail, requireMembers, requireName, present, connectorOf, checkInstanceUrl,
    sealCredentials, openCredentials,
  };
}

export type AccountsContext = ReturnType<typeof createAccountsContext>;
