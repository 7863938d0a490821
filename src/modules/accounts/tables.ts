import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users, workspaces } from '../team/tables.js';
import type { AccountSettings, CadenceRule, FilingForm } from './model.js';

const at = (name: string) => timestamp(name, { withTimezone: true });
const workspaceId = () => uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' });

/** A workspace's filing approvers, naming policy and health thresholds; absent means the defaults. */
export const accountSettings = pgTable('account_settings', {
  workspaceId: workspaceId().primaryKey(),
  settings: jsonb('settings').$type<AccountSettings>().notNull(),
  updatedBy: uuid('updated_by'),
  updatedAt: at('updated_at').notNull().defaultNow(),
});

/**
 * One account of the matrix. `credentials` holds the vault's ciphertext of the platform tokens
 * (never presented, never logged); the health columns are kept by connectors' callers.
 */
export const accounts = pgTable('accounts', {
  id: uuid('id').primaryKey(),
  workspaceId: workspaceId(),
  platform: text('platform').notNull(),
  type: text('type').notNull(),
  handle: text('handle').notNull(),
  displayName: text('display_name').notNull(),
  function: text('function').notNull().default(''),
  ownerId: uuid('owner_id').notNull().references(() => users.id),
  team: text('team').notNull().default(''),
  positioning: text('positioning').notNull().default(''),
  bio: text('bio').notNull().default(''),
  verification: text('verification').notNull().default('none'),
  avatarUrl: text('avatar_url'),
  coverUrl: text('cover_url'),
  audienceNotes: text('audience_notes').notNull().default(''),
  cadence: jsonb('cadence').$type<CadenceRule | null>(),
  status: text('status').notNull(),
  /** Platform flags the connector reads (weibo `commercial`, douyin `publishApproved`, `off:…`). */
  flags: jsonb('flags').$type<Record<string, boolean | string>>().notNull().default({}),
  /** API host override: a Mastodon instance, a private deployment, a contract server in tests. */
  apiBaseUrl: text('api_base_url'),
  credentials: text('credentials'),
  platformAccountId: text('platform_account_id'),
  tokenExpiresAt: at('token_expires_at'),
  connectedAt: at('connected_at'),
  lastSyncAt: at('last_sync_at'),
  failedCalls: integer('failed_calls').notNull().default(0),
  lastSecurityCheckAt: at('last_security_check_at'),
  activatedAt: at('activated_at'),
  retiredAt: at('retired_at'),
  createdBy: uuid('created_by').notNull(),
  createdAt: at('created_at').notNull().defaultNow(),
  updatedAt: at('updated_at').notNull().defaultNow(),
}, (t) => [
  uniqueIndex('accounts_ws_platform_handle_uq').on(t.workspaceId, t.platform, t.handle),
  index('accounts_ws_status_idx').on(t.workspaceId, t.status),
]);

export interface FilingApproval { role: string; userId: string; at: string; note: string | null }

/** A filing: the initial 报备, a re-filing of a changed name/function/owner, or a retirement report. */
export const accountFilings = pgTable('account_filings', {
  id: uuid('id').primaryKey(),
  workspaceId: workspaceId(),
  accountId: uuid('account_id').notNull().references(() => accounts.id, { onDelete: 'cascade' }),
  kind: text('kind').notNull(),
  status: text('status').notNull(),
  form: jsonb('form').$type<FilingForm>().notNull(),
  /** For re-filings: the proposed changes, applied on approval. */
  changes: jsonb('changes').$type<Record<string, { from: string; to: string }>>().notNull().default({}),
  requiredRoles: jsonb('required_roles').$type<string[]>().notNull(),
  approvals: jsonb('approvals').$type<FilingApproval[]>().notNull().default([]),
  /** Retirement and hand-over: the reporting deadline (N working days). */
  dueAt: at('due_at'),
  decidedAt: at('decided_at'),
  rejectedBy: uuid('rejected_by'),
  rejectionReason: text('rejection_reason'),
  createdBy: uuid('created_by').notNull(),
  createdAt: at('created_at').notNull().defaultNow(),
}, (t) => [
  index('account_filings_ws_status_idx').on(t.workspaceId, t.status),
  index('account_filings_account_idx').on(t.accountId),
]);

/** Per-account grants on top of roles: who may draft, publish or reply for this account. */
export const accountGrants = pgTable('account_grants', {
  accountId: uuid('account_id').notNull().references(() => accounts.id, { onDelete: 'cascade' }),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  workspaceId: workspaceId(),
  actions: jsonb('actions').$type<string[]>().notNull(),
  grantedBy: uuid('granted_by').notNull(),
  createdAt: at('created_at').notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.accountId, t.userId] }), index('account_grants_ws_user_idx').on(t.workspaceId, t.userId)]);

/** Overdue-filing reminders written by the daily job (one per filing per local day), shown in the console. */
export const accountReminders = pgTable('account_reminders', {
  id: uuid('id').primaryKey(),
  workspaceId: workspaceId(),
  filingId: uuid('filing_id').notNull().references(() => accountFilings.id, { onDelete: 'cascade' }),
  accountId: uuid('account_id').notNull().references(() => accounts.id, { onDelete: 'cascade' }),
  day: text('day').notNull(),
  message: text('message').notNull(),
  createdAt: at('created_at').notNull().defaultNow(),
}, (t) => [uniqueIndex('account_reminders_filing_day_uq').on(t.filingId, t.day), index('account_reminders_ws_idx').on(t.workspaceId, t.createdAt)]);
