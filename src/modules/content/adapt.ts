/**
 * Platform adaptation (同步发布 with 差异化 per platform): how each platform counts text, its limits,
 * hashtag and mention syntax, title and digest fields and media constraints, and
 * `adaptForPlatform(master, platform)` which turns the master message into a platform's version.
 */
import { countText } from '../platforms/content-rules.js';

export const CONTENT_PLATFORMS = [
  'weibo', 'wechat', 'douyin', 'kuaishou', 'xiaohongshu', 'bilibili', 'zhihu',
  'linkedin', 'mastodon', 'bluesky', 'telegram', 'sandbox',
] as const;
export type ContentPlatform = (typeof CONTENT_PLATFORMS)[number];

export const PLATFORM_LABELS: Record<ContentPlatform, string> = {
  weibo: '微博', wechat: '微信公众号', douyin: '抖音', kuaishou: '快手', xiaohongshu: '小红书', bilibili: '哔哩哔哩',
  zhihu: '知乎', linkedin: '领英', mastodon: 'Mastodon', bluesky: 'Bluesky', telegram: 'Telegram', sandbox: '沙盒',
};

export interface PlatformFormat {
  maxText: number;
  counting: 'chars' | 'cjk-weighted' | 'graphemes';
  /** Weibo shows a post folded (全文) beyond this. */
  foldAt?: number;
  maxTitle?: number;
  titleRequired?: boolean;
  /** WeChat article digest (摘要). */
  maxDigest?: number;
  hashtag: '#x#' | '#x' | 'field' | 'none';
  mention: '@name' | 'none';
  maxImages: number;
  maxImageBytes?: number;
  maxVideoBytes?: number;
  /** Recommended video length in seconds (DOMAIN §4: Douyin/Kuaishou 15–60 s). */
  videoSeconds?: [number, number];
  requiresMedia?: 'image' | 'video';
  /** A cover image is needed (WeChat article thumb, Bilibili cover). */
  needsCover?: boolean;
}

const MB = 1024 * 1024;
export const PLATFORM_FORMATS: Record<ContentPlatform, PlatformFormat> = {
  weibo: { maxText: 2000, counting: 'cjk-weighted', foldAt: 140, hashtag: '#x#', mention: '@name', maxImages: 9, maxImageBytes: 5 * MB, maxVideoBytes: 500 * MB },
  wechat: { maxText: 20_000, counting: 'chars', maxTitle: 64, titleRequired: true, maxDigest: 120, hashtag: 'none', mention: 'none', maxImages: 100, maxImageBytes: 10 * MB, needsCover: true },
  douyin: { maxText: 1000, counting: 'chars', maxTitle: 55, hashtag: '#x', mention: '@name', maxImages: 35, maxVideoBytes: 4096 * MB, videoSeconds: [15, 60], requiresMedia: 'video' },
  kuaishou: { maxText: 500, counting: 'chars', hashtag: '#x', mention: '@name', maxImages: 0, maxVideoBytes: 4096 * MB, videoSeconds: [15, 60], requiresMedia: 'video' },
  xiaohongshu: { maxText: 1000, counting: 'chars', maxTitle: 20, titleRequired: true, hashtag: '#x', mention: '@name', maxImages: 18, maxImageBytes: 20 * MB, requiresMedia: 'image' },
  bilibili: { maxText: 250, counting: 'chars', maxTitle: 80, titleRequired: true, hashtag: 'field', mention: 'none', maxImages: 0, maxVideoBytes: 8192 * MB, requiresMedia: 'video', needsCover: true },
  zhihu: { maxText: 50_000, counting: 'chars', maxTitle: 100, hashtag: 'field', mention: '@name', maxImages: 50 },
  linkedin: { maxText: 3000, counting: 'chars', hashtag: '#x', mention: '@name', maxImages: 9, maxImageBytes: 8 * MB },
  mastodon: { maxText: 500, counting: 'chars', hashtag: '#x', mention: '@name', maxImages: 4, maxImageBytes: 8 * MB },
  bluesky: { maxText: 300, counting: 'graphemes', hashtag: '#x', mention: '@name', maxImages: 4, maxImageBytes: 1 * MB },
  telegram: { maxText: 4096, counting: 'chars', hashtag: '#x', mention: '@name', maxImages: 10, maxImageBytes: 10 * MB },
  sandbox: { maxText: 2000, counting: 'chars', maxTitle: 80, hashtag: '#x#', mention: '@name', maxImages: 9, maxImageBytes: 5 * MB },
};

