/**
 * Competitor benchmarking (竞品对比): followers, posting frequency, interaction rate and
 * growth for our accounts and reference accounts → a rank per metric and overall. Pure.
 */
import { percentOf, round } from './model.js';

export interface CompetitorInput {
  name: string;
  platform: string;
  own?: boolean;
  followers: number | null; // at the end of the period
  followersAtStart: number | null;
  posts: number | null; // posts in the period
  days: number; // length of the period in days
  interactionRate: number | null; // percent, as measured or estimated
}

export const COMPETITOR_METRICS = ['followers', 'postsPerWeek', 'interactionRate', 'growth'] as const;
export type CompetitorMetric = (typeof COMPETITOR_METRICS)[number];

export interface CompetitorRow {
  name: string;
  platform: string;
  own: boolean;
  followers: number | null;
  postsPerWeek: number | null;
  interactionRate: number | null;
  growth: number | null; // follower growth over the period, percent
  ranks: Record<CompetitorMetric, number | null>; // 1 = best; null when unknown
  overallRank: number;
  score: number | null; // mean of the known ranks
}

/** Dense ranking, highest first; unknown values get no rank. */
function rankBy(values: (number | null)[]): (number | null)[] {
  const known = [...new Set(values.filter((v): v is number => v !== null))].sort((a, b) => b - a);
  return values.map((v) => (v === null ? null : known.indexOf(v) + 1));
}

export function compareCompetitors(inputs: readonly CompetitorInput[]): CompetitorRow[] {
  const rows = inputs.map((c) => ({
    name: c.name,
    platform: c.platform,
    own: c.own ?? false,
    followers: c.followers,
    postsPerWeek: c.posts === null || c.days <= 0 ? null : round((c.posts / c.days) * 7, 1),
    interactionRate: c.interactionRate === null ? null : round(c.interactionRate),
    growth: c.followers === null || c.followersAtStart === null ? null : round(percentOf(c.followers - c.followersAtStart, c.followersAtStart)),
  }));
  const rankCols = Object.fromEntries(
    COMPETITOR_METRICS.map((m) => [m, rankBy(rows.map((r) => r[m]))]),
  ) as Record<CompetitorMetric, (number | null)[]>;
  const withRanks = rows.map((r, i) => {
    const ranks = Object.fromEntries(COMPETITOR_METRICS.map((m) => [m, rankCols[m][i]])) as CompetitorRow['ranks'];
    const known = Object.values(ranks).filter((v): v is number => v !== null);
    const score = known.length ? round(known.reduce((a, b) => a + b, 0) / known.length, 2) : null;
    return { ...r, ranks, score, overallRank: 0 };
  });
  const order = [...withRanks].sort((a, b) => (a.score ?? Infinity) - (b.score ?? Infinity) || a.name.localeCompare(b.name));
  order.forEach((r, i) => { r.overallRank = i + 1; });
  return order;
}
