/** Presenters: explicit allow-lists. Credentials (the vault ciphertext) are never among them. */
import {
  healthFlags, isFilingOverdue, type AccountSettings, type AccountStatus, type AccountType, type CadenceRule,
  type FilingKind, type FilingStatus, type GrantAction, type Platform, type VerificationStatus,
} from './model.js';
import type { AccountRow, FilingRow, GrantRow, ReminderRow } from './store.js';

const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;

export function accountHealth(a: AccountRow, now: Date, settings: AccountSettings, hasOverdueFiling: boolean) {
  return healthFlags({
    status: a.status as AccountStatus, connected: a.connectedAt !== null && a.credentials !== null, tokenExpiresAt: a.tokenExpiresAt,
    connectedAt: a.connectedAt, lastSyncAt: a.lastSyncAt, lastSecurityCheckAt: a.lastSecurityCheckAt, activatedAt: a.activatedAt, hasOverdueFiling,
  }, now, settings);
}

export function presentAccount(a: AccountRow, ownerName: string | null, now: Date, settings: AccountSettings, hasOverdueFiling: boolean) {
  const connected = a.connectedAt !== null && a.credentials !== null;
  return {
    id: a.id, platform: a.platform as Platform, type: a.type as AccountType, handle: a.handle, displayName: a.displayName,
    function: a.function, owner: { id: a.ownerId, name: ownerName ?? '' }, team: a.team, positioning: a.positioning, bio: a.bio,
    verification: a.verification as VerificationStatus, avatarUrl: a.avatarUrl, coverUrl: a.coverUrl, audienceNotes: a.audienceNotes,
    cadence: (a.cadence as CadenceRule | null) ?? null, status: a.status as AccountStatus, flags: a.flags, apiBaseUrl: a.apiBaseUrl,
    connection: {
      connected, platformAccountId: a.platformAccountId, tokenExpiresAt: iso(a.tokenExpiresAt), connectedAt: iso(a.connectedAt),
    },
    health: {
      flags: accountHealth(a, now, settings, hasOverdueFiling), lastSyncAt: iso(a.lastSyncAt), failedCalls: a.failedCalls,
      lastSecurityCheckAt: iso(a.lastSecurityCheckAt),
    },
    activatedAt: iso(a.activatedAt), retiredAt: iso(a.retiredAt), createdAt: a.createdAt.toISOString(), updatedAt: a.updatedAt.toISOString(),
  };
}

export type PresentedAccount = ReturnType<typeof presentAccount>;

export function presentMatrixRow(p: PresentedAccount) {
  return {
    id: p.id, platform: p.platform, type: p.type, displayName: p.displayName, handle: p.handle, owner: p.owner, status: p.status,
    verification: p.verification, connected: p.connection.connected, health: p.health.flags, cadence: p.cadence,
  };
}

export function presentFiling(f: FilingRow, accountName: string, platform: string, now: Date) {
  return {
    id: f.id, accountId: f.accountId, accountName, platform, kind: f.kind as FilingKind, status: f.status as FilingStatus,
    form: {
      purpose: f.form.purpose, name: f.form.name, function: f.form.function, ownerId: f.form.ownerId,
      operators: f.form.operators, platform: f.form.platform, verificationPlan: f.form.verificationPlan,
    },
    changes: f.changes, requiredRoles: f.requiredRoles,
    approvals: f.approvals.map((a) => ({ role: a.role, userId: a.userId, at: a.at, note: a.note })),
    dueAt: iso(f.dueAt), overdue: isFilingOverdue(f, now), decidedAt: iso(f.decidedAt), rejectionReason: f.rejectionReason,
    createdBy: f.createdBy, createdAt: f.createdAt.toISOString(),
  };
}

export function presentGrant(g: GrantRow, userName: string) {
  return { userId: g.userId, userName, actions: g.actions as GrantAction[], grantedBy: g.grantedBy, createdAt: g.createdAt.toISOString() };
}

export function presentReminder(r: ReminderRow) {
  return { id: r.id, filingId: r.filingId, accountId: r.accountId, day: r.day, message: r.message, createdAt: r.createdAt.toISOString() };
}
