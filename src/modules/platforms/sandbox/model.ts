/**
 * The sandbox audience model: pure and seeded. Given a seed, an account and a post it decides
 * how far the post travels (reach), how people react (reads, likes, comments, shares, saves,
 * clicks, conversions, video completion) and how that unfolds over time; per hour it decides
 * the DMs, @mentions and follower moves an account gets, including crisis bursts.
 *
 * Every draw is keyed by what it describes (createRng(seed, postId, …)), so results do not
 * depend on how often the simulation is advanced. Times are epoch milliseconds.
 */
import { createRng, hash32, type Rng } from './rng';
import { commentText, crisisText, dmText, mentionText, nickname, productWord, type Intent, type TextContext } from './texts';

export type PostFormat = 'text' | 'image' | 'video' | 'article';
export type PostTheme = 'brand' | 'product' | 'industry' | 'interactive' | 'trending' | 'festival';
export type { Intent } from './texts';

export interface AudienceAccount { id: string; name: string; followers: number }
export interface ModelPost {
  id: string; accountId: string; createdAt: number;
  format: PostFormat; theme: PostTheme; text: string; title?: string;
}

export interface PostOutcome {
  /** Final impressions (曝光) the post will reach. */
  reach: number;
  /** Time constant of the exposure curve: ~63% of reach after tau. */
  tauMs: number;
  rates: { read: number; like: number; comment: number; share: number; save: number; click: number; conversion: number; follow: number };
  /** 完播率 for video, null otherwise. */
  completionRate: number | null;
  viralMultiplier: number;
  commentMix: Record<Intent, number>;
}

export interface PostMetricsSnapshot {
  impressions: number; reads: number; likes: number; comments: number; shares: number;
  saves: number; clicks: number; conversions: number; newFollowers: number; completionRate: number | null;
}

