/** The filing (报备) workflow: initial filings, re-filings of name/function/owner, retirement reports. */
import { DateTime } from 'luxon';
import type { DbOrTx } from '../../db/client.js';
import { DomainError } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import { can, type Role } from '../team/model.js';
import type { Actor } from '../team/service.js';
import type { AccountsContext } from './context.js';
import {
  filingComplete, isFilingOverdue,
  type AccountSettings, type AccountType, type FilingForm, type FilingStatus, type Platform, type RefilingField,
} from './model.js';
import { presentFiling } from './presenters.js';
import type { AccountRow, FilingRow } from './store.js';

export const FILINGS_REMIND_JOB = 'accounts.filings_remind';

type FormInput = { purpose: string; operators: string[]; verificationPlan: string };
type Changes = Partial<Record<RefilingField, { from: string; to: string }>>;

const formOf = (a: AccountRow, f: FormInput): FilingForm => ({
  purpose: f.purpose, name: a.displayName, function: a.function, ownerId: a.ownerId, operators: f.operators,
  platform: a.platform as Platform, verificationPlan: f.verificationPlan,
});

export function createFilingOps(ctx: AccountsContext) {
  const { db, store, clock, team } = ctx;

  async function open(tx: DbOrTx, actor: Actor, a: AccountRow, row: Omit<Parameters<typeof store.insertFiling>[1], 'id' | 'workspaceId' | 'accountId' | 'status' | 'createdBy' | 'createdAt'>) {
    const filing = await store.insertFiling(tx, {
      ...row, id: newId(), workspaceId: a.workspaceId, accountId: a.id, status: 'pending', createdBy: actor.userId, createdAt: clock.now(),
    });
    await team.record(tx, actor, {
      action: 'accounts.filing_submitted', targetType: 'account_filing', targetId: filing.id,
      details: { accountId: a.id, kind: filing.kind, changes: filing.changes, dueAt: filing.dueAt?.toISOString() ?? null },
    });
    return presentFiling(filing, a.displayName, a.platform, clock.now());
  }

  async function findFilingOrFail(tx: DbOrTx, workspaceId: string, id: string) {
    const f = await store.findFilingForUpdate(tx, workspaceId, id);
    if (!f) throw new DomainError('accounts.filing_not_found');
    return f;
  }

  /**
   * The roles the actor decides for: their own, if required; and, for the owner, every required role
   * that no other member may approve (单人自审: a one-person team registers and activates alone).
   */
  function rolesDecided(actor: Actor, f: FilingRow, others: Array<{ userId: string; role: Role }>): { roles: Role[]; standIn: Role[] } {
    if (f.status !== 'pending') throw new DomainError('accounts.filing_closed', { message: `the filing is ${f.status}` });
    const own = f.requiredRoles.includes(actor.role) ? [actor.role] : [];
    const standIn = actor.role !== 'owner' ? [] : (f.requiredRoles as Role[]).filter((r) => r !== actor.role
      && !others.some((m) => m.userId !== actor.userId && m.role === r && can(m.role, 'accounts.approve_filing')));
    if (own.length === 0 && standIn.length === 0) {
      throw new DomainError('accounts.not_an_approver', { message: `approvers are: ${f.requiredRoles.join(', ')}` });
    }
    return { roles: [...own, ...standIn] as Role[], standIn };
  }

  const othersOf = async (workspaceId: string) => (await team.listMembers({ workspaceId } as Actor)).items;

  /** Applies a completed filing to its account. */
  async function complete(tx: DbOrTx, f: FilingRow, a: AccountRow) {
    const now = clock.now();
    if (f.kind === 'initial') return store.updateAccount(tx, a.workspaceId, a.id, { status: 'active', activatedAt: a.activatedAt ?? now, updatedAt: now });
    if (f.kind === 'refiling') {
      const c = f.changes as Changes;
      return store.updateAccount(tx, a.workspaceId, a.id, {
        ...(c.displayName && { displayName: c.displayName.to }), ...(c.function && { function: c.function.to }),
        ...(c.ownerId && { ownerId: c.ownerId.to }), updatedAt: now,
      });
    }
    return a;
  }

  return {
    submitInitial: (tx: DbOrTx, actor: Actor, a: AccountRow, form: FormInput, s: AccountSettings) =>
      open(tx, actor, a, { kind: 'initial', form: formOf(a, form), changes: {}, requiredRoles: s.approverRoles, dueAt: null }),

    submitRefiling: (tx: DbOrTx, actor: Actor, a: AccountRow, changes: Changes, reason: string, dueAt: Date | null, s: AccountSettings) => {
      const name = changes.displayName?.to ?? a.displayName;
      const form: FilingForm = {
        ...formOf(a, { purpose: reason, operators: [], verificationPlan: '' }), name,
        function: changes.function?.to ?? a.function, ownerId: changes.ownerId?.to ?? a.ownerId,
      };
      return open(tx, actor, a, { kind: 'refiling', form, changes, requiredRoles: s.approverRoles, dueAt });
    },

    submitRetirement: (tx: DbOrTx, actor: Actor, a: AccountRow, reason: string, dueAt: Date, s: AccountSettings) =>
      open(tx, actor, a, { kind: 'retirement', form: formOf(a, { purpose: reason, operators: [], verificationPlan: '' }), changes: {}, requiredRoles: s.approverRoles, dueAt }),

    /** The initial filing's form changed before it was approved: new form, approvals start over. */
    async restartInitial(tx: DbOrTx, actor: Actor, f: FilingRow, a: AccountRow, s: AccountSettings) {
      const form = { ...f.form, name: a.displayName, function: a.function, ownerId: a.ownerId };
      const row = await store.updateFiling(tx, a.workspaceId, f.id, { form, approvals: [], requiredRoles: s.approverRoles });
      await team.record(tx, actor, { action: 'accounts.filing_restarted', targetType: 'account_filing', targetId: f.id, details: { accountId: a.id } });
      return presentFiling(row, a.displayName, a.platform, clock.now());
    },

    async withdraw(tx: DbOrTx, actor: Actor, f: FilingRow, reason: string) {
      await store.updateFiling(tx, f.workspaceId, f.id, { status: 'rejected', decidedAt: clock.now(), rejectedBy: actor.userId, rejectionReason: reason });
      await team.record(tx, actor, { action: 'accounts.filing_withdrawn', targetType: 'account_filing', targetId: f.id, details: { reason } });
    },

    /** After a rejection: file the account again (status still `filing`). */
    async resubmit(actor: Actor, accountId: string, form: FormInput) {
      return db.transaction(async (tx) => {
        const a = await ctx.findOrFail(tx, actor.workspaceId, accountId, true);
        if (a.status !== 'filing') throw new DomainError('accounts.invalid_transition', { message: 'only an account in filing is filed again this way' });
        if (await store.findPendingFiling(tx, actor.workspaceId, a.id)) throw new DomainError('accounts.filing_pending');
        const settings = await ctx.settingsOf(tx, actor.workspaceId);
        ctx.requireName(a.displayName, a.type as AccountType, settings);
        await ctx.requireMembers(tx, actor.workspaceId, form.operators, 'operators');
        const filing = await open(tx, actor, a, { kind: 'initial', form: formOf(a, form), changes: {}, requiredRoles: settings.approverRoles, dueAt: null });
        return { filing, account: await ctx.present(tx, a) };
      });
    },

    async listFilings(actor: Actor, q: { status?: FilingStatus; accountId?: string; overdue?: 'true' | 'false'; limit?: number }) {
      const now = clock.now();
      const rows = await store.listFilings(db, actor.workspaceId, { status: q.overdue === 'true' ? 'pending' : q.status, accountId: q.accountId, limit: q.limit ?? 100 });
      const items = rows.map((r) => presentFiling(r.filing, r.accountName, r.platform, now));
      return { items: q.overdue === undefined ? items : items.filter((f) => f.overdue === (q.overdue === 'true')) };
    },

    async getFiling(actor: Actor, filingId: string) {
      const f = await store.findFiling(db, actor.workspaceId, filingId);
      if (!f) throw new DomainError('accounts.filing_not_found');
      const a = await ctx.findOrFail(db, actor.workspaceId, f.accountId);
      return { filing: presentFiling(f, a.displayName, a.platform, clock.now()), account: await ctx.present(db, a) };
    },

    /**
     * One approval per configured role (the roles frozen when the filing was opened). The naming policy is
     * checked again, so a name that breaks the rule cannot pass. The last approval applies the filing.
     */
    async approve(actor: Actor, filingId: string, note?: string) {
      const members = await othersOf(actor.workspaceId);
      return db.transaction(async (tx) => {
        const f = await findFilingOrFail(tx, actor.workspaceId, filingId);
        const decided = rolesDecided(actor, f, members);
        const roles = decided.roles.filter((r) => !f.approvals.some((x) => x.role === r));
        if (roles.length === 0) throw new DomainError('accounts.already_approved', { message: `${actor.role} has already approved` });
        const a = await ctx.findOrFail(tx, actor.workspaceId, f.accountId, true);
        if (f.kind !== 'retirement') ctx.requireName(f.form.name, a.type as AccountType, await ctx.settingsOf(tx, actor.workspaceId));
        const at = clock.now().toISOString();
        const approvals = [...f.approvals, ...roles.map((role) => ({ role, userId: actor.userId, at, note: note ?? null }))];
        const done = filingComplete(f.requiredRoles, approvals);
        const row = await store.updateFiling(tx, actor.workspaceId, f.id, { approvals, ...(done && { status: 'approved', decidedAt: clock.now() }) });
        const standIn = decided.standIn.filter((r) => roles.includes(r));
        await team.record(tx, actor, {
          action: 'accounts.filing_approved', targetType: 'account_filing', targetId: f.id,
          details: { accountId: a.id, kind: f.kind, role: actor.role, complete: done, ...(standIn.length > 0 && { selfReview: true, mode: '单人自审', standIn }) },
        });
        const account = done ? await complete(tx, row, a) : a;
        if (done && f.kind === 'initial') await team.record(tx, actor, { action: 'accounts.activated', targetType: 'account', targetId: a.id, details: { filingId: f.id } });
        return { filing: presentFiling(row, account.displayName, account.platform, clock.now()), account: await ctx.present(tx, account) };
      });
    },

    async reject(actor: Actor, filingId: string, reason: string) {
      const members = await othersOf(actor.workspaceId);
      return db.transaction(async (tx) => {
        const f = await findFilingOrFail(tx, actor.workspaceId, filingId);
        rolesDecided(actor, f, members);
        if (f.kind === 'retirement') throw new DomainError('accounts.invalid_transition', { message: 'a retirement report can only be acknowledged' });
        const row = await store.updateFiling(tx, actor.workspaceId, f.id, { status: 'rejected', decidedAt: clock.now(), rejectedBy: actor.userId, rejectionReason: reason });
        await team.record(tx, actor, { action: 'accounts.filing_rejected', targetType: 'account_filing', targetId: f.id, details: { accountId: f.accountId, kind: f.kind, role: actor.role, reason } });
        const a = await ctx.findOrFail(tx, actor.workspaceId, f.accountId);
        return { filing: presentFiling(row, a.displayName, a.platform, clock.now()), account: await ctx.present(tx, a) };
      });
    },

    /**
     * The daily job: one reminder per overdue filing per local day, written to account_reminders (the
     * console lists them) and passed to the notifier when one is wired. Returns how many were new.
     */
    async remindOverdueFilings(): Promise<number> {
      const now = clock.now();
      const rows = await store.listOverdueFilingsAllWorkspaces(db, now);
      const zones = new Map<string, string>();
      let written = 0;
      for (const { filing: f, accountName, platform } of rows) {
        if (!isFilingOverdue(f, now)) continue;
        if (!zones.has(f.workspaceId)) zones.set(f.workspaceId, (await ctx.calendarOf(f.workspaceId)).timeZone);
        const day = DateTime.fromJSDate(now, { zone: zones.get(f.workspaceId)! }).toISODate()!;
        const kind = f.kind === 'retirement' ? '注销报备' : f.kind === 'refiling' ? '变更报备' : '报备';
        const waiting = f.requiredRoles.filter((r) => !f.approvals.some((x) => x.role === r));
        const message = `${platform}「${accountName}」的${kind}已逾期（截止 ${f.dueAt!.toISOString()}），待确认：${waiting.join('、')}`;
        const fresh = await store.insertReminder(db, { id: newId(), workspaceId: f.workspaceId, filingId: f.id, accountId: f.accountId, day, message, createdAt: now });
        if (!fresh) continue;
        written++;
        if (ctx.notify) {
          const members = await ctx.team.store.listMembers(db, f.workspaceId);
          const userIds = members.filter((m) => waiting.includes(m.role) || m.userId === f.createdBy).map((m) => m.userId);
          await ctx.notify({ workspaceId: f.workspaceId, userIds, title: `账号${kind}逾期`, body: message, link: `/accounts/filings?filing=${f.id}` });
        }
      }
      return written;
    },
  };
}

