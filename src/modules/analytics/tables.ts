import { bigint, boolean, date, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { workspaces } from '../team/tables.js';
import type { GoalMetric, GoalScope } from './goals.js';

// Dates (`date`) are days in the workspace's time zone, as the platforms report them.
// Counts are nullable: unknown is null, never 0.
const at = (name: string) => timestamp(name, { withTimezone: true });
const workspaceId = () => uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' });
const count = (name: string) => bigint(name, { mode: 'number' });

/** One post's counts for one day (imported or collected). Re-importing a day replaces it. */
export const analyticsPostSnapshots = pgTable('analytics_post_snapshots', {
  workspaceId: workspaceId(),
  day: date('day', { mode: 'string' }).notNull(),
  platform: text('platform').notNull(),
  account: text('account').notNull(),
  postId: text('post_id').notNull(),
  postTitle: text('post_title').notNull().default(''),
  theme: text('theme'),
  format: text('format'),
  publishedHour: integer('published_hour'),
  exposure: count('exposure'),
  likes: count('likes'),
  comments: count('comments'),
  shares: count('shares'),
  saves: count('saves'),
  clicks: count('clicks'),
  conversions: count('conversions'),
  source: text('source').notNull().default('import'),
  updatedAt: at('updated_at').notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.day, t.platform, t.account, t.postId] }),
  index('analytics_post_snapshots_ws_day_idx').on(t.workspaceId, t.day),
]);

/** One account's followers for one day. */
export const analyticsAccountSnapshots = pgTable('analytics_account_snapshots', {
  workspaceId: workspaceId(),
  day: date('day', { mode: 'string' }).notNull(),
  platform: text('platform').notNull(),
  account: text('account').notNull(),
  followers: count('followers'),
  newFollowers: count('new_followers'),
  unfollows: count('unfollows'),
  source: text('source').notNull().default('import'),
  updatedAt: at('updated_at').notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.day, t.platform, t.account] }),
  index('analytics_account_snapshots_ws_day_idx').on(t.workspaceId, t.day),
]);

/** Per account and day: the posts' counts summed plus the account's followers (dashboards). */
export const analyticsDailyRollups = pgTable('analytics_daily_rollups', {
  workspaceId: workspaceId(),
  day: date('day', { mode: 'string' }).notNull(),
  platform: text('platform').notNull(),
  account: text('account').notNull(),
  posts: integer('posts').notNull().default(0),
  exposure: count('exposure'),
  interactions: count('interactions'),
  clicks: count('clicks'),
  conversions: count('conversions'),
  followers: count('followers'),
  newFollowers: count('new_followers'),
  unfollows: count('unfollows'),
  updatedAt: at('updated_at').notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.workspaceId, t.day, t.platform, t.account] })]);

/** SMART goals: metric, target, platform/account scope, start and end day. */
export const analyticsGoals = pgTable('analytics_goals', {
  id: uuid('id').primaryKey(),
  workspaceId: workspaceId(),
  name: text('name').notNull(),
  metric: text('metric').$type<GoalMetric>().notNull(),
  target: doublePrecision('target').notNull(),
  scope: jsonb('scope').$type<GoalScope>().notNull().default({}),
  startDay: date('start_day', { mode: 'string' }).notNull(),
  endDay: date('end_day', { mode: 'string' }).notNull(),
  createdBy: uuid('created_by'),
  createdAt: at('created_at').notNull().defaultNow(),
}, (t) => [index('analytics_goals_ws_idx').on(t.workspaceId)]);

/** Reference accounts to benchmark against (竞品). */
export const analyticsCompetitors = pgTable('analytics_competitors', {
  id: uuid('id').primaryKey(),
  workspaceId: workspaceId(),
  name: text('name').notNull(),
  platform: text('platform').notNull(),
  handle: text('handle'),
  notes: text('notes'),
  createdAt: at('created_at').notNull().defaultNow(),
}, (t) => [uniqueIndex('analytics_competitors_uq').on(t.workspaceId, t.platform, t.name)]);

/** What we observed of a competitor on a day (followers, posts that day, interaction rate). */
export const analyticsCompetitorSnapshots = pgTable('analytics_competitor_snapshots', {
  competitorId: uuid('competitor_id').notNull().references(() => analyticsCompetitors.id, { onDelete: 'cascade' }),
  workspaceId: workspaceId(),
  day: date('day', { mode: 'string' }).notNull(),
  followers: count('followers'),
  posts: integer('posts'),
  interactionRate: doublePrecision('interaction_rate'),
}, (t) => [primaryKey({ columns: [t.competitorId, t.day] }), index('analytics_competitor_snapshots_ws_idx').on(t.workspaceId, t.day)]);

