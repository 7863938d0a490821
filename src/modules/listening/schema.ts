import { z } from 'zod';
import { workspaceIdParams } from '../team/schema.js';
import { FREQUENCIES, MONITOR_KINDS, SOURCE_PATTERN } from './model.js';
import { RISK_LEVELS } from './risk.js';

const iso = z.iso.datetime({ offset: true });
const count = z.number().int().min(0).max(2_000_000_000);
const sourceName = z.string().trim().toLowerCase().regex(SOURCE_PATTERN, 'lower-case letters, digits and . _ : - (up to 64)');

export const monitorKindSchema = z.enum(MONITOR_KINDS);
export const frequencySchema = z.enum(FREQUENCIES);
export const riskSchema = z.enum(RISK_LEVELS);

export const createMonitorBody = z.object({
  name: z.string().trim().min(1).max(80),
  kind: monitorKindSchema,
  query: z.string().trim().min(1).max(2000),
  excludes: z.array(z.string().trim().min(1).max(200)).max(100).optional(),
  sources: z.array(z.string().trim().toLowerCase().regex(/^[a-z0-9][a-z0-9._:*-]{0,63}$/)).max(50).optional(),
  frequency: frequencySchema.optional(),
});
export const updateMonitorBody = createMonitorBody.partial().extend({ enabled: z.boolean().optional() });
export const monitorParams = workspaceIdParams.extend({ monitorId: z.uuid() });

export const monitorSchema = z.object({
  id: z.uuid(), name: z.string(), kind: monitorKindSchema, query: z.string(), excludes: z.array(z.string()), sources: z.array(z.string()),
  frequency: frequencySchema, enabled: z.boolean(), createdAt: z.string(), updatedAt: z.string(),
});
export const monitorResponse = z.object({ monitor: monitorSchema });
export const monitorsResponse = z.object({ items: z.array(monitorSchema) });

/** One mention as data vendors, the push API and the JSONL import send it. */
export const mentionInput = z.object({
  source: sourceName,
  externalId: z.string().trim().min(1).max(200),
  url: z.url({ protocol: /^https?$/ }).max(2000).optional(),
  text: z.string().trim().min(1).max(20_000),
  title: z.string().trim().max(500).optional(),
  author: z.object({ name: z.string().trim().min(1).max(200), followers: count.optional(), verified: z.boolean().optional() }),
  publishedAt: iso,
  reposts: count.optional(),
  comments: count.optional(),
  likes: count.optional(),
});
export type MentionInput = z.infer<typeof mentionInput>;

export const MAX_BATCH = 1000;
/** Items are checked one by one so that one bad mention is rejected, not the batch. */
export const batchBody = z.object({ mentions: z.array(z.unknown()).min(1).max(MAX_BATCH) });
export const batchResponse = z.object({ accepted: z.number(), duplicates: z.number(), rejected: z.array(z.object({ index: z.number(), error: z.string() })) });

export const mentionsQuery = z.object({
  monitorId: z.uuid().optional(),
  risk: riskSchema.optional(),
  sentiment: z.enum(['positive', 'neutral', 'negative']).optional(),
  source: z.string().max(64).optional(),
  from: iso.optional(),
  to: iso.optional(),
  q: z.string().trim().max(200).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});
export const mentionParams = workspaceIdParams.extend({ mentionId: z.uuid() });

export const mentionSchema = z.object({
  id: z.uuid(), source: z.string(), externalId: z.string(), via: z.string(), url: z.string().nullable(), title: z.string().nullable(), text: z.string(),
  author: z.object({ name: z.string(), followers: z.number(), verified: z.boolean() }),
  publishedAt: z.string(), receivedAt: z.string(), reposts: z.number(), comments: z.number(), likes: z.number(),
  sentiment: z.string(), intent: z.string(), keywords: z.array(z.string()), reach: z.number(),
  risk: riskSchema, riskReasons: z.array(z.string()), monitorIds: z.array(z.string()), groupId: z.string(), duplicates: z.number().optional(),
});
export const mentionsResponse = z.object({ items: z.array(mentionSchema), nextCursor: z.string().nullable() });

const grade = z.enum(['low', 'medium', 'high']);
const row = z.object({ low: riskSchema, medium: riskSchema, high: riskSchema });
export const riskMatrixSchema = z.object({
  cells: z.object({ low: row, medium: row, high: row }),
  impact: z.object({ mediumFollowers: count, highFollowers: count, mediumEngagement: count, highEngagement: count }),
});
export const riskMatrixResponse = z.object({ matrix: riskMatrixSchema, grades: z.array(grade) });
