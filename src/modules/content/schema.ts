import { z } from 'zod';
import { workspaceIdParams } from '../team/schema.js';
import { INDUSTRIES } from '../compliance/model.js';
import { CONTENT_PLATFORMS, CONTENT_STATUSES, THEME_CLASSES } from './model.js';

const iso = z.iso.datetime({ offset: true });
const short = (n: number) => z.string().trim().max(n);
const opt = (n: number) => short(n).nullable().optional();
const count = z.number().int().min(0).max(2_000_000_000).nullable().optional();
export const platformSchema = z.enum(CONTENT_PLATFORMS);
export const statusSchema = z.enum(CONTENT_STATUSES);

export const masterSchema = z.object({
  text: z.string().max(50_000).default(''),
  title: opt(200),
  digest: opt(300),
  hashtags: z.array(short(40).min(1)).max(30).optional(),
  mentions: z.array(short(40).min(1)).max(30).optional(),
  mediaIds: z.array(z.uuid()).max(50).optional(),
});

const itemFields = {
  plannedAt: iso.nullable().optional(),
  platforms: z.array(platformSchema).max(12).optional(),
  accountIds: z.array(z.uuid()).max(30).optional(),
  topic: short(200).min(1),
  themeClass: z.enum(THEME_CLASSES).nullable().optional(),
  format: opt(20),
  goal: opt(200),
  ownerId: z.uuid().nullable().optional(),
  /** 事实核查人: who vouches for the facts at the accuracy review stage. */
  factOwnerId: z.uuid().nullable().optional(),
  summary: opt(2000),
  mediaNotes: opt(1000),
  engagementPrompt: opt(500),
  expectedExposure: count,
  expectedInteractions: count,
  notes: opt(1000),
  campaign: opt(100),
  goalRef: opt(100),
  /** Schedule at the planned time as soon as review approves (needs content.schedule). */
  publishWhenApproved: z.boolean().optional(),
  industry: z.enum(INDUSTRIES).nullable().optional(),
  commercial: z.boolean().optional(),
  aiGenerated: z.boolean().optional(),
  master: masterSchema.optional(),
};

export const createItemBody = z.object({ ...itemFields, status: z.enum(['idea', 'draft']).optional() });
export type CreateItemInput = z.infer<typeof createItemBody>;
export const updateItemBody = z.object(itemFields).partial()
  .refine((b) => Object.keys(b).length > 0, { message: 'nothing to change' });
export type UpdateItemInput = z.infer<typeof updateItemBody>;

export const updateVariantBody = z.object({
  title: opt(200), text: z.string().max(50_000).optional(), digest: opt(300),
  tags: z.array(short(40).min(1)).max(30).optional(), mediaIds: z.array(z.uuid()).max(50).optional(),
  /** Back to the text generated from the master. */
  reset: z.boolean().optional(),
}).refine((b) => Object.keys(b).length > 0, { message: 'nothing to change' });
export type UpdateVariantInput = z.infer<typeof updateVariantBody>;

export const itemParams = workspaceIdParams.extend({ itemId: z.uuid() });
export const variantParams = itemParams.extend({ variantId: z.uuid() });
export const atBody = z.object({ at: iso });
export const moveBody = z.object({ date: z.iso.date() });
export const submitBody = z.object({ factOwnerUserId: z.uuid().nullable().optional() });
export const actualsBody = z.object({ exposure: count, interactions: count });

export const listQuery = z.object({
  from: iso.optional(), to: iso.optional(),
  platform: platformSchema.optional(), accountId: z.uuid().optional(), themeClass: z.enum(THEME_CLASSES).optional(),
  ownerId: z.uuid().optional(), status: statusSchema.optional(), q: short(100).optional(),
  /** Pages of `limit` items (default all up to 2,000, as the calendar and sheet need). */
  limit: z.coerce.number().int().min(1).max(200).optional(), cursor: z.string().max(200).optional(),
});
export type ListFilter = z.infer<typeof listQuery>;
export const rangeQuery = z.object({ from: z.iso.date(), to: z.iso.date() })
  .refine((r) => r.from <= r.to, { message: 'from must not be after to' });

const warningSchema = z.object({ code: z.string(), severity: z.enum(['error', 'warn', 'info']), message: z.string() });
export const variantSchema = z.object({
  id: z.string(), accountId: z.string().nullable(), accountName: z.string().nullable(), platform: z.string(),
  title: z.string().nullable(), text: z.string(), digest: z.string().nullable(), tags: z.array(z.string()), mediaIds: z.array(z.string()),
  customized: z.boolean(), textHash: z.string(), length: z.number(), limit: z.number(), warnings: z.array(warningSchema),
  review: z.enum(['not_submitted', 'changed', 'in_review', 'changes_requested', 'approved']),
  publish: z.object({ state: z.string(), url: z.string().nullable(), lastError: z.string().nullable() }).nullable(),
});
export const itemSchema = z.object({
  id: z.string(), plannedAt: z.string().nullable(), date: z.string().nullable(), time: z.string().nullable(), weekday: z.string().nullable(),
  platforms: z.array(z.string()), accountIds: z.array(z.string()), topic: z.string(), themeClass: z.string().nullable(),
  format: z.string().nullable(), goal: z.string().nullable(), owner: z.object({ id: z.string(), name: z.string() }).nullable(),
  factOwner: z.object({ id: z.string(), name: z.string() }).nullable(),
  summary: z.string().nullable(), mediaNotes: z.string().nullable(), engagementPrompt: z.string().nullable(),
  expectedExposure: z.number().nullable(), expectedInteractions: z.number().nullable(),
  actualExposure: z.number().nullable(), actualInteractions: z.number().nullable(), actualConversions: z.number().nullable(), notes: z.string().nullable(),
  status: statusSchema, publishWhenApproved: z.boolean(), campaign: z.string().nullable(), goalRef: z.string().nullable(),
  industry: z.enum(INDUSTRIES).nullable(), commercial: z.boolean(), aiGenerated: z.boolean(),
  master: z.object({ text: z.string(), title: z.string().nullable(), digest: z.string().nullable(), hashtags: z.array(z.string()), mentions: z.array(z.string()), mediaIds: z.array(z.string()) }),
  createdAt: z.string(), updatedAt: z.string(),
});
export const itemWithVariants = z.object({ item: itemSchema, variants: z.array(variantSchema) });
export const itemsResponse = z.object({ items: z.array(itemSchema), nextCursor: z.string().nullable().optional() });
export const scheduleResponse = itemWithVariants.extend({ warnings: z.array(z.string()) });

export const previewBody = z.object({
  master: masterSchema, platforms: z.array(platformSchema).min(1).max(12),
});
