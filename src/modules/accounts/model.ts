/**
 * The account matrix (DOMAIN §3): account types and statuses, the filing (报备) rules, the naming
 * policy, working-day deadlines and health flags. Pure: no I/O, the clock is passed in.
 */
import { DateTime } from 'luxon';
import { normalizeTerm } from '../../kernel/normalize.js';
import type { Role } from '../team/model.js';

export const PLATFORMS = [
  'weibo', 'wechat', 'douyin', 'kuaishou', 'xiaohongshu', 'bilibili', 'zhihu',
  'linkedin', 'mastodon', 'bluesky', 'telegram', 'sandbox',
] as const;
export type Platform = (typeof PLATFORMS)[number];

/**
 * Platforms that are self-hosted by nature: their accounts live on an instance whose URL is part of the
 * connection. Every other platform's API host belongs to its connector (an operator may redirect it
 * with CHORUS_PLATFORM_API_HOSTS, never an account row).
 */
export const INSTANCE_PLATFORMS: ReadonlySet<string> = new Set(['mastodon', 'sandbox']);

export const ACCOUNT_TYPES = [
  'official', 'executive', 'employee', 'brand', 'product', 'service', 'recruitment',
  'campaign', 'mascot', 'university', 'regional',
] as const;
export type AccountType = (typeof ACCOUNT_TYPES)[number];

export const ACCOUNT_TYPE_LABELS: Record<AccountType, string> = {
  official: '官方', executive: '领导人', employee: '员工', brand: '品牌', product: '产品', service: '客服',
  recruitment: '招聘', campaign: '促销活动', mascot: '吉祥物', university: '企业大学', regional: '区域',
};

