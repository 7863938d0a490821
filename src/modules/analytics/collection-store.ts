/** Queries of the collector (followed posts) and of scheduled report deliveries. */
import { and, asc, eq, isNull, lte, ne, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { analyticsReportSchedules as schedules, analyticsTrackedPosts as tracked } from './tables.js';

export type TrackedPostRow = typeof tracked.$inferSelect;
export type ScheduleRow = typeof schedules.$inferSelect;
type TrackedKey = Pick<TrackedPostRow, 'workspaceId' | 'accountId' | 'platformPostId'>;

const byKey = (k: TrackedKey) =>
  and(eq(tracked.workspaceId, k.workspaceId), eq(tracked.accountId, k.accountId), eq(tracked.platformPostId, k.platformPostId));

export function createCollectionStore() {
  return {
    /** A member left: drop them from every report schedule's recipients; returns the schedules changed. */
    async removeRecipient(db: DbOrTx, workspaceId: string, userId: string) {
      const rows = await db.select().from(schedules).where(eq(schedules.workspaceId, workspaceId));
      const changed = rows.filter((r) => r.userIds.includes(userId));
      for (const r of changed) {
        await db.update(schedules).set({ userIds: r.userIds.filter((u) => u !== userId) }).where(and(eq(schedules.workspaceId, workspaceId), eq(schedules.id, r.id)));
      }
      return changed.map((r) => r.id);
    },
    /** Follow a post (again): a second hand-off for the same post keeps its readings. */
    async upsertTracked(db: DbOrTx, row: typeof tracked.$inferInsert) {
      const [out] = await db.insert(tracked).values(row).onConflictDoUpdate({
        target: [tracked.workspaceId, tracked.accountId, tracked.platformPostId],
        set: { publicationId: row.publicationId ?? null, postTitle: row.postTitle ?? '', status: sql`case when ${tracked.status} = 'unsupported' then 'unsupported' else 'active' end` },
      }).returning();
      return out!;
    },
    async findTracked(db: DbOrTx, key: TrackedKey) {
      const [row] = await db.select().from(tracked).where(byKey(key));
      return row;
    },
    async findTrackedByPublication(db: DbOrTx, publicationId: string) {
      const [row] = await db.select().from(tracked).where(eq(tracked.publicationId, publicationId));
      return row;
    },
    /** Posts due for a reading, oldest due first. */
    async listDue(db: DbOrTx, now: Date, limit: number, workspaceId?: string) {
      return db.select().from(tracked)
        .where(and(eq(tracked.status, 'active'), lte(tracked.nextCollectAt, now), workspaceId ? eq(tracked.workspaceId, workspaceId) : undefined))
        .orderBy(asc(tracked.nextCollectAt)).limit(limit);
    },
    async listTracked(db: DbOrTx, workspaceId: string) {
      return db.select().from(tracked).where(eq(tracked.workspaceId, workspaceId)).orderBy(asc(tracked.publishedAt));
    },
    async updateTracked(db: DbOrTx, key: TrackedKey, patch: Partial<typeof tracked.$inferInsert>) {
      await db.update(tracked).set(patch).where(byKey(key));
    },

    async insertSchedule(db: DbOrTx, row: typeof schedules.$inferInsert) {
      const [out] = await db.insert(schedules).values(row).returning();
      return out!;
    },
    async listSchedules(db: DbOrTx, workspaceId: string) {
      return db.select().from(schedules).where(eq(schedules.workspaceId, workspaceId)).orderBy(asc(schedules.createdAt));
    },
    async listEnabledSchedules(db: DbOrTx) {
      return db.select().from(schedules).where(eq(schedules.enabled, true));
    },
    async findSchedule(db: DbOrTx, workspaceId: string, id: string) {
      const [row] = await db.select().from(schedules).where(and(eq(schedules.workspaceId, workspaceId), eq(schedules.id, id)));
      return row;
    },
    async updateSchedule(db: DbOrTx, workspaceId: string, id: string, patch: Partial<typeof schedules.$inferInsert>) {
      const [row] = await db.update(schedules).set(patch).where(and(eq(schedules.workspaceId, workspaceId), eq(schedules.id, id))).returning();
      return row;
    },
    async deleteSchedule(db: DbOrTx, workspaceId: string, id: string) {
      const rows = await db.delete(schedules).where(and(eq(schedules.workspaceId, workspaceId), eq(schedules.id, id))).returning();
      return rows[0];
    },
    /** Marks a period as sent unless it already was: exactly one sender wins. */
    async claimPeriod(db: DbOrTx, id: string, period: string, now: Date) {
      const rows = await db.update(schedules).set({ lastPeriod: period, lastSentAt: now })
        .where(and(eq(schedules.id, id), or(isNull(schedules.lastPeriod), ne(schedules.lastPeriod, period)))).returning({ id: schedules.id });
      return rows.length === 1;
    },
  };
}

export type CollectionStore = ReturnType<typeof createCollectionStore>;
