import { boolean, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users, workspaces } from '../team/tables.js';

const ws = () => uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' });
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export interface MasterJson {
  text: string;
  title?: string | null;
  digest?: string | null;
  hashtags?: string[];
  mentions?: string[];
  mediaIds?: string[];
}

/** One row of 内容策划与排期表: a planned piece of content with its master message. */
export const contentItems = pgTable('content_items', {
  id: uuid('id').primaryKey(),
  workspaceId: ws(),
  plannedAt: timestamp('planned_at', { withTimezone: true }),
  platforms: jsonb('platforms').$type<string[]>().notNull().default([]),
  accountIds: jsonb('account_ids').$type<string[]>().notNull().default([]),
  topic: text('topic').notNull(),
  themeClass: text('theme_class'),
  format: text('format'),
  goal: text('goal'),
  ownerId: uuid('owner_id').references(() => users.id, { onDelete: 'set null' }),
  /** 事实核查人: vouches for the facts at the accuracy review stage (none: the owner or the managers do). */
  factOwnerId: uuid('fact_owner_id').references(() => users.id, { onDelete: 'set null' }),
  summary: text('summary'),
  mediaNotes: text('media_notes'),
  engagementPrompt: text('engagement_prompt'),
  expectedExposure: integer('expected_exposure'),
  expectedInteractions: integer('expected_interactions'),
  actualExposure: integer('actual_exposure'),
  actualInteractions: integer('actual_interactions'),
  actualConversions: integer('actual_conversions'),
  /** The latest collected totals per variant (what 实际数据 sums); filled by the metrics subscriber. */
  actualsByVariant: jsonb('actuals_by_variant').$type<Record<string, { exposure: number | null; interactions: number | null; conversions: number | null; at: string }>>(),
  actualUpdatedAt: timestamp('actual_updated_at', { withTimezone: true }),
  notes: text('notes'),
  status: text('status').notNull(),
  /** The author asked for the item to be scheduled at its planned time as soon as review approves it. */
  publishWhenApproved: boolean('publish_when_approved').notNull().default(false),
  campaign: text('campaign'),
  goalRef: text('goal_ref'),
  /** The industry pack the item falls under (compliance), e.g. securities. */
  industry: text('industry'),
  /** Paid placement, promotion with a purchase link or price, KOL collaboration: must show 「广告」. */
  commercial: boolean('commercial').notNull().default(false),
  /** Produced or substantially edited by AI (set by accepting AI text): must carry an AI label. */
  aiGenerated: boolean('ai_generated').notNull().default(false),
  master: jsonb('master').$type<MasterJson>().notNull(),
  createdBy: uuid('created_by'),
  createdAt: createdAt(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('content_items_ws_at_idx').on(t.workspaceId, t.plannedAt), index('content_items_ws_status_idx').on(t.workspaceId, t.status)]);

/** A per-account (or, while planning, per-platform) version of an item's message. */
export const contentVariants = pgTable('content_variants', {
  id: uuid('id').primaryKey(),
  workspaceId: ws(),
  itemId: uuid('item_id').notNull().references(() => contentItems.id, { onDelete: 'cascade' }),
  accountId: uuid('account_id'),
  platform: text('platform').notNull(),
  title: text('title'),
  text: text('text').notNull(),
  digest: text('digest'),
  tags: jsonb('tags').$type<string[]>().notNull().default([]),
  mediaIds: jsonb('media_ids').$type<string[]>().notNull().default([]),
  /** Edited by hand: no longer regenerated from the master. */
  customized: boolean('customized').notNull().default(false),
  textHash: text('text_hash').notNull(),
  /** The hash last sent to review (null: never submitted). */
  submittedHash: text('submitted_hash'),
  createdAt: createdAt(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('content_variants_item_idx').on(t.itemId), index('content_variants_ws_account_idx').on(t.workspaceId, t.accountId)]);

export interface MediaRights {
  basis?: 'original' | 'licensed';
  licenceId?: string;
  peopleShown?: boolean;
  consentIds?: string[];
}

export const mediaAssets = pgTable('media_assets', {
  id: uuid('id').primaryKey(),
  workspaceId: ws(),
  kind: text('kind').notNull(),
  fileName: text('file_name').notNull(),
  mime: text('mime').notNull(),
  bytes: integer('bytes').notNull(),
  width: integer('width'),
  height: integer('height'),
  durationSec: doublePrecision('duration_sec'),
  sha256: text('sha256').notNull(),
  storagePath: text('storage_path').notNull(),
  rights: jsonb('rights').$type<MediaRights>().notNull().default({}),
  description: text('description'),
  createdBy: uuid('created_by'),
  createdAt: createdAt(),
}, (t) => [index('media_assets_ws_idx').on(t.workspaceId, t.createdAt)]);

/** Workspace-defined calendar nodes (industry summits, launches) besides the built-in festivals. */
export const contentEvents = pgTable('content_events', {
  id: uuid('id').primaryKey(),
  workspaceId: ws(),
  date: text('date').notNull(),
  name: text('name').notNull(),
  kind: text('kind').notNull().default('workspace'),
  createdAt: createdAt(),
}, (t) => [index('content_events_ws_date_idx').on(t.workspaceId, t.date)]);

/** Secret calendar-subscription URLs; only the token's hash is kept. */
export const icsFeeds = pgTable('content_ics_feeds', {
  id: uuid('id').primaryKey(),
  workspaceId: ws(),
  accountId: uuid('account_id'),
  name: text('name').notNull(),
  tokenHash: text('token_hash').notNull(),
  createdBy: uuid('created_by'),
  createdAt: createdAt(),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
}, (t) => [uniqueIndex('content_ics_token_uq').on(t.tokenHash), index('content_ics_ws_idx').on(t.workspaceId)]);

/** Copy templates and hashtag groups. */
export const contentTemplates = pgTable('content_templates', {
  id: uuid('id').primaryKey(),
  workspaceId: ws(),
  kind: text('kind').notNull(),
  name: text('name').notNull(),
  body: text('body').notNull().default(''),
  hashtags: jsonb('hashtags').$type<string[]>().notNull().default([]),
  themeClass: text('theme_class'),
  format: text('format'),
  createdAt: createdAt(),
}, (t) => [index('content_templates_ws_idx').on(t.workspaceId, t.kind)]);

/** Per-post results that teach the best-time grid (posted by analytics or by hand). */
export const postingObservations = pgTable('content_posting_observations', {
  id: uuid('id').primaryKey(),
  workspaceId: ws(),
  accountId: uuid('account_id').notNull(),
  publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
  interactionRate: doublePrecision('interaction_rate').notNull(),
  source: text('source').notNull(),
  externalKey: text('external_key'),
  createdAt: createdAt(),
}, (t) => [index('content_obs_ws_account_idx').on(t.workspaceId, t.accountId), uniqueIndex('content_obs_key_uq').on(t.workspaceId, t.accountId, t.externalKey)]);

/** One row per (account, period) the daily cadence check already reported, so owners hear once. */
export const cadenceReports = pgTable('content_cadence_reports', {
  id: uuid('id').primaryKey(),
  workspaceId: ws(),
  accountId: uuid('account_id').notNull(),
  periodStart: text('period_start').notNull(),
  createdAt: createdAt(),
}, (t) => [uniqueIndex('content_cadence_reports_uq').on(t.workspaceId, t.accountId, t.periodStart)]);
