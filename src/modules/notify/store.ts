import { and, desc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { users } from '../team/tables.js';
import { notifications, notifyChannels, notifyDeliveries, notifyPreferences } from './tables.js';

export type ChannelRow = typeof notifyChannels.$inferSelect;
export type DeliveryRow = typeof notifyDeliveries.$inferSelect;
export type NotificationRow = typeof notifications.$inferSelect;

export function createNotifyStore() {
  return {
    async deletePreferences(db: DbOrTx, workspaceId: string, userId: string) {
      const rows = await db.delete(notifyPreferences).where(and(eq(notifyPreferences.workspaceId, workspaceId), eq(notifyPreferences.userId, userId))).returning();
      return rows.length;
    },
    async listChannels(db: DbOrTx, workspaceId: string) {
      return db.select().from(notifyChannels).where(eq(notifyChannels.workspaceId, workspaceId)).orderBy(notifyChannels.createdAt);
    },
    async findChannel(db: DbOrTx, workspaceId: string, id: string) {
      const [row] = await db.select().from(notifyChannels).where(and(eq(notifyChannels.workspaceId, workspaceId), eq(notifyChannels.id, id)));
      return row;
    },
    async insertChannel(db: DbOrTx, row: typeof notifyChannels.$inferInsert) {
      const [created] = await db.insert(notifyChannels).values(row).returning();
      return created!;
    },
    async updateChannel(db: DbOrTx, workspaceId: string, id: string, patch: Partial<typeof notifyChannels.$inferInsert>) {
      const [row] = await db.update(notifyChannels).set(patch).where(and(eq(notifyChannels.workspaceId, workspaceId), eq(notifyChannels.id, id))).returning();
      return row;
    },
    async deleteChannel(db: DbOrTx, workspaceId: string, id: string) {
      const rows = await db.delete(notifyChannels).where(and(eq(notifyChannels.workspaceId, workspaceId), eq(notifyChannels.id, id))).returning({ id: notifyChannels.id });
      return rows.length > 0;
    },

    async findPreferences(db: DbOrTx, workspaceId: string, userId: string) {
      const [row] = await db.select().from(notifyPreferences).where(and(eq(notifyPreferences.workspaceId, workspaceId), eq(notifyPreferences.userId, userId)));
      return row;
    },
    async upsertPreferences(db: DbOrTx, row: typeof notifyPreferences.$inferInsert) {
      await db.insert(notifyPreferences).values(row).onConflictDoUpdate({
        target: [notifyPreferences.workspaceId, notifyPreferences.userId],
        set: { emailEnabled: row.emailEnabled, mutedEvents: row.mutedEvents, quietHours: row.quietHours },
      });
    },
    async recipients(db: DbOrTx, workspaceId: string, userIds: string[]) {
      if (userIds.length === 0) return [];
      return db.select({ id: users.id, email: users.email, prefs: notifyPreferences })
        .from(users).leftJoin(notifyPreferences, and(eq(notifyPreferences.userId, users.id), eq(notifyPreferences.workspaceId, workspaceId)))
        .where(inArray(users.id, userIds));
    },

    async insertNotifications(db: DbOrTx, rows: Array<typeof notifications.$inferInsert>) {
      if (rows.length > 0) await db.insert(notifications).values(rows);
    },
    async listNotifications(db: DbOrTx, workspaceId: string, userId: string, f: { after?: Date; unreadOnly?: boolean; limit: number }) {
      const where = [eq(notifications.workspaceId, workspaceId), eq(notifications.userId, userId)];
      if (f.after) where.push(gt(notifications.createdAt, f.after));
      if (f.unreadOnly) where.push(isNull(notifications.readAt));
      return db.select().from(notifications).where(and(...where)).orderBy(desc(notifications.createdAt)).limit(f.limit);
    },
    async countUnread(db: DbOrTx, workspaceId: string, userId: string) {
      const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(notifications)
        .where(and(eq(notifications.workspaceId, workspaceId), eq(notifications.userId, userId), isNull(notifications.readAt)));
      return row?.n ?? 0;
    },
    /** Which of these ids are notifications of this person in this workspace. */
    async ownNotificationIds(db: DbOrTx, workspaceId: string, userId: string, ids: string[]) {
      if (!ids.length) return new Set<string>();
      const rows = await db.select({ id: notifications.id }).from(notifications)
        .where(and(eq(notifications.workspaceId, workspaceId), eq(notifications.userId, userId), inArray(notifications.id, ids)));
      return new Set(rows.map((r) => r.id));
    },
    async markRead(db: DbOrTx, workspaceId: string, userId: string, ids: string[] | 'all', at: Date) {
      const where = [eq(notifications.workspaceId, workspaceId), eq(notifications.userId, userId), isNull(notifications.readAt)];
      if (ids !== 'all') where.push(inArray(notifications.id, ids));
      const rows = await db.update(notifications).set({ readAt: at }).where(and(...where)).returning({ id: notifications.id });
      return rows.length;
    },

    async insertDelivery(db: DbOrTx, row: typeof notifyDeliveries.$inferInsert) {
      await db.insert(notifyDeliveries).values(row);
    },
    async findDelivery(db: DbOrTx, id: string) {
      const [row] = await db.select().from(notifyDeliveries).where(eq(notifyDeliveries.id, id));
      return row;
    },
    async updateDelivery(db: DbOrTx, id: string, patch: Partial<typeof notifyDeliveries.$inferInsert>) {
      await db.update(notifyDeliveries).set(patch).where(eq(notifyDeliveries.id, id));
    },
    async listDeliveries(db: DbOrTx, workspaceId: string, limit: number) {
      return db.select().from(notifyDeliveries).where(eq(notifyDeliveries.workspaceId, workspaceId)).orderBy(desc(notifyDeliveries.createdAt)).limit(limit);
    },
  };
}
