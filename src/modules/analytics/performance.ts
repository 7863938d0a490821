/**
 * Daily hits (爆款) and duds (低效) with their likely reasons, and the content mix
 * (share and performance by theme, format, time slot, platform) with recommendations.
 * Pure; percentages in percent.
 */
import {
  type Count, type PostPeriod, conversionRate, interactionRate, interactions, median, percentOf, round, sumCounts,
} from './model.js';
import { type Dimension, type Locale, dimensionLabel, fill, pct, valueLabel } from './labels.js';

export const DIMENSIONS: readonly Dimension[] = ['theme', 'format', 'timeSlot', 'platform'];

/** Where the hit baseline comes from: an industry average, or the account's own median. */
export type Baseline = { kind: 'industry'; rate: number } | { kind: 'own_median' };
/** What counts as a dud: under a fixed rate (the manual says 5 %), or under a share of the baseline. */
export type DudThreshold = { kind: 'absolute'; rate: number } | { kind: 'relative'; factor: number };

export interface ClassifyOptions {
  baseline?: Baseline;
  /** A hit beats the baseline by this factor (the manual: 50 % above → 1.5). */
  hitFactor?: number;
  dud?: DudThreshold;
  /** Posts with less exposure are not judged (too little data). */
  minExposure?: number;
  /** A group must differ from the overall median by this factor to count as a reason. */
  reasonFactor?: number;
}

export interface Reason {
  dimension: Dimension;
  metric?: 'interactionRate' | 'conversionRate'; // interactionRate when absent
  value: string;
  groupRate: number; // median interaction rate of the posts sharing this value
  overallRate: number; // median interaction rate of all the account's posts
}

export interface Verdict {
  post: PostPeriod;
  rate: number;
  reasons: Reason[];
}

export interface Classification {
  baselineRate: number | null;
  dudRate: number | null;
  hits: Verdict[];
  duds: Verdict[];
}

const dimValue = (p: PostPeriod, d: Dimension): string | null =>
  d === 'theme' ? p.theme : d === 'format' ? p.format : d === 'timeSlot' ? p.timeSlot : p.platform;

/**
 * Flag hits and duds among one account's posts (or any peer set) and explain each by
 * comparing the post's theme/format/slot/platform group with the whole set.
 */
export function classifyPosts(posts: readonly PostPeriod[], opts: ClassifyOptions = {}): Classification {
  const minExposure = opts.minExposure ?? 0;
  const judged = posts.filter((p) => p.interactionRate !== null && (p.exposure ?? 0) >= minExposure && (p.exposure ?? 0) > 0);
  const ownMedian = median(judged.map((p) => p.interactionRate));
  const baseline = opts.baseline ?? { kind: 'own_median' };
  const baselineRate = baseline.kind === 'industry' ? baseline.rate : ownMedian;
  const dud = opts.dud ?? { kind: 'relative', factor: 0.5 };
  const dudRate = dud.kind === 'absolute' ? dud.rate : baselineRate === null ? null : baselineRate * dud.factor;
  const hitRate = baselineRate === null ? null : baselineRate * (opts.hitFactor ?? 1.5);
  const reasonFactor = opts.reasonFactor ?? 1.2;

  const reasonsFor = createExplainer(judged, reasonFactor);

  const hits: Verdict[] = [];
  const duds: Verdict[] = [];
  for (const p of judged) {
    const rate = p.interactionRate!;
    if (hitRate !== null && rate > hitRate) hits.push({ post: p, rate: round(rate)!, reasons: reasonsFor(p, 1) });
    else if (dudRate !== null && rate < dudRate) duds.push({ post: p, rate: round(rate)!, reasons: reasonsFor(p, -1) });
  }
  hits.sort((a, b) => b.rate - a.rate);
  duds.sort((a, b) => a.rate - b.rate);
  return { baselineRate: round(baselineRate), dudRate: round(dudRate), hits, duds };
}

/**
 * Why a post did well (direction 1) or badly (−1): the dimensions whose group among the peers
 * has a median interaction rate clearly above (or below) the peers' overall median.
 */
export function explainPost(
  p: PostPeriod, peers: readonly PostPeriod[], direction: 1 | -1, reasonFactor = 1.2,
  metric: 'interactionRate' | 'conversionRate' = 'interactionRate',
): Reason[] {
  return createExplainer(peers, reasonFactor, metric)(p, direction);
}

