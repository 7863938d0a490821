import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, real, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { workspaces } from '../team/tables.js';

const ts = (name: string) => timestamp(name, { withTimezone: true });

/**
 * One conversation per thread people started: a comment thread under one of our posts, a DM thread with one
 * user, a mention. `thread_key` is unique per account, so the same thread found by webhook and by polling
 * is one conversation. The last message's analysis is copied here so the list filters without a join.
 */
export const inboxConversations = pgTable('inbox_conversations', {
  id: uuid('id').primaryKey(),
  workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
  accountId: uuid('account_id').notNull(),
  platform: text('platform').notNull(),
  kind: text('kind').notNull(),
  threadKey: text('thread_key').notNull(),
  status: text('status').notNull().default('open'),
  assigneeUserId: uuid('assignee_user_id'),
  priority: text('priority').notNull().default('normal'),
  priorityManual: boolean('priority_manual').notNull().default(false),
  tags: jsonb('tags').$type<string[]>().notNull().default([]),
  authorId: text('author_id'),
  authorName: text('author_name'),
  /** What a reply answers: the post and root comment, the DM conversation, the mention's post. */
  platformPostId: text('platform_post_id'),
  replyToId: text('reply_to_id'),
  lastText: text('last_text'),
  lastSentiment: text('last_sentiment'),
  lastIntent: text('last_intent'),
  lastSpam: boolean('last_spam'),
  lastMessageAt: ts('last_message_at').notNull(),
  lastInboundAt: ts('last_inbound_at'),
  messageCount: integer('message_count').notNull().default(0),
  slaDueAt: ts('sla_due_at'),
  firstResponseAt: ts('first_response_at'),
  slaWarnedAt: ts('sla_warned_at'),
  slaBreachNotifiedAt: ts('sla_breach_notified_at'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
}, (t) => [
  uniqueIndex('inbox_conv_thread_uq').on(t.workspaceId, t.accountId, t.threadKey),
  index('inbox_conv_ws_last_idx').on(t.workspaceId, t.lastMessageAt.desc(), t.id.desc()),
  index('inbox_conv_ws_status_last_idx').on(t.workspaceId, t.status, t.lastMessageAt.desc(), t.id.desc()),
  index('inbox_conv_ws_assignee_idx').on(t.workspaceId, t.assigneeUserId),
  index('inbox_conv_sla_idx').on(t.workspaceId, t.slaDueAt).where(sql`first_response_at is null and status in ('open','pending')`),
]);

/** Messages of a conversation: what people wrote (`in`, from inbound) and our replies (`out`, sent by a job). */
export const inboxMessages = pgTable('inbox_messages', {
  id: uuid('id').primaryKey(),
  workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
  conversationId: uuid('conversation_id').notNull().references(() => inboxConversations.id, { onDelete: 'cascade' }),
  direction: text('direction').notNull(),
  inboundItemId: uuid('inbound_item_id'),
  text: text('text').notNull(),
  at: ts('at').notNull(),
  authorId: text('author_id'),
  authorName: text('author_name'),
  sentiment: text('sentiment'),
  intent: text('intent'),
  spam: boolean('spam'),
  sentimentScore: real('sentiment_score'),
  /** Outgoing only. */
  status: text('status'),
  private: boolean('private').notNull().default(false),
  platformMessageId: text('platform_message_id'),
  sentByUserId: uuid('sent_by_user_id'),
  attempts: integer('attempts').notNull().default(0),
  lastError: text('last_error'),
  /** hidden / deleted on the platform (incoming spam). */
  moderation: text('moderation'),
  createdAt: ts('created_at').notNull().defaultNow(),
}, (t) => [
  index('inbox_msg_conv_idx').on(t.conversationId, t.at),
  uniqueIndex('inbox_msg_inbound_uq').on(t.inboundItemId),
  index('inbox_msg_platform_idx').on(t.conversationId, t.platformMessageId),
]);

export const inboxSlaPolicies = pgTable('inbox_sla_policies', {
  workspaceId: uuid('workspace_id').primaryKey().references(() => workspaces.id, { onDelete: 'cascade' }),
  firstResponseWorkingHours: real('first_response_working_hours').notNull(),
  warnBeforeMinutes: integer('warn_before_minutes').notNull(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});
