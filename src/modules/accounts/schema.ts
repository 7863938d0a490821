import { z } from 'zod';
import { ROLES } from '../team/model.js';
import {
  ACCOUNT_STATUSES, ACCOUNT_TYPES, FILING_KINDS, FILING_STATUSES, GRANT_ACTIONS, HEALTH_FLAGS, PLATFORMS, VERIFICATION_STATUSES,
} from './model.js';

const text = (max: number) => z.string().trim().max(max);
const httpUrl = z.url({ protocol: /^https?$/ }).max(500);

export const platformSchema = z.enum(PLATFORMS);
export const accountTypeSchema = z.enum(ACCOUNT_TYPES);
export const cadenceSchema = z.object({ minPosts: z.number().int().min(1).max(100), per: z.enum(['day', 'week', 'month']) });
const flagsSchema = z.record(z.string().max(60), z.union([z.boolean(), z.string().max(200)]))
  .refine((f) => Object.keys(f).length <= 30, { message: 'at most 30 flags' });

export const workspaceParams = z.object({ workspaceId: z.uuid() });
export const accountParams = workspaceParams.extend({ accountId: z.uuid() });
export const filingParams = workspaceParams.extend({ filingId: z.uuid() });
export const grantParams = accountParams.extend({ userId: z.uuid() });

const profileFields = {
  team: text(80).optional(),
  positioning: text(500).optional(),
  bio: text(500).optional(),
  verification: z.enum(VERIFICATION_STATUSES).optional(),
  avatarUrl: httpUrl.nullable().optional(),
  coverUrl: httpUrl.nullable().optional(),
  audienceNotes: text(1000).optional(),
  cadence: cadenceSchema.nullable().optional(),
  flags: flagsSchema.optional(),
};

/** The filing form's own fields (the rest come from the account: name, function, owner, platform). */
export const filingFormBody = z.object({
  purpose: text(500).min(1),
  operators: z.array(z.uuid()).max(20).default([]),
  verificationPlan: text(500).default(''),
});

export const createAccountBody = z.object({
  platform: platformSchema,
  type: accountTypeSchema,
  handle: text(100).min(1),
  displayName: text(60).min(1),
  function: text(200).min(1),
  ownerId: z.uuid().optional(),
  ...profileFields,
  /** The instance (Mastodon, the sandbox network) for instance-type platforms; needs accounts.manage. */
  apiBaseUrl: httpUrl.optional(),
  filing: filingFormBody,
});

export const updateAccountBody = z.object({
  handle: text(100).min(1).optional(),
  displayName: text(60).min(1).optional(),
  function: text(200).min(1).optional(),
  ownerId: z.uuid().optional(),
  type: accountTypeSchema.optional(),
  ...profileFields,
  // The instance URL is part of the connection: changing it drops the stored credentials, so it is set through …/credentials.
  apiBaseUrl: z.unknown().refine((v) => v === undefined, { message: 'set the instance URL when connecting: POST …/credentials with instanceUrl' }).optional(),
  /** Why a name/function/owner change is filed (the re-filing's purpose). */
  reason: text(500).optional(),
}).refine((b) => Object.keys(b).length > 0, { message: 'nothing to change' });

export const listAccountsQuery = z.object({ status: z.enum(ACCOUNT_STATUSES).optional(), platform: platformSchema.optional() });

export const accountSchema = z.object({
  id: z.string(), platform: platformSchema, type: accountTypeSchema, handle: z.string(), displayName: z.string(), function: z.string(),
  owner: z.object({ id: z.string(), name: z.string() }), team: z.string(), positioning: z.string(), bio: z.string(),
  verification: z.enum(VERIFICATION_STATUSES), avatarUrl: z.string().nullable(), coverUrl: z.string().nullable(), audienceNotes: z.string(),
  cadence: cadenceSchema.nullable(), status: z.enum(ACCOUNT_STATUSES), flags: z.record(z.string(), z.union([z.boolean(), z.string()])),
  apiBaseUrl: z.string().nullable(),
  connection: z.object({ connected: z.boolean(), platformAccountId: z.string().nullable(), tokenExpiresAt: z.string().nullable(), connectedAt: z.string().nullable() }),
  health: z.object({
    flags: z.array(z.enum(HEALTH_FLAGS)), lastSyncAt: z.string().nullable(), failedCalls: z.number(), lastSecurityCheckAt: z.string().nullable(),
  }),
  activatedAt: z.string().nullable(), retiredAt: z.string().nullable(), createdAt: z.string(), updatedAt: z.string(),
});

