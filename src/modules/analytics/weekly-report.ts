/**
 * 周度数据监测表 — the weekly data table, one row per platform, from daily post and account
 * rows. Rows outside the week and the previous ISO week are ignored. Pure.
 *
 * Contract (JSON): { week, rows: [{ platform, exposure, exposureWoW, interactions, interactionRate,
 * newFollowers, newFollowersWoW, conversions, conversionRate, topItem: { title, interactionRate },
 * …extras }], totals: { …the same numeric fields } }. Percentages in percent; WoW null without a
 * previous week.
 */
import { DateTime } from 'luxon';
import { DomainError } from '../../kernel/errors.js';
import {
  type AccountDailyRow, type Count, type PostDailyRow, type PostPeriod, aggregatePosts, conversionRate,
  followerGrowthRate, interactions, percentOf, round, sumCounts, sumKnown, weekOnWeek,
} from './model.js';
import { PLATFORMS, type Locale } from './labels.js';
import { type Issue, platformIssues } from './weekly-issues.js';

/** Rounding of the table: rates to 2 places, conversion rates to 3, week-on-week to whole percent. */
export const TABLE_DIGITS = { rate: 2, conversion: 3, change: 0 } as const;

export interface WeekRange {
  week: string; // 2026-W47 (or another period's label: 2026-11, 2026-Q4)
  start: string; // Monday, YYYY-MM-DD
  end: string; // Sunday
}

/** The Monday–Sunday of an ISO week label; throws analytics.invalid_week for a bad label. */
export function isoWeekRange(week: string): WeekRange {
  const m = /^(\d{4})-W(\d{2})$/.exec(week);
  const d = m ? DateTime.fromObject({ weekYear: Number(m[1]), weekNumber: Number(m[2]), weekday: 1 }, { zone: 'utc' }) : null;
  if (!d || !d.isValid || d.weekNumber !== Number(m![2])) {
    throw new DomainError('analytics.invalid_week', { message: `bad ISO week "${week}" (expected YYYY-Www)`, fields: { week: 'YYYY-Www' } });
  }
  return { week, start: d.toISODate()!, end: d.plus({ days: 6 }).toISODate()! };
}

export function previousIsoWeek(week: string): string {
  const { start } = isoWeekRange(week);
  return isoWeekOf(DateTime.fromISO(start, { zone: 'utc' }).minus({ weeks: 1 }).toISODate()!);
}

/** The ISO week label of a date (YYYY-MM-DD). */
export function isoWeekOf(date: string): string {
  const d = DateTime.fromISO(date, { zone: 'utc' });
  return `${d.weekYear}-W${String(d.weekNumber).padStart(2, '0')}`;
}

/** Exactly { title, interactionRate } (the contract); the post's id is on the row as topPostId. */
export interface TopItem {
  title: string;
  interactionRate: number | null;
}

export interface WeeklyTotals {
  exposure: Count;
  exposureWoW: number | null;
  interactions: Count;
  interactionRate: number | null;
  newFollowers: Count;
  newFollowersWoW: number | null;
  conversions: Count;
  conversionRate: number | null;
}

export interface WeeklyRow extends WeeklyTotals {
  platform: string;
  topItem: TopItem | null;
  topPostId: string | null;
  issues: Issue[];
  posts: number;
  netFollowers: Count;
  followerGrowthRate: number | null;
}

export interface WeeklyTable {
  week: string;
  rows: WeeklyRow[];
  totals: WeeklyTotals;
}

export interface WeeklyInput {
  week: string;
  posts: readonly PostDailyRow[];
  accounts: readonly AccountDailyRow[];
  locale?: Locale;
  /** Posts with less exposure in the week cannot be the TOP1 (unless none qualifies). */
  topItemMinExposure?: number;
}

export interface WeekSplit {
  range: WeekRange;
  previous: WeekRange;
  posts: PostDailyRow[];
  accounts: AccountDailyRow[];
  prevPosts: PostDailyRow[];
  prevAccounts: AccountDailyRow[];
}

/** The input's rows for the week and for the previous ISO week. */
export function splitWeeks(input: Pick<WeeklyInput, 'week' | 'posts' | 'accounts'>): WeekSplit {
  return splitRanges(isoWeekRange(input.week), isoWeekRange(previousIsoWeek(input.week)), input);
}

/** The rows of a period and of the period before it (any two date ranges). */
export function splitRanges(
  range: WeekRange, previous: WeekRange, input: { posts: readonly PostDailyRow[]; accounts: readonly AccountDailyRow[] },
): WeekSplit {
  const within = (r: WeekRange) => (x: { date: string }) => x.date >= r.start && x.date <= r.end;
  return {
    range,
    previous,
    posts: input.posts.filter(within(range)),
    accounts: input.accounts.filter(within(range)),
    prevPosts: input.posts.filter(within(previous)),
    prevAccounts: input.accounts.filter(within(previous)),
  };
}

interface Figures {
  exposure: Count;
  interactions: Count;
  conversions: Count;
  newFollowers: Count;
  unfollows: Count;
  followersAtStart: Count;
}

