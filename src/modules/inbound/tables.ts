import { index, integer, jsonb, pgTable, real, boolean, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { workspaces } from '../team/tables.js';

/**
 * Everything the platforms tell us: comments, DMs, mentions (analysed) and publish results and follows.
 * (account_id, event_id) is unique so a webhook retried or a comment polled twice is stored once.
 */
export const inboundItems = pgTable('inbound_items', {
  id: uuid('id').primaryKey(),
  workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
  accountId: uuid('account_id').notNull(),
  platform: text('platform').notNull(),
  eventId: text('event_id').notNull(),
  type: text('type').notNull(),
  via: text('via').notNull(),
  occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
  receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  authorId: text('author_id'),
  authorName: text('author_name'),
  platformPostId: text('platform_post_id'),
  text: text('text'),
  sentiment: text('sentiment'),
  sentimentScore: real('sentiment_score'),
  intent: text('intent'),
  spam: boolean('spam'),
  keywords: jsonb('keywords').$type<string[]>(),
  payload: jsonb('payload').notNull(),
}, (t) => [
  uniqueIndex('inbound_account_event_uq').on(t.accountId, t.eventId),
  index('inbound_ws_occurred_idx').on(t.workspaceId, t.occurredAt),
]);

/**
 * The scheduled poller's place per account: the newest item seen (the next poll asks from a little before it),
 * when to poll next, and the back-off after rate limits and failures.
 */
export const inboundCursors = pgTable('inbound_cursors', {
  accountId: uuid('account_id').primaryKey(),
  workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
  since: timestamp('since', { withTimezone: true }),
  nextAt: timestamp('next_at', { withTimezone: true }).notNull(),
  failures: integer('failures').notNull().default(0),
  lastError: text('last_error'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