export function isContentPlatform(p: unknown): p is ContentPlatform {
  return typeof p === 'string' && (CONTENT_PLATFORMS as readonly string[]).includes(p);
}

export interface MasterMessage {
  text: string;
  title?: string | null;
  digest?: string | null;
  hashtags?: string[];
  mentions?: string[];
}

export interface MediaFacts {
  id: string;
  kind: 'image' | 'video';
  bytes?: number | null;
  width?: number | null;
  height?: number | null;
  durationSec?: number | null;
}

export type WarningSeverity = 'error' | 'warn' | 'info';
export interface AdaptWarning {
  code: string;
  severity: WarningSeverity;
  message: string;
}

export interface Adapted {
  text: string;
  title?: string;
  digest?: string;
  /** Topics for platforms that take them as a separate field (Bilibili tags, Zhihu topics). */
  tags: string[];
  length: number;
  limit: number;
  warnings: AdaptWarning[];
}

/** Counts text the way the platform does (Weibo: a CJK character 1, other characters ½). */
export function countFor(text: string, platform: ContentPlatform): number {
  return countText(text, PLATFORM_FORMATS[platform].counting);
}

// #话题# (Weibo) or #话题 (Douyin, Xiaohongshu …): a topic is up to 40 non-space, non-# characters.
const WEIBO_TAG = /#([^#\s]{1,40})#/g;
const SHORT_TAG = /(^|[\s\u3000，。！？、,.!?])#([^#\s，。！？、,.!?]{1,40})(?=$|[\s\u3000，。！？、,.!?])/g;
const MENTION = /@([\p{L}\p{N}_\-·]{1,30})/gu;

/** Topics written inline, in either syntax, in order of appearance. */
export function extractHashtags(text: string): string[] {
  const found: string[] = [];
  const rest = text.replace(WEIBO_TAG, (_m, t: string) => { found.push(t); return ' '; });
  for (const m of rest.matchAll(SHORT_TAG)) found.push(m[2]!);
  return [...new Set(found)];
}

