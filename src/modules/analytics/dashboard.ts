/**
 * 数据看板 — the dashboard's figures for a date range (and a comparison range), at one level of
 * the drill-down: workspace → platform → account (→ its posts). Trend and breakdowns come from
 * the daily rollups; the best-hours heatmap, theme mix and top posts from post rows. Pure.
 */
import { DateTime } from 'luxon';
import { type Count, type PostDailyRow, aggregatePosts, percentOf, round, sumKnown, weekOnWeek } from './model.js';

export interface RollupRow {
  day: string;
  platform: string;
  account: string;
  posts: number;
  exposure: Count;
  interactions: Count;
  clicks: Count;
  conversions: Count;
  followers: Count;
  newFollowers: Count;
  unfollows: Count;
}

export interface DashboardScope { platform?: string; account?: string }

export interface DashboardTotals {
  exposure: Count;
  interactions: Count;
  interactionRate: number | null;
  newFollowers: Count;
  conversions: Count;
  posts: number;
}

const inScope = (s: DashboardScope) => (r: { platform: string; account: string }) =>
  (!s.platform || r.platform === s.platform) && (!s.account || r.account === s.account);

export function totalsOf(rows: readonly RollupRow[]): DashboardTotals {
  const exposure = sumKnown(rows.map((r) => r.exposure));
  const interactions = sumKnown(rows.map((r) => r.interactions));
  return {
    exposure, interactions, interactionRate: round(percentOf(interactions, exposure)),
    newFollowers: sumKnown(rows.map((r) => r.newFollowers)), conversions: sumKnown(rows.map((r) => r.conversions)),
    posts: rows.reduce((s, r) => s + r.posts, 0),
  };
}

/** One point per day of the range (days without data are null, not 0). */
export function trendOf(rows: readonly RollupRow[], from: string, to: string) {
  const byDay = new Map<string, RollupRow[]>();
  for (const r of rows) { const g = byDay.get(r.day); if (g) g.push(r); else byDay.set(r.day, [r]); }
  const out: { day: string; exposure: Count; interactions: Count; interactionRate: number | null }[] = [];
  for (let d = DateTime.fromISO(from, { zone: 'utc' }); d.toISODate()! <= to; d = d.plus({ days: 1 })) {
    const t = totalsOf(byDay.get(d.toISODate()!) ?? []);
    out.push({ day: d.toISODate()!, exposure: t.exposure, interactions: t.interactions, interactionRate: t.interactionRate });
  }
  return out;
}

/** Breakdown by platform (workspace level) or account (platform level). */
export function breakdownOf(rows: readonly RollupRow[], by: 'platform' | 'account') {
  const groups = new Map<string, RollupRow[]>();
  for (const r of rows) { const g = groups.get(r[by]); if (g) g.push(r); else groups.set(r[by], [r]); }
  return [...groups].map(([key, g]) => ({ key, platform: g[0]!.platform, ...totalsOf(g) }))
    .sort((a, b) => (b.exposure ?? -1) - (a.exposure ?? -1) || a.key.localeCompare(b.key));
}

/** Interaction rate by weekday (1–7, of the post's first day) × hour of publishing. */
export function heatmapOf(posts: readonly PostDailyRow[]) {
  const first = new Map<string, { date: string; hour: number | null }>();
  for (const p of posts) {
    const k = `${p.platform}\u0000${p.account}\u0000${p.postId}`;
    const f = first.get(k);
    if (!f) first.set(k, { date: p.date, hour: p.publishedHour ?? null });
    else {
      if (p.date < f.date) f.date = p.date;
      if (f.hour === null) f.hour = p.publishedHour ?? null;
    }
  }
  const totals = new Map(aggregatePosts(posts).map((p) => [`${p.platform}\u0000${p.account}\u0000${p.postId}`, p]));
  const cells = new Map<string, { weekday: number; hour: number; posts: number; exposure: Count; interactions: Count }>();
  for (const [k, f] of first) {
    if (f.hour === null) continue;
    const weekday = DateTime.fromISO(f.date, { zone: 'utc' }).weekday;
    const key = `${weekday}:${f.hour}`;
    const t = totals.get(k)!;
    const c = cells.get(key) ?? { weekday, hour: f.hour, posts: 0, exposure: null, interactions: null };
    c.posts += 1;
    c.exposure = sumKnown([c.exposure, t.exposure]);
    c.interactions = sumKnown([c.interactions, t.interactions]);
    cells.set(key, c);
  }
  return [...cells.values()]
    .map((c) => ({ weekday: c.weekday, hour: c.hour, posts: c.posts, interactionRate: round(percentOf(c.interactions, c.exposure)) }))
    .sort((a, b) => a.weekday - b.weekday || a.hour - b.hour);
}