export interface AudienceUser { id: string; name: string }
export interface GeneratedItem { id: string; user: AudienceUser; text: string; intent: Intent; createdAt: number }
export interface Crisis { id: string; accountId: string; topic: string; startedAt: number; durationMs: number; intensity: number }
export interface HourActivity {
  dms: GeneratedItem[]; mentions: GeneratedItem[]; crisisComments: GeneratedItem[];
  newFollowers: number; unfollows: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Asia/Shanghai has no DST: a fixed +08:00 offset. */
export const CN_OFFSET_MS = 8 * HOUR;

// Relative audience online per local hour (DOMAIN §7): lunch 12–13, evening 18–23; weekends later and longer.
const WEEKDAY_CURVE = [0.35, 0.2, 0.12, 0.08, 0.06, 0.08, 0.2, 0.55, 0.8, 0.7, 0.65, 0.8, 1.5, 1.25, 0.7, 0.65, 0.7, 0.9, 1.35, 1.6, 1.8, 1.85, 1.5, 0.9];
const WEEKEND_CURVE = [0.55, 0.35, 0.2, 0.12, 0.08, 0.07, 0.1, 0.25, 0.45, 0.7, 0.9, 1.0, 1.2, 1.45, 1.25, 1.0, 1.05, 1.35, 1.5, 1.7, 1.9, 1.9, 1.55, 1.0];
// Sunday first. Weibo users are more active Wednesday/Thursday than Monday.
const DAY_FACTOR = [0.98, 0.92, 0.97, 1.06, 1.06, 1.0, 1.0];

const FORMAT_REACH: Record<PostFormat, number> = { text: 0.6, image: 1.0, video: 1.8, article: 0.8 };
const THEME_REACH: Record<PostTheme, number> = { brand: 0.8, product: 1.0, industry: 0.9, interactive: 1.1, trending: 1.5, festival: 1.2 };
const FORMAT_TAU_H: Record<PostFormat, number> = { text: 3, image: 4, video: 8, article: 12 };

export function localParts(ms: number): { hour: number; weekday: number; minute: number } {
  const d = new Date(ms + CN_OFFSET_MS);
  return { hour: d.getUTCHours(), weekday: d.getUTCDay(), minute: d.getUTCMinutes() };
}

/** 'YYYY-MM-DD' of the instant in China time. */
export function dayKey(ms: number): string {
  return new Date(ms + CN_OFFSET_MS).toISOString().slice(0, 10);
}

/** How many of an account's followers are on line at this instant, relative (weekly mean ≈ 1). */
export function activityAt(ms: number): number {
  const { hour, weekday, minute } = localParts(ms);
  const curve = weekday === 0 || weekday === 6 ? WEEKEND_CURVE : WEEKDAY_CURVE;
  const a = curve[hour]!;
  const b = curve[(hour + 1) % 24]!;
  return (a + (b - a) * (minute / 60)) * DAY_FACTOR[weekday]!;
}

/** The post's fate, decided once from the seed: reach, reaction rates, speed, virality. */
export function postOutcome(seed: string, account: AudienceAccount, post: ModelPost): PostOutcome {
  const rng = createRng(seed, 'post', post.id);
  const quality = rng.logNormal(0.45);
  const viralChance = post.format === 'video' ? 0.05 : post.theme === 'trending' ? 0.04 : 0.02;
  const viralMultiplier = rng.chance(viralChance) ? Math.min(400, 4 * rng.pareto(1.2)) : 1;
  const timing = Math.pow(activityAt(post.createdAt), 0.8);
  const base = Math.max(50, account.followers) * 0.08 + 120;
  const reach = Math.round(base * FORMAT_REACH[post.format] * THEME_REACH[post.theme] * timing * quality * viralMultiplier);

  const jitter = (): number => rng.logNormal(0.3);
  const f = post.format;
  const t = post.theme;
  const rates = {
    read: Math.min(0.95, ({ text: 0.35, image: 0.45, video: 0.62, article: 0.14 })[f] * jitter()),
    like: 0.02 * ({ text: 0.8, image: 1.1, video: 1.3, article: 0.6 })[f] * (t === 'interactive' ? 1.2 : t === 'trending' ? 1.3 : 1) * Math.sqrt(quality) * jitter(),
    comment: 0.003 * (t === 'interactive' ? 3 : t === 'trending' ? 1.5 : 1) * (f === 'article' ? 0.6 : 1) * jitter(),
    share: 0.002 * (t === 'industry' || t === 'trending' ? 1.6 : t === 'festival' ? 1.3 : 1) * jitter(),
    save: 0.002 * (t === 'industry' ? 2 : 1) * (f === 'article' ? 2 : f === 'image' ? 1.3 : 1) * jitter(),
    click: 0.01 * (t === 'product' ? 1.8 : t === 'brand' ? 0.8 : 1) * jitter(),
    conversion: 0.05 * (t === 'product' ? 1.5 : 1) * jitter(),
    follow: 0.0015 * Math.sqrt(quality) * jitter(),
  };
  const completionRate = f === 'video' ? Math.min(0.92, Math.max(0.05, 0.32 * Math.pow(quality, 0.5) + 0.05 * rng.normal())) : null;
  const commentMix: Record<Intent, number> = {
    inquiry: t === 'product' ? 0.3 : 0.18,
    complaint: 0.07,
    praise: t === 'brand' || t === 'festival' ? 0.3 : 0.22,
    spam: 0.06,
    neutral: t === 'interactive' ? 0.5 : 0.3,
  };
  const tauMs = FORMAT_TAU_H[f] * HOUR * (viralMultiplier > 1 ? 2 : 1) * (0.7 + 0.6 * rng.next());
  return { reach, tauMs, rates, completionRate, viralMultiplier, commentMix };
}

/** Share of the final numbers reached after `elapsedMs` (saturating, 0 before publication). */
export function progress(outcome: PostOutcome, elapsedMs: number): number {
  return elapsedMs <= 0 ? 0 : 1 - Math.exp(-elapsedMs / outcome.tauMs);
}

/** Cumulative metrics at `elapsedMs` after publication; every number is non-decreasing in time. */
export function metricsAt(outcome: PostOutcome, elapsedMs: number): PostMetricsSnapshot {
  const p = progress(outcome, elapsedMs);
  const r = outcome.rates;
  const n = (rate: number): number => Math.floor(outcome.reach * rate * p);
  const clicks = n(r.click);
  return {
    impressions: Math.floor(outcome.reach * p),
    reads: n(r.read),
    likes: n(r.like),
    comments: n(r.comment),
    shares: n(r.share),
    saves: n(r.save),
    clicks,
    conversions: Math.floor(clicks * r.conversion),
    newFollowers: n(r.follow),
    completionRate: outcome.completionRate,
  };
}

/** Offset from publication at which the i-th (1-based) audience comment arrives. */
export function commentOffsetMs(outcome: PostOutcome, i: number): number {
  const total = outcome.reach * outcome.rates.comment;
  if (i > total) return Number.POSITIVE_INFINITY;
  return Math.ceil(-outcome.tauMs * Math.log(1 - i / total));
}

/** A member of the account's audience. Low indices are the active fans who keep coming back. */
export function audienceUser(seed: string, accountId: string, rng: Rng): AudienceUser {
  const index = Math.floor(2000 * Math.pow(rng.next(), 3));
  const id = `u${hash32(seed, accountId, 'user', index).toString(36)}`;
  return { id, name: nickname(createRng(seed, 'nick', id)) };
}

function textContext(account: AudienceAccount, post?: ModelPost): TextContext {
  return { brand: account.name, product: post ? productWord(post.text, post.title) : account.name };
}

/** The i-th audience comment on a post: author, text and intent, fixed by the seed. */
export function audienceComment(seed: string, account: AudienceAccount, post: ModelPost, outcome: PostOutcome, i: number): GeneratedItem {
  const rng = createRng(seed, 'comment', post.id, i);
  const g = commentText(rng, textContext(account, post), outcome.commentMix);
  return { id: `${post.id}-c${i}`, user: audienceUser(seed, account.id, rng), text: g.text, intent: g.intent, createdAt: post.createdAt + commentOffsetMs(outcome, i) };
}

/**
 * What happens to an account during one clock hour [hourStart, hourStart + 1h): DMs, @mentions,
 * organic follows/unfollows and, while a crisis runs, complaint bursts. `recentPost` receives
 * crisis comments. Items carry their own timestamps inside the hour.
 */
export function hourActivity(seed: string, account: AudienceAccount, hourStart: number, crises: Crisis[], recentPost?: ModelPost): HourActivity {
  const rng = createRng(seed, 'hour', account.id, hourStart);
  const act = activityAt(hourStart + HOUR / 2);
  const f = Math.max(200, account.followers);
  const ctx = textContext(account, recentPost);
  const at = (from = hourStart): number => from + Math.floor(rng.next() * (hourStart + HOUR - from));
  const out: HourActivity = { dms: [], mentions: [], crisisComments: [], newFollowers: 0, unfollows: 0 };

  for (let k = rng.poisson(f * 2e-5 * act + 0.02); k > 0; k--) {
    const g = dmText(rng, ctx);
    out.dms.push({ id: `dm-${account.id}-${hourStart}-${k}`, user: audienceUser(seed, account.id, rng), ...g, createdAt: at() });
  }
  for (let k = rng.poisson(f * 3e-5 * act + 0.02); k > 0; k--) {
    const g = mentionText(rng, ctx);
    out.mentions.push({ id: `mn-${account.id}-${hourStart}-${k}`, user: audienceUser(seed, account.id, rng), ...g, createdAt: at() });
  }
  out.newFollowers = rng.poisson((f * 0.0005 / 24) * act);
  out.unfollows = rng.poisson(f * 0.00015 / 24);

  for (const c of crises) {
    if (c.accountId !== account.id || c.startedAt >= hourStart + HOUR || c.startedAt + c.durationMs <= hourStart) continue;
    const since = Math.max(0, hourStart - c.startedAt);
    const decay = Math.exp(-since / Math.max(HOUR, c.durationMs / 3));
    const from = Math.max(hourStart, c.startedAt);
    const share = (hourStart + HOUR - from) / HOUR;
    for (let k = rng.poisson(30 * c.intensity * decay * share); k > 0; k--) {
      const g = crisisText(rng, ctx, c.topic, 'mention');
      out.mentions.push({ id: `mn-${c.id}-${hourStart}-${k}`, user: audienceUser(seed, account.id, rng), ...g, createdAt: at(from) });
    }
    if (recentPost) {
      for (let k = rng.poisson(20 * c.intensity * decay * share); k > 0; k--) {
        const g = crisisText(rng, ctx, c.topic, 'comment');
        out.crisisComments.push({ id: `${recentPost.id}-x${c.id}-${hourStart}-${k}`, user: audienceUser(seed, account.id, rng), ...g, createdAt: at(from) });
      }
    }
    out.unfollows += rng.poisson(f * 0.002 * c.intensity * decay * share);
  }
  out.dms.sort((a, b) => a.createdAt - b.createdAt);
  out.mentions.sort((a, b) => a.createdAt - b.createdAt);
  out.crisisComments.sort((a, b) => a.createdAt - b.createdAt);
  return out;
}

/** The opening burst when a crisis starts: complaint mentions and comments all at once. */
export function crisisBurst(seed: string, account: AudienceAccount, crisis: Crisis, post?: ModelPost): { mentions: GeneratedItem[]; comments: GeneratedItem[] } {
  const rng = createRng(seed, 'burst', crisis.id);
  const ctx = textContext(account, post);
  const n = Math.round(8 * crisis.intensity);
  const make = (kind: 'mention' | 'comment', k: number): GeneratedItem => ({
    id: kind === 'mention' ? `mn-${crisis.id}-b${k}` : `${post?.id}-x${crisis.id}-b${k}`,
    user: audienceUser(seed, account.id, rng),
    ...crisisText(rng, ctx, crisis.topic, kind),
    createdAt: crisis.startedAt,
  });
  return {
    mentions: Array.from({ length: n }, (_, k) => make('mention', k)),
    comments: post ? Array.from({ length: n }, (_, k) => make('comment', k)) : [],
  };
}

export const SANDBOX_HOUR_MS = HOUR;
export const SANDBOX_DAY_MS = DAY;

/** Start of the clock hour containing ms (UTC hours equal China hours: the offset is whole). */
export function hourFloor(ms: number): number {
  return Math.floor(ms / HOUR) * HOUR;
}

const THEME_HINTS: [PostTheme, RegExp][] = [
  ['interactive', /抽奖|评论区|转发|投票|有奖|晒单|留言|互动/],
  ['festival', /春节|新年|元宵|中秋|国庆|端午|七夕|双11|双十一|618|圣诞|节日快乐/],
  ['trending', /热搜|热点|刷屏|爆火|全网/],
  ['industry', /行业|指南|报告|干货|趋势|白皮书|避坑|方法论/],
  ['product', /新品|上市|上新|优惠|下单|价格|折|券|购买|同款/],
];

/** The theme a post reads as, when the caller did not say. */
export function inferTheme(text: string, title = ''): PostTheme {
  const s = `${title} ${text}`;
  for (const [theme, re] of THEME_HINTS) if (re.test(s)) return theme;
  return 'brand';
}

/** The format a post takes from its media and length. */
export function inferFormat(mediaKinds: ('image' | 'video')[], text: string, title?: string): PostFormat {
  if (mediaKinds.includes('video')) return 'video';
  if (mediaKinds.includes('image')) return 'image';
  return title && text.length >= 300 ? 'article' : 'text';
}
