import { BRACKET_EMOJI, EMOJI_POLARITY, KAOMOJI } from './lexicon.js';

// Marker characters (Unicode private use area) that stand for things the models should see
// as one symbol: a positive emoji, a negative one, any other emoji, a link.
export const MARK_POS_EMO = '\uE000';
export const MARK_NEG_EMO = '\uE001';
export const MARK_EMO = '\uE002';
export const MARK_URL = '\uE003';

/** Longer messages are cut: a comment is short, and this bounds the cost of one call. */
export const MAX_TEXT_CHARS = 2000;

const URL_RE = /(?:https?:\/\/|www\.)[^\s\u4e00-\u9fff，。！？]+|\b[a-z0-9-]{2,}\.(?:com|cn|net|org|top|xyz|vip|cc|co|me|io|shop|club|site)\b(?:\/[^\s\u4e00-\u9fff，。！？]*)?/g;
const BRACKET_RE = /\[([^[\]\s]{1,5})\]/g;
const PICTO_RE = /\p{Extended_Pictographic}/gu;
const JOINERS_RE = /[\uFE0E\uFE0F\u200D\u{1F3FB}-\u{1F3FF}]/gu;

function emojiMark(polarity: number | undefined): string {
  if (polarity === undefined || polarity === 0) return MARK_EMO;
  return polarity > 0 ? MARK_POS_EMO : MARK_NEG_EMO;
}

/**
 * Canonical form used by every classifier: NFKC (full-width → half-width), lower case,
 * links, emoji, [bracket] emoji and 颜文字 replaced by marker characters.
 */
export function normalizeText(raw: string): string {
  let s = raw.length > MAX_TEXT_CHARS ? raw.slice(0, MAX_TEXT_CHARS) : raw;
  // 颜文字 first, on the raw text: NFKC would rewrite their full-width parts.
  for (const [re, polarity] of KAOMOJI) {
    re.lastIndex = 0;
    if (re.test(s)) {
      re.lastIndex = 0;
      s = s.replace(re, emojiMark(polarity));
    }
  }
  s = s.normalize('NFKC').toLowerCase();
  if (s.includes('.')) s = s.replace(URL_RE, MARK_URL);
  if (s.includes('[')) s = s.replace(BRACKET_RE, (m, name: string) => {
    const p = BRACKET_EMOJI.get(name);
    return p === undefined ? m : emojiMark(p);
  });
  if (hasNonBmpOrSymbol(s)) {
    s = s.replace(JOINERS_RE, '').replace(PICTO_RE, (c) => emojiMark(EMOJI_POLARITY.get(c)));
  }
  return s;
}

/** Cheap pre-check so plain Chinese text skips the Unicode-property regex. */
function hasNonBmpOrSymbol(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0xd800 && c <= 0xdbff) || (c >= 0x2190 && c <= 0x2bff) || c === 0x00a9 || c === 0x00ae || c === 0x3030) return true;
  }
  return false;
}