/**
 * A published post the collector follows (from publishing's `analytics.collect_post`). Counts
 * from the platform are cumulative; a day's snapshot is `last` minus `base` (the last reading
 * of the day before), so a week's days add up to the post's total.
 */
export const analyticsTrackedPosts = pgTable('analytics_tracked_posts', {
  workspaceId: workspaceId(),
  accountId: uuid('account_id').notNull(),
  platformPostId: text('platform_post_id').notNull(),
  publicationId: uuid('publication_id'),
  platform: text('platform').notNull(),
  account: text('account').notNull(),
  postTitle: text('post_title').notNull().default(''),
  theme: text('theme'),
  format: text('format'),
  publishedAt: at('published_at').notNull(),
  publishedHour: integer('published_hour'),
  /** active: collected on its cadence · done: old enough to stop · unsupported: the platform has no post metrics. */
  status: text('status').$type<'active' | 'done' | 'unsupported'>().notNull().default('active'),
  nextCollectAt: at('next_collect_at'),
  lastCollectedAt: at('last_collected_at'),
  collections: integer('collections').notNull().default(0),
  failures: integer('failures').notNull().default(0),
  lastError: text('last_error'),
  /** The day (workspace zone) `last` was read on, and the cumulative reading before that day. */
  cumDay: date('cum_day', { mode: 'string' }),
  base: jsonb('base').$type<Record<string, number | null>>(),
  last: jsonb('last').$type<Record<string, number | null>>(),
  createdAt: at('created_at').notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.accountId, t.platformPostId] }),
  uniqueIndex('analytics_tracked_posts_publication_uq').on(t.publicationId),
  index('analytics_tracked_posts_due_idx').on(t.status, t.nextCollectAt),
]);

/** Scheduled delivery of a report (e.g. the weekly review every Monday 09:00, workspace zone). */
export const analyticsReportSchedules = pgTable('analytics_report_schedules', {
  id: uuid('id').primaryKey(),
  workspaceId: workspaceId(),
  name: text('name').notNull(),
  report: text('report').$type<'weekly' | 'monthly'>().notNull(),
  format: text('format').$type<'pdf' | 'xlsx' | 'md'>().notNull(),
  /** ISO weekday 1–7 (weekly) or day of month 1–28 (monthly), and the local time HH:MM. */
  day: integer('day').notNull(),
  time: text('time').notNull(),
  channelIds: jsonb('channel_ids').$type<string[]>().notNull().default([]),
  userIds: jsonb('user_ids').$type<string[]>().notNull().default([]),
  enabled: boolean('enabled').notNull().default(true),
  /** The period last sent on schedule (claimed in the same transaction as the notification). */
  lastPeriod: text('last_period'),
  lastSentAt: at('last_sent_at'),
  createdBy: uuid('created_by'),
  createdAt: at('created_at').notNull().defaultNow(),
}, (t) => [index('analytics_report_schedules_ws_idx').on(t.workspaceId)]);

/**
 * Per post and ISO week (Monday): its days summed, with the descriptive fields aggregatePosts
 * would pick — what the weekly report reads, refreshed with the daily rollups.
 */
export const analyticsPostWeeks = pgTable('analytics_post_weeks', {
  workspaceId: workspaceId(),
  weekStart: date('week_start', { mode: 'string' }).notNull(),
  platform: text('platform').notNull(),
  account: text('account').notNull(),
  postId: text('post_id').notNull(),
  firstDay: date('first_day', { mode: 'string' }).notNull(),
  postTitle: text('post_title').notNull().default(''),
  theme: text('theme'),
  format: text('format'),
  publishedHour: integer('published_hour'),
  exposure: doublePrecision('exposure'),
  likes: doublePrecision('likes'),
  comments: doublePrecision('comments'),
  shares: doublePrecision('shares'),
  saves: doublePrecision('saves'),
  clicks: doublePrecision('clicks'),
  conversions: doublePrecision('conversions'),
}, (t) => [primaryKey({ columns: [t.workspaceId, t.weekStart, t.platform, t.account, t.postId] })]);