/**
 * explainPost for many posts of one peer set: the overall median and each group's median are
 * computed once (a week of 20,000 posts would otherwise sort the peers once per post).
 */
export function createExplainer(
  peers: readonly PostPeriod[], reasonFactor = 1.2, metric: 'interactionRate' | 'conversionRate' = 'interactionRate',
): (p: PostPeriod, direction: 1 | -1) => Reason[] {
  const rated = peers.filter((x) => x[metric] !== null);
  const overall = median(rated.map((x) => x[metric]));
  const digits = metric === 'conversionRate' ? 3 : 2;
  // Per dimension with at least two values (one value explains nothing): the median of each group.
  const groups = new Map<Dimension, Map<string, number | null>>();
  for (const d of DIMENSIONS) {
    const byValue = new Map<string, (number | null)[]>();
    for (const x of rated) {
      const v = dimValue(x, d);
      if (v === null) continue;
      const g = byValue.get(v);
      if (g) g.push(x[metric]);
      else byValue.set(v, [x[metric]]);
    }
    if (byValue.size >= 2) groups.set(d, new Map([...byValue].map(([v, rates]) => [v, median(rates)])));
  }
  return (p, direction) => {
    if (overall === null || overall === 0) return [];
    const out: Reason[] = [];
    for (const d of DIMENSIONS) {
      const v = dimValue(p, d);
      const medians = groups.get(d);
      if (v === null || !medians) continue;
      const g = medians.get(v) ?? null;
      if (g === null) continue;
      const better = g >= overall * reasonFactor;
      const worse = g <= overall / reasonFactor;
      if ((direction === 1 && better) || (direction === -1 && worse)) {
        const r: Reason = { dimension: d, value: v, groupRate: round(g, digits)!, overallRate: round(overall, digits)! };
        out.push(metric === 'conversionRate' ? { ...r, metric } : r);
      }
    }
    return out.sort((a, b) => direction * (b.groupRate - a.groupRate));
  };
}

/** One sentence for a reason, e.g. "形式「短视频」中位互动率 3% 高于整体 1.5%". */
export function describeReason(r: Reason, locale: Locale = 'zh-CN'): string {
  const higher = r.groupRate > r.overallRate;
  const conv = r.metric === 'conversionRate';
  const t = locale === 'zh-CN'
    ? `${dimensionLabel(r.dimension, locale)}「{v}」中位${conv ? '转化率' : '互动率'} {g}${higher ? '高于' : '低于'}整体 {o}`
    : `${dimensionLabel(r.dimension, locale)} "{v}" has a median ${conv ? 'conversion' : 'interaction'} rate of {g}, ${higher ? 'above' : 'below'} the overall {o}`;
  const d = conv ? 3 : 2;
  return fill(t, { v: valueLabel(r.dimension, r.value, locale), g: pct(r.groupRate, d), o: pct(r.overallRate, d) });
}

export interface MixGroup {
  value: string;
  posts: number;
  share: number | null; // share of posts, percent
  exposure: Count;
  exposureShare: number | null;
  interactions: Count;
  interactionRate: number | null;
  conversions: Count;
  conversionRate: number | null;
}

/** Share and performance of each value of a dimension, largest share first. */
export function contentMix(posts: readonly PostPeriod[], dimension: Dimension): MixGroup[] {
  const groups = new Map<string, PostPeriod[]>();
  for (const p of posts) {
    const v = dimValue(p, dimension);
    if (v === null) continue;
    { const g = groups.get(v); if (g) g.push(p); else groups.set(v, [p]); }
  }
  const all = sumCounts(posts);
  const out: MixGroup[] = [];
  for (const [value, ps] of groups) {
    const s = sumCounts(ps);
    out.push({
      value,
      posts: ps.length,
      share: round(percentOf(ps.length, posts.length)),
      exposure: s.exposure,
      exposureShare: round(percentOf(s.exposure, all.exposure)),
      interactions: interactions(s),
      interactionRate: round(interactionRate(s)),
      conversions: s.conversions,
      conversionRate: round(conversionRate(s.conversions, s.exposure), 3),
    });
  }
  return out.sort((a, b) => b.posts - a.posts || a.value.localeCompare(b.value));
}

