import { z } from 'zod';
import { CHANNEL_KINDS } from './model.js';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM');
const httpUrl = z.url({ protocol: /^https?$/ });

export const channelConfigSchemas = {
  wecom: z.object({ webhookUrl: httpUrl }),
  dingtalk: z.object({ webhookUrl: httpUrl, secret: z.string().min(1).max(200).optional() }),
  feishu: z.object({ webhookUrl: httpUrl, secret: z.string().min(1).max(200).optional() }),
  webhook: z.object({ url: httpUrl, secret: z.string().min(16, 'at least 16 characters').max(200) }),
  email: z.object({
    host: z.string().min(1).max(200), port: z.number().int().min(1).max(65535), secure: z.boolean().optional(),
    user: z.string().max(200).optional(), pass: z.string().max(200).optional(), from: z.string().min(3).max(200),
    to: z.array(z.email()).max(50).optional(),
  }),
} as const;

export const channelIdParams = z.object({ workspaceId: z.uuid(), channelId: z.uuid() });
export const createChannelBody = z.object({
  kind: z.enum(CHANNEL_KINDS),
  name: z.string().trim().min(1).max(60),
  events: z.array(z.string().min(1).max(80)).min(1).max(50),
  config: z.record(z.string(), z.unknown()),
  enabled: z.boolean().optional(),
});
export const updateChannelBody = z.object({
  name: z.string().trim().min(1).max(60).optional(),
  events: z.array(z.string().min(1).max(80)).min(1).max(50).optional(),
  config: z.record(z.string(), z.unknown()).optional(),
  enabled: z.boolean().optional(),
}).refine((b) => Object.keys(b).length > 0, { message: 'nothing to change' });

export const channelSchema = z.object({
  id: z.string(), kind: z.enum(CHANNEL_KINDS), name: z.string(), events: z.array(z.string()), enabled: z.boolean(),
  /** Where it sends, with secrets masked. */
  target: z.string(), createdAt: z.string(),
});

export const preferencesSchema = z.object({
  emailEnabled: z.boolean(),
  mutedEvents: z.array(z.string().max(80)).max(100),
  quietHours: z.object({ start: hhmm, end: hhmm }).nullable(),
});

export const notificationSchema = z.object({
  id: z.string(), event: z.string(), severity: z.string(), title: z.string(), body: z.string(), link: z.string().nullable(),
  createdAt: z.string(), readAt: z.string().nullable(),
});
export const listNotificationsQuery = z.object({
  after: z.iso.datetime({ offset: true }).optional(),
  unreadOnly: z.enum(['true', 'false']).optional(),
  waitSeconds: z.coerce.number().int().min(0).max(25).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});
export const markReadBody = z.object({ ids: z.array(z.uuid()).max(500).optional(), all: z.boolean().optional() })
  .refine((b) => b.all || (b.ids && b.ids.length > 0), { message: 'give ids or all: true' });

export const deliverySchema = z.object({
  id: z.string(), channelId: z.string().nullable(), kind: z.string(), recipient: z.string(), event: z.string(), status: z.string(),
  attempts: z.number(), lastError: z.string().nullable(), responseStatus: z.number().nullable(), createdAt: z.string(), sentAt: z.string().nullable(),
});
