import { describe, expect, it } from 'vitest';
import {
  ACCOUNT_STATUSES, COMPANY_TYPES, DEFAULT_SETTINGS, addWorkingDays, canTransition, checkAccountName, filingComplete, healthFlags,
  isFilingOverdue, isHandover, mayActOn, refilingChanges, type AccountStatus, type HealthInput, type NamingPolicy,
} from './model.js';

describe('the account status machine', () => {
  const allowed: Array<[AccountStatus, AccountStatus]> = [
    ['filing', 'active'], ['filing', 'retired'], ['active', 'paused'], ['active', 'retired'], ['paused', 'active'], ['paused', 'retired'],
  ];
  it.each(ACCOUNT_STATUSES.flatMap((from) => ACCOUNT_STATUSES.map((to) => [from, to] as const)))('%s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(allowed.some(([f, t]) => f === from && t === to));
  });
});

describe('addWorkingDays', () => {
  const weekdays = [1, 2, 3, 4, 5];
  const shanghai = { timeZone: 'Asia/Shanghai', workingDays: weekdays, holidays: [] as string[] };
  it.each([
    // [label, start (UTC), n, calendar, expected (UTC)]
    ['Monday + 5 = next Monday', '2026-03-02T02:00:00Z', 5, shanghai, '2026-03-09T02:00:00Z'],
    ['Wednesday + 5 crosses a weekend', '2026-03-04T02:00:00Z', 5, shanghai, '2026-03-11T02:00:00Z'],
    ['Friday + 1 = Monday', '2026-03-06T09:00:00Z', 1, shanghai, '2026-03-09T09:00:00Z'],
    ['Saturday + 5 = Friday', '2026-03-07T02:00:00Z', 5, shanghai, '2026-03-13T02:00:00Z'],
    ['n = 0 is the same instant', '2026-03-07T02:00:00Z', 0, shanghai, '2026-03-07T02:00:00Z'],
    ['holidays are skipped', '2026-09-30T02:00:00Z', 5, { ...shanghai, holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'] }, '2026-10-14T02:00:00Z'],
    // 23:30 UTC Friday is Saturday 07:30 in Shanghai: the local date decides.
    ['the local date counts, not the UTC one', '2026-03-06T23:30:00Z', 1, shanghai, '2026-03-08T23:30:00Z'],
    ['the same instant is Friday in New York', '2026-03-06T23:30:00Z', 1, { ...shanghai, timeZone: 'America/New_York' }, '2026-03-09T22:30:00Z'],
    ['a six-day week', '2026-03-06T02:00:00Z', 2, { ...shanghai, workingDays: [1, 2, 3, 4, 5, 6] }, '2026-03-09T02:00:00Z'],
  ])('%s', (_label, start, n, cal, expected) => {
    expect(addWorkingDays(new Date(start), n, cal).toISOString()).toBe(new Date(expected).toISOString());
  });

  it('keeps the local time across a daylight-saving change', () => {
    // Friday 2026-03-06 10:00 in New York (EST, UTC−5) + 5 working days = Friday 2026-03-13 10:00 (EDT, UTC−4).
    const out = addWorkingDays(new Date('2026-03-06T15:00:00Z'), 5, { timeZone: 'America/New_York', workingDays: weekdays, holidays: [] });
    expect(out.toISOString()).toBe('2026-03-13T14:00:00.000Z');
  });

  it('rejects negative counts and calendars without working days', () => {
    expect(() => addWorkingDays(new Date(), -1, shanghai)).toThrow(RangeError);
    expect(() => addWorkingDays(new Date(), 1, { ...shanghai, workingDays: [] })).toThrow(RangeError);
  });
});

describe('the naming policy', () => {
  const policy: NamingPolicy = { pattern: '^星河咖啡(官方|客服|招聘)?', prefixes: [], appliesTo: COMPANY_TYPES, companyNames: ['星河咖啡', '星河', 'XH Coffee', 'XHKF'] };
  it.each([
    ['星河咖啡官方', 'official', true],
    ['星河咖啡客服', 'service', true],
    ['星河咖啡 公众号', 'official', true],
    ['星河咖啡', 'brand', true],
    ['银河咖啡官方', 'official', false],
    ['官方星河咖啡', 'official', false],
    ['张三', 'executive', true],
    ['咖啡师小王', 'employee', true],
    ['星河咖啡小王', 'employee', false],
    ['小王@星河', 'employee', false],
    ['星 河 咖 啡 · 小王', 'employee', false],
    ['小王的ｘｈ ｃｏｆｆｅｅ日常', 'employee', false],
    ['xh-coffee 小王', 'employee', false],
    ['Ｘ Ｈ Ｋ Ｆ', 'employee', false],
    ['星河咖啡的小王', 'employee', false],
    ['小王喝咖啡', 'employee', true],
  ] as const)('%s (%s) → %s', (name, type, ok) => {
    expect(checkAccountName(name, type, policy).ok).toBe(ok);
  });

  it('explains a violation on the name field', () => {
    const v = checkAccountName('星河小王', 'employee', policy);
    expect(v).toMatchObject({ ok: false, field: 'name', code: 'naming.company_name' });
    expect(checkAccountName('银河官方', 'official', policy)).toMatchObject({ ok: false, code: 'naming.rule' });
  });

  it('accepts a prefix list instead of a pattern, folded like the company names', () => {
    const p: NamingPolicy = { ...policy, pattern: null, prefixes: ['星河咖啡', 'XH'] };
    expect(checkAccountName('ｘｈ Campus', 'university', p).ok).toBe(true);
    expect(checkAccountName('Campus XH', 'university', p).ok).toBe(false);
  });

  it('lets everything pass when no rule is configured, and exempts types outside appliesTo', () => {
    expect(checkAccountName('随便', 'official', DEFAULT_SETTINGS.naming).ok).toBe(true);
    expect(checkAccountName('随便', 'official', { ...policy, appliesTo: ['brand'] }).ok).toBe(true);
  });
});

describe('re-filing triggers', () => {
  const current = { displayName: '星河咖啡官方', function: '品牌宣传', ownerId: 'u1' };
  it.each([
    [{ displayName: '星河咖啡官方微博' }, ['displayName']],
    [{ function: '客户服务' }, ['function']],
    [{ ownerId: 'u2' }, ['ownerId']],
    [{ displayName: ' 星河咖啡官方 ' }, []],
    [{ displayName: '星河咖啡官方', ownerId: 'u1' }, []],
    [{}, []],
    [{ displayName: 'X', function: 'Y', ownerId: 'u3' }, ['displayName', 'function', 'ownerId']],
  ] as const)('%j → %j', (patch, fields) => {
    expect(Object.keys(refilingChanges(current, patch))).toEqual(fields);
  });

  it('treats an owner change as a hand-over', () => {
    expect(isHandover(refilingChanges(current, { ownerId: 'u2' }))).toBe(true);
    expect(isHandover(refilingChanges(current, { displayName: '新名' }))).toBe(false);
  });
});

describe('filing approvals and deadlines', () => {
  it.each([
    [['compliance', 'leader', 'manager'], ['compliance', 'leader'], false],
    [['compliance', 'leader', 'manager'], ['manager', 'compliance', 'leader'], true],
    [['compliance'], ['compliance'], true],
  ])('%j approved by %j → complete %s', (required, roles, done) => {
    expect(filingComplete(required, roles.map((role) => ({ role })))).toBe(done);
  });

  it('is overdue only while pending and past its due date', () => {
    const now = new Date('2026-03-10T00:00:00Z');
    expect(isFilingOverdue({ status: 'pending', dueAt: new Date('2026-03-09T00:00:00Z') }, now)).toBe(true);
    expect(isFilingOverdue({ status: 'approved', dueAt: new Date('2026-03-09T00:00:00Z') }, now)).toBe(false);
    expect(isFilingOverdue({ status: 'pending', dueAt: null }, now)).toBe(false);
    expect(isFilingOverdue({ status: 'pending', dueAt: new Date('2026-03-11T00:00:00Z') }, now)).toBe(false);
  });
});

describe('acting on an account', () => {
  const account = { ownerId: 'owner-person', status: 'active' as const };
  it.each([
    ['owner role', { userId: 'x', role: 'owner' as const }, [], 'publish', true],
    ['manager role', { userId: 'x', role: 'manager' as const }, [], 'reply', true],
    ['the account owner', { userId: 'owner-person', role: 'creator' as const }, [], 'publish', true],
    ['creator without grant', { userId: 'x', role: 'creator' as const }, [], 'draft', false],
    ['creator with a draft grant', { userId: 'x', role: 'creator' as const }, ['draft'], 'draft', true],
    ['creator with a draft grant publishing', { userId: 'x', role: 'creator' as const }, ['draft'], 'publish', false],
  ] as const)('%s', (_l, who, grants, action, ok) => {
    expect(mayActOn(who, account, grants, action)).toBe(ok);
  });

  it('nobody acts on a retired account, and nobody publishes for one still in filing', () => {
    expect(mayActOn({ userId: 'x', role: 'owner' }, { ...account, status: 'retired' }, [], 'draft')).toBe(false);
    expect(mayActOn({ userId: 'x', role: 'owner' }, { ...account, status: 'filing' }, [], 'publish')).toBe(false);
    expect(mayActOn({ userId: 'x', role: 'owner' }, { ...account, status: 'filing' }, [], 'draft')).toBe(true);
  });
});

describe('health flags', () => {
  const now = new Date('2026-06-01T00:00:00Z');
  const day = 86_400_000;
  const base: HealthInput = {
    status: 'active', connected: true, tokenExpiresAt: new Date(now.getTime() + 30 * day), connectedAt: new Date(now.getTime() - day),
    lastSyncAt: new Date(now.getTime() - 3_600_000), lastSecurityCheckAt: new Date(now.getTime() - 10 * day), activatedAt: new Date(now.getTime() - 100 * day),
    hasOverdueFiling: false,
  };
  it.each([
    ['healthy', {}, []],
    ['token expiring within 7 days', { tokenExpiresAt: new Date(now.getTime() + 3 * day) }, ['token_expiring']],
    ['token expired', { tokenExpiresAt: new Date(now.getTime() - 1) }, ['token_expired']],
    ['no sync for 3 days', { lastSyncAt: new Date(now.getTime() - 3 * day) }, ['sync_stale']],
    ['never synced, connected 3 days ago', { lastSyncAt: null, connectedAt: new Date(now.getTime() - 3 * day) }, ['sync_stale']],
    ['security check 90 days ago', { lastSecurityCheckAt: new Date(now.getTime() - 90 * day) }, ['security_check_due']],
    ['never checked, active for 100 days', { lastSecurityCheckAt: null }, ['security_check_due']],
    ['overdue filing', { hasOverdueFiling: true }, ['filing_overdue']],
    ['not connected: no token or sync flags', { connected: false, tokenExpiresAt: new Date(now.getTime() - 1), lastSyncAt: null }, []],
    ['still in filing: nothing but filings', { status: 'filing' as const, lastSecurityCheckAt: null, activatedAt: null }, []],
  ] as const)('%s', (_l, patch, flags) => {
    expect(healthFlags({ ...base, ...patch }, now, DEFAULT_SETTINGS)).toEqual(flags);
  });
});
