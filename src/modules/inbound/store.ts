import { and, desc, eq, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { inboundCursors, inboundItems } from './tables.js';

export type CursorRow = typeof inboundCursors.$inferSelect;

export type InboundItemRow = typeof inboundItems.$inferSelect;

export function createInboundStore() {
  return {
    /** Inserts what is new; returns the rows actually stored (duplicates by account + event id are skipped). */
    async insertNew(db: DbOrTx, rows: Array<typeof inboundItems.$inferInsert>) {
      if (rows.length === 0) return [];
      return db.insert(inboundItems).values(rows).onConflictDoNothing({ target: [inboundItems.accountId, inboundItems.eventId] }).returning();
    },
    async list(db: DbOrTx, workspaceId: string, f: { type?: string; accountId?: string; sentiment?: string; intent?: string; before?: Date; limit: number }) {
      const where = [eq(inboundItems.workspaceId, workspaceId)];
      if (f.type) where.push(eq(inboundItems.type, f.type));
      if (f.accountId) where.push(eq(inboundItems.accountId, f.accountId));
      if (f.sentiment) where.push(eq(inboundItems.sentiment, f.sentiment));
      if (f.intent) where.push(eq(inboundItems.intent, f.intent));
      if (f.before) where.push(lt(inboundItems.occurredAt, f.before));
      return db.select().from(inboundItems).where(and(...where)).orderBy(desc(inboundItems.occurredAt)).limit(f.limit);
    },
    async findCursor(db: DbOrTx, workspaceId: string, accountId: string) {
      const [row] = await db.select().from(inboundCursors).where(and(eq(inboundCursors.workspaceId, workspaceId), eq(inboundCursors.accountId, accountId)));
      return row;
    },
    async saveCursor(db: DbOrTx, row: typeof inboundCursors.$inferInsert) {
      const { accountId, ...rest } = row;
      await db.insert(inboundCursors).values(row).onConflictDoUpdate({ target: inboundCursors.accountId, set: rest });
    },
    async summary(db: DbOrTx, workspaceId: string) {
      return db.select({ type: inboundItems.type, sentiment: inboundItems.sentiment, intent: inboundItems.intent, n: sql<number>`count(*)::int` })
        .from(inboundItems).where(eq(inboundItems.workspaceId, workspaceId))
        .groupBy(inboundItems.type, inboundItems.sentiment, inboundItems.intent);
    },
  };
}
