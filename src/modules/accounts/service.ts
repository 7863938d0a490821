import type { z } from 'zod';
import { actorCan } from '../../kernel/access.js';
import { DomainError } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import type { Actor } from '../team/service.js';
import { createAccountsContext, type AccountsDeps } from './context.js';
import { createConnectionOps } from './connection.js';
import { createFilingOps } from './filings.js';
import {
  addWorkingDays, canTransition, isHandover, mayActOn, refilingChanges, safeRegExp,
  type AccountSettings, type AccountStatus, type AccountType, type GrantAction, type Platform,
} from './model.js';
import { presentAccount, presentGrant, presentMatrixRow, presentReminder } from './presenters.js';
import type { createAccountBody, updateAccountBody } from './schema.js';

export { FILINGS_REMIND_JOB } from './filings.js';

type CreateInput = z.infer<typeof createAccountBody>;
type UpdateInput = z.infer<typeof updateAccountBody>;

export function createAccountsService(deps: AccountsDeps) {
  const ctx = createAccountsContext(deps);
  const { db, store, clock, team } = ctx;
  const filings = createFilingOps(ctx);
  const connection = createConnectionOps(ctx);

  async function transition(actor: Actor, accountId: string, to: AccountStatus, action: string) {
    return db.transaction(async (tx) => {
      const a = await ctx.findOrFail(tx, actor.workspaceId, accountId, true);
      if (!canTransition(a.status as AccountStatus, to)) throw new DomainError('accounts.invalid_transition', { message: `cannot go from ${a.status} to ${to}` });
      const row = await store.updateAccount(tx, actor.workspaceId, a.id, { status: to, updatedAt: clock.now() });
      await team.record(tx, actor, { action, targetType: 'account', targetId: a.id, details: { from: a.status, to } });
      return { account: await ctx.present(tx, row) };
    });
  }

  async function list(actor: Actor, f: { status?: AccountStatus; platform?: Platform }) {
    const [rows, settings, overdue] = await Promise.all([
      store.listAccounts(db, actor.workspaceId, f), ctx.settingsOf(db, actor.workspaceId), store.accountsWithOverdueFilings(db, actor.workspaceId, clock.now()),
    ]);
    return { items: rows.map((r) => presentAccount(r.account, r.ownerName, clock.now(), settings, overdue.has(r.account.id))) };
  }

  return {
    ...filings,
    ...connection,

    /** `member.removed`: their per-account grants go; idempotent (a second delivery finds none). */
    async forgetMember(workspaceId: string, userId: string, removedBy: string) {
      await ctx.db.transaction(async (tx) => {
        const n = await ctx.store.deleteGrantsOf(tx, workspaceId, userId);
        if (n > 0) await ctx.team.record(tx, { userId: removedBy, workspaceId }, { action: 'accounts.grants_revoked', targetType: 'user', targetId: userId, details: { grants: n, reason: 'member removed' } });
      });
    },

    /** Registers an account in status `filing` together with its initial filing (报备表). */
    async create(actor: Actor, input: CreateInput) {
      // Where the credentials will be sent is for those who manage credentials (checked before the transaction: a DNS look-up).
      if (input.apiBaseUrl !== undefined) {
        if (!actorCan(actor, 'accounts.manage')) throw new DomainError('forbidden', { message: 'setting an instance URL needs accounts.manage', fields: { apiBaseUrl: 'needs accounts.manage' } });
        input = { ...input, apiBaseUrl: await ctx.checkInstanceUrl(input.platform, input.apiBaseUrl, 'apiBaseUrl') };
      }
      return db.transaction(async (tx) => {
        const settings = await ctx.settingsOf(tx, actor.workspaceId);
        ctx.requireName(input.displayName, input.type, settings);
        const ownerId = input.ownerId ?? actor.userId;
        await ctx.requireMembers(tx, actor.workspaceId, [ownerId], 'ownerId');
        await ctx.requireMembers(tx, actor.workspaceId, input.filing.operators, 'filing.operators');
        if (await store.findAccountByHandle(tx, actor.workspaceId, input.platform, input.handle)) {
          throw new DomainError('accounts.handle_taken', { fields: { handle: 'already in the matrix' } });
        }
        const now = clock.now();
        const { filing: form, ownerId: _o, ...fields } = input;
        const row = await store.insertAccount(tx, {
          ...fields, id: newId(), workspaceId: actor.workspaceId, ownerId, status: 'filing', createdBy: actor.userId, createdAt: now, updatedAt: now,
        });
        await team.record(tx, actor, { action: 'accounts.created', targetType: 'account', targetId: row.id, details: { platform: row.platform, type: row.type, name: row.displayName } });
        const filing = await filings.submitInitial(tx, actor, row, form, settings);
        return { account: await ctx.present(tx, row), filing };
      });
    },

    list,

    async get(actor: Actor, accountId: string) {
      return { account: await ctx.present(db, await ctx.findOrFail(db, actor.workspaceId, accountId)) };
    },

    /** The matrix overview: per account its platform, type, owner, status, health flags and cadence. */
    async matrix(actor: Actor) {
      const { items } = await list(actor, {});
      const rows = items.map(presentMatrixRow);
      const count = (key: (r: (typeof rows)[number]) => string) =>
        rows.reduce<Record<string, number>>((acc, r) => ({ ...acc, [key(r)]: (acc[key(r)] ?? 0) + 1 }), {});
      return {
        items: rows,
        summary: { total: rows.length, byStatus: count((r) => r.status), byPlatform: count((r) => r.platform), withIssues: rows.filter((r) => r.health.length > 0).length },
      };
    },

    /**
     * Profile fields change at once. A change of name, function or owner is filed again and applied when
     * approved (while the first filing is still open, it updates that filing's form and restarts its approvals).
     */
    async update(actor: Actor, accountId: string, input: UpdateInput) {
      // Read before the transaction: PGlite has one connection, a query outside an open transaction would wait on it.
      const calendar = input.ownerId ? await ctx.calendarOf(actor.workspaceId) : null;
      return db.transaction(async (tx) => {
        const a = await ctx.findOrFail(tx, actor.workspaceId, accountId, true);
        if (a.status === 'retired') throw new DomainError('accounts.invalid_transition', { message: 'a retired account cannot be changed' });
        const settings = await ctx.settingsOf(tx, actor.workspaceId);
        const { reason, displayName, function: fn, ownerId, apiBaseUrl: _instanceUrl, ...direct } = input;
        const changes = refilingChanges({ displayName: a.displayName, function: a.function, ownerId: a.ownerId }, { displayName, function: fn, ownerId });
        if (changes.ownerId) await ctx.requireMembers(tx, actor.workspaceId, [changes.ownerId.to], 'ownerId');
        const type = (direct.type ?? a.type) as AccountType;
        if (changes.displayName || direct.type) ctx.requireName(changes.displayName?.to ?? a.displayName, type, settings);
        if (direct.handle && direct.handle !== a.handle && (await store.findAccountByHandle(tx, actor.workspaceId, a.platform, direct.handle))) {
          throw new DomainError('accounts.handle_taken', { fields: { handle: 'already in the matrix' } });
        }
        const now = clock.now();
        let row = Object.keys(direct).length ? await store.updateAccount(tx, actor.workspaceId, a.id, { ...direct, updatedAt: now }) : a;
        if (Object.keys(direct).length) {
          await team.record(tx, actor, { action: 'accounts.updated', targetType: 'account', targetId: a.id, details: { fields: Object.keys(direct) } });
        }
        let filing = null;
        if (Object.keys(changes).length) {
          const pending = await store.findPendingFiling(tx, actor.workspaceId, a.id);
          if (a.status === 'filing' && pending?.kind === 'initial') {
            row = await store.updateAccount(tx, actor.workspaceId, a.id, {
              ...(changes.displayName && { displayName: changes.displayName.to }), ...(changes.function && { function: changes.function.to }),
              ...(changes.ownerId && { ownerId: changes.ownerId.to }), updatedAt: now,
            });
            filing = await filings.restartInitial(tx, actor, pending, row, settings);
          } else {
            if (pending) throw new DomainError('accounts.filing_pending', { message: 'a filing for this account is still open' });
            const dueAt = isHandover(changes) && calendar ? addWorkingDays(now, settings.reportWorkingDays, calendar) : null;
            filing = await filings.submitRefiling(tx, actor, row, changes, reason ?? '', dueAt, settings);
          }
        }
        return { account: await ctx.present(tx, row), filing };
      });
    },

    pause: (actor: Actor, accountId: string) => transition(actor, accountId, 'paused', 'accounts.paused'),
    resume: (actor: Actor, accountId: string) => transition(actor, accountId, 'active', 'accounts.resumed'),

    /** Retires the account (credentials are wiped) and opens a retirement report due in N working days. */
    async retire(actor: Actor, accountId: string, reason: string) {
      const calendar = await ctx.calendarOf(actor.workspaceId);
      return db.transaction(async (tx) => {
        const a = await ctx.findOrFail(tx, actor.workspaceId, accountId, true);
        if (!canTransition(a.status as AccountStatus, 'retired')) throw new DomainError('accounts.invalid_transition', { message: 'already retired' });
        const now = clock.now();
        const settings = await ctx.settingsOf(tx, actor.workspaceId);
        const pending = await store.findPendingFiling(tx, actor.workspaceId, a.id);
        if (pending) await filings.withdraw(tx, actor, pending, `retired: ${reason}`);
        const row = await store.updateAccount(tx, actor.workspaceId, a.id, {
          status: 'retired', retiredAt: now, updatedAt: now, credentials: null, connectedAt: null, tokenExpiresAt: null,
        });
        await team.record(tx, actor, { action: 'accounts.retired', targetType: 'account', targetId: a.id, details: { from: a.status, reason } });
        let filing = null;
        if (a.activatedAt) {
          const dueAt = addWorkingDays(now, settings.reportWorkingDays, calendar);
          filing = await filings.submitRetirement(tx, actor, row, reason, dueAt, settings);
        }
        return { account: await ctx.present(tx, row), filing };
      });
    },

    /** Records a periodic account security check (password, bound phone, logged-in devices, admins). */
    async recordSecurityCheck(actor: Actor, accountId: string, note?: string) {
      return db.transaction(async (tx) => {
        const a = await ctx.findOrFail(tx, actor.workspaceId, accountId, true);
        if (a.status === 'retired') throw new DomainError('accounts.invalid_transition', { message: 'the account is retired' });
        const row = await store.updateAccount(tx, actor.workspaceId, a.id, { lastSecurityCheckAt: clock.now() });
        await team.record(tx, actor, { action: 'accounts.security_checked', targetType: 'account', targetId: a.id, details: { note: note ?? null } });
        return { account: await ctx.present(tx, row) };
      });
    },

    async listGrants(actor: Actor, accountId: string) {
      await ctx.findOrFail(db, actor.workspaceId, accountId);
      return { items: (await store.listGrants(db, actor.workspaceId, accountId)).map((r) => presentGrant(r.grant, r.userName)) };
    },

    async setGrant(actor: Actor, accountId: string, userId: string, actions: GrantAction[]) {
      return db.transaction(async (tx) => {
        await ctx.findOrFail(tx, actor.workspaceId, accountId, true);
        await ctx.requireMembers(tx, actor.workspaceId, [userId], 'userId');
        const unique = [...new Set(actions)];
        await store.upsertGrant(tx, { accountId, userId, workspaceId: actor.workspaceId, actions: unique, grantedBy: actor.userId, createdAt: clock.now() });
        await team.record(tx, actor, { action: 'accounts.grant_set', targetType: 'account', targetId: accountId, details: { userId, actions: unique } });
        const g = (await store.listGrants(tx, actor.workspaceId, accountId)).find((r) => r.grant.userId === userId)!;
        return { grant: presentGrant(g.grant, g.userName) };
      });
    },

    async removeGrant(actor: Actor, accountId: string, userId: string) {
      await db.transaction(async (tx) => {
        await ctx.findOrFail(tx, actor.workspaceId, accountId, true);
        if (!(await store.deleteGrant(tx, actor.workspaceId, accountId, userId))) throw new DomainError('accounts.not_found', { message: 'no such grant' });
        await team.record(tx, actor, { action: 'accounts.grant_removed', targetType: 'account', targetId: accountId, details: { userId } });
      });
    },

    /**
     * For other modules: may this actor draft, publish or reply for this account? Owner/manager roles and
     * the account's owner always may (publishing needs an active account); others need a grant.
     */
    async canActOn(actor: Pick<Actor, 'workspaceId' | 'userId' | 'role'>, accountId: string, action: GrantAction): Promise<boolean> {
      const a = await store.findAccount(db, actor.workspaceId, accountId);
      if (!a) return false;
      const grant = await store.findGrant(db, actor.workspaceId, accountId, actor.userId);
      return mayActOn(actor, { ownerId: a.ownerId, status: a.status as AccountStatus }, grant?.actions ?? [], action);
    },

    async getSettings(actor: Actor) {
      return { settings: await ctx.settingsOf(db, actor.workspaceId) };
    },

    async updateSettings(actor: Actor, settings: AccountSettings) {
      if (settings.naming.pattern && !safeRegExp(settings.naming.pattern)) {
        throw new DomainError('accounts.invalid_settings', { fields: { 'naming.pattern': 'not a valid regular expression' } });
      }
      const clean = { ...settings, approverRoles: [...new Set(settings.approverRoles)] };
      return db.transaction(async (tx) => {
        await store.upsertSettings(tx, actor.workspaceId, clean, actor.userId, clock.now());
        await team.record(tx, actor, { action: 'accounts.settings_updated', targetType: 'workspace', targetId: actor.workspaceId, details: { approverRoles: clean.approverRoles } });
        return { settings: clean };
      });
    },

    async listReminders(actor: Actor, limit = 100) {
      return { items: (await store.listReminders(db, actor.workspaceId, limit)).map(presentReminder) };
    },
  };
}

export type AccountsService = ReturnType<typeof createAccountsService>;
