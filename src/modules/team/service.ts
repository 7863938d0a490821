import { emitNowhere, type Emit } from '../../kernel/events.js';
import { createHash, randomBytes } from 'node:crypto';
import type { Database, DbOrTx } from '../../db/client.js';
import type { Clock } from '../../kernel/clock.js';
import { DomainError } from '../../kernel/errors.js';
import { newId, newSecret } from '../../kernel/ids.js';
import { dummyPasswordHash, hashPassword, verifyPassword } from '../../kernel/password.js';
import { createBackoff } from '../../kernel/rate-limiter.js';
import {
  DEFAULT_WORKING_HOURS, GENESIS_HASH, auditHash, canAssignRole, checkPasswordStrength, isPermission,
  permissionsOf, verifyAuditChain, type Permission, type Role, type WorkingHours,
} from './model.js';
import { createTeamStore, type ApiTokenRow, type UserRow, type WorkspaceRow } from './store.js';
import { createPrincipalCache } from './principal-cache.js';

export { SESSION_DAYS } from '../../kernel/http/session-cookies.js';
import { SESSION_DAYS } from '../../kernel/http/session-cookies.js';
/** How often a token's "last used" time is written at most. */
const LAST_USED_EVERY_MS = 60_000;
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Who is calling: a person through a session, or an API token bound to one workspace. */
export type { Actor, Principal } from '../../kernel/access.js';
import { isPersonalScope, type Actor, type Principal } from '../../kernel/access.js';

export interface AuditInput {
  action: string;
  targetType: string;
  targetId?: string | null;
  details?: Record<string, unknown>;
}

export function presentUser(u: UserRow) {
  return { id: u.id, email: u.email, name: u.name, locale: u.locale };
}

export function presentWorkspace(w: WorkspaceRow) {
  return {
    id: w.id, name: w.name, timeZone: w.timeZone, locale: w.locale,
    workingHours: w.workingHours as WorkingHours, holidays: w.holidays as Array<{ date: string; name: string }>,
  };
}

export function presentToken(t: ApiTokenRow) {
  return {
    id: t.id, name: t.name, scopes: t.scopes, createdAt: t.createdAt.toISOString(),
    expiresAt: t.expiresAt?.toISOString() ?? null, lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    revokedAt: t.revokedAt?.toISOString() ?? null,
  };
}

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return tz.length > 0;
  } catch {
    return false;
  }
}