export const ACCOUNT_STATUSES = ['filing', 'active', 'paused', 'retired'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

/** filing → active (filing approved) → paused ⇄ active → retired; a filing may also be withdrawn (retired). */
const TRANSITIONS: Record<AccountStatus, readonly AccountStatus[]> = {
  filing: ['active', 'retired'],
  active: ['paused', 'retired'],
  paused: ['active', 'retired'],
  retired: [],
};

export function canTransition(from: AccountStatus, to: AccountStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export const VERIFICATION_STATUSES = ['none', 'planned', 'pending', 'verified'] as const;
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];

export interface CadenceRule { minPosts: number; per: 'day' | 'week' | 'month' }

export const GRANT_ACTIONS = ['draft', 'publish', 'reply'] as const;
export type GrantAction = (typeof GRANT_ACTIONS)[number];

/** Roles that may act on every account without a per-account grant. */
export const ROLES_ACTING_ON_ALL: readonly Role[] = ['owner', 'manager'];

/**
 * May this person act on this account? Owner/manager roles and the account's owner always may;
 * others need a grant for the action. Nobody acts on a retired account; publishing needs an active one.
 */
export function mayActOn(
  who: { userId: string; role: Role },
  account: { ownerId: string; status: AccountStatus },
  grantActions: readonly string[],
  action: GrantAction,
): boolean {
  if (account.status === 'retired') return false;
  if (action === 'publish' && account.status !== 'active') return false;
  if (ROLES_ACTING_ON_ALL.includes(who.role) || account.ownerId === who.userId) return true;
  return grantActions.includes(action);
}

// ── Filings (报备) ───────────────────────────────────────────────────────────

export const FILING_KINDS = ['initial', 'refiling', 'retirement'] as const;
export type FilingKind = (typeof FILING_KINDS)[number];
export const FILING_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type FilingStatus = (typeof FILING_STATUSES)[number];

/** The fields of 《官方微博、微信公众账号报备表》. */
export interface FilingForm {
  purpose: string;
  name: string;
  function: string;
  ownerId: string;
  operators: string[];
  platform: Platform;
  verificationPlan: string;
}

/** The account fields whose change must be filed again (name, function, owner). */
export const REFILING_FIELDS = ['displayName', 'function', 'ownerId'] as const;
export type RefilingField = (typeof REFILING_FIELDS)[number];

const same = (a: unknown, b: unknown) =>
  (typeof a === 'string' && typeof b === 'string' ? a.trim() === b.trim() : a === b);

/** Which of the patch's fields trigger a re-filing (changed name, function or owner). */
export function refilingChanges(
  current: Record<RefilingField, string>,
  patch: Partial<Record<RefilingField, string | undefined>>,
): Partial<Record<RefilingField, { from: string; to: string }>> {
  const out: Partial<Record<RefilingField, { from: string; to: string }>> = {};
  for (const f of REFILING_FIELDS) {
    const to = patch[f];
    if (to !== undefined && !same(current[f], to)) out[f] = { from: current[f], to: to.trim() };
  }
  return out;
}

/** An owner change is a hand-over, which (like retirement) must be reported within the deadline. */
export const isHandover = (changes: Partial<Record<RefilingField, unknown>>) => changes.ownerId !== undefined;

/** All configured roles have approved once each. */
export function filingComplete(requiredRoles: readonly string[], approvals: ReadonlyArray<{ role: string }>): boolean {
  return requiredRoles.every((r) => approvals.some((a) => a.role === r));
}

export function isFilingOverdue(f: { status: string; dueAt: Date | null }, now: Date): boolean {
  return f.status === 'pending' && f.dueAt !== null && f.dueAt.getTime() < now.getTime();
}

// ── Working days ────────────────────────────────────────────────────────────

export interface WorkingCalendar {
  timeZone: string;
  /** ISO weekdays (1 = Monday … 7 = Sunday). */
  workingDays: readonly number[];
  /** Local dates (YYYY-MM-DD) that are not worked. */
  holidays: readonly string[];
}

/**
 * The same local time of day on the n-th working day after `date`'s local date, in the
 * calendar's time zone (weekends and holidays skipped). n = 0 returns `date`.
 */
export function addWorkingDays(date: Date, n: number, cal: WorkingCalendar): Date {
  if (!Number.isInteger(n) || n < 0) throw new RangeError('n must be a non-negative integer');
  if (cal.workingDays.length === 0 && n > 0) throw new RangeError('the calendar has no working days');
  const holidays = new Set(cal.holidays);
  let t = DateTime.fromJSDate(date, { zone: cal.timeZone });
  if (!t.isValid) throw new RangeError(`invalid time zone ${cal.timeZone}`);
  let left = n;
  for (let guard = 0; left > 0; guard++) {
    if (guard > 3660) throw new RangeError('no working day found within ten years');
    t = t.plus({ days: 1 });
    if (cal.workingDays.includes(t.weekday) && !holidays.has(t.toISODate()!)) left--;
  }
  return t.toJSDate();
}

// ── Naming policy ───────────────────────────────────────────────────────────

export interface NamingPolicy {
  /** A regular expression the (normalised) name of a company account must match, e.g. `^星河咖啡(官方|客服|招聘)?`. */
  pattern: string | null;
  /** Or: the name must start with one of these. */
  prefixes: string[];
  /** Account types the rule applies to (personal types such as employee are exempt). */
  appliesTo: AccountType[];
  /** The company's names and abbreviations, which employees' personal accounts must not use. */
  companyNames: string[];
}

export const COMPANY_TYPES: AccountType[] = ACCOUNT_TYPES.filter((t) => t !== 'employee' && t !== 'executive');

/** Case, full-width, traditional/simplified and spacing/punctuation tricks folded away. */
export const normalizeName = (s: string): string => normalizeTerm(s.normalize('NFKC'));

export type NamingVerdict = { ok: true } | { ok: false; field: 'name'; code: 'naming.rule' | 'naming.company_name'; message: string };

export function checkAccountName(name: string, type: AccountType, policy: NamingPolicy): NamingVerdict {
  const folded = normalizeName(name);
  if (type === 'employee') {
    const hit = policy.companyNames.find((c) => normalizeName(c) !== '' && folded.includes(normalizeName(c)));
    if (hit) return { ok: false, field: 'name', code: 'naming.company_name', message: `员工个人账号不得使用公司名称或简称「${hit}」` };
    return { ok: true };
  }
  if (!policy.appliesTo.includes(type)) return { ok: true };
  const hasRule = Boolean(policy.pattern) || policy.prefixes.length > 0;
  if (!hasRule) return { ok: true };
  const byPattern = policy.pattern ? safeRegExp(policy.pattern)?.test(name.normalize('NFKC').replace(/\s+/g, '')) === true : false;
  const byPrefix = policy.prefixes.some((p) => normalizeName(p) !== '' && folded.startsWith(normalizeName(p)));
  if (byPattern || byPrefix) return { ok: true };
  const rule = [policy.pattern && `/${policy.pattern}/`, policy.prefixes.length && `前缀 ${policy.prefixes.join('、')}`].filter(Boolean).join(' 或 ');
  return { ok: false, field: 'name', code: 'naming.rule', message: `账号名称不符合命名规范（${rule}）` };
}

export function safeRegExp(pattern: string): RegExp | null {
  try {
    return new RegExp(pattern, 'iu');
  } catch {
    return null;
  }
}

// ── Settings and health ─────────────────────────────────────────────────────

export interface AccountSettings {
  /** Roles whose approval a filing needs (default: compliance, leadership as the board office, manager as IT). */
  approverRoles: Role[];
  naming: NamingPolicy;
  /** Retirement and hand-over must be reported within this many working days. */
  reportWorkingDays: number;
  securityCheckDays: number;
  tokenWarningDays: number;
  syncStaleHours: number;
}

export const DEFAULT_SETTINGS: AccountSettings = {
  approverRoles: ['compliance', 'leader', 'manager'],
  naming: { pattern: null, prefixes: [], appliesTo: COMPANY_TYPES, companyNames: [] },
  reportWorkingDays: 5,
  securityCheckDays: 90,
  tokenWarningDays: 7,
  syncStaleHours: 48,
};

export const HEALTH_FLAGS = ['token_expiring', 'token_expired', 'sync_stale', 'security_check_due', 'filing_overdue'] as const;
export type HealthFlag = (typeof HEALTH_FLAGS)[number];

export interface HealthInput {
  status: AccountStatus;
  connected: boolean;
  tokenExpiresAt: Date | null;
  connectedAt: Date | null;
  lastSyncAt: Date | null;
  lastSecurityCheckAt: Date | null;
  activatedAt: Date | null;
  hasOverdueFiling: boolean;
}

const DAY = 86_400_000;

export function healthFlags(a: HealthInput, now: Date, s: Pick<AccountSettings, 'securityCheckDays' | 'tokenWarningDays' | 'syncStaleHours'>): HealthFlag[] {
  const flags: HealthFlag[] = [];
  const t = now.getTime();
  const live = a.status === 'active' || a.status === 'paused';
  if (live && a.connected && a.tokenExpiresAt) {
    if (a.tokenExpiresAt.getTime() <= t) flags.push('token_expired');
    else if (a.tokenExpiresAt.getTime() - t <= s.tokenWarningDays * DAY) flags.push('token_expiring');
  }
  if (a.status === 'active' && a.connected) {
    const since = a.lastSyncAt ?? a.connectedAt;
    if (since && t - since.getTime() > s.syncStaleHours * 3_600_000) flags.push('sync_stale');
  }
  const checkedFrom = a.lastSecurityCheckAt ?? a.activatedAt;
  if (live && checkedFrom && t - checkedFrom.getTime() >= s.securityCheckDays * DAY) flags.push('security_check_due');
  if (a.hasOverdueFiling) flags.push('filing_overdue');
  return flags;
}
