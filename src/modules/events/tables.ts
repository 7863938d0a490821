import { bigserial, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { workspaces } from '../team/tables.js';

/** The outbox: every domain event, written in the transaction of the change it announces. Append-only. */
export const domainEvents = pgTable('domain_events', {
  id: uuid('id').primaryKey(),
  seq: bigserial('seq', { mode: 'number' }).notNull(),
  workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  payload: jsonb('payload').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('domain_events_ws_seq_idx').on(t.workspaceId, t.seq)]);

/** One row per (event, subscriber) handled: a redelivered job finds it and does nothing. */
export const domainEventReceipts = pgTable('domain_event_receipts', {
  eventId: uuid('event_id').notNull().references(() => domainEvents.id, { onDelete: 'cascade' }),
  subscriber: text('subscriber').notNull(),
  handledAt: timestamp('handled_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.eventId, t.subscriber] })]);
