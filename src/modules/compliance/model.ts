/**
 * Compliance types and the pure rules that need no matcher: length and format limits,
 * media rights, employee account naming. No I/O.
 */

export const PLATFORMS = ['weibo', 'wechat', 'douyin', 'kuaishou', 'xiaohongshu', 'bilibili', 'zhihu', 'linkedin'] as const;
export type Platform = (typeof PLATFORMS)[number];

export const CATEGORIES = [
  'ad-law/absolute',
  'ad-law/authority',
  'ad-law/medical',
  'ad-law/guarantee',
  'ad-law/trademark',
  'ad-law/proof',
  'industry/securities',
  'industry/finance',
  'industry/education',
  'industry/health-food',
  'industry/cosmetics',
  'industry/real-estate',
  'industry/medical',
  'industry/alcohol',
  'ad-label/missing',
  'ai-label/missing',
  'platform/contact',
  'platform/external-link',
  'platform/length',
  'platform/format',
  'sensitive/vulgar',
  'sensitive/violence',
  'sensitive/political',
  'brand/forbidden',
  'brand/required',
  'brand/account-name',
  'media/rights',
  'media/consent',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** The industry packs a workspace switches on, or an item names (`industry/<pack>` findings). */
export const INDUSTRIES = ['securities', 'finance', 'education', 'health-food', 'cosmetics', 'real-estate', 'medical', 'alcohol'] as const;
export type Industry = (typeof INDUSTRIES)[number];

export function isIndustry(value: unknown): value is Industry {
  return typeof value === 'string' && (INDUSTRIES as readonly string[]).includes(value);
}

/** Where a rule comes from: the law or standard, its article, and the date it took effect. */
export interface Basis {
  law: string;
  article: string;
  /** YYYY-MM-DD: in force since. */
  date: string;
}

export type Severity = 'block' | 'warn';
export type Locale = 'zh-CN' | 'en-US';
export type Localized = Record<Locale, string>;
export type Detector = 'phone' | 'email' | 'qq' | 'wechat-id' | 'url' | 'domain';

export interface Rule {
  id: string;
  category: Category;
  severity: Severity;
  /** Legal or platform basis, e.g. 《广告法》第九条第三项. */
  source: string;
  /** The same basis as data (required in industry packs). */
  basis?: Basis;
  /** Set on the rules of an industry pack: they apply only where that industry is in force. */
  industry?: Industry;
  message: Localized;
  suggestion?: Localized;
  /** Terms matched noise-tolerantly (case, width, traditional, fillers). */
  terms?: string[];
  /** Per-term compliant rewrite (zh-CN). */
  rewrites?: Record<string, string>;
  /** Context phrases: a term match overlapping one of them is not a finding. */
  exempt?: string[];
  detectors?: Detector[];
  /** Platforms the rule applies to (all when absent). */
  platforms?: Platform[];
  severityByPlatform?: Partial<Record<Platform, Severity>>;
}

export interface PlatformLimits {
  title?: number;
  body: number;
  /** Weibo repost/comment limit; shown folded beyond it. */
  share?: number;
  hashtags?: number;
  /** `weibo`: two half-width characters count as one. */
  unit: 'codepoint' | 'weibo';
  note: string;
}

export type Field = 'text' | 'title' | 'media' | 'account';

export interface Finding {
  rule: string;
  category: Category;
  severity: Severity;
  field: Field;
  /** UTF-16 offsets into the original field text, end exclusive (0/0 for media and accounts). */
  start: number;
  end: number;
  match: string;
  /** zh-CN message and suggestion (the console's default language). */
  message: string;
  suggestion: string | null;
  /** Literal replacement for `match` when a compliant rewrite exists. */
  replacement: string | null;
  en: { message: string; suggestion: string | null };
  source: string;
  mediaId?: string;
}

export interface BrandPolicy {
  /** Workspace-defined forbidden terms (competitor names, retired slogans…). */
  forbiddenTerms?: string[];
  /** When a trigger appears, the registered name must appear too (e.g. 合声® 智能音箱). */
  requiredTerms?: Array<{ when: string[]; require: string }>;
  /** Company names and abbreviations employees may not use in personal account names. */
  companyNames?: string[];
}

export interface MediaItem {
  id: string;
  kind: 'image' | 'video';
  rights?: {
    basis?: 'original' | 'licensed';
    licenceId?: string;
    /** People recognisable in the picture or video. */
    peopleShown?: boolean;
    consentIds?: string[];
  };
}

export function isPlatform(value: unknown): value is Platform {
  return typeof value === 'string' && (PLATFORMS as readonly string[]).includes(value);
}

export function isBlocked(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'block');
}

interface FindingSpec {
  rule: string;
  category: Category;
  severity: Severity;
  field: Field;
  start?: number;
  end?: number;
  match?: string;
  message: Localized;
  suggestion?: Localized | null;
  replacement?: string | null;
  source: string;
  mediaId?: string;
}

export function makeFinding(spec: FindingSpec): Finding {
  const finding: Finding = {
    rule: spec.rule,
    category: spec.category,
    severity: spec.severity,
    field: spec.field,
    start: spec.start ?? 0,
    end: spec.end ?? 0,
    match: spec.match ?? '',
    message: spec.message['zh-CN'],
    suggestion: spec.suggestion ? spec.suggestion['zh-CN'] : null,
    replacement: spec.replacement ?? null,
    en: { message: spec.message['en-US'], suggestion: spec.suggestion ? spec.suggestion['en-US'] : null },
    source: spec.source,
  };
  if (spec.mediaId !== undefined) finding.mediaId = spec.mediaId;
  return finding;
}

