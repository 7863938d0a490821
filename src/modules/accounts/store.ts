import { and, asc, desc, eq, inArray, isNotNull, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { memberships, users } from '../team/tables.js';
import type { AccountSettings } from './model.js';
import { accountFilings, accountGrants, accountReminders, accountSettings, accounts } from './tables.js';

export type AccountRow = typeof accounts.$inferSelect;
export type FilingRow = typeof accountFilings.$inferSelect;
export type GrantRow = typeof accountGrants.$inferSelect;
export type ReminderRow = typeof accountReminders.$inferSelect;
type AccountPatch = Partial<Omit<typeof accounts.$inferInsert, 'id' | 'workspaceId' | 'createdAt' | 'createdBy'>>;

/** Queries only; every one scoped by workspace (the reminder job's cross-workspace scan is the exception, named so). */
export function createAccountsStore() {
  return {
    /** A member left: every grant they held in the workspace goes (returns how many). */
    async deleteGrantsOf(db: DbOrTx, workspaceId: string, userId: string) {
      const rows = await db.delete(accountGrants).where(and(eq(accountGrants.workspaceId, workspaceId), eq(accountGrants.userId, userId))).returning();
      return rows.length;
    },
    async findSettings(db: DbOrTx, workspaceId: string) {
      const [row] = await db.select().from(accountSettings).where(eq(accountSettings.workspaceId, workspaceId));
      return row?.settings;
    },
    async upsertSettings(db: DbOrTx, workspaceId: string, settings: AccountSettings, updatedBy: string, at: Date) {
      await db.insert(accountSettings).values({ workspaceId, settings, updatedBy, updatedAt: at })
        .onConflictDoUpdate({ target: accountSettings.workspaceId, set: { settings, updatedBy, updatedAt: at } });
    },

    async insertAccount(db: DbOrTx, row: typeof accounts.$inferInsert) {
      const [created] = await db.insert(accounts).values(row).returning();
      return created!;
    },
    async findAccount(db: DbOrTx, workspaceId: string, id: string) {
      const [row] = await db.select().from(accounts).where(and(eq(accounts.workspaceId, workspaceId), eq(accounts.id, id)));
      return row;
    },
    /** Locks the account row for the rest of the transaction. */
    async findAccountForUpdate(db: DbOrTx, workspaceId: string, id: string) {
      const [row] = await db.select().from(accounts).where(and(eq(accounts.workspaceId, workspaceId), eq(accounts.id, id))).for('update');
      return row;
    },
    async findAccountByHandle(db: DbOrTx, workspaceId: string, platform: string, handle: string) {
      const [row] = await db.select({ id: accounts.id }).from(accounts)
        .where(and(eq(accounts.workspaceId, workspaceId), eq(accounts.platform, platform), eq(accounts.handle, handle)));
      return row;
    },
    async listAccounts(db: DbOrTx, workspaceId: string, f: { status?: string; platform?: string } = {}) {
      const where = [eq(accounts.workspaceId, workspaceId)];
      if (f.status) where.push(eq(accounts.status, f.status));
      if (f.platform) where.push(eq(accounts.platform, f.platform));
      return db.select({ account: accounts, ownerName: users.name }).from(accounts)
        .leftJoin(users, eq(users.id, accounts.ownerId))
        .where(and(...where)).orderBy(asc(accounts.platform), asc(accounts.createdAt));
    },
    async updateAccount(db: DbOrTx, workspaceId: string, id: string, patch: AccountPatch) {
      const [row] = await db.update(accounts).set(patch).where(and(eq(accounts.workspaceId, workspaceId), eq(accounts.id, id))).returning();
      return row!;
    },
    async countFailedCall(db: DbOrTx, workspaceId: string, id: string) {
      await db.update(accounts).set({ failedCalls: sql`${accounts.failedCalls} + 1` })
        .where(and(eq(accounts.workspaceId, workspaceId), eq(accounts.id, id)));
    },

    async insertFiling(db: DbOrTx, row: typeof accountFilings.$inferInsert) {
      const [created] = await db.insert(accountFilings).values(row).returning();
      return created!;
    },
    async findFiling(db: DbOrTx, workspaceId: string, id: string) {
      const [row] = await db.select().from(accountFilings).where(and(eq(accountFilings.workspaceId, workspaceId), eq(accountFilings.id, id)));
      return row;
    },
    async findFilingForUpdate(db: DbOrTx, workspaceId: string, id: string) {
      const [row] = await db.select().from(accountFilings)
        .where(and(eq(accountFilings.workspaceId, workspaceId), eq(accountFilings.id, id))).for('update');
      return row;
    },
    async listFilings(db: DbOrTx, workspaceId: string, f: { status?: string; accountId?: string; limit: number }) {
      const where = [eq(accountFilings.workspaceId, workspaceId)];
      if (f.status) where.push(eq(accountFilings.status, f.status));
      if (f.accountId) where.push(eq(accountFilings.accountId, f.accountId));
      return db.select({ filing: accountFilings, accountName: accounts.displayName, platform: accounts.platform })
        .from(accountFilings).innerJoin(accounts, eq(accounts.id, accountFilings.accountId))
        .where(and(...where)).orderBy(desc(accountFilings.createdAt)).limit(f.limit);
    },
    async findPendingFiling(db: DbOrTx, workspaceId: string, accountId: string) {
      const [row] = await db.select().from(accountFilings).where(and(
        eq(accountFilings.workspaceId, workspaceId), eq(accountFilings.accountId, accountId), eq(accountFilings.status, 'pending'),
      ));
      return row;
    },
    async updateFiling(db: DbOrTx, workspaceId: string, id: string, patch: Partial<typeof accountFilings.$inferInsert>) {
      const [row] = await db.update(accountFilings).set(patch)
        .where(and(eq(accountFilings.workspaceId, workspaceId), eq(accountFilings.id, id))).returning();
      return row!;
    },
    /** Account ids of this workspace with a pending filing past its deadline. */
    async accountsWithOverdueFilings(db: DbOrTx, workspaceId: string, now: Date) {
      const rows = await db.selectDistinct({ accountId: accountFilings.accountId }).from(accountFilings).where(and(
        eq(accountFilings.workspaceId, workspaceId), eq(accountFilings.status, 'pending'), isNotNull(accountFilings.dueAt), lt(accountFilings.dueAt, now),
      ));
      return new Set(rows.map((r) => r.accountId));
    },
    /** For the daily reminder job: overdue filings in every workspace. */
    async listOverdueFilingsAllWorkspaces(db: DbOrTx, now: Date) {
      return db.select({ filing: accountFilings, accountName: accounts.displayName, platform: accounts.platform })
        .from(accountFilings).innerJoin(accounts, eq(accounts.id, accountFilings.accountId))
        .where(and(eq(accountFilings.status, 'pending'), isNotNull(accountFilings.dueAt), lt(accountFilings.dueAt, now)))
        .orderBy(asc(accountFilings.dueAt));
    },

    async listGrants(db: DbOrTx, workspaceId: string, accountId: string) {
      return db.select({ grant: accountGrants, userName: users.name }).from(accountGrants)
        .innerJoin(users, eq(users.id, accountGrants.userId))
        .where(and(eq(accountGrants.workspaceId, workspaceId), eq(accountGrants.accountId, accountId))).orderBy(asc(accountGrants.createdAt));
    },
    async findGrant(db: DbOrTx, workspaceId: string, accountId: string, userId: string) {
      const [row] = await db.select().from(accountGrants).where(and(
        eq(accountGrants.workspaceId, workspaceId), eq(accountGrants.accountId, accountId), eq(accountGrants.userId, userId),
      ));
      return row;
    },
    async upsertGrant(db: DbOrTx, row: typeof accountGrants.$inferInsert) {
      await db.insert(accountGrants).values(row)
        .onConflictDoUpdate({ target: [accountGrants.accountId, accountGrants.userId], set: { actions: row.actions, grantedBy: row.grantedBy } });
    },
    async deleteGrant(db: DbOrTx, workspaceId: string, accountId: string, userId: string) {
      const rows = await db.delete(accountGrants).where(and(
        eq(accountGrants.workspaceId, workspaceId), eq(accountGrants.accountId, accountId), eq(accountGrants.userId, userId),
      )).returning();
      return rows.length > 0;
    },

    /** False when today's reminder for this filing was already written. */
    async insertReminder(db: DbOrTx, row: typeof accountReminders.$inferInsert) {
      const rows = await db.insert(accountReminders).values(row).onConflictDoNothing().returning({ id: accountReminders.id });
      return rows.length > 0;
    },
    async listReminders(db: DbOrTx, workspaceId: string, limit: number) {
      return db.select().from(accountReminders).where(eq(accountReminders.workspaceId, workspaceId))
        .orderBy(desc(accountReminders.createdAt)).limit(limit);
    },
    async membersIn(db: DbOrTx, workspaceId: string, userIds: string[]) {
      if (userIds.length === 0) return [];
      return db.select({ userId: memberships.userId, role: memberships.role }).from(memberships)
        .where(and(eq(memberships.workspaceId, workspaceId), inArray(memberships.userId, userIds)));
    },
  };
}

export type AccountsStore = ReturnType<typeof createAccountsStore>;
