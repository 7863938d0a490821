/**
 * Cadence rules (DOMAIN §3: e.g. WeChat ≥ 3 posts/week, Weibo ≥ 1 post/day): which periods of a
 * range fall short of an account's minimum, and the plan-ahead warning when the next days are thin.
 */
import { DateTime } from 'luxon';

export interface CadenceRule { minPosts: number; per: 'day' | 'week' | 'month' }

/** Used when the account has no cadence of its own. */
export const DEFAULT_CADENCE: Record<string, CadenceRule> = {
  weibo: { minPosts: 1, per: 'day' },
  wechat: { minPosts: 3, per: 'week' },
  douyin: { minPosts: 3, per: 'week' },
  kuaishou: { minPosts: 3, per: 'week' },
  xiaohongshu: { minPosts: 2, per: 'week' },
  bilibili: { minPosts: 1, per: 'week' },
  zhihu: { minPosts: 1, per: 'week' },
  linkedin: { minPosts: 2, per: 'week' },
};
export const FALLBACK_CADENCE: CadenceRule = { minPosts: 1, per: 'week' };

export function cadenceFor(platform: string, own: CadenceRule | null | undefined): CadenceRule {
  return own ?? DEFAULT_CADENCE[platform] ?? FALLBACK_CADENCE;
}

export interface CadenceGap {
  /** Local date the period starts (a day, the Monday of a week, the 1st of a month). */
  periodStart: string;
  periodEnd: string;
  planned: number;
  required: number;
}

/**
 * Periods of [from, to) that hold fewer posts than the rule asks. Periods are calendar days, ISO weeks
 * or months in the time zone; only periods that lie wholly inside the range are judged.
 */
export function cadenceGaps(rule: CadenceRule, posts: readonly Date[], from: Date, to: Date, timeZone: string): CadenceGap[] {
  const unit = rule.per;
  const start = DateTime.fromJSDate(from, { zone: timeZone });
  const end = DateTime.fromJSDate(to, { zone: timeZone });
  const local = posts.map((p) => DateTime.fromJSDate(p, { zone: timeZone }));
  const gaps: CadenceGap[] = [];
  const step = { [`${unit}s`]: 1 } as { days?: number; weeks?: number; months?: number };
  let p = start.startOf(unit);
  if (p < start) p = p.plus(step);
  for (; ; p = p.plus(step)) {
    const next = p.plus(step);
    if (next > end) break;
    const planned = local.filter((d) => d >= p && d < next).length;
    if (planned < rule.minPosts) {
      gaps.push({ periodStart: p.toFormat('yyyy-MM-dd'), periodEnd: next.minus({ days: 1 }).toFormat('yyyy-MM-dd'), planned, required: rule.minPosts });
    }
  }
  return gaps;
}

/** Posts a rule expects over `days` days (a week rule over 7 days: minPosts). */
export function expectedPosts(rule: CadenceRule, days: number): number {
  const perDay = rule.per === 'day' ? rule.minPosts : rule.per === 'week' ? rule.minPosts / 7 : rule.minPosts / 30;
  return Math.ceil(perDay * days - 1e-9);
}

/**
 * Plan ahead (计划提前 1–2 周): is the next `days` window thin for this account? Compares what is
 * planned with what its cadence expects over the window.
 */
export function planAhead(rule: CadenceRule, posts: readonly Date[], now: Date, days = 7): { thin: boolean; planned: number; expected: number } {
  const until = now.getTime() + days * 86_400_000;
  const planned = posts.filter((p) => p.getTime() >= now.getTime() && p.getTime() < until).length;
  const expected = expectedPosts(rule, days);
  return { thin: planned < expected, planned, expected };
}

/** Upper bounds that refuse a slot: WeChat subscription accounts broadcast once a day; posts on one account are spaced. */
export const MAX_PER_DAY: Record<string, number> = { wechat: 1 };
export const MIN_SPACING_MINUTES = 30;

/**
 * May one more post go out on this account at `at`? `others` are its other planned posts (not this item).
 * Returns the reason when it may not.
 */
export function slotConflict(platform: string, at: Date, others: readonly Date[], timeZone: string): string | null {
  const close = others.find((o) => Math.abs(o.getTime() - at.getTime()) < MIN_SPACING_MINUTES * 60_000);
  if (close) return `同一账号 ${MIN_SPACING_MINUTES} 分钟内已有一条排期（${DateTime.fromJSDate(close, { zone: timeZone }).toFormat('MM-dd HH:mm')}）`;
  const max = MAX_PER_DAY[platform];
  if (max !== undefined) {
    const day = DateTime.fromJSDate(at, { zone: timeZone }).toISODate();
    const same = others.filter((o) => DateTime.fromJSDate(o, { zone: timeZone }).toISODate() === day).length;
    if (same >= max) return `该平台每天最多发布 ${max} 次，${day} 已排满`;
  }
  return null;
}