export function formatTag(tag: string, style: PlatformFormat['hashtag']): string {
  const t = tag.replace(/^#+|#+$/g, '').trim();
  if (style === '#x#') return `#${t}#`;
  if (style === '#x') return `#${t.replace(/\s+/g, '')}`;
  return t;
}

/** Rewrites inline topics into the platform's syntax ('field'/'none': the bare word stays in the text). */
export function convertHashtags(text: string, style: PlatformFormat['hashtag']): string {
  const out = text.replace(WEIBO_TAG, (_m, t: string) => `\u0000${t}\u0001`);
  const short = out.replace(SHORT_TAG, (_m, pre: string, t: string) => `${pre}\u0000${t}\u0001`);
  return short.replace(/\u0000([^\u0001]*)\u0001/g, (_m, t: string) => formatTag(t, style));
}

const firstLine = (text: string) => text.split(/\r?\n/).map((l) => l.trim()).find((l) => l.length > 0) ?? '';
const clip = (s: string, n: number) => ([...s].length > n ? [...s].slice(0, n - 1).join('') + '…' : s);

/** The master message as this platform wants it, with what had to change and what still does not fit. */
export function adaptForPlatform(master: MasterMessage, platform: ContentPlatform, media: readonly MediaFacts[] = []): Adapted {
  const f = PLATFORM_FORMATS[platform];
  const warnings: AdaptWarning[] = [];
  const warn = (code: string, severity: WarningSeverity, message: string) => warnings.push({ code, severity, message });

  let text = convertHashtags(master.text.trim(), f.hashtag);
  const inline = extractHashtags(master.text);
  const extra = (master.hashtags ?? []).map((t) => t.replace(/^#+|#+$/g, '').trim()).filter((t) => t && !inline.includes(t));
  const tags = f.hashtag === 'field' ? [...inline, ...extra] : [];
  if (f.hashtag === '#x#' || f.hashtag === '#x') {
    if (extra.length) text = `${text}\n${extra.map((t) => formatTag(t, f.hashtag)).join(' ')}`;
  } else if (f.hashtag === 'none' && inline.length + extra.length > 0) {
    warn('hashtags.dropped', 'info', '该平台不支持话题标签，已去掉 # 符号');
  }

  const mentions = [...new Set([...(master.mentions ?? []).map((m) => m.replace(/^@/, ''))])];
  if (f.mention === '@name') {
    const missing = mentions.filter((m) => !text.includes(`@${m}`));
    if (missing.length) text = `${text} ${missing.map((m) => `@${m}`).join(' ')}`;
  } else if (MENTION.test(text) || mentions.length) {
    text = text.replace(MENTION, '$1');
    warn('mentions.dropped', 'info', '该平台不支持 @ 提及，已改为纯文本');
  }
  MENTION.lastIndex = 0;

  const result: Adapted = { text, tags, length: 0, limit: f.maxText, warnings };
  if (f.maxTitle) {
    let title = master.title?.trim() ?? '';
    if (!title && f.titleRequired) {
      title = firstLine(master.text).replace(WEIBO_TAG, '$1');
      if (title) warn('title.derived', 'info', '未填写标题，已取正文首行');
      else warn('title.required', 'error', '该平台需要标题');
    }
    if (title && [...title].length > f.maxTitle) {
      title = clip(title, f.maxTitle);
      warn('title.truncated', 'warn', `标题超过 ${f.maxTitle} 字，已截断`);
    }
    if (title) result.title = title;
  }
  if (f.maxDigest) {
    const digest = master.digest?.trim() || clip(firstLine(master.text), f.maxDigest);
    result.digest = [...digest].length > f.maxDigest ? clip(digest, f.maxDigest) : digest;
  }

  result.length = countText(text, f.counting);
  if (result.length > f.maxText) warn('text.too_long', 'error', `正文 ${result.length} 字，超过上限 ${f.maxText}`);
  else if (f.foldAt && result.length > f.foldAt) warn('text.folded', 'info', `超过 ${f.foldAt} 字的部分将折叠显示（全文）`);
  warnings.push(...checkMediaFor(platform, media));
  return result;
}

/** Per-format media constraints: count, size, required kind, cover, recommended video length. */
export function checkMediaFor(platform: ContentPlatform, media: readonly MediaFacts[]): AdaptWarning[] {
  const f = PLATFORM_FORMATS[platform];
  const out: AdaptWarning[] = [];
  const images = media.filter((m) => m.kind === 'image');
  const videos = media.filter((m) => m.kind === 'video');
  if (f.requiresMedia === 'video' && videos.length === 0) out.push({ code: 'media.video_required', severity: 'error', message: '该平台需要视频' });
  if (f.requiresMedia === 'image' && images.length === 0) out.push({ code: 'media.image_required', severity: 'error', message: '该平台需要至少一张图片' });
  if (f.needsCover && images.length === 0) out.push({ code: 'media.cover_required', severity: 'warn', message: '需要一张封面图' });
  if (images.length > f.maxImages && f.maxImages > 0) out.push({ code: 'media.too_many_images', severity: 'error', message: `图片 ${images.length} 张，上限 ${f.maxImages}` });
  if (f.maxImageBytes && images.some((m) => (m.bytes ?? 0) > f.maxImageBytes!)) {
    out.push({ code: 'media.image_too_large', severity: 'error', message: `有图片超过 ${Math.round(f.maxImageBytes / MB)} MB` });
  }
  if (f.maxVideoBytes && videos.some((m) => (m.bytes ?? 0) > f.maxVideoBytes!)) {
    out.push({ code: 'media.video_too_large', severity: 'error', message: `有视频超过 ${Math.round(f.maxVideoBytes / MB)} MB` });
  }
  if (f.videoSeconds && videos.some((m) => m.durationSec != null && (m.durationSec < f.videoSeconds![0] || m.durationSec > f.videoSeconds![1]))) {
    out.push({ code: 'media.video_length', severity: 'info', message: `建议视频时长 ${f.videoSeconds[0]}–${f.videoSeconds[1]} 秒` });
  }
  return out;
}
