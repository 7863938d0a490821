/**
 * Display labels for the analytics vocabulary, zh-CN first and en-US beside it.
 * Pure data plus a tiny formatter; no I/O.
 */
export type Locale = 'zh-CN' | 'en-US';

export const PLATFORMS = [
  'weibo', 'wechat', 'douyin', 'kuaishou', 'xiaohongshu', 'bilibili', 'zhihu',
  'linkedin', 'mastodon', 'bluesky', 'telegram', 'sandbox',
] as const;
export type Platform = (typeof PLATFORMS)[number];

export const THEMES = ['brand', 'product', 'industry', 'interactive', 'trending'] as const;
export type Theme = (typeof THEMES)[number];

export const TIME_SLOTS = ['morning', 'noon', 'afternoon', 'evening', 'night'] as const;
export type TimeSlot = (typeof TIME_SLOTS)[number];

type Pair = { 'zh-CN': string; 'en-US': string };
const p = (zh: string, en: string): Pair => ({ 'zh-CN': zh, 'en-US': en });

const PLATFORM_LABELS: Record<Platform, Pair> = {
  weibo: p('微博', 'Weibo'),
  wechat: p('微信公众号', 'WeChat OA'),
  douyin: p('抖音', 'Douyin'),
  kuaishou: p('快手', 'Kuaishou'),
  xiaohongshu: p('小红书', 'Xiaohongshu'),
  bilibili: p('B站', 'Bilibili'),
  zhihu: p('知乎', 'Zhihu'),
  linkedin: p('LinkedIn', 'LinkedIn'),
  mastodon: p('Mastodon', 'Mastodon'),
  bluesky: p('Bluesky', 'Bluesky'),
  telegram: p('Telegram', 'Telegram'),
  sandbox: p('沙盒', 'Sandbox'),
};

const THEME_LABELS: Record<Theme, Pair> = {
  brand: p('品牌宣传', 'brand'),
  product: p('产品服务', 'product'),
  industry: p('行业价值', 'industry'),
  interactive: p('互动活动', 'interactive'),
  trending: p('热点借势', 'trending'),
};

/** Known content formats; any other string is shown as it is. */
const FORMAT_LABELS: Record<string, Pair> = {
  short_video: p('短视频', 'short video'),
  video: p('视频', 'video'),
  video_note: p('视频笔记', 'video note'),
  image_text: p('图文', 'image post'),
  note: p('图文笔记', 'image note'),
  article: p('深度图文', 'long article'),
  long_image: p('长图', 'long image'),
  text: p('短图文', 'short post'),
  live: p('直播', 'live stream'),
  topic: p('话题', 'topic'),
};

const SLOT_LABELS: Record<TimeSlot, Pair> = {
  morning: p('上午(6–11点)', 'morning (6–11h)'),
  noon: p('午间(11–14点)', 'midday (11–14h)'),
  afternoon: p('下午(14–18点)', 'afternoon (14–18h)'),
  evening: p('晚间(18–23点)', 'evening (18–23h)'),
  night: p('深夜(23–6点)', 'late night (23–6h)'),
};

export type Dimension = 'theme' | 'format' | 'timeSlot' | 'platform';

const DIMENSION_LABELS: Record<Dimension, Pair> = {
  theme: p('主题', 'theme'),
  format: p('形式', 'format'),
  timeSlot: p('发布时段', 'time slot'),
  platform: p('平台', 'platform'),
};

export function platformLabel(slug: string, locale: Locale = 'zh-CN'): string {
  return (PLATFORM_LABELS as Record<string, Pair>)[slug]?.[locale] ?? slug;
}
export function themeLabel(slug: string, locale: Locale = 'zh-CN'): string {
  return (THEME_LABELS as Record<string, Pair>)[slug]?.[locale] ?? slug;
}
export function formatLabel(slug: string, locale: Locale = 'zh-CN'): string {
  return FORMAT_LABELS[slug]?.[locale] ?? slug;
}
export function slotLabel(slug: string, locale: Locale = 'zh-CN'): string {
  return (SLOT_LABELS as Record<string, Pair>)[slug]?.[locale] ?? slug;
}
export function dimensionLabel(d: Dimension, locale: Locale = 'zh-CN'): string {
  return DIMENSION_LABELS[d][locale];
}
/** The label of a value of a dimension, e.g. ('format', 'short_video') → 短视频. */
export function valueLabel(d: Dimension, value: string, locale: Locale = 'zh-CN'): string {
  if (d === 'platform') return platformLabel(value, locale);
  if (d === 'theme') return themeLabel(value, locale);
  if (d === 'format') return formatLabel(value, locale);
  return slotLabel(value, locale);
}

/** Chinese and English aliases accepted on import, mapped to our slugs. */
export const PLATFORM_ALIASES: Record<string, Platform> = {
  微博: 'weibo', 新浪微博: 'weibo', 微信: 'wechat', 公众号: 'wechat', 微信公众号: 'wechat',
  抖音: 'douyin', 快手: 'kuaishou', 小红书: 'xiaohongshu', b站: 'bilibili', 哔哩哔哩: 'bilibili',
  知乎: 'zhihu', 领英: 'linkedin', red: 'xiaohongshu',
};
export const THEME_ALIASES: Record<string, Theme> = {
  品牌: 'brand', 品牌宣传: 'brand', 产品: 'product', 产品服务: 'product', 行业: 'industry',
  行业价值: 'industry', 互动: 'interactive', 互动活动: 'interactive', 热点: 'trending',
  热点借势: 'trending', interaction: 'interactive', hot: 'trending',
};
export const FORMAT_ALIASES: Record<string, string> = {
  短视频: 'short_video', 视频: 'video', 视频笔记: 'video_note', 图文: 'image_text',
  图文笔记: 'note', 笔记: 'note', 深度图文: 'article', 长文: 'article', 文章: 'article',
  长图: 'long_image', 短图文: 'text', 直播: 'live', 话题: 'topic',
};

export function normalisePlatform(raw: string): Platform | null {
  const s = raw.trim().toLowerCase();
  if ((PLATFORMS as readonly string[]).includes(s)) return s as Platform;
  return PLATFORM_ALIASES[s] ?? PLATFORM_ALIASES[raw.trim()] ?? null;
}
export function normaliseTheme(raw: string): string {
  const s = raw.trim();
  return THEME_ALIASES[s] ?? THEME_ALIASES[s.toLowerCase()] ?? s.toLowerCase();
}
export function normaliseFormat(raw: string): string {
  const s = raw.trim();
  return FORMAT_ALIASES[s] ?? s.toLowerCase().replace(/[\s-]+/g, '_');
}

/** Replace {name} placeholders. */
export function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

/** A percent value for text: 1.6 → "1.6%", null → "—". */
export function pct(v: number | null, digits = 2): string {
  if (v === null) return '—';
  return `${Number(v.toFixed(digits))}%`;
}
/** A signed percent change for text: 15 → "+15%", -3.5 → "-3.5%". */
export function signedPct(v: number | null, digits = 1): string {
  if (v === null) return '—';
  const n = Number(v.toFixed(digits));
  return `${n > 0 ? '+' : ''}${n}%`;
}
/** A count for text; zh-CN writes large numbers in 万 as the manuals do (200000 → 20万). */
export function count(v: number | null, locale: Locale = 'zh-CN'): string {
  if (v === null) return '—';
  if (locale === 'zh-CN' && Math.abs(v) >= 100000) return `${Number((v / 10000).toFixed(1))}万`;
  return v.toLocaleString(locale === 'zh-CN' ? 'zh-CN' : 'en-US');
}