/** Character count as the platform counts it, and the UTF-16 offset where `limit` is exceeded. */
export function measure(text: string, unit: PlatformLimits['unit'], limit: number): { count: number; overflowAt: number } {
  let halves = 0;
  let overflowAt = -1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xdc00 && code <= 0xdfff) continue; // low surrogate: counted with its pair
    halves += unit === 'weibo' && code < 0x80 ? 1 : 2;
    if (overflowAt < 0 && Math.ceil(halves / 2) > limit) overflowAt = i;
  }
  return { count: Math.ceil(halves / 2), overflowAt };
}

const LENGTH_SOURCE = '平台发布规范（字数上限，见规则包 platform.limits 注释中的假设）';

/** `variant: 'share'` applies the repost/comment limit where a platform has one (Weibo 140). */
export function checkLengths(
  input: { text: string; title?: string; variant?: 'post' | 'share' },
  platform: Platform,
  limits: PlatformLimits,
): Finding[] {
  const findings: Finding[] = [];
  const over = (field: 'text' | 'title', value: string, limit: number) => {
    if (value.length <= limit) return; // code points and weibo units never exceed UTF-16 length
    const { count, overflowAt } = measure(value, limits.unit, limit);
    if (overflowAt < 0) return;
    const label = field === 'title' ? { zh: '标题', en: 'Title' } : { zh: '正文', en: 'Body' };
    findings.push(
      makeFinding({
        rule: `platform.length.${field === 'title' ? 'title' : 'body'}`,
        category: 'platform/length',
        severity: 'block',
        field,
        start: overflowAt,
        end: value.length,
        match: value.slice(overflowAt),
        message: {
          'zh-CN': `${label.zh}共 ${count} 字，超过${platformName(platform)}上限 ${limit} 字`,
          'en-US': `${label.en} has ${count} characters, over the ${platform} limit of ${limit}`,
        },
        suggestion: { 'zh-CN': `精简到 ${limit} 字以内`, 'en-US': `Shorten it to ${limit} characters or fewer` },
        source: LENGTH_SOURCE,
      }),
    );
  };
  over('text', input.text, input.variant === 'share' && limits.share !== undefined ? limits.share : limits.body);
  if (input.title !== undefined && limits.title !== undefined) over('title', input.title, limits.title);
  if (limits.hashtags !== undefined && input.text.includes('#')) {
    const tags = [...input.text.matchAll(/#[^#\s]{1,40}#?/g)];
    if (tags.length > limits.hashtags) {
      const first = tags[limits.hashtags];
      const start = first.index ?? 0;
      findings.push(
        makeFinding({
          rule: 'platform.format.hashtags',
          category: 'platform/format',
          severity: 'warn',
          field: 'text',
          start,
          end: input.text.length,
          match: input.text.slice(start),
          message: {
            'zh-CN': `话题标签 ${tags.length} 个，超过${platformName(platform)}建议的 ${limits.hashtags} 个`,
            'en-US': `${tags.length} hashtags, more than the ${limits.hashtags} ${platform} allows`,
          },
          suggestion: { 'zh-CN': `保留最相关的 ${limits.hashtags} 个话题`, 'en-US': `Keep the ${limits.hashtags} most relevant hashtags` },
          source: LENGTH_SOURCE,
        }),
      );
    }
  }
  return findings;
}

const PLATFORM_NAMES: Record<Platform, string> = {
  weibo: '微博',
  wechat: '微信公众号',
  douyin: '抖音',
  kuaishou: '快手',
  xiaohongshu: '小红书',
  bilibili: 'B站',
  zhihu: '知乎',
  linkedin: 'LinkedIn',
};

export function platformName(platform: Platform): string {
  return PLATFORM_NAMES[platform];
}

const MEDIA_SOURCE = '《著作权法》第十条、《民法典》第一千零一十九条（肖像权）';

/** Every attached image or video needs a rights record before approval. */
export function checkMedia(media: readonly MediaItem[]): Finding[] {
  const findings: Finding[] = [];
  for (const item of media) {
    const rights = item.rights;
    const what = item.kind === 'video' ? { zh: '视频', en: 'Video' } : { zh: '图片', en: 'Image' };
    const rightsFinding = (zh: string, en: string) =>
      makeFinding({
        rule: 'media.rights',
        category: 'media/rights',
        severity: 'block',
        field: 'media',
        mediaId: item.id,
        match: item.id,
        message: { 'zh-CN': `${what.zh}「${item.id}」${zh}`, 'en-US': `${what.en} "${item.id}" ${en}` },
        suggestion: {
          'zh-CN': '登记版权来源：原创，或正版授权并填写授权编号',
          'en-US': 'Record the rights: original work, or licensed with the licence id',
        },
        source: MEDIA_SOURCE,
      });
    if (!rights?.basis) findings.push(rightsFinding('没有版权记录', 'has no rights record'));
    else if (rights.basis === 'licensed' && !rights.licenceId?.trim()) {
      findings.push(rightsFinding('标注为授权素材但缺少授权编号', 'is marked licensed but has no licence id'));
    }
    if (rights?.peopleShown && !(rights.consentIds ?? []).some((id) => id.trim() !== '')) {
      findings.push(
        makeFinding({
          rule: 'media.consent',
          category: 'media/consent',
          severity: 'block',
          field: 'media',
          mediaId: item.id,
          match: item.id,
          message: {
            'zh-CN': `${what.zh}「${item.id}」含可识别人物，缺少肖像使用授权`,
            'en-US': `${what.en} "${item.id}" shows people but has no consent on record`,
          },
          suggestion: { 'zh-CN': '取得并登记出镜人员的肖像授权，或更换素材', 'en-US': 'Record the consent of the people shown, or replace it' },
          source: MEDIA_SOURCE,
        }),
      );
    }
  }
  return findings;
}
