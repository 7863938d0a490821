/** People and permissions: roles after the manuals' organisation (DOMAIN §2) and one permission matrix. */

export {
  ROLES, ROLE_LABELS, PERMISSIONS, isPermission, can, permissionsOf, tokenCan, canAssignRole,
  type Role, type Permission,
} from '../../kernel/access.js';

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
