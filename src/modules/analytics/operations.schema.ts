/** Schemas of the dashboard, competitor board, collection and scheduled-delivery routes (zod 4). */
import { z } from 'zod';
import { workspaceIdParams } from './schema.js';

const count = z.number().nullable();
const day = z.iso.date();

export const dashboardQuery = z.object({
  from: day, to: day, compareFrom: day.optional(), compareTo: day.optional(),
  platform: z.string().max(40).optional(), account: z.string().max(200).optional(),
});
const totals = z.object({ exposure: count, interactions: count, interactionRate: count, newFollowers: count, conversions: count, posts: z.number() });
const trend = z.array(z.object({ day: z.string(), exposure: count, interactions: count, interactionRate: count }));
export const dashboardResponse = z.object({
  range: z.object({ from: z.string(), to: z.string() }),
  compare: z.object({ from: z.string(), to: z.string() }).nullable(),
  scope: z.object({ platform: z.string().optional(), account: z.string().optional() }),
  level: z.enum(['workspace', 'platform', 'account']),
  totals, compareTotals: totals.nullable(),
  change: z.object({ exposure: count, interactions: count, newFollowers: count, conversions: count }).nullable(),
  trend, compareTrend: trend.nullable(),
  breakdown: z.array(totals.extend({ key: z.string(), platform: z.string() })),
  heatmap: z.array(z.object({ weekday: z.number(), hour: z.number(), posts: z.number(), interactionRate: count })),
  themes: z.array(z.object({ theme: z.string().nullable(), posts: z.number(), interactions: count, exposure: count, interactionRate: count })),
  posts: z.array(z.object({
    postId: z.string(), title: z.string(), platform: z.string(), account: z.string(), theme: z.string().nullable(), format: z.string().nullable(),
    exposure: count, interactions: count, interactionRate: count, conversions: count,
  })),
  options: z.array(z.object({ platform: z.string(), account: z.string() })),
});

export const rangeQuery = z.object({ from: day, to: day });
export const competitorBoardResponse = z.object({
  from: z.string(), to: z.string(),
  ranking: z.array(z.object({
    name: z.string(), platform: z.string(), own: z.boolean(), followers: count, postsPerWeek: count, interactionRate: count, growth: count,
    ranks: z.record(z.string(), z.number().nullable()), overallRank: z.number(), score: count,
  })),
  series: z.array(z.object({
    name: z.string(), platform: z.string(), own: z.boolean(),
    points: z.array(z.object({ day: z.string(), followers: count, interactionRate: count })),
  })),
});

export const trackedPostsResponse = z.object({
  items: z.array(z.object({
    platform: z.string(), account: z.string(), postId: z.string(), title: z.string(), status: z.string(), publishedAt: z.string(),
    lastCollectedAt: z.string().nullable(), nextCollectAt: z.string().nullable(), collections: z.number(), lastError: z.string().nullable(),
  })),
});
export const collectBody = z.strictObject({
  /** Also read the accounts' followers for this day (default: yesterday in the workspace zone). */
  accountsDay: day.optional(),
});
export const collectResponse = z.object({ posts: z.object({ read: z.number(), failed: z.number() }), accounts: z.object({ read: z.number(), failed: z.number() }) });

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM');
const scheduleFields = {
  name: z.string().trim().min(1).max(100),
  report: z.enum(['weekly', 'monthly']),
  format: z.enum(['pdf', 'xlsx', 'md']),
  /** Weekly: ISO weekday 1 (Monday) – 7; monthly: day of month 1–28. */
  day: z.number().int().min(1).max(28),
  time,
  channelIds: z.array(z.uuid()).max(20),
  userIds: z.array(z.uuid()).max(100),
  enabled: z.boolean(),
};
export const scheduleBody = z.object({ ...scheduleFields, channelIds: scheduleFields.channelIds.default([]), userIds: scheduleFields.userIds.default([]), enabled: z.boolean().default(true) })
  .refine((s) => s.report !== 'weekly' || s.day <= 7, { path: ['day'], message: 'a weekday is 1–7' });
export const schedulePatch = z.object(scheduleFields).partial();
export const scheduleSchema = z.object({
  id: z.string(), name: z.string(), report: z.enum(['weekly', 'monthly']), format: z.enum(['pdf', 'xlsx', 'md']), day: z.number(), time: z.string(),
  channelIds: z.array(z.string()), userIds: z.array(z.string()), enabled: z.boolean(), lastPeriod: z.string().nullable(),
  lastSentAt: z.string().nullable(), createdAt: z.string(),
});
export const scheduleParams = workspaceIdParams.extend({ scheduleId: z.uuid() });
export const sendBody = z.strictObject({ period: z.string().regex(/^\d{4}-(W\d{2}|\d{2})$/, 'expected YYYY-Www or YYYY-MM').optional() });
export const sendResponse = z.object({ sent: z.boolean(), period: z.string() });

