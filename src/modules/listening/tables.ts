import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, jsonb, pgTable, real, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { workspaces } from '../team/tables.js';
import type { RiskMatrix } from './risk.js';

/** Keyword sets that decide which mentions matter (a boolean query, exclusions, sources, a check frequency). */
export const listeningMonitors = pgTable('listening_monitors', {
  id: uuid('id').primaryKey(),
  workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  kind: text('kind').notNull(),
  query: text('query').notNull(),
  excludes: jsonb('excludes').$type<string[]>().notNull(),
  sources: jsonb('sources').$type<string[]>().notNull(),
  frequency: text('frequency').notNull(),
  enabled: boolean('enabled').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
}, (t) => [index('listening_monitors_ws_idx').on(t.workspaceId)]);

/**
 * What the world says: one row per source + external id (a retried push or a re-imported file stores
 * nothing twice), analysed, matched to monitors, scored for reach and risk. Near-duplicates of one
 * text share `group_id` (the first mention of that text).
 */
export const listeningMentions = pgTable('listening_mentions', {
  id: uuid('id').primaryKey(),
  workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
  source: text('source').notNull(),
  externalId: text('external_id').notNull(),
  via: text('via').notNull(),
  url: text('url'),
  title: text('title'),
  text: text('text').notNull(),
  authorName: text('author_name').notNull(),
  authorFollowers: bigint('author_followers', { mode: 'number' }).notNull(),
  authorVerified: boolean('author_verified').notNull(),
  publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
  receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
  reposts: integer('reposts').notNull(),
  comments: integer('comments').notNull(),
  likes: integer('likes').notNull(),
  sentiment: text('sentiment').notNull(),
  sentimentScore: real('sentiment_score').notNull(),
  intent: text('intent').notNull(),
  keywords: jsonb('keywords').$type<string[]>().notNull(),
  reach: bigint('reach', { mode: 'number' }).notNull(),
  risk: text('risk').notNull(),
  riskReasons: jsonb('risk_reasons').$type<string[]>().notNull(),
  monitorIds: uuid('monitor_ids').array().notNull(),
  dupKey: text('dup_key').notNull(),
  groupId: uuid('group_id').notNull(),
}, (t) => [
  uniqueIndex('listening_mentions_source_uq').on(t.workspaceId, t.source, t.externalId),
  index('listening_mentions_ws_published_idx').on(t.workspaceId, t.publishedAt, t.id),
  index('listening_mentions_ws_received_idx').on(t.workspaceId, t.receivedAt),
  index('listening_mentions_dup_idx').on(t.workspaceId, t.dupKey),
]);

/** Per-workspace listening settings: the editable risk matrix. */
export const listeningSettings = pgTable('listening_settings', {
  workspaceId: uuid('workspace_id').primaryKey().references(() => workspaces.id, { onDelete: 'cascade' }),
  riskMatrix: jsonb('risk_matrix').$type<RiskMatrix>().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/** Volume spikes, negative surges, high-risk mentions. One open alert per dedupe key (kind + monitor). */
export const listeningAlerts = pgTable('listening_alerts', {
  id: uuid('id').primaryKey(),
  workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
  monitorId: uuid('monitor_id'),
  kind: text('kind').notNull(),
  level: text('level').notNull(),
  state: text('state').notNull(),
  dedupeKey: text('dedupe_key').notNull(),
  title: text('title').notNull(),
  reasons: jsonb('reasons').$type<string[]>().notNull(),
  figures: jsonb('figures').$type<Record<string, number>>().notNull(),
  mentionId: uuid('mention_id'),
  openedBy: text('opened_by').notNull(),
  incidentId: uuid('incident_id'),
  openedAt: timestamp('opened_at', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  closedAt: timestamp('closed_at', { withTimezone: true }),
}, (t) => [
  uniqueIndex('listening_alerts_open_uq').on(t.workspaceId, t.dedupeKey).where(sql`state <> 'closed'`),
  index('listening_alerts_ws_opened_idx').on(t.workspaceId, t.openedAt),
]);
