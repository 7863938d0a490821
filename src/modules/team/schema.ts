import { z } from 'zod';
import { ROLES } from './model.js';

export const roleSchema = z.enum(ROLES);
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM');
export const localeSchema = z.enum(['zh-CN', 'en-US']);

export const userSchema = z.object({ id: z.string(), email: z.string(), name: z.string(), locale: z.string() });
export const workingHoursSchema = z.object({
  days: z.array(z.object({ weekday: z.number().int().min(1).max(7), start: hhmm, end: hhmm })
    .refine((d) => d.start < d.end, { message: 'start must be before end' })).max(7),
});
/** A workspace day off; `working: true` makes it a day on instead (a company make-up day on a weekend). */
export const holidaySchema = z.object({ date: z.iso.date(), name: z.string().min(1).max(60), working: z.boolean().optional() });
export const workspaceSchema = z.object({
  id: z.string(), name: z.string(), timeZone: z.string(), locale: z.string(),
  workingHours: workingHoursSchema, holidays: z.array(holidaySchema),
});

export const loginBody = z.object({
  email: z.string().trim().min(3).max(254), password: z.string().min(1).max(200),
  /** API clients that keep the session themselves ask for it; browsers get it only in the HttpOnly cookie. */
  returnToken: z.boolean().optional(),
});
export const loginResponse = z.object({ token: z.string().optional(), user: userSchema });
export const meResponse = z.object({
  user: userSchema,
  workspaces: z.array(workspaceSchema.extend({ role: roleSchema, permissions: z.array(z.string()) })),
});
export const profileBody = z.object({ name: z.string().trim().min(1).max(80).optional(), locale: localeSchema.optional() })
  .refine((b) => Object.keys(b).length > 0, { message: 'nothing to change' });
export const passwordBody = z.object({ currentPassword: z.string().min(1).max(200), newPassword: z.string().min(1).max(200) });

export const workspaceIdParams = z.object({ workspaceId: z.uuid() });
export const createWorkspaceBody = z.object({ name: z.string().trim().min(1).max(80), timeZone: z.string().max(64).optional(), locale: localeSchema.optional() });
export const updateWorkspaceBody = z.object({
  name: z.string().trim().min(1).max(80).optional(),
  timeZone: z.string().min(1).max(64).optional(),
  locale: localeSchema.optional(),
  workingHours: workingHoursSchema.optional(),
  holidays: z.array(holidaySchema).max(366).optional(),
}).refine((b) => Object.keys(b).length > 0, { message: 'nothing to change' });
export const workspaceResponse = z.object({ workspace: workspaceSchema });

export const memberSchema = z.object({ userId: z.string(), email: z.string(), name: z.string(), role: roleSchema, joinedAt: z.string() });
export const memberParams = workspaceIdParams.extend({ userId: z.uuid() });
export const inviteBody = z.object({ email: z.email().max(254), name: z.string().trim().min(1).max(80), role: roleSchema });
export const inviteResponse = z.object({ member: memberSchema, temporaryPassword: z.string().optional() });
export const changeRoleBody = z.object({ role: roleSchema });

export const tokenSchema = z.object({
  id: z.string(), name: z.string(), scopes: z.array(z.string()), createdAt: z.string(),
  expiresAt: z.string().nullable(), lastUsedAt: z.string().nullable(), revokedAt: z.string().nullable(),
});
export const tokenParams = workspaceIdParams.extend({ tokenId: z.uuid() });
export const createTokenBody = z.object({
  name: z.string().trim().min(1).max(80),
  scopes: z.array(z.string()).min(1).max(100),
  expiresAt: z.iso.datetime({ offset: true }).optional(),
});

export const auditQuery = z.object({
  action: z.string().max(80).optional(),
  actorId: z.uuid().optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  cursor: z.string().regex(/^\d{1,15}$/, 'a cursor is the number from the previous page').optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});
export const auditEntrySchema = z.object({
  id: z.string(), seq: z.number(), at: z.string(), actor: z.object({ id: z.string(), name: z.string() }).nullable(),
  action: z.string(), targetType: z.string(), targetId: z.string().nullable(), details: z.record(z.string(), z.unknown()),
});
