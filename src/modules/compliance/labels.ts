/**
 * Text a copy must carry, by what the item is: the 「广告」 label on commercial items, the explicit
 * AI label on AI-generated ones, and the notices an industry requires (a risk warning,
 * 本品不能代替药物). A missing one is a finding whose replacement inserts it (one click). Pure.
 */
import { normalizeTerm, normalizeWithOffsets } from '../../kernel/normalize.js';
import { makeFinding, type Field, type Finding } from './model.js';
import type { Notice } from './packs.js';

export const AD_LABEL = '「广告」';
export const AI_LABEL = '「AI生成」';

const AD_LABEL_SOURCE = '《互联网广告管理办法》第九条（2023-05-01 起施行）：推销商品或者服务附加购物链接的，应当显著标明“广告”';
const AI_LABEL_SOURCE = '《人工智能生成合成内容标识办法》第四条、GB 45438-2025（2025-09-01 起施行）：生成合成内容应当添加显式标识';

/**
 * 「广告」 shown as a label: bracketed, a hashtag, at the start or end of the copy, or a sentence
 * saying so — not the word inside 广告法 or 广告位.
 */
const AD_LABEL_PATTERN =
  /[【\[「『〔(（#＃]\s*广告\s*[】\]」』〕)）#＃]|^\s*广告(?=[\s:：|｜/\-—·,，])|[\s|｜/·—-]广告\s*$|本(?:文|条|帖|篇|视频|内容|笔记|微博|推文)?(?:为|是|系|含)(?:商业)?广告|广告\s*[|｜]\s|内含广告|此为广告/u;

/** The explicit labels 人工智能生成合成内容标识办法 accepts in copy (case and width tolerant). */
const AI_LABEL_TERMS = ['AI生成', 'AI合成', 'AI创作', 'AI辅助生成', 'AIGC', '人工智能生成', '人工智能合成', '由人工智能', '由AI生成', 'AI制作'];
const AI_LABEL_KEYS = AI_LABEL_TERMS.map(normalizeTerm);

export function hasAdLabel(text: string): boolean {
  return AD_LABEL_PATTERN.test(text);
}

export function hasAiLabel(text: string): boolean {
  const normalized = normalizeWithOffsets(text).text;
  return AI_LABEL_KEYS.some((k) => normalized.includes(k));
}

/** The copy (body and title together) of one check. */
interface Copy {
  text: string;
  title?: string;
}

const present = (copy: Copy, test: (s: string) => boolean) => test(copy.text) || (copy.title !== undefined && test(copy.title));

export function checkAdLabel(copy: Copy, commercial: boolean | undefined): Finding[] {
  if (!commercial || present(copy, hasAdLabel)) return [];
  return [insertAtStart('ad-label.missing', 'ad-label/missing', AD_LABEL, AD_LABEL_SOURCE, {
    'zh-CN': '商业推广内容（付费投放、带购买链接或价格的产品推广、达人合作）须显著标明「广告」',
    'en-US': 'Commercial content (paid placement, promotion with a purchase link or price, KOL collaboration) must show 「广告」',
  }, { 'zh-CN': `在开头加上${AD_LABEL}`, 'en-US': `Add ${AD_LABEL} at the start` })];
}

export function checkAiLabel(copy: Copy, aiGenerated: boolean | undefined): Finding[] {
  if (!aiGenerated || present(copy, hasAiLabel)) return [];
  return [insertAtStart('ai-label.missing', 'ai-label/missing', AI_LABEL, AI_LABEL_SOURCE, {
    'zh-CN': '由人工智能生成或实质编辑的内容须在文案中添加显式标识（如「AI生成」）',
    'en-US': 'Content generated or substantially edited by AI must carry an explicit label (e.g. 「AI生成」)',
  }, { 'zh-CN': `在开头加上${AI_LABEL}`, 'en-US': `Add ${AI_LABEL} at the start` })];
}

/** Each required notice of the industries in force that the copy does not carry. */
export function checkNotices(copy: Copy, notices: readonly Notice[]): Finding[] {
  if (notices.length === 0) return [];
  const normalized = normalizeWithOffsets(copy.text).text + '\u0000' + (copy.title === undefined ? '' : normalizeWithOffsets(copy.title).text);
  const findings: Finding[] = [];
  for (const notice of notices) {
    if (notice.accepted.some((a) => normalized.includes(normalizeTerm(a)))) continue;
    const at = copy.text.length;
    findings.push(makeFinding({
      rule: notice.id,
      category: notice.category,
      severity: notice.severity,
      field: 'text',
      start: at,
      end: at,
      match: '',
      message: notice.message,
      suggestion: notice.suggestion,
      replacement: (at === 0 ? '' : '\n') + notice.insert,
      source: notice.source,
    }));
  }
  return findings;
}

/** A finding at offset 0 with an empty match: applying its replacement inserts the label. */
function insertAtStart(rule: string, category: Finding['category'], label: string, source: string, message: { 'zh-CN': string; 'en-US': string }, suggestion: { 'zh-CN': string; 'en-US': string }): Finding {
  const field: Field = 'text';
  return makeFinding({ rule, category, severity: 'block', field, start: 0, end: 0, match: '', message, suggestion, replacement: label, source });
}
