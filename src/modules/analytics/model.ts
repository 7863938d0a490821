/**
 * Analytics — the manuals' formulas (DOMAIN.md §9) as pure functions.
 * Percentages are numbers in percent: 1.6 means 1.6 %. Unknown stays null, never 0.
 * Hits/duds and content mix: ./performance.ts; goals: ./goals.ts; competitors: ./competitors.ts
 * (they import this file, never the other way round).
 */
export type Count = number | null;

/** One post's counts for one day (or summed over a period). */
export interface PostCounts {
  exposure: Count;
  likes: Count;
  comments: Count;
  shares: Count;
  saves: Count;
  clicks?: Count;
  conversions: Count;
}

/** A post row for one day, as imported (see import-parse.ts). */
export interface PostDailyRow extends PostCounts {
  date: string; // YYYY-MM-DD, in the workspace's time zone
  platform: string;
  account: string;
  postId: string;
  postTitle: string;
  theme: string | null;
  format: string | null;
  /** Hour of publishing (0–23) in the workspace's zone, when known. */
  publishedHour?: number | null;
}

/** An account row for one day. */
export interface AccountDailyRow {
  date: string;
  platform: string;
  account: string;
  followers: Count; // at the end of the day
  newFollowers: Count;
  unfollows: Count;
}

/** Round half away from zero to `digits` places; null stays null. */
export function round(v: number | null, digits = 2): number | null {
  if (v === null || !Number.isFinite(v)) return null;
  const f = 10 ** digits;
  const r = Math.round(Math.abs(v) * f + 1e-9) / f;
  return v < 0 ? -r : r;
}

/** Sum that stays null when every part is unknown; unknown parts are skipped otherwise. */
export function sumKnown(values: readonly Count[]): Count {
  let any = false;
  let total = 0;
  for (const v of values) {
    if (v === null || v === undefined) continue;
    any = true;
    total += v;
  }
  return any ? total : null;
}

/** part / whole × 100, null when either is unknown or the whole is 0. */
export function percentOf(part: Count, whole: Count): number | null {
  if (part === null || whole === null || whole === 0) return null;
  return (part / whole) * 100;
}

/** 互动量: likes + comments + shares + saves (a platform without saves just lacks that part). */
export function interactions(c: Pick<PostCounts, 'likes' | 'comments' | 'shares' | 'saves'>): Count {
  return sumKnown([c.likes, c.comments, c.shares, c.saves]);
}

/** 互动率 = (likes + comments + shares + saves) / exposure × 100. */
export function interactionRate(c: Pick<PostCounts, 'exposure' | 'likes' | 'comments' | 'shares' | 'saves'>): number | null {
  return percentOf(interactions(c), c.exposure);
}

/** 粉丝增长率 = (new − unfollows) / followers at start × 100. */
export function followerGrowthRate(newFollowers: Count, unfollows: Count, followersAtStart: Count): number | null {
  if (newFollowers === null || unfollows === null) return null;
  return percentOf(newFollowers - unfollows, followersAtStart);
}

/** 转化率 = conversions / exposure × 100. */
export function conversionRate(conversions: Count, exposure: Count): number | null {
  return percentOf(conversions, exposure);
}

/** 环比: (current − previous) / previous × 100; null without a previous value or when it is 0. */
export function weekOnWeek(current: Count, previous: Count): number | null {
  if (current === null || previous === null || previous === 0) return null;
  return ((current - previous) / previous) * 100;
}

/** Sum the counts of many rows field by field (unknown where every row is unknown). */
export function sumCounts(rows: readonly PostCounts[]): Required<PostCounts> {
  return {
    exposure: sumKnown(rows.map((r) => r.exposure)),
    likes: sumKnown(rows.map((r) => r.likes)),
    comments: sumKnown(rows.map((r) => r.comments)),
    shares: sumKnown(rows.map((r) => r.shares)),
    saves: sumKnown(rows.map((r) => r.saves)),
    clicks: sumKnown(rows.map((r) => r.clicks ?? null)),
    conversions: sumKnown(rows.map((r) => r.conversions)),
  };
}

/** Median of the known values; null when there are none. */
export function median(values: readonly (number | null)[]): number | null {
  const xs = values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
  if (xs.length === 0) return null;
  const mid = Math.floor(xs.length / 2);
  return xs.length % 2 ? xs[mid] : (xs[mid - 1] + xs[mid]) / 2;
}

/** The time slot of an hour of the day (workspace zone). */
export function timeSlotOf(hour: number | null | undefined): 'morning' | 'noon' | 'afternoon' | 'evening' | 'night' | null {
  if (hour === null || hour === undefined || !Number.isInteger(hour) || hour < 0 || hour > 23) return null;
  if (hour >= 6 && hour < 11) return 'morning';
  if (hour >= 11 && hour < 14) return 'noon';
  if (hour >= 14 && hour < 18) return 'afternoon';
  if (hour >= 18 && hour < 23) return 'evening';
  return 'night';
}

/** A post's totals over a period: its daily rows summed, with its descriptive fields. */
export interface PostPeriod extends Required<PostCounts> {
  platform: string;
  account: string;
  postId: string;
  title: string;
  theme: string | null;
  format: string | null;
  timeSlot: string | null;
  interactions: Count;
  interactionRate: number | null;
  conversionRate: number | null;
}

/** Group daily post rows by (platform, account, postId) and total them. */
export function aggregatePosts(rows: readonly PostDailyRow[]): PostPeriod[] {
  const groups = new Map<string, PostDailyRow[]>();
  for (const r of rows) {
    const key = `${r.platform}\u0000${r.account}\u0000${r.postId}`;
    const g = groups.get(key);
    if (g) g.push(r);
    else groups.set(key, [r]);
  }
  const out: PostPeriod[] = [];
  for (const g of groups.values()) {
    const first = g[0];
    const last = g[g.length - 1];
    const sum = sumCounts(g);
    out.push({
      platform: first.platform,
      account: first.account,
      postId: first.postId,
      title: last.postTitle || first.postTitle,
      theme: g.find((r) => r.theme)?.theme ?? null,
      format: g.find((r) => r.format)?.format ?? null,
      timeSlot: timeSlotOf(g.find((r) => r.publishedHour != null)?.publishedHour),
      ...sum,
      interactions: interactions(sum),
      interactionRate: interactionRate(sum),
      conversionRate: conversionRate(sum.conversions, sum.exposure),
    });
  }
  return out;
}
