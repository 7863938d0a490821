import { z } from 'zod';
import { INDUSTRIES, PLATFORMS } from '../compliance/model.js';
import { roleSchema, workspaceIdParams } from '../team/schema.js';
import { REVIEW_STATES } from './model.js';

const key = z.string().regex(/^[a-z][a-z0-9_]{0,31}$/, 'lower-case letters, digits and _');
const subjectId = z.string().min(1).max(128).regex(/^[A-Za-z0-9_.:-]+$/, 'letters, digits, _ . : -');
const subjectType = z.string().min(1).max(64).regex(/^[a-z][a-z0-9_.]*$/);
const contentType = z.string().min(1).max(32).regex(/^[a-z][a-z0-9_]*$/);
const variantId = z.string().min(1).max(128);
const hash = z.string().regex(/^[0-9a-f]{64}$/);

export const stageSchema = z.object({
  key,
  name: z.string().trim().min(1).max(40),
  approvers: z.object({
    roles: z.array(roleSchema).max(8).default([]),
    userIds: z.array(z.uuid()).max(50).default([]),
    factOwner: z.boolean().default(false),
  }),
  required: z.number().int().min(1).max(10).default(1),
  runsCompliance: z.boolean().default(false),
  slaHours: z.number().int().min(1).max(720).optional(),
});

export const policySchema = z.object({
  stages: z.array(stageSchema).min(1).max(8),
  skip: z.record(contentType, z.array(key).max(8)).default({}),
  slaHours: z.number().int().min(1).max(720).default(24),
  /** The owner and leaders may decide any stage; omitted: on while the workspace has fewer than three members. */
  leadersDecideAny: z.boolean().optional(),
});
export const policyResponse = z.object({
  policy: policySchema,
  isDefault: z.boolean(),
  updatedAt: z.string().nullable(),
  /** Whether the owner and leaders may decide any stage right now (the switch, or its default for the team's size). */
  leadersDecideAny: z.boolean(),
  /** Whether the workspace has nobody but the author to review, so authors approve their own items (单人自审). */
  selfReview: z.boolean(),
});

const mediaSchema = z.object({
  id: z.string().min(1).max(128),
  kind: z.enum(['image', 'video']),
  rights: z.object({
    basis: z.enum(['original', 'licensed']).optional(),
    licenceId: z.string().max(128).optional(),
    peopleShown: z.boolean().optional(),
    consentIds: z.array(z.string().max(128)).max(50).optional(),
  }).optional(),
});

export const submitBody = z.object({
  subjectType: subjectType.default('content.item'),
  subjectId,
  contentType,
  factOwnerUserId: z.uuid().nullable().optional(),
  /** The item's owner (负责人): checks the facts when no fact owner is named. */
  ownerUserId: z.uuid().nullable().optional(),
  /** What reviewers see as the item's name. */
  title: z.string().trim().max(200).optional(),
  /** What the item is, for the compliance check (the check API's fields). */
  compliance: z.object({ industry: z.enum(INDUSTRIES).optional(), commercial: z.boolean().optional(), aiGenerated: z.boolean().optional() }).optional(),
  variants: z.array(z.object({
    variantId,
    platform: z.enum(PLATFORMS),
    accountId: z.uuid().optional(),
    accountName: z.string().max(100).optional(),
    title: z.string().max(200).optional(),
    text: z.string().max(50_000),
    media: z.array(mediaSchema).max(50).optional(),
  })).min(1).max(20),
});
export type SubmitInput = z.infer<typeof submitBody>;

export const itemParams = workspaceIdParams.extend({ subjectId });
export const subjectQuery = z.object({ subjectType: subjectType.default('content.item') });

export const decideBody = z.object({
  /** Which variants; by default every one waiting on a stage the caller may decide. */
  variants: z.array(z.object({ variantId, textHash: hash.optional() })).min(1).max(20).optional(),
  note: z.string().trim().max(2000).optional(),
});

export const commentSchema = z.object({
  variantId,
  field: z.enum(['text', 'title']).default('text'),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  body: z.string().trim().min(1).max(2000),
});
export const rejectBody = z.object({
  reason: z.string().trim().min(1).max(2000),
  comments: z.array(commentSchema).max(200).default([]),
  variants: z.array(z.object({ variantId, textHash: hash.optional() })).min(1).max(20).optional(),
});

export const acknowledgeBody = z.object({
  variantId,
  findingKey: z.string().min(1).max(300),
  reason: z.string().trim().min(1).max(1000),
});

const findingSchema = z.object({
  key: z.string(), rule: z.string(), category: z.string(), severity: z.enum(['block', 'warn']), field: z.string(),
  start: z.number(), end: z.number(), match: z.string(), message: z.string(), suggestion: z.string().nullable(),
  mediaId: z.string().optional(), acknowledged: z.boolean(),
});

const stageView = z.object({
  key: z.string(), name: z.string(), index: z.number(), of: z.number(), required: z.number(),
  approvals: z.array(z.string()), dueAt: z.string().nullable(), overdue: z.boolean(),
});

export const variantStatusSchema = z.object({
  variantId: z.string(), platform: z.string(), title: z.string().nullable(), text: z.string(), textHash: z.string(),
  state: z.enum(REVIEW_STATES), round: z.number(), stage: stageView.nullable(), stages: z.array(z.string()),
  approvedHash: z.string().nullable(), approvedAt: z.string().nullable(),
  findings: z.array(findingSchema), packVersion: z.string(),
});

export const historyEntrySchema = z.object({
  at: z.string(), kind: z.string(), actor: z.object({ id: z.string(), name: z.string() }).nullable(),
  variantId: z.string().nullable(), round: z.number().nullable(), stageKey: z.string().nullable(), textHash: z.string().nullable(),
  findingKey: z.string().nullable(), reason: z.string().nullable(),
  comments: z.array(commentSchema).nullable(),
});

export const statusResponse = z.object({
  subjectType: z.string(), subjectId: z.string(), title: z.string(), contentType: z.string(), authorId: z.string(),
  factOwnerUserId: z.string().nullable(), ownerUserId: z.string().nullable(),
  state: z.enum(REVIEW_STATES), variants: z.array(variantStatusSchema), history: z.array(historyEntrySchema),
});

export const historyResponse = z.object({ items: z.array(historyEntrySchema) });

export const queueResponse = z.object({
  items: z.array(z.object({
    subjectType: z.string(), subjectId: z.string(),
    /** Keep exactly: the item's name as reviewers see it. */
    title: z.string(),
    contentType: z.string(), authorId: z.string(), authorName: z.string().nullable(),
    dueAt: z.string().nullable(), overdue: z.boolean(),
    /** 单人自审: the caller is the author and decides because nobody else in the workspace may. */
    selfReview: z.boolean(),
    variants: z.array(z.object({
      variantId: z.string(), platform: z.string(), accountId: z.string().nullable(), accountName: z.string().nullable(),
      textHash: z.string(), stageKey: z.string(), stageName: z.string(), dueAt: z.string().nullable(), overdue: z.boolean(),
      selfReview: z.boolean(), round: z.number(), title: z.string().nullable(), text: z.string(),
      /** Keep exactly: the first 200 characters of this variant's copy. */
      preview: z.string(),
      findings: z.array(findingSchema),
      media: z.array(z.object({ id: z.string(), kind: z.string() })),
      /** What changed since the round before (null for a first round or the same text). */
      changes: z.object({ start: z.number(), removed: z.string(), added: z.string() }).nullable(),
    })),
  })),
  counts: z.record(z.string(), z.number()),
  total: z.number(),
  overdue: z.number(),
});