export function createTeamService(deps: { database: Database; clock: Clock; principalCacheTtlMs?: number; emit?: Emit }) {
  const { database, clock } = deps;
  const db = database.db;
  const store = createTeamStore();
  const principals = createPrincipalCache<Principal, Role>({ ttlMs: deps.principalCacheTtlMs });

  async function record(tx: DbOrTx, actor: { userId: string | null; workspaceId: string }, entry: AuditInput) {
    await store.lockAuditChain(tx, actor.workspaceId);
    const last = await store.lastAuditEntry(tx, actor.workspaceId);
    const payload = {
      workspaceId: actor.workspaceId, seq: (last?.seq ?? 0) + 1, at: clock.now().toISOString(),
      actorId: actor.userId, action: entry.action, targetType: entry.targetType,
      targetId: entry.targetId ?? null, details: entry.details ?? {},
    };
    const prevHash = last?.hash ?? GENESIS_HASH;
    await store.insertAuditEntry(tx, { id: newId(), ...payload, at: new Date(payload.at), prevHash, hash: auditHash(prevHash, payload) });
  }

  function requirePasswordStrength(password: string, email: string) {
    const problem = checkPasswordStrength(password, email);
    if (problem) throw new DomainError('auth.weak_password', { fields: { password: problem } });
  }

  async function createUserWithWorkspace(tx: DbOrTx, input: { email: string; password: string; name: string; workspaceName: string; timeZone?: string }) {
    const userId = newId();
    await store.insertUser(tx, { id: userId, email: input.email, name: input.name, passwordHash: await hashPassword(input.password) });
    const workspaceId = newId();
    await store.insertWorkspace(tx, {
      id: workspaceId, name: input.workspaceName, timeZone: input.timeZone ?? 'Asia/Shanghai', workingHours: DEFAULT_WORKING_HOURS, holidays: [],
    });
    await store.insertMembership(tx, workspaceId, userId, 'owner');
    await record(tx, { userId, workspaceId }, { action: 'workspace.created', targetType: 'workspace', targetId: workspaceId, details: { name: input.workspaceName } });
    return { userId, workspaceId };
  }

  return {
    record,
    store,
    /** Brute force is slowed per address and per account (the same limits for unknown e-mails), per server instance. */
    /**
     * Failed sign-ins slow down the (IP, account) pair that failed, with growing delays, and an IP that
     * fails against many accounts; successes cost nothing. Knowing someone's e-mail locks nobody out.
     */
    loginThrottle: {
      byIpAccount: createBackoff({ free: 10, maxMs: 15 * 60_000, forgetMs: 60 * 60_000 }),
      byIp: createBackoff({ free: 30, maxMs: 15 * 60_000, forgetMs: 60 * 60_000 }),
    },

    /** CLI `admin create`: an owner, plus a workspace when none exists (otherwise joins the first/named one). */
    async adminCreate(input: { email: string; password: string; name?: string; workspaceName?: string }) {
      requirePasswordStrength(input.password, input.email);
      return db.transaction(async (tx) => {
        if (await store.findUserByEmail(tx, input.email)) throw new DomainError('admin.email_taken', { message: `a user with e-mail ${input.email} already exists` });
        const all = await store.listWorkspaces(tx);
        const named = input.workspaceName ? all.find((w) => w.name === input.workspaceName) : all[0];
        const name = input.name ?? input.email.split('@')[0]!;
        if (!named) {
          return createUserWithWorkspace(tx, { email: input.email, password: input.password, name, workspaceName: input.workspaceName ?? '我的工作区' });
        }
        const userId = newId();
        await store.insertUser(tx, { id: userId, email: input.email, name, passwordHash: await hashPassword(input.password) });
        await store.insertMembership(tx, named.id, userId, 'owner');
        await record(tx, { userId, workspaceId: named.id }, { action: 'members.added', targetType: 'user', targetId: userId, details: { role: 'owner', via: 'cli' } });
        return { userId, workspaceId: named.id };
      });
    },

    async login(email: string, password: string) {
      const user = await store.findUserByEmail(db, email);
      // Compare against a dummy hash for unknown e-mails so both answers take as long.
      const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
      if (!user || !ok) throw new DomainError('auth.invalid_credentials', { message: 'wrong e-mail or password' });
      const token = `cs_${newSecret(32)}`;
      const csrfToken = randomBytes(18).toString('base64url');
      await store.insertSession(db, {
        tokenHash: sha256(token), userId: user.id, csrfToken,
        expiresAt: new Date(clock.now().getTime() + SESSION_DAYS * 86_400_000),
      });
      return { token, csrfToken, user: presentUser(user) };
    },

    async logout(principal: Principal) {
      if (!principal.sessionHash) return;
      await store.deleteSession(db, principal.sessionHash);
      principals.forgetCredential(principal.sessionHash);
    },

    /** Resolves a bearer or cookie token to a principal, or null. Reads never write: see `lastUsedEvery`. */
    async authenticate(token: string): Promise<Principal | null> {
      const hash = sha256(token);
      const cached = principals.credential(hash);
      if (cached) return cached;
      if (token.startsWith('ct_')) {
        const row = await store.findApiTokenByHash(db, hash);
        const now = clock.now();
        if (!row || (row.expiresAt && row.expiresAt <= now)) return null;
        // "Last used" is kept to the minute: a token read a thousand times a second writes once a minute.
        if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_EVERY_MS) await store.touchApiToken(db, row.id, now);
        const principal: Principal = { userId: row.userId, via: 'token', tokenWorkspaceId: row.workspaceId, scopes: row.scopes };
        principals.rememberCredential(hash, row.userId, principal, row.expiresAt ? Date.now() + (row.expiresAt.getTime() - now.getTime()) : null);
        return principal;
      }
      const session = await store.findSession(db, hash, clock.now());
      if (!session) return null;
      const principal: Principal = { userId: session.userId, via: 'session', sessionHash: hash, csrfToken: session.csrfToken };
      principals.rememberCredential(hash, session.userId, principal, Date.now() + (session.expiresAt.getTime() - clock.now().getTime()));
      return principal;
    },

    /** The role a principal holds in a workspace, or null when it is none of theirs. */
    async roleIn(principal: Principal, workspaceId: string): Promise<Role | null> {
      if (principal.tokenWorkspaceId && principal.tokenWorkspaceId !== workspaceId) return null;
      const cached = principals.role(principal.userId, workspaceId);
      if (cached) return cached;
      const m = await store.findMembership(db, workspaceId, principal.userId);
      const role = (m?.role as Role | undefined) ?? null;
      if (role) principals.rememberRole(principal.userId, workspaceId, role);
      return role;
    },

    async me(principal: Principal) {
      const user = await store.findUserById(db, principal.userId);
      if (!user) throw new DomainError('auth.session_expired');
      const rows = await store.listMembershipsOfUser(db, principal.userId);
      const workspaces = rows
        .filter((r) => !principal.tokenWorkspaceId || r.workspace.id === principal.tokenWorkspaceId)
        .map((r) => ({
          ...presentWorkspace(r.workspace), role: r.role as Role,
          permissions: permissionsOf(r.role as Role).filter((p) => !principal.scopes || principal.scopes.includes(p)),
        }));
      return { user: presentUser(user), workspaces };
    },

    async updateProfile(principal: Principal, patch: { name?: string; locale?: string }) {
      const user = await store.updateUser(db, principal.userId, patch);
      return { user: presentUser(user!) };
    },

    async changePassword(principal: Principal, currentPassword: string, newPassword: string) {
      const user = await store.findUserById(db, principal.userId);
      if (!user || !(await verifyPassword(currentPassword, user.passwordHash))) {
        throw new DomainError('auth.wrong_password', { fields: { currentPassword: 'does not match' } });
      }
      requirePasswordStrength(newPassword, user.email);
      const passwordHash = await hashPassword(newPassword);
      await db.transaction(async (tx) => {
        await store.updateUser(tx, user.id, { passwordHash });
        await store.deleteSessionsOfUser(tx, user.id);
        principals.forgetUser(user.id);
        for (const m of await store.listMembershipsOfUser(tx, user.id)) {
          await record(tx, { userId: user.id, workspaceId: m.workspace.id }, { action: 'user.password_changed', targetType: 'user', targetId: user.id });
        }
      });
    },

    async createWorkspace(principal: Principal, input: { name: string; timeZone?: string; locale?: string }) {
      if (input.timeZone && !isValidTimeZone(input.timeZone)) throw new DomainError('workspace.invalid_time_zone', { fields: { timeZone: 'unknown IANA time zone' } });
      return db.transaction(async (tx) => {
        const id = newId();
        await store.insertWorkspace(tx, { id, name: input.name, timeZone: input.timeZone ?? 'Asia/Shanghai', locale: input.locale ?? 'zh-CN', workingHours: DEFAULT_WORKING_HOURS, holidays: [] });
        await store.insertMembership(tx, id, principal.userId, 'owner');
        await record(tx, { userId: principal.userId, workspaceId: id }, { action: 'workspace.created', targetType: 'workspace', targetId: id, details: { name: input.name } });
        return { workspace: presentWorkspace((await store.findWorkspace(tx, id))!) };
      });
    },

    async getWorkspace(actor: Actor) {
      const w = await store.findWorkspace(db, actor.workspaceId);
      if (!w) throw new DomainError('workspace.not_found');
      return { workspace: presentWorkspace(w) };
    },

    /**
     * For other modules: the workspace's time zone and working hours. Pass your transaction when inside one
     * (PGlite has one connection: a read outside the open transaction would wait for it forever).
     */
    async workspaceSettings(workspaceId: string, handle: DbOrTx = db) {
      const w = await store.findWorkspace(handle, workspaceId);
      if (!w) throw new DomainError('workspace.not_found');
      return presentWorkspace(w);
    },

    async updateWorkspace(actor: Actor, patch: { name?: string; timeZone?: string; locale?: string; workingHours?: WorkingHours; holidays?: Array<{ date: string; name: string }> }) {
      if (patch.timeZone && !isValidTimeZone(patch.timeZone)) throw new DomainError('workspace.invalid_time_zone', { fields: { timeZone: 'unknown IANA time zone' } });
      return db.transaction(async (tx) => {
        const w = await store.updateWorkspace(tx, actor.workspaceId, patch);
        if (!w) throw new DomainError('workspace.not_found');
        await record(tx, actor, { action: 'workspace.updated', targetType: 'workspace', targetId: w.id, details: { fields: Object.keys(patch) } });
        return { workspace: presentWorkspace(w) };
      });
    },

    async listMembers(actor: Actor) {
      const rows = await store.listMembers(db, actor.workspaceId);
      return { items: rows.map((r) => ({ ...r, role: r.role as Role, joinedAt: r.joinedAt.toISOString() })) };
    },

    /** Adds a person; a new user gets a one-time temporary password to hand over. */
    async inviteMember(actor: Actor, input: { email: string; name: string; role: Role }) {
      if (!canAssignRole(actor.role, null, input.role)) throw new DomainError('members.role_not_allowed');
      return db.transaction(async (tx) => {
        let user = await store.findUserByEmail(tx, input.email);
        let temporaryPassword: string | undefined;
        if (!user) {
          temporaryPassword = `${newSecret(9)}-Aa1`;
          const id = newId();
          await store.insertUser(tx, { id, email: input.email, name: input.name, passwordHash: await hashPassword(temporaryPassword) });
          user = (await store.findUserById(tx, id))!;
        } else if (await store.findMembership(tx, actor.workspaceId, user.id)) {
          throw new DomainError('members.already_member', { fields: { email: 'already a member' } });
        }
        await store.insertMembership(tx, actor.workspaceId, user.id, input.role);
        await record(tx, actor, { action: 'members.added', targetType: 'user', targetId: user.id, details: { email: user.email, role: input.role } });
        const member = { userId: user.id, email: user.email, name: user.name, role: input.role, joinedAt: clock.now().toISOString() };
        return temporaryPassword ? { member, temporaryPassword } : { member };
      });
    },

    async changeRole(actor: Actor, userId: string, role: Role) {
      return db.transaction(async (tx) => {
        const m = await store.findMembership(tx, actor.workspaceId, userId);
        if (!m) throw new DomainError('members.not_found');
        if (!canAssignRole(actor.role, m.role as Role, role)) throw new DomainError('members.role_not_allowed');
        if (m.role === 'owner' && role !== 'owner' && (await store.countOwners(tx, actor.workspaceId)) <= 1) throw new DomainError('members.last_owner');
        await store.updateMembershipRole(tx, actor.workspaceId, userId, role);
        principals.forgetUser(userId);
        await record(tx, actor, { action: 'members.role_changed', targetType: 'user', targetId: userId, details: { from: m.role, to: role } });
        const member = (await store.listMembers(tx, actor.workspaceId)).find((r) => r.userId === userId)!;
        return { member: { ...member, role: member.role as Role, joinedAt: member.joinedAt.toISOString() } };
      });
    },

    async removeMember(actor: Actor, userId: string) {
      await db.transaction(async (tx) => {
        const m = await store.findMembership(tx, actor.workspaceId, userId);
        if (!m) throw new DomainError('members.not_found');
        if (!canAssignRole(actor.role, m.role as Role, null)) throw new DomainError('members.role_not_allowed');
        if (m.role === 'owner' && (await store.countOwners(tx, actor.workspaceId)) <= 1) throw new DomainError('members.last_owner');
        await store.deleteMembership(tx, actor.workspaceId, userId);
        principals.forgetUser(userId);
        await record(tx, actor, { action: 'members.removed', targetType: 'user', targetId: userId, details: { role: m.role } });
        // Schedules, reviews, grants and notification preferences let go of them through their subscribers.
        await (deps.emit ?? emitNowhere)(tx, 'member.removed', { workspaceId: actor.workspaceId, userId, role: m.role, removedBy: actor.userId });
      });
    },

    async listTokens(actor: Actor) {
      return { items: (await store.listApiTokens(db, actor.workspaceId)).map(presentToken) };
    },

    /** The secret is returned once; only its hash is kept. Scopes cannot exceed the creator's role. */
    async createToken(actor: Actor, input: { name: string; scopes: string[]; expiresAt?: string }) {
      // A token mints only what its owner's role grants and it holds itself; a session, what the role grants.
      const held = (s: string) => actor.via !== 'token' || (actor.scopes ?? []).includes(s);
      const allowed = (s: string) => held(s) && (isPersonalScope(s) || (isPermission(s) && permissionsOf(actor.role).includes(s as Permission)));
      const bad = input.scopes.find((s) => !allowed(s));
      if (bad) throw new DomainError('tokens.scope_not_allowed', { fields: { scopes: `not allowed: ${bad}` } });
      if (input.expiresAt && new Date(input.expiresAt) <= clock.now()) {
        throw new DomainError('validation_failed', { message: 'expiresAt is in the past', fields: { expiresAt: 'must be in the future' } });
      }
      const secret = `ct_${newSecret(32)}`;
      return db.transaction(async (tx) => {
        const row = await store.insertApiToken(tx, {
          id: newId(), workspaceId: actor.workspaceId, userId: actor.userId, name: input.name,
          tokenHash: sha256(secret), scopes: input.scopes, expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
        });
        await record(tx, actor, { action: 'tokens.created', targetType: 'api_token', targetId: row.id, details: { name: input.name, scopes: input.scopes } });
        return { token: presentToken(row), secret };
      });
    },

    async revokeToken(actor: Actor, tokenId: string) {
      await db.transaction(async (tx) => {
        const row = await store.revokeApiToken(tx, actor.workspaceId, tokenId, clock.now());
        if (!row) throw new DomainError('tokens.not_found');
        principals.forgetCredential(row.tokenHash);
        await record(tx, actor, { action: 'tokens.revoked', targetType: 'api_token', targetId: tokenId, details: { name: row.name } });
      });
    },

    async listAudit(actor: Actor, f: { action?: string; actorId?: string; from?: string; to?: string; cursor?: string; limit?: number }) {
      const limit = f.limit ?? 50;
      const rows = await store.listAudit(db, actor.workspaceId, {
        action: f.action, actorId: f.actorId, from: f.from ? new Date(f.from) : undefined, to: f.to ? new Date(f.to) : undefined,
        beforeSeq: f.cursor ? Number(f.cursor) : undefined, limit: limit + 1,
      });
      const page = rows.slice(0, limit);
      return {
        items: page.map(({ entry: e, actorName }) => ({
          id: e.id, seq: e.seq, at: e.at.toISOString(), actor: e.actorId ? { id: e.actorId, name: actorName ?? '' } : null,
          action: e.action, targetType: e.targetType, targetId: e.targetId, details: e.details as Record<string, unknown>,
        })),
        nextCursor: rows.length > limit ? String(page.at(-1)!.entry.seq) : null,
      };
    },

    async verifyAudit(workspaceId: string) {
      const rows = await store.listAuditChain(db, workspaceId);
      const result = verifyAuditChain(rows.map((r) => ({
        workspaceId: r.workspaceId, seq: r.seq, at: r.at.toISOString(), actorId: r.actorId, action: r.action,
        targetType: r.targetType, targetId: r.targetId, details: r.details, prevHash: r.prevHash, hash: r.hash,
      })));
      return result.ok ? { ok: true, checked: result.checked } : { ok: false, checked: result.checked, brokenAt: String(result.brokenAt) };
    },

    async listAllWorkspaces() {
      return (await store.listWorkspaces(db)).map(presentWorkspace);
    },
  };
}

export type TeamService = ReturnType<typeof createTeamService>;
