import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { domainEventReceipts, domainEvents } from './tables.js';

export type DomainEventRow = typeof domainEvents.$inferSelect;

/** Queries only. Events are read by id (a job's data) or listed per workspace. */
export function createEventsStore() {
  return {
    async insert(db: DbOrTx, row: typeof domainEvents.$inferInsert) {
      await db.insert(domainEvents).values(row);
    },
    async find(db: DbOrTx, id: string) {
      const [row] = await db.select().from(domainEvents).where(eq(domainEvents.id, id));
      return row;
    },
    async list(db: DbOrTx, workspaceId: string, name?: string) {
      return db.select().from(domainEvents)
        .where(and(eq(domainEvents.workspaceId, workspaceId), ...(name ? [eq(domainEvents.name, name)] : []))).orderBy(asc(domainEvents.seq));
    },
    async handled(db: DbOrTx, eventId: string, subscriber: string) {
      const [row] = await db.select().from(domainEventReceipts)
        .where(and(eq(domainEventReceipts.eventId, eventId), eq(domainEventReceipts.subscriber, subscriber)));
      return !!row;
    },
    async markHandled(db: DbOrTx, eventId: string, subscriber: string, at: Date) {
      await db.insert(domainEventReceipts).values({ eventId, subscriber, handledAt: at }).onConflictDoNothing();
    },
  };
}