export interface Recommendation {
  code: 'mix.grow' | 'mix.reduce';
  dimension: Dimension;
  value: string;
  metric: 'interactionRate' | 'conversionRate';
  rate: number;
  comparedWith: string | null; // the value it beats / trails, when there is one
  comparedRate: number;
  text: string;
}

export interface RecommendOptions {
  locale?: Locale;
  /** How far a group must beat (or trail) the next best to be worth a word. */
  factor?: number;
  dimensions?: readonly Dimension[];
}

/**
 * Recommendations from the mix: per dimension and metric, the best group when it clearly
 * beats the runner-up ("短视频转化率高于图文 → 加大短视频投入"), and the worst group when
 * it trails the rest and holds a big share.
 */
export function recommendMix(posts: readonly PostPeriod[], opts: RecommendOptions = {}): Recommendation[] {
  const locale = opts.locale ?? 'zh-CN';
  const factor = opts.factor ?? 1.2;
  const out: Recommendation[] = [];
  for (const dimension of opts.dimensions ?? DIMENSIONS) {
    const mix = contentMix(posts, dimension);
    if (mix.length < 2) continue;
    for (const metric of ['conversionRate', 'interactionRate'] as const) {
      const ranked = mix.filter((g) => g[metric] !== null).sort((a, b) => b[metric]! - a[metric]!);
      if (ranked.length < 2) continue;
      const [best, second] = ranked;
      const worst = ranked[ranked.length - 1];
      if (best[metric]! > 0 && best[metric]! >= second[metric]! * factor) {
        out.push(makeRec('mix.grow', dimension, metric, best, second, locale));
      }
      const rest = ranked[ranked.length - 2];
      if (worst !== best && (worst.share ?? 0) >= 30 && rest[metric]! > 0 && worst[metric]! * factor <= rest[metric]!) {
        out.push(makeRec('mix.reduce', dimension, metric, worst, rest, locale));
      }
    }
  }
  return dedupe(out);
}

/**
 * One word per value and direction: a value told both to grow and to shrink (by different
 * metrics) gets neither, and each dimension keeps its first grow and first reduce
 * (conversion before interaction: conversion is the manuals' end goal).
 */
function dedupe(recs: Recommendation[]): Recommendation[] {
  const codes = new Map<string, Set<string>>();
  for (const r of recs) {
    const k = `${r.dimension}:${r.value}`;
    codes.set(k, (codes.get(k) ?? new Set()).add(r.code));
  }
  const seen = new Set<string>();
  return recs.filter((r) => {
    if (codes.get(`${r.dimension}:${r.value}`)!.size > 1) return false;
    const k = `${r.dimension}:${r.code}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

const REC_TEXT = {
  'zh-CN': {
    'mix.grow': '{v}{m}（{r}）高于{c}（{cr}）→ 加大{v}投入',
    'mix.reduce': '{v}{m}（{r}）低于{c}（{cr}），且占比{s} → 减少{v}或调整其内容',
    interactionRate: '互动率',
    conversionRate: '转化率',
  },
  'en-US': {
    'mix.grow': '{v} has a higher {m} ({r}) than {c} ({cr}) → invest more in {v}',
    'mix.reduce': '{v} has a lower {m} ({r}) than {c} ({cr}) and makes up {s} → cut {v} or rework it',
    interactionRate: 'interaction rate',
    conversionRate: 'conversion rate',
  },
} as const;

function makeRec(
  code: Recommendation['code'], dimension: Dimension, metric: Recommendation['metric'],
  g: MixGroup, other: MixGroup, locale: Locale,
): Recommendation {
  const t = REC_TEXT[locale];
  const digits = metric === 'conversionRate' ? 3 : 2;
  const text = fill(t[code], {
    v: valueLabel(dimension, g.value, locale),
    c: valueLabel(dimension, other.value, locale),
    m: t[metric],
    r: pct(g[metric], digits),
    cr: pct(other[metric], digits),
    s: pct(g.share, 0),
  });
  return { code, dimension, value: g.value, metric, rate: g[metric]!, comparedWith: other.value, comparedRate: other[metric]!, text };
}
