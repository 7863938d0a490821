/**
 * Metrics collection — pure rules: how often a post is read (fresh posts often, old posts
 * rarely, then never), and how cumulative platform counts become daily snapshot rows.
 * Unknown stays null, never 0.
 */
import type { Count } from './model.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Age of the post → time to the next reading. Past the last step the post is done. */
export const COLLECTION_CADENCE: readonly { until: number; every: number }[] = [
  { until: 6 * HOUR, every: HOUR / 2 },
  { until: DAY, every: HOUR },
  { until: 3 * DAY, every: 3 * HOUR },
  { until: 7 * DAY, every: 12 * HOUR },
  { until: 30 * DAY, every: DAY },
  { until: 90 * DAY, every: 7 * DAY },
];

/** When to read a post next, or null once it is older than the cadence covers. */
export function nextCollectionAt(publishedAt: Date, now: Date): Date | null {
  const age = Math.max(0, now.getTime() - publishedAt.getTime());
  const step = COLLECTION_CADENCE.find((s) => age < s.until);
  return step ? new Date(now.getTime() + step.every) : null;
}

/** After a failed reading: try again later, doubling up to a day. */
export function retryCollectionAt(now: Date, failures: number): Date {
  return new Date(now.getTime() + Math.min(DAY, HOUR / 4 * 2 ** Math.min(failures, 10)));
}

export const CUMULATIVE_FIELDS = ['exposure', 'likes', 'comments', 'shares', 'saves', 'clicks', 'conversions'] as const;
export type CumulativeField = (typeof CUMULATIVE_FIELDS)[number];
export type Cumulative = Record<CumulativeField, Count>;

/** A connector's PostMetrics (plus `conversions` where a platform reports it) as cumulative counts. */
export function cumulativeOf(m: { views: Count; likes: Count; comments: Count; shares: Count; saves: Count; clicks: Count } & Record<string, unknown>): Cumulative {
  const num = (v: unknown): Count => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  return {
    exposure: num(m.views), likes: num(m.likes), comments: num(m.comments), shares: num(m.shares),
    saves: num(m.saves), clicks: num(m.clicks), conversions: num(m.conversions),
  };
}

export interface CumulativeState {
  /** The day `last` was read on (workspace zone), null before the first reading. */
  cumDay: string | null;
  base: Partial<Cumulative> | null;
  last: Partial<Cumulative> | null;
}

/**
 * A new reading on `day`: the day's counts (reading − the last reading of an earlier day) and
 * the state to keep. A count the platform does not report stays null; one it starts reporting
 * counts from 0. The days of a post add up to its latest total.
 */
export function applyReading(state: CumulativeState, reading: Cumulative, day: string): { daily: Cumulative; state: CumulativeState } {
  const base = state.cumDay !== null && state.cumDay < day ? state.last ?? {} : state.base ?? {};
  const daily = {} as Cumulative;
  for (const f of CUMULATIVE_FIELDS) {
    const now = reading[f];
    daily[f] = now === null ? null : now - (base[f] ?? 0);
  }
  return { daily, state: { cumDay: day, base: { ...base }, last: { ...reading } } };
}
