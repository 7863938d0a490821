/** Request/response schemas of the analytics API (zod 4); the console imports these types. */
import { z } from 'zod';
import { GOAL_METRICS } from './goals.js';
import { PLATFORMS } from './labels.js';

export const localeSchema = z.enum(['zh-CN', 'en-US']);
export const workspaceIdParams = z.object({ workspaceId: z.uuid() });
const isoWeek = z.string().regex(/^\d{4}-W\d{2}$/, 'expected YYYY-Www');
const count = z.number().nullable();
const percent = z.number().nullable();

export const weekQuery = z.object({ week: isoWeek.optional(), locale: localeSchema.optional() });
export const formatSchema = z.enum(['json', 'md', 'xlsx', 'pdf', 'csv']);
export const weeklyReportQuery = weekQuery.extend({ format: formatSchema.default('json') });
export const periodParams = workspaceIdParams.extend({ kind: z.enum(['monthly', 'quarterly']) });
export const periodQuery = z.object({
  period: z.string().regex(/^\d{4}-(\d{2}|Q[1-4])$/, 'expected YYYY-MM or YYYY-Qn'),
  format: formatSchema.default('json'),
  locale: localeSchema.optional(),
});

const totals = {
  exposure: count, exposureWoW: percent, interactions: count, interactionRate: percent,
  newFollowers: count, newFollowersWoW: percent, conversions: count, conversionRate: percent,
};
export const weeklyTableSchema = z.object({
  week: z.string(),
  rows: z.array(z.object({
    platform: z.string(),
    ...totals,
    topItem: z.object({ title: z.string(), interactionRate: percent }).nullable(),
    topPostId: z.string().nullable(),
    issues: z.array(z.object({ code: z.string(), text: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])) })),
    posts: z.number(),
    netFollowers: count,
    followerGrowthRate: percent,
  })),
  totals: z.object(totals),
});

const cell = z.union([z.string(), z.number(), z.null()]);
export const reportDocumentSchema = z.object({
  kind: z.enum(['weekly', 'monthly', 'quarterly']),
  locale: localeSchema,
  title: z.string().min(1).max(200),
  period: z.object({ label: z.string().max(100), start: z.iso.date(), end: z.iso.date() }),
  sections: z.array(z.object({
    key: z.string().max(40),
    heading: z.string().max(200),
    paragraphs: z.array(z.string().max(5000)).max(100),
    table: z.object({
      columns: z.array(z.object({
        key: z.string(), header: z.string(), kind: z.enum(['text', 'int', 'percent', 'change']), digits: z.number().int().min(0).max(6).optional(),
      })).max(30),
      rows: z.array(z.record(z.string(), cell)).max(1000),
      hasTotal: z.boolean().optional(),
    }).optional(),
  })).max(20),
  charts: z.array(z.object({
    key: z.string(), title: z.string(), type: z.enum(['bar', 'line']), categories: z.array(z.string()).max(50),
    values: z.array(z.number().nullable()).max(50), unit: z.enum(['', '%']),
  })).max(6).optional(),
});

/** An edited report to render (the console's "edit before sending"). */
export const renderBody = z.object({ document: reportDocumentSchema, format: z.enum(['md', 'xlsx', 'pdf', 'csv']) });

export const importBody = z.object({
  filename: z.string().min(1).max(200),
  /** The file's bytes, base64-encoded (CSV or XLSX). */
  contentBase64: z.string().min(1).max(14_000_000),
  locale: localeSchema.optional(),
  /** A mapping chosen in the console: our column → header index (null: not in the file). */
  mapping: z.record(z.string().max(40), z.number().int().min(0).max(200).nullable()).optional(),
  kind: z.enum(['posts', 'accounts']).optional(),
});
export const importResponse = z.object({
  kind: z.enum(['posts', 'accounts']), rows: z.number(), from: z.string(), to: z.string(),
  platforms: z.array(z.string()), accounts: z.number(),
});
export const previewResponse = z.object({
  headers: z.array(z.string()),
  kind: z.enum(['posts', 'accounts']),
  mapping: z.record(z.string(), z.number().nullable()),
  unmapped: z.array(z.string()),
  missing: z.array(z.string()),
  rows: z.number(),
  errors: z.array(z.object({ line: z.number(), field: z.string(), code: z.string(), message: z.string() })),
});

const scopeSchema = z.object({ platforms: z.array(z.enum(PLATFORMS)).max(12).optional(), accounts: z.array(z.string().max(100)).max(100).optional() });
export const goalBody = z.object({
  name: z.string().trim().min(1).max(100),
  metric: z.enum(GOAL_METRICS),
  target: z.number().positive(),
  scope: scopeSchema.default({}),
  start: z.iso.date(),
  end: z.iso.date(),
});
export const goalSchema = z.object({
  id: z.string(), name: z.string(), metric: z.string(), target: z.number(), scope: scopeSchema,
  start: z.string(), end: z.string(), createdAt: z.string(),
  progress: z.object({
    actual: z.number().nullable(), progress: z.number().nullable(), daysTotal: z.number(), daysElapsed: z.number(),
    elapsed: z.number(), projected: z.number().nullable(), projectedProgress: z.number().nullable(),
    status: z.enum(['on_track', 'at_risk', 'off_track']).nullable(), ended: z.boolean(),
  }),
});
export const goalParams = workspaceIdParams.extend({ goalId: z.uuid() });

export const competitorBody = z.object({
  name: z.string().trim().min(1).max(100), platform: z.enum(PLATFORMS),
  handle: z.string().max(100).optional(), notes: z.string().max(1000).optional(),
});
export const competitorSchema = z.object({ id: z.string(), name: z.string(), platform: z.string(), handle: z.string().nullable(), notes: z.string().nullable() });
export const competitorParams = workspaceIdParams.extend({ competitorId: z.uuid() });
export const competitorSnapshotBody = z.object({
  date: z.iso.date(),
  followers: z.number().int().min(0).nullable().optional(),
  posts: z.number().int().min(0).nullable().optional(),
  interactionRate: z.number().min(0).max(100).nullable().optional(),
});

export const dailyQuery = z.object({
  date: z.iso.date().optional(),
  /** Industry interaction rate (percent) as the hit baseline; the account's own median otherwise. */
  industryRate: z.coerce.number().positive().max(100).optional(),
  /** Duds are under this interaction rate (percent); half the baseline otherwise. */
  dudRate: z.coerce.number().positive().max(100).optional(),
  locale: localeSchema.optional(),
});
const verdictSchema = z.object({
  postId: z.string(), title: z.string(), interactionRate: z.number(), exposure: z.number().nullable(),
  reasons: z.array(z.object({ dimension: z.string(), value: z.string(), groupRate: z.number(), overallRate: z.number(), metric: z.string().optional(), text: z.string() })),
});
export const dailyResponse = z.object({
  date: z.string(),
  accounts: z.array(z.object({
    platform: z.string(), account: z.string(), baselineRate: z.number().nullable(), dudRate: z.number().nullable(),
    hits: z.array(verdictSchema), duds: z.array(verdictSchema),
  })),
});
