import { z } from 'zod';
import { CONVERSATION_KINDS, CONVERSATION_STATUSES, PRIORITIES, SLA_STATES } from './model.js';

const id = z.uuid();
export const conversationParams = z.object({ workspaceId: id, conversationId: id });
export const replyParams = conversationParams.extend({ replyId: id });

export const conversationQuery = z.object({
  status: z.enum(CONVERSATION_STATUSES).optional(),
  assigneeUserId: z.union([z.literal('me'), z.literal('none'), id]).optional(),
  priority: z.enum(PRIORITIES).optional(),
  platform: z.string().regex(/^[a-z]+$/).max(20).optional(),
  accountId: id.optional(),
  kind: z.enum(CONVERSATION_KINDS).optional(),
  sentiment: z.enum(['positive', 'neutral', 'negative']).optional(),
  intent: z.enum(['inquiry', 'complaint', 'praise', 'spam', 'other']).optional(),
  slaState: z.enum(SLA_STATES).optional(),
  q: z.string().max(100).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});

export const conversationSchema = z.object({
  id: z.string(), kind: z.enum(CONVERSATION_KINDS), platform: z.string(), accountId: z.string(),
  status: z.enum(CONVERSATION_STATUSES), priority: z.enum(PRIORITIES), assigneeUserId: z.string().nullable(), tags: z.array(z.string()),
  author: z.object({ id: z.string(), name: z.string() }),
  lastMessage: z.object({ text: z.string(), sentiment: z.string().nullable(), intent: z.string().nullable(), spam: z.boolean(), at: z.string() }),
  messageCount: z.number(), slaDueAt: z.string().nullable(), firstResponseAt: z.string().nullable(), slaState: z.enum(SLA_STATES),
  platformPostId: z.string().nullable(), createdAt: z.string(), updatedAt: z.string(),
});

export const messageSchema = z.object({
  id: z.string(), direction: z.enum(['in', 'out']), text: z.string(), at: z.string(),
  author: z.object({ id: z.string(), name: z.string() }).nullable(),
  sentiment: z.string().nullable(), intent: z.string().nullable(), spam: z.boolean().nullable(),
  status: z.enum(['queued', 'sent', 'failed']).optional(), platformMessageId: z.string().nullable().optional(),
  private: z.boolean().optional(), error: z.string().nullable().optional(), sentByUserId: z.string().nullable().optional(),
  moderation: z.string().nullable(),
});

export const conversationPatch = z.object({
  status: z.enum(CONVERSATION_STATUSES).optional(),
  assigneeUserId: id.nullable().optional(),
  priority: z.enum(PRIORITIES).optional(),
  tags: z.array(z.string().trim().min(1).max(30)).max(20).optional(),
}).refine((p) => Object.keys(p).length > 0, { message: 'give at least one of status, assigneeUserId, priority, tags' });

export const replyBody = z.object({ text: z.string().trim().min(1).max(2000), private: z.boolean().optional() });
export const replySchema = z.object({ id: z.string(), status: z.enum(['queued', 'sent', 'failed']), platformMessageId: z.string().nullable(), error: z.string().nullable() });
export const moderateBody = z.object({ action: z.enum(['hide', 'delete']), messageId: id.optional() });

export const summarySchema = z.object({
  byStatus: z.object({ open: z.number(), pending: z.number(), resolved: z.number(), spam: z.number() }),
  unassigned: z.number(), slaWarning: z.number(), slaBreached: z.number(),
});

export const slaPolicySchema = z.object({
  firstResponseWorkingHours: z.number().positive().max(200),
  warnBeforeMinutes: z.number().int().min(0).max(24 * 60),
});
