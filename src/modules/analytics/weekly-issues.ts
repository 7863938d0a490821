/**
 * 主要问题与改进方向 — the weekly table's problems column, generated from the data:
 * a platform's rates against the whole week's, its week-on-week drops, and a format that
 * performs better than the rest yet has a small share of the posts. Pure.
 */
import { type PostPeriod, round } from './model.js';
import { contentMix } from './performance.js';
import { type Locale, fill, formatLabel, pct, signedPct } from './labels.js';

/** What the rules read of a table row and of the totals (weekly-report.ts fills these). */
export interface RowFigures {
  posts: number;
  interactionRate: number | null;
  conversionRate: number | null;
  exposureWoW: number | null;
  newFollowersWoW: number | null;
}
export type TotalFigures = Pick<RowFigures, 'interactionRate' | 'conversionRate'>;

export type IssueCode =
  | 'weekly.low_interaction' | 'weekly.low_conversion' | 'weekly.exposure_down'
  | 'weekly.followers_down' | 'weekly.format_underweight' | 'weekly.no_posts';

export interface Issue {
  code: IssueCode;
  text: string;
  params: Record<string, string | number>;
}

export interface IssueOptions {
  /** A rate below this share of the week's overall rate is a problem. */
  lowFactor?: number;
  /** A week-on-week change at or below this (percent) is a problem. */
  dropAt?: number;
  /** A format this much better than the others, with a share under `underweightShare`, is underused. */
  betterFactor?: number;
  underweightShare?: number;
}

const TEXT: Record<Locale, Record<IssueCode, string>> = {
  'zh-CN': {
    'weekly.low_interaction': '互动率{r}低于整体{o}，标题与开头钩子需更吸引人，结尾增加互动引导',
    'weekly.low_conversion': '转化率{r}低于整体{o}，需加强福利/咨询引导',
    'weekly.exposure_down': '曝光量环比{c}，检查发布频次与发布时段',
    'weekly.followers_down': '新增粉丝环比{c}，增加关注引导与互动活动',
    'weekly.format_underweight': '{f}占比不足（{n}/{t}条），互动率{r}高于其他形式{o}，下周增加{k}条',
    'weekly.no_posts': '本周无内容发布，恢复发布节奏',
  },
  'en-US': {
    'weekly.low_interaction': 'Interaction rate {r} is below the overall {o}: sharper titles and hooks, end with a call to interact',
    'weekly.low_conversion': 'Conversion rate {r} is below the overall {o}: make the offer or inquiry prompt clearer',
    'weekly.exposure_down': 'Exposure {c} week on week: check posting frequency and time slots',
    'weekly.followers_down': 'New followers {c} week on week: add follow prompts and interactive activities',
    'weekly.format_underweight': '{f} is under-used ({n}/{t} posts) with an interaction rate of {r} against {o} for other formats: add {k} next week',
    'weekly.no_posts': 'Nothing was posted this week: resume the schedule',
  },
};

export function platformIssues(
  row: RowFigures, totals: TotalFigures, posts: readonly PostPeriod[], locale: Locale, opts: IssueOptions = {},
): Issue[] {
  const t = TEXT[locale];
  const lowFactor = opts.lowFactor ?? 0.8;
  const dropAt = opts.dropAt ?? -10;
  const out: Issue[] = [];
  const add = (code: IssueCode, params: Record<string, string | number> = {}) => out.push({ code, text: fill(t[code], params), params });

  if (row.posts === 0) add('weekly.no_posts');
  const underweight = formatUnderweight(posts, opts);
  if (underweight) {
    add('weekly.format_underweight', {
      format: underweight.format, f: formatLabel(underweight.format, locale), n: underweight.count, t: posts.length,
      r: pct(underweight.rate), o: pct(underweight.otherRate), k: underweight.add,
    });
  }
  if (row.interactionRate !== null && totals.interactionRate !== null && row.interactionRate < totals.interactionRate * lowFactor) {
    add('weekly.low_interaction', { r: pct(row.interactionRate), o: pct(totals.interactionRate) });
  }
  if (row.conversionRate !== null && totals.conversionRate !== null && row.conversionRate < totals.conversionRate * lowFactor) {
    add('weekly.low_conversion', { r: pct(row.conversionRate, 3), o: pct(totals.conversionRate, 3) });
  }
  if (row.exposureWoW !== null && row.exposureWoW <= dropAt) add('weekly.exposure_down', { c: signedPct(row.exposureWoW) });
  if (row.newFollowersWoW !== null && row.newFollowersWoW <= dropAt) add('weekly.followers_down', { c: signedPct(row.newFollowersWoW) });
  return out;
}

export interface Underweight {
  format: string;
  count: number;
  rate: number;
  otherRate: number;
  add: number; // posts of this format to add next week to reach half of the week's count
}

/** The best format by interaction rate when it clearly beats the rest yet is a minority. */
export function formatUnderweight(posts: readonly PostPeriod[], opts: IssueOptions = {}): Underweight | null {
  const mix = contentMix(posts, 'format').filter((g) => g.interactionRate !== null);
  if (mix.length < 2) return null;
  const best = [...mix].sort((a, b) => b.interactionRate! - a.interactionRate!)[0];
  const others = posts.filter((p) => p.format !== best.value);
  const otherExposure = others.reduce((a, p) => a + (p.exposure ?? 0), 0);
  const otherInteractions = others.reduce((a, p) => a + (p.interactions ?? 0), 0);
  if (otherExposure === 0) return null;
  const otherRate = (otherInteractions / otherExposure) * 100;
  const share = (best.posts / posts.length) * 100;
  if (best.interactionRate! < otherRate * (opts.betterFactor ?? 1.2) || share >= (opts.underweightShare ?? 40)) return null;
  return {
    format: best.value,
    count: best.posts,
    rate: best.interactionRate!,
    otherRate: round(otherRate)!,
    add: Math.max(1, Math.ceil(posts.length / 2) - best.posts),
  };
}
