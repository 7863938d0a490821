import { z } from 'zod';
import { ATTEMPT_OUTCOMES, MONITOR_TABS, PUBLICATION_STATES } from './model.js';

export const publicationParams = z.object({ workspaceId: z.uuid(), publicationId: z.uuid() });
export const monitorQuery = z.object({
  tab: z.enum(MONITOR_TABS).default('due'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export const confirmBody = z.object({ url: z.string().min(8).max(2000) });

const media = z.object({
  id: z.string(), kind: z.enum(['image', 'video']), url: z.string(), bytes: z.number().optional(), width: z.number().optional(),
  height: z.number().optional(), durationSec: z.number().optional(),
});

export const publicationSchema = z.object({
  id: z.uuid(), contentItemId: z.string(), variantId: z.string(), accountId: z.uuid(), platform: z.string(),
  state: z.enum(PUBLICATION_STATES), dueAt: z.string(), dueAtLocal: z.string(), nextAttemptAt: z.string().nullable(),
  title: z.string().nullable(), text: z.string(), media: z.array(media), attempts: z.number().int(),
  lastError: z.string().nullable(), lastErrorKind: z.string().nullable(), platformPostId: z.string().nullable(), url: z.string().nullable(),
  publishedAt: z.string().nullable(), confirmedAt: z.string().nullable(), handoff: z.record(z.string(), z.unknown()).nullable(),
  metricsFollowUp: z.string().nullable(), createdBy: z.uuid(), createdAt: z.string(), updatedAt: z.string(),
});

export const attemptSchema = z.object({
  id: z.uuid(), number: z.number().int(), kind: z.string(), outcome: z.enum(ATTEMPT_OUTCOMES), startedAt: z.string(), finishedAt: z.string(),
  durationMs: z.number(), worker: z.string().nullable(), message: z.string().nullable(), platformCode: z.string().nullable(),
  retryAfterMs: z.number().nullable(), raw: z.unknown(),
});

export const monitorResponse = z.object({
  items: z.array(publicationSchema),
  counts: z.object(Object.fromEntries(MONITOR_TABS.map((t) => [t, z.number().int()])) as Record<(typeof MONITOR_TABS)[number], z.ZodNumber>),
  /** Posts held because their account must be re-authorised (the banner). */
  waitingAuth: z.number().int(),
  timeZone: z.string(),
});
export const detailResponse = z.object({ publication: publicationSchema, attempts: z.array(attemptSchema), timeZone: z.string() });

export type PublicationDto = z.infer<typeof publicationSchema>;
export type AttemptDto = z.infer<typeof attemptSchema>;
export type MonitorDto = z.infer<typeof monitorResponse>;
export type DetailDto = z.infer<typeof detailResponse>;
