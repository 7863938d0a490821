/** People and permissions: roles after the manuals' organisation (DOMAIN §2) and one permission matrix. */

export const ROLES = ['owner', 'leader', 'manager', 'creator', 'community', 'analyst', 'compliance', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  owner: { zh: '所有者', en: 'Owner' },
  leader: { zh: '领导小组', en: 'Leadership' },
  manager: { zh: '运营经理', en: 'Operations manager' },
  creator: { zh: '内容创作', en: 'Content creator' },
  community: { zh: '用户互动', en: 'Community' },
  analyst: { zh: '数据分析', en: 'Analyst' },
  compliance: { zh: '风控与合规', en: 'Risk & compliance' },
  viewer: { zh: '只读成员', en: 'Viewer' },
};

const ALL: readonly Role[] = ROLES;
const STAFF: readonly Role[] = ['owner', 'leader', 'manager', 'creator', 'community', 'analyst', 'compliance'];

/**
 * The one permission matrix. Every route declares one of these keys; API tokens carry a subset.
 * Keys follow the dotted vocabulary `<module>.<verb>`.
 */
export const PERMISSIONS = {
  'workspace.read': ALL,
  'workspace.update': ['owner', 'manager'],
  'members.read': ALL,
  'members.manage': ['owner', 'manager'],
  'tokens.manage': ['owner', 'manager', 'analyst'],
  'audit.read': ['owner', 'leader', 'manager', 'compliance'],

  'accounts.read': ALL,
  'accounts.manage': ['owner', 'manager'],
  'accounts.file': ['owner', 'manager', 'creator', 'community'],
  'accounts.approve_filing': ['owner', 'leader', 'compliance'],

  'content.read': ALL,
  'content.write': ['owner', 'manager', 'creator'],
  'content.schedule': ['owner', 'manager'],
  'media.write': ['owner', 'manager', 'creator'],

  'compliance.check': STAFF,
  'compliance.manage': ['owner', 'compliance'],
  'review.read': ALL,
  'review.decide': ['owner', 'leader', 'manager', 'compliance', 'creator', 'community', 'analyst'],
  'review.configure': ['owner', 'compliance'],

  'publishing.read': ALL,
  'publishing.manage': ['owner', 'manager'],

  'inbox.read': ['owner', 'leader', 'manager', 'community', 'compliance', 'analyst'],
  'inbox.reply': ['owner', 'manager', 'community'],

  'analytics.read': ALL,
  'analytics.import': ['owner', 'manager', 'analyst'],
  'analytics.manage': ['owner', 'manager', 'analyst'],

  'text.analyze': STAFF,
  'text.manage': ['owner', 'manager', 'analyst'],

  'listening.read': ['owner', 'leader', 'manager', 'community', 'compliance', 'analyst'],
  'listening.manage': ['owner', 'manager', 'compliance'],
  'crisis.manage': ['owner', 'leader', 'compliance'],

  'notify.manage': ['owner', 'manager'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export const isPermission = (p: string): p is Permission => Object.hasOwn(PERMISSIONS, p);

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export function permissionsOf(role: Role): Permission[] {
  return (Object.keys(PERMISSIONS) as Permission[]).filter((p) => can(role, p));
}

/** A token acts with its creator's role, narrowed to the scopes it was given. */
export function tokenCan(role: Role, scopes: readonly string[], permission: Permission): boolean {
  return can(role, permission) && scopes.includes(permission);
}

/** Only an owner may create or demote owners; nobody may remove the last owner. */
export function canAssignRole(actorRole: Role, from: Role | null, to: Role | null): boolean {
  if (actorRole === 'owner') return true;
  if (from === 'owner' || to === 'owner') return false;
  return can(actorRole, 'members.manage');
}

export type PasswordProblem = 'too_short' | 'too_long' | 'too_simple' | 'contains_email';

/** At least 10 characters, three of four character classes, not the e-mail's name. */
export function checkPasswordStrength(password: string, email?: string): PasswordProblem | null {
  if (password.length < 10) return 'too_short';
  if (password.length > 200) return 'too_long';
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((r) => r.test(password)).length;
  if (classes < 3) return 'too_simple';
  const local = email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && password.toLowerCase().includes(local)) return 'contains_email';
  return null;
}

export interface WorkingHours {
  days: Array<{ weekday: number; start: string; end: string }>;
}

export const DEFAULT_WORKING_HOURS: WorkingHours = {
  days: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '18:00' })),
};

export interface AuditPayload {
  workspaceId: string;
  seq: number;
  at: string;
  actorId: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  details: unknown;
}

/** Canonical JSON (sorted keys) so the hash does not depend on key order after a round trip through jsonb. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export const GENESIS_HASH = '0'.repeat(64);

import { createHash } from 'node:crypto';

export function auditHash(prevHash: string, entry: AuditPayload): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(entry)).digest('hex');
}

/** Walks a workspace's chain in seq order; the first entry whose link or hash does not hold is where tampering began. */
export function verifyAuditChain(entries: Array<AuditPayload & { prevHash: string; hash: string }>):
  { ok: true; checked: number } | { ok: false; checked: number; brokenAt: number } {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  for (const { prevHash, hash, ...payload } of entries) {
    const e = { ...payload, prevHash, hash };
    if (e.seq !== expectedSeq || prevHash !== prev || auditHash(prev, payload) !== hash) {
      return { ok: false, checked: expectedSeq - 1, brokenAt: e.seq };
    }
    prev = e.hash;
    expectedSeq += 1;
  }
  return { ok: true, checked: entries.length };
}
