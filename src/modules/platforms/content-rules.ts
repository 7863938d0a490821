/** Pure helpers for ContentRules: counting text the platform's way, checking a post, formatting tags. */
import type { ContentIssue, ContentRules, HashtagStyle, OutgoingPost, TextCounting } from './connector';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/u;

/** Length as the platform counts it. cjk-weighted (Weibo): a CJK/full-width char is 1, anything else ½, rounded up. */
export function countText(text: string, counting: TextCounting): number {
  switch (counting) {
    case 'chars': return [...text].length;
    case 'bytes': return Buffer.byteLength(text, 'utf8');
    case 'graphemes': { let n = 0; for (const _ of segmenter.segment(text)) n++; return n; }
    case 'cjk-weighted': {
      let half = 0;
      for (const ch of text) half += CJK.test(ch) ? 2 : 1;
      return Math.ceil(half / 2);
    }
  }
}

export function extractUrls(text: string): URL[] {
  const out: URL[] = [];
  for (const m of text.matchAll(/https?:\/\/[^\s<>"'，。]+/g)) {
    try { out.push(new URL(m[0])); } catch { /* not a URL */ }
  }
  return out;
}

export function hostMatches(host: string, domains: string[]): boolean {
  const h = host.toLowerCase();
  return domains.some((d) => h === d.toLowerCase() || h.endsWith('.' + d.toLowerCase()));
}

export function formatHashtag(tag: string, style: HashtagStyle): string {
  const t = tag.replace(/^#|#$/g, '').trim();
  if (style === '#x#') return `#${t}#`;
  if (style === '#x' || style === 'facet') return `#${t.replace(/\s+/g, '')}`;
  return '';
}

/** Text with the tags appended in the platform's style (skipped where tags are a field or absent). */
export function withHashtags(text: string, tags: string[] | undefined, style: HashtagStyle): string {
  if (!tags?.length || style === 'none' || style === 'field') return text;
  const rendered = tags.map((t) => formatHashtag(t, style)).filter((t) => t && !text.includes(t));
  return rendered.length ? `${text} ${rendered.join(' ')}`.trim() : text;
}

export function validateAgainstRules(post: OutgoingPost, rules: ContentRules): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const len = countText(post.text, rules.textCounting);
  if (len > rules.maxText) {
    issues.push({ field: 'text', code: 'text.too_long', message: `text is ${len}, limit ${rules.maxText} (${rules.textCounting})` });
  }
  if (rules.requiresTitle && !post.title?.trim()) issues.push({ field: 'title', code: 'title.required', message: 'a title is required' });
  if (rules.maxTitle && post.title && [...post.title].length > rules.maxTitle) {
    issues.push({ field: 'title', code: 'title.too_long', message: `title longer than ${rules.maxTitle}` });
  }
  const images = post.media.filter((m) => m.kind === 'image');
  if (images.length > rules.maxImages) {
    issues.push({ field: 'media', code: 'media.too_many_images', message: `${images.length} images, limit ${rules.maxImages}` });
  }
  if (rules.maxImageBytes && images.some((m) => m.data.byteLength > rules.maxImageBytes!)) {
    issues.push({ field: 'media', code: 'media.image_too_large', message: `an image is over ${rules.maxImageBytes} bytes` });
  }
  if (rules.maxVideoBytes && post.media.some((m) => m.kind === 'video' && m.data.byteLength > rules.maxVideoBytes!)) {
    issues.push({ field: 'media', code: 'media.video_too_large', message: `a video is over ${rules.maxVideoBytes} bytes` });
  }
  if (rules.requiresMedia && !post.media.some((m) => m.kind === rules.requiresMedia)) {
    issues.push({ field: 'media', code: `media.${rules.requiresMedia}_required`, message: `a ${rules.requiresMedia} is required` });
  }
  if (rules.linkDomainRequired?.length) {
    const ok = extractUrls(post.text).some((u) => hostMatches(u.hostname, rules.linkDomainRequired!));
    if (!ok) issues.push({ field: 'link', code: 'link.domain_required', message: `text must contain a link on ${rules.linkDomainRequired.join(', ')}` });
  }
  if (rules.hashtagStyle === 'none' && /#[^#\s]+#/.test(post.text)) {
    issues.push({ field: 'tags', code: 'tags.not_allowed', message: 'topics (#话题#) are not allowed here' });
  }
  return issues;
}