export const filingSchema = z.object({
  id: z.string(), accountId: z.string(), accountName: z.string(), platform: z.string(),
  kind: z.enum(FILING_KINDS), status: z.enum(FILING_STATUSES),
  form: z.object({
    purpose: z.string(), name: z.string(), function: z.string(), ownerId: z.string(), operators: z.array(z.string()),
    platform: z.string(), verificationPlan: z.string(),
  }),
  changes: z.record(z.string(), z.object({ from: z.string(), to: z.string() })),
  requiredRoles: z.array(z.string()),
  approvals: z.array(z.object({ role: z.string(), userId: z.string(), at: z.string(), note: z.string().nullable() })),
  dueAt: z.string().nullable(), overdue: z.boolean(), decidedAt: z.string().nullable(), rejectionReason: z.string().nullable(),
  createdBy: z.string(), createdAt: z.string(),
});

export const accountResponse = z.object({ account: accountSchema });
export const accountWithFilingResponse = z.object({ account: accountSchema, filing: filingSchema.nullable() });
export const filingResponse = z.object({ filing: filingSchema, account: accountSchema });

export const listFilingsQuery = z.object({
  status: z.enum(FILING_STATUSES).optional(),
  accountId: z.uuid().optional(),
  overdue: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});
export const approveBody = z.object({ note: text(500).optional() });
export const rejectBody = z.object({ reason: text(500).min(1) });
export const retireBody = z.object({ reason: text(500).min(1) });

export const credentialsBody = z.object({
  accessToken: z.string().min(1).max(4000).optional(),
  refreshToken: z.string().min(1).max(4000).optional(),
  expiresAt: z.iso.datetime({ offset: true }).optional(),
  appId: z.string().trim().min(1).max(200).optional(),
  appSecret: z.string().min(1).max(1000).optional(),
  platformAccountId: z.string().trim().min(1).max(200).optional(),
  /** The secret the platform signs webhook deliveries with (WeChat server token, sandbox/LinkedIn secret …). */
  webhookToken: z.string().min(8).max(500).optional(),
  /** Instance-type platforms (Mastodon, the sandbox): where the account lives. A different URL drops the stored credentials. */
  instanceUrl: httpUrl.optional(),
}).refine((b) => b.accessToken !== undefined || (b.appId !== undefined && b.appSecret !== undefined) || b.instanceUrl !== undefined, {
  message: 'give an accessToken, or an appId with its appSecret',
});
export const connectResponse = z.object({ authorizeUrl: z.string(), redirectUri: z.string(), expiresAt: z.string() });
export const oauthParams = z.object({ platform: platformSchema });
export const oauthQuery = z.object({ code: z.string().min(1).max(2000), state: z.string().min(1).max(2000) });

export const securityCheckBody = z.object({ note: text(500).optional() });

export const grantBody = z.object({ actions: z.array(z.enum(GRANT_ACTIONS)).min(1).max(3) });
export const grantSchema = z.object({
  userId: z.string(), userName: z.string(), actions: z.array(z.enum(GRANT_ACTIONS)), grantedBy: z.string(), createdAt: z.string(),
});

export const matrixResponse = z.object({
  items: z.array(z.object({
    id: z.string(), platform: platformSchema, type: accountTypeSchema, displayName: z.string(), handle: z.string(),
    owner: z.object({ id: z.string(), name: z.string() }), status: z.enum(ACCOUNT_STATUSES), verification: z.string(),
    connected: z.boolean(), health: z.array(z.enum(HEALTH_FLAGS)), cadence: cadenceSchema.nullable(),
  })),
  summary: z.object({ total: z.number(), byStatus: z.record(z.string(), z.number()), byPlatform: z.record(z.string(), z.number()), withIssues: z.number() }),
});

export const settingsSchema = z.object({
  approverRoles: z.array(z.enum(ROLES).exclude(['viewer'])).min(1).max(7),
  naming: z.object({
    pattern: z.string().max(200).nullable(),
    prefixes: z.array(text(40).min(1)).max(20),
    appliesTo: z.array(accountTypeSchema).max(ACCOUNT_TYPES.length),
    companyNames: z.array(text(40).min(1)).max(50),
  }),
  reportWorkingDays: z.number().int().min(1).max(30),
  securityCheckDays: z.number().int().min(1).max(365),
  tokenWarningDays: z.number().int().min(1).max(60),
  syncStaleHours: z.number().int().min(1).max(24 * 30),
});
export const settingsResponse = z.object({ settings: settingsSchema });

export const reminderSchema = z.object({ id: z.string(), filingId: z.string(), accountId: z.string(), day: z.string(), message: z.string(), createdAt: z.string() });