/** Theme mix: posts and interactions per theme (unknown theme: null key). */
export function themesOf(posts: readonly PostDailyRow[]) {
  const groups = new Map<string | null, { posts: number; interactions: Count; exposure: Count }>();
  for (const p of aggregatePosts(posts)) {
    const g = groups.get(p.theme) ?? { posts: 0, interactions: null, exposure: null };
    g.posts += 1;
    g.interactions = sumKnown([g.interactions, p.interactions]);
    g.exposure = sumKnown([g.exposure, p.exposure]);
    groups.set(p.theme, g);
  }
  return [...groups].map(([theme, g]) => ({ theme, ...g, interactionRate: round(percentOf(g.interactions, g.exposure)) }))
    .sort((a, b) => b.posts - a.posts);
}

export function topPostsOf(posts: readonly PostDailyRow[], limit = 20) {
  return aggregatePosts(posts)
    .sort((a, b) => (b.interactions ?? -1) - (a.interactions ?? -1) || a.postId.localeCompare(b.postId))
    .slice(0, limit)
    .map((p) => ({
      postId: p.postId, title: p.title, platform: p.platform, account: p.account, theme: p.theme, format: p.format,
      exposure: p.exposure, interactions: p.interactions, interactionRate: round(p.interactionRate), conversions: p.conversions,
    }));
}

export interface DashboardInput {
  from: string;
  to: string;
  compare?: { from: string; to: string };
  scope: DashboardScope;
  rollups: readonly RollupRow[];
  compareRollups?: readonly RollupRow[];
  posts: readonly PostDailyRow[];
}

export function buildDashboard(input: DashboardInput) {
  const scoped = input.rollups.filter(inScope(input.scope));
  const posts = input.posts.filter(inScope(input.scope));
  const totals = totalsOf(scoped);
  const prev = input.compare ? totalsOf((input.compareRollups ?? []).filter(inScope(input.scope))) : null;
  const level = input.scope.account ? 'account' : input.scope.platform ? 'platform' : 'workspace';
  return {
    range: { from: input.from, to: input.to }, compare: input.compare ?? null, scope: input.scope, level,
    totals, compareTotals: prev,
    change: prev ? {
      exposure: round(weekOnWeek(totals.exposure, prev.exposure), 1), interactions: round(weekOnWeek(totals.interactions, prev.interactions), 1),
      newFollowers: round(weekOnWeek(totals.newFollowers, prev.newFollowers), 1), conversions: round(weekOnWeek(totals.conversions, prev.conversions), 1),
    } : null,
    trend: trendOf(scoped, input.from, input.to),
    compareTrend: input.compare ? trendOf((input.compareRollups ?? []).filter(inScope(input.scope)), input.compare.from, input.compare.to) : null,
    breakdown: level === 'account' ? [] : breakdownOf(scoped, level === 'workspace' ? 'platform' : 'account'),
    heatmap: heatmapOf(posts),
    themes: themesOf(posts),
    posts: topPostsOf(posts, level === 'account' ? 50 : 20),
  };
}

export type Dashboard = ReturnType<typeof buildDashboard>;