function figures(posts: readonly PostDailyRow[], accounts: readonly AccountDailyRow[], prevAccounts: readonly AccountDailyRow[]): Figures {
  const s = sumCounts(posts);
  return {
    exposure: s.exposure,
    interactions: interactions(s),
    conversions: s.conversions,
    newFollowers: sumKnown(accounts.map((r) => r.newFollowers)),
    unfollows: sumKnown(accounts.map((r) => r.unfollows)),
    followersAtStart: lastFollowers(prevAccounts),
  };
}

/** Sum over accounts of each account's last known follower count. */
function lastFollowers(rows: readonly AccountDailyRow[]): Count {
  const last = new Map<string, AccountDailyRow>();
  for (const r of rows) {
    if (r.followers === null) continue;
    const k = `${r.platform}/${r.account}`;
    const prev = last.get(k);
    if (!prev || prev.date <= r.date) last.set(k, r);
  }
  return sumKnown([...last.values()].map((r) => r.followers));
}

function totalsOf(cur: Figures, prev: Figures | null): WeeklyTotals {
  return {
    exposure: cur.exposure,
    exposureWoW: round(weekOnWeek(cur.exposure, prev?.exposure ?? null), TABLE_DIGITS.change),
    interactions: cur.interactions,
    interactionRate: round(percentOf(cur.interactions, cur.exposure), TABLE_DIGITS.rate),
    newFollowers: cur.newFollowers,
    newFollowersWoW: round(weekOnWeek(cur.newFollowers, prev?.newFollowers ?? null), TABLE_DIGITS.change),
    conversions: cur.conversions,
    conversionRate: round(conversionRate(cur.conversions, cur.exposure), TABLE_DIGITS.conversion),
  };
}

/** The post with the best interaction rate (ties: more exposure), among those with enough exposure. */
export function topItemOf(posts: readonly PostPeriod[], minExposure = 100): PostPeriod | null {
  const rated = posts.filter((p) => p.interactionRate !== null);
  const enough = rated.filter((p) => (p.exposure ?? 0) >= minExposure);
  const pool = enough.length ? enough : rated;
  const sorted = [...pool].sort((a, b) => b.interactionRate! - a.interactionRate! || (b.exposure ?? 0) - (a.exposure ?? 0));
  return sorted[0] ?? null;
}

const platformOrder = (p: string) => {
  const i = (PLATFORMS as readonly string[]).indexOf(p);
  return i === -1 ? PLATFORMS.length : i;
};

export function buildWeeklyTable(input: WeeklyInput): WeeklyTable {
  return buildPeriodTable(splitWeeks(input), input);
}

/** The same table for any period against the one before it (monthly and quarterly reports). */
export function buildPeriodTable(
  split: WeekSplit, input: Pick<WeeklyInput, 'accounts' | 'locale' | 'topItemMinExposure'>,
): WeeklyTable {
  const platforms = [...new Set([...split.posts, ...split.accounts].map((r) => r.platform))]
    .sort((a, b) => platformOrder(a) - platformOrder(b) || a.localeCompare(b));
  const before = (rows: readonly AccountDailyRow[]) => rows.filter((r) => r.date < split.range.start);
  const allPrevAccounts = before(input.accounts);

  const curAll = figures(split.posts, split.accounts, allPrevAccounts);
  const hasPrev = split.prevPosts.length + split.prevAccounts.length > 0;
  const prevAll = hasPrev ? figures(split.prevPosts, split.prevAccounts, []) : null;
  const totals = totalsOf(curAll, prevAll);

  const rows: WeeklyRow[] = platforms.map((platform) => {
    const of = <T extends { platform: string }>(rs: readonly T[]) => rs.filter((r) => r.platform === platform);
    const cur = figures(of(split.posts), of(split.accounts), of(allPrevAccounts));
    const prevP = of(split.prevPosts);
    const prevA = of(split.prevAccounts);
    const prev = prevP.length + prevA.length ? figures(prevP, prevA, []) : null;
    const posts = aggregatePosts(of(split.posts));
    const top = topItemOf(posts, input.topItemMinExposure);
    const net = cur.newFollowers === null || cur.unfollows === null ? null : cur.newFollowers - cur.unfollows;
    return {
      platform,
      ...totalsOf(cur, prev),
      topItem: top ? { title: top.title, interactionRate: round(top.interactionRate, TABLE_DIGITS.rate) } : null,
      topPostId: top?.postId ?? null,
      issues: [],
      posts: posts.length,
      netFollowers: net,
      followerGrowthRate: round(followerGrowthRate(cur.newFollowers, cur.unfollows, cur.followersAtStart), TABLE_DIGITS.rate),
    };
  });
  for (const row of rows) {
    row.issues = platformIssues(row, totals, aggregatePosts(split.posts.filter((r) => r.platform === row.platform)), input.locale ?? 'zh-CN');
  }
  return { week: split.range.week, rows, totals };
}
