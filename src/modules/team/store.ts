import { and, desc, eq, gte, isNull, lt, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { sqlOf } from '../../db/client.js';
import { apiTokens, auditEntries, memberships, sessions, users, workspaces } from './tables.js';
import type { Role, WorkingHours } from './model.js';

export type UserRow = typeof users.$inferSelect;
export type WorkspaceRow = typeof workspaces.$inferSelect;
export type ApiTokenRow = typeof apiTokens.$inferSelect;
export type AuditRow = typeof auditEntries.$inferSelect;

export function createTeamStore() {
  return {
    async findUserByEmail(db: DbOrTx, email: string) {
      const [row] = await db.select().from(users).where(eq(users.email, email.toLowerCase()));
      return row;
    },
    async findUserById(db: DbOrTx, id: string) {
      const [row] = await db.select().from(users).where(eq(users.id, id));
      return row;
    },
    async insertUser(db: DbOrTx, row: typeof users.$inferInsert) {
      await db.insert(users).values({ ...row, email: row.email.toLowerCase() });
    },
    async updateUser(db: DbOrTx, id: string, patch: Partial<Pick<UserRow, 'name' | 'locale' | 'passwordHash'>>) {
      const [row] = await db.update(users).set({ ...patch, updatedAt: new Date() }).where(eq(users.id, id)).returning();
      return row;
    },
    async countUsers(db: DbOrTx) {
      const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
      return row?.n ?? 0;
    },

    async insertWorkspace(db: DbOrTx, row: typeof workspaces.$inferInsert) {
      await db.insert(workspaces).values(row);
    },
    async findWorkspace(db: DbOrTx, id: string) {
      const [row] = await db.select().from(workspaces).where(eq(workspaces.id, id));
      return row;
    },
    async findWorkspaceByName(db: DbOrTx, name: string) {
      return db.select().from(workspaces).where(eq(workspaces.name, name));
    },
    async listWorkspaces(db: DbOrTx) {
      return db.select().from(workspaces).orderBy(workspaces.createdAt);
    },
    async updateWorkspace(db: DbOrTx, id: string, patch: Partial<{ name: string; timeZone: string; locale: string; workingHours: WorkingHours; holidays: unknown }>) {
      const [row] = await db.update(workspaces).set(patch).where(eq(workspaces.id, id)).returning();
      return row;
    },

    async findMembership(db: DbOrTx, workspaceId: string, userId: string) {
      const [row] = await db.select().from(memberships)
        .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)));
      return row;
    },
    async listMembershipsOfUser(db: DbOrTx, userId: string) {
      return db.select({ workspace: workspaces, role: memberships.role })
        .from(memberships).innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
        .where(eq(memberships.userId, userId)).orderBy(workspaces.createdAt);
    },
    async listMembers(db: DbOrTx, workspaceId: string) {
      return db.select({ userId: users.id, email: users.email, name: users.name, role: memberships.role, joinedAt: memberships.createdAt })
        .from(memberships).innerJoin(users, eq(users.id, memberships.userId))
        .where(eq(memberships.workspaceId, workspaceId)).orderBy(memberships.createdAt);
    },
    async insertMembership(db: DbOrTx, workspaceId: string, userId: string, role: Role) {
      await db.insert(memberships).values({ workspaceId, userId, role });
    },
    async updateMembershipRole(db: DbOrTx, workspaceId: string, userId: string, role: Role) {
      await db.update(memberships).set({ role })
        .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)));
    },
    async deleteMembership(db: DbOrTx, workspaceId: string, userId: string) {
      await db.delete(memberships).where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)));
    },
    async countOwners(db: DbOrTx, workspaceId: string) {
      const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(memberships)
        .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.role, 'owner')));
      return row?.n ?? 0;
    },

    async insertSession(db: DbOrTx, row: typeof sessions.$inferInsert) {
      await db.insert(sessions).values(row);
    },
    async findSession(db: DbOrTx, tokenHash: string, now: Date) {
      const [row] = await db.select().from(sessions)
        .where(and(eq(sessions.tokenHash, tokenHash), gte(sessions.expiresAt, now)));
      return row;
    },
    async deleteSession(db: DbOrTx, tokenHash: string) {
      await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
    },
    async deleteSessionsOfUser(db: DbOrTx, userId: string) {
      await db.delete(sessions).where(eq(sessions.userId, userId));
    },

    async insertApiToken(db: DbOrTx, row: typeof apiTokens.$inferInsert) {
      const [created] = await db.insert(apiTokens).values(row).returning();
      return created!;
    },
    async findApiTokenByHash(db: DbOrTx, tokenHash: string) {
      const [row] = await db.select().from(apiTokens).where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt)));
      return row;
    },
    async listApiTokens(db: DbOrTx, workspaceId: string) {
      return db.select().from(apiTokens).where(eq(apiTokens.workspaceId, workspaceId)).orderBy(desc(apiTokens.createdAt));
    },
    async revokeApiToken(db: DbOrTx, workspaceId: string, id: string, at: Date) {
      const [row] = await db.update(apiTokens).set({ revokedAt: at })
        .where(and(eq(apiTokens.workspaceId, workspaceId), eq(apiTokens.id, id), isNull(apiTokens.revokedAt))).returning();
      return row;
    },
    async touchApiToken(db: DbOrTx, id: string, at: Date) {
      await db.update(apiTokens).set({ lastUsedAt: at }).where(eq(apiTokens.id, id));
    },

    /** Serialises appends to one workspace's chain for the rest of the transaction. */
    async lockAuditChain(tx: DbOrTx, workspaceId: string) {
      await sqlOf(tx).query('select pg_advisory_xact_lock(hashtext($1))', [`audit:${workspaceId}`]);
    },
    async lastAuditEntry(db: DbOrTx, workspaceId: string) {
      const [row] = await db.select({ seq: auditEntries.seq, hash: auditEntries.hash }).from(auditEntries)
        .where(eq(auditEntries.workspaceId, workspaceId)).orderBy(desc(auditEntries.seq)).limit(1);
      return row;
    },
    async insertAuditEntry(db: DbOrTx, row: typeof auditEntries.$inferInsert) {
      await db.insert(auditEntries).values(row);
    },
    async listAudit(db: DbOrTx, workspaceId: string, f: { action?: string; actorId?: string; from?: Date; to?: Date; beforeSeq?: number; limit: number }) {
      const where = [eq(auditEntries.workspaceId, workspaceId)];
      if (f.action) where.push(sql`${auditEntries.action} like ${f.action.replace(/[%_]/g, '') + '%'}`);
      if (f.actorId) where.push(eq(auditEntries.actorId, f.actorId));
      if (f.from) where.push(gte(auditEntries.at, f.from));
      if (f.to) where.push(lte(auditEntries.at, f.to));
      if (f.beforeSeq) where.push(lt(auditEntries.seq, f.beforeSeq));
      return db.select({ entry: auditEntries, actorName: users.name }).from(auditEntries)
        .leftJoin(users, eq(users.id, auditEntries.actorId))
        .where(and(...where)).orderBy(desc(auditEntries.seq)).limit(f.limit);
    },
    async listAuditChain(db: DbOrTx, workspaceId: string) {
      return db.select().from(auditEntries).where(eq(auditEntries.workspaceId, workspaceId)).orderBy(auditEntries.seq);
    },
  };
}

export type TeamStore = ReturnType<typeof createTeamStore>;
