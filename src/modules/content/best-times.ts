/**
 * Best posting times (DOMAIN §7): a weekday × hour grid seeded from the manuals' defaults and learned
 * from an account's own results. Each observation is scored relative to the account's mean
 * interaction rate; a cell's estimate shrinks toward the default until it has data of its own.
 */
import { DateTime } from 'luxon';

export interface Observation {
  publishedAt: Date;
  /** Interactions ÷ exposure (or any per-post engagement ratio — only relative values matter). */
  interactionRate: number;
}

export interface BestTimeCell {
  weekday: number; // 1 = Monday … 7 = Sunday
  hour: number; // 0–23, local
  score: number; // 0–1, 1 = best cell
  samples: number;
}

export interface BestTimes {
  cells: BestTimeCell[];
  /** 0–1: how much the grid rests on the account's own data. */
  confidence: number;
  source: 'default' | 'learned';
  samples: number;
}

export type Audience = 'workplace' | 'lifestyle';

/** The manuals' defaults as a prior in 0–1: workplace lunch and evening, lifestyle weekend evenings, Weibo's mid-week and late evenings. */
export function defaultScore(platform: string, weekday: number, hour: number, audience: Audience = 'workplace'): number {
  const weekend = weekday >= 6;
  let s = 0.1;
  if (hour >= 8 && hour <= 22) s = 0.25;
  if (audience === 'workplace' && !weekend && (hour === 12 || (hour >= 18 && hour <= 19))) s = 0.9;
  if (audience === 'workplace' && !weekend && (hour === 8 || hour === 21)) s = Math.max(s, 0.5);
  if (audience === 'lifestyle' && weekend && hour >= 19 && hour <= 21) s = 0.9;
  if (weekend && hour >= 19 && hour <= 21) s = Math.max(s, 0.7);
  if (platform === 'weibo') {
    if (!weekend && hour >= 18 && hour <= 22) s = Math.max(s, 0.8);
    if (weekend && (hour === 13 || (hour >= 17 && hour <= 19))) s = Math.max(s, 0.8);
    if (weekday === 3 || weekday === 4) s = Math.min(1, s + 0.1);
    if (weekday === 1) s = Math.max(0.05, s - 0.1);
  }
  return s;
}

const PRIOR_WEIGHT = 3; // a cell's default counts as this many observations
const CONFIDENCE_HALF = 30; // samples at which the grid is half the account's own

export function learnBestTimes(rows: readonly Observation[], timeZone: string, platform = '', audience: Audience = 'workplace'): BestTimes {
  const valid = rows.filter((r) => Number.isFinite(r.interactionRate) && r.interactionRate >= 0);
  const mean = valid.length ? valid.reduce((n, r) => n + r.interactionRate, 0) / valid.length : 0;
  const sums = new Map<number, { sum: number; n: number }>();
  for (const r of valid) {
    const d = DateTime.fromJSDate(r.publishedAt, { zone: timeZone });
    const key = d.weekday * 24 + d.hour;
    const rel = mean > 0 ? r.interactionRate / mean : 1;
    const c = sums.get(key) ?? { sum: 0, n: 0 };
    sums.set(key, { sum: c.sum + rel, n: c.n + 1 });
  }
  const raw: BestTimeCell[] = [];
  for (let weekday = 1; weekday <= 7; weekday++) {
    for (let hour = 0; hour < 24; hour++) {
      // The prior as a relative performance near 1 (0.8 … 1.2): a cell's own data soon outweighs it.
      const prior = 0.8 + 0.4 * defaultScore(platform, weekday, hour, audience);
      const c = sums.get(weekday * 24 + hour) ?? { sum: 0, n: 0 };
      raw.push({ weekday, hour, score: (PRIOR_WEIGHT * prior + c.sum) / (PRIOR_WEIGHT + c.n), samples: c.n });
    }
  }
  const max = Math.max(...raw.map((c) => c.score));
  const cells = raw.map((c) => ({ ...c, score: Math.round((c.score / max) * 1000) / 1000 }));
  const confidence = Math.round((valid.length / (valid.length + CONFIDENCE_HALF)) * 100) / 100;
  return { cells, confidence, source: valid.length ? 'learned' : 'default', samples: valid.length };
}

/** The best cells first (ties: earlier in the week, earlier in the day). */
export function topCells(grid: BestTimes, n = 5): BestTimeCell[] {
  return [...grid.cells].sort((a, b) => b.score - a.score || a.weekday - b.weekday || a.hour - b.hour).slice(0, n);
}

/**
 * Concrete slots for scheduling: the next `count` on-the-hour instants after `from` (within `days`)
 * whose cell scores best, at least `minGapHours` apart.
 */
export function suggestSlots(grid: BestTimes, from: Date, timeZone: string, count = 3, days = 7, minGapHours = 3): Array<{ at: Date; score: number }> {
  const score = new Map(grid.cells.map((c) => [c.weekday * 24 + c.hour, c.score]));
  const start = DateTime.fromJSDate(from, { zone: timeZone }).startOf('hour').plus({ hours: 1 });
  const candidates: Array<{ at: Date; score: number }> = [];
  for (let h = 0; h < days * 24; h++) {
    const t = start.plus({ hours: h });
    candidates.push({ at: t.toJSDate(), score: score.get(t.weekday * 24 + t.hour) ?? 0 });
  }
  candidates.sort((a, b) => b.score - a.score || a.at.getTime() - b.at.getTime());
  const picked: Array<{ at: Date; score: number }> = [];
  for (const c of candidates) {
    if (picked.every((p) => Math.abs(p.at.getTime() - c.at.getTime()) >= minGapHours * 3_600_000)) picked.push(c);
    if (picked.length === count) break;
  }
  return picked.sort((a, b) => a.at.getTime() - b.at.getTime());
}
