import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users, workspaces } from '../team/tables.js';

/** Group robots, e-mail relays and webhooks a workspace sends to. `secretConfig` is vault ciphertext. */
export const notifyChannels = pgTable('notify_channels', {
  id: uuid('id').primaryKey(),
  workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
  kind: text('kind').notNull(),
  name: text('name').notNull(),
  events: jsonb('events').$type<string[]>().notNull(),
  secretConfig: text('secret_config').notNull(),
  enabled: boolean('enabled').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('notify_channels_ws_idx').on(t.workspaceId)]);

export const notifyPreferences = pgTable('notify_preferences', {
  workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  emailEnabled: boolean('email_enabled').notNull().default(true),
  mutedEvents: jsonb('muted_events').$type<string[]>().notNull().default([]),
  quietHours: jsonb('quiet_hours').$type<{ start: string; end: string } | null>(),
}, (t) => [primaryKey({ columns: [t.workspaceId, t.userId] })]);

/** The console feed: one row per person per notification. */
export const notifications = pgTable('notifications', {
  id: uuid('id').primaryKey(),
  workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  event: text('event').notNull(),
  severity: text('severity').notNull(),
  title: text('title').notNull(),
  body: text('body').notNull(),
  link: text('link'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  readAt: timestamp('read_at', { withTimezone: true }),
}, (t) => [index('notifications_user_idx').on(t.workspaceId, t.userId, t.createdAt)]);

/** One row per outgoing message (a robot post, an e-mail, a webhook call) and what became of it. */
export const notifyDeliveries = pgTable('notify_deliveries', {
  id: uuid('id').primaryKey(),
  workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
  channelId: uuid('channel_id').references(() => notifyChannels.id, { onDelete: 'set null' }),
  recipient: text('recipient').notNull(),
  kind: text('kind').notNull(),
  event: text('event').notNull(),
  payload: jsonb('payload').notNull(),
  status: text('status').notNull(),
  attempts: integer('attempts').notNull().default(0),
  lastError: text('last_error'),
  responseStatus: integer('response_status'),
  notBefore: timestamp('not_before', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  sentAt: timestamp('sent_at', { withTimezone: true }),
}, (t) => [index('notify_deliveries_ws_idx').on(t.workspaceId, t.createdAt)]);
