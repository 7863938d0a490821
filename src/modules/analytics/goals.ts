/**
 * SMART goals (DOMAIN.md §1): metric, target, platform/account scope, start and end date →
 * progress, a run-rate projection and on-track / at-risk / off-track. Pure.
 * E.g. "3 个月内通过小红书实现品牌曝光量 500 万+" = { metric: 'exposure', target: 5_000_000,
 * scope: { platforms: ['xiaohongshu'] }, start: '2026-01-01', end: '2026-03-31' }.
 */
import { DateTime } from 'luxon';
import {
  type AccountDailyRow, type PostDailyRow, conversionRate, followerGrowthRate, interactionRate,
  interactions, round, sumCounts, sumKnown,
} from './model.js';

export const GOAL_METRICS = [
  'exposure', 'interactions', 'conversions', 'new_followers', 'net_followers', 'posts',
  'interaction_rate', 'conversion_rate', 'follower_growth_rate',
] as const;
export type GoalMetric = (typeof GOAL_METRICS)[number];

/** Rates are judged as they stand; counts accumulate and are projected at the run rate. */
export const RATE_METRICS: ReadonlySet<GoalMetric> = new Set(['interaction_rate', 'conversion_rate', 'follower_growth_rate']);

export interface GoalScope {
  platforms?: string[];
  accounts?: string[];
}

export interface Goal {
  name?: string;
  metric: GoalMetric;
  target: number;
  scope: GoalScope;
  start: string; // YYYY-MM-DD, inclusive
  end: string; // YYYY-MM-DD, inclusive
}

export type GoalStatus = 'on_track' | 'at_risk' | 'off_track';

export interface GoalProgress {
  actual: number | null;
  progress: number | null; // actual / target, percent
  daysTotal: number;
  daysElapsed: number;
  elapsed: number; // share of the period gone, percent
  projected: number | null; // the value at the end at the current run rate
  projectedProgress: number | null;
  status: GoalStatus | null; // null before the start or without data
  ended: boolean;
}

export interface GoalProgressOptions {
  /** Projected attainment from which a goal is "at risk" rather than "off track". */
  atRiskFrom?: number;
}

const day = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' }).startOf('day');

/** Progress of a goal given its actual value through `asOf` (inclusive). */
export function goalProgress(goal: Goal, actual: number | null, asOf: string, opts: GoalProgressOptions = {}): GoalProgress {
  const start = day(goal.start);
  const end = day(goal.end);
  const daysTotal = Math.max(1, Math.round(end.diff(start, 'days').days) + 1);
  const raw = Math.round(day(asOf).diff(start, 'days').days) + 1;
  const daysElapsed = Math.min(daysTotal, Math.max(0, raw));
  const ended = daysElapsed >= daysTotal;
  const isRate = RATE_METRICS.has(goal.metric);
  const progress = actual === null || goal.target === 0 ? null : (actual / goal.target) * 100;
  let projected: number | null = null;
  if (actual !== null && daysElapsed > 0) projected = isRate ? actual : (actual / daysElapsed) * daysTotal;
  const projectedProgress = projected === null || goal.target === 0 ? null : (projected / goal.target) * 100;
  let status: GoalStatus | null = null;
  if (projectedProgress !== null) {
    const atRiskFrom = opts.atRiskFrom ?? 90;
    status = projectedProgress >= 100 ? 'on_track' : projectedProgress >= atRiskFrom ? 'at_risk' : 'off_track';
  }
  return {
    actual,
    progress: round(progress, 1),
    daysTotal,
    daysElapsed,
    elapsed: round((daysElapsed / daysTotal) * 100, 1)!,
    projected: projected === null ? null : isRate ? round(projected) : Math.round(projected),
    projectedProgress: round(projectedProgress, 1),
    status,
    ended,
  };
}

const inScope = (scope: GoalScope, r: { platform: string; account: string }) =>
  (!scope.platforms?.length || scope.platforms.includes(r.platform)) &&
  (!scope.accounts?.length || scope.accounts.includes(r.account));

/** The goal's actual value from daily rows, within its scope and between its start and `asOf`. */
export function goalActual(
  goal: Goal, posts: readonly PostDailyRow[], accounts: readonly AccountDailyRow[], asOf: string,
): number | null {
  const last = asOf < goal.end ? asOf : goal.end;
  const inPeriod = (d: string) => d >= goal.start && d <= last;
  const ps = posts.filter((r) => inScope(goal.scope, r) && inPeriod(r.date));
  const as = accounts.filter((r) => inScope(goal.scope, r) && inPeriod(r.date));
  const s = sumCounts(ps);
  const newF = sumKnown(as.map((r) => r.newFollowers));
  const unf = sumKnown(as.map((r) => r.unfollows));
  switch (goal.metric) {
    case 'exposure': return s.exposure;
    case 'interactions': return interactions(s);
    case 'conversions': return s.conversions;
    case 'new_followers': return newF;
    case 'net_followers': return newF === null || unf === null ? null : newF - unf;
    case 'posts': return ps.length ? new Set(ps.map((r) => `${r.platform}/${r.account}/${r.postId}`)).size : null;
    case 'interaction_rate': return round(interactionRate(s));
    case 'conversion_rate': return round(conversionRate(s.conversions, s.exposure), 3);
    case 'follower_growth_rate': return round(followerGrowthRate(newF, unf, followersAtStart(accounts, goal)), 2);
  }
}

/** Followers at the start: the last known count on the day before the period, per account. */
function followersAtStart(accounts: readonly AccountDailyRow[], goal: Goal): number | null {
  const before = new Map<string, AccountDailyRow>();
  for (const r of accounts) {
    if (!inScope(goal.scope, r) || r.date >= goal.start || r.followers === null) continue;
    const k = `${r.platform}/${r.account}`;
    const prev = before.get(k);
    if (!prev || prev.date < r.date) before.set(k, r);
  }
  if (before.size) return sumKnown([...before.values()].map((r) => r.followers));
  // No earlier day: back out the first day's changes from its closing count.
  const first = new Map<string, AccountDailyRow>();
  for (const r of accounts) {
    if (!inScope(goal.scope, r) || r.date < goal.start || r.followers === null) continue;
    const k = `${r.platform}/${r.account}`;
    const prev = first.get(k);
    if (!prev || prev.date > r.date) first.set(k, r);
  }
  return sumKnown([...first.values()].map((r) =>
    r.newFollowers === null || r.unfollows === null ? null : r.followers! - r.newFollowers + r.unfollows));
}
