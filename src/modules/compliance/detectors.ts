/**
 * Pattern detectors for contact details and links. They run on the text with full-width
 * ASCII folded to half-width (same length, so offsets stay those of the original).
 */
import type { Detector } from './model.js';

const NOT_DIGIT_BEFORE = '(?<![0-9])';
const NOT_DIGIT_AFTER = '(?![0-9])';
const SEP = '[-\\s.·]?';

const PATTERNS: Record<Detector, RegExp[]> = {
  phone: [
    new RegExp(`${NOT_DIGIT_BEFORE}(?:\\+?86${SEP})?1[3-9](?:${SEP}[0-9]){9}${NOT_DIGIT_AFTER}`, 'g'),
    new RegExp(`${NOT_DIGIT_BEFORE}0[1-9][0-9]{1,2}-[0-9]{7,8}${NOT_DIGIT_AFTER}`, 'g'),
    new RegExp(`${NOT_DIGIT_BEFORE}[48]00${SEP}[0-9]{3}${SEP}[0-9]{4}${NOT_DIGIT_AFTER}`, 'g'),
  ],
  email: [/[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g],
  qq: [/(?<![A-Za-z])(?:qq|扣扣|企鹅)(?:号|群|号码)?[\s:：]*[0-9]{5,11}(?![0-9])/gi],
  'wechat-id': [
    /(?:微信|威信|薇信|徽信|加微|加v|(?<![A-Za-z])(?:v信|vx|wx|weixin|wechat))(?:号|id)?[\s:：]*[A-Za-z][-_A-Za-z0-9]{5,19}(?![-_A-Za-z0-9])/gi,
  ],
  url: [
    /(?:https?|ftp):\/\/[^\s<>"'，。！？、；：（）【】「」《》]+/gi,
    /(?<![A-Za-z0-9./])www\.[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+[^\s<>"'，。！？、；：（）【】「」《》]*/gi,
  ],
  domain: [
    /(?<![A-Za-z0-9@._/-])[A-Za-z0-9][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)*\.(?:com|cn|net|org|io|co|top|xyz|vip|shop|cc|me|info|app|tv|link|site|store|club|online|tech)(?![A-Za-z0-9])(?:\/[^\s<>"'，。！？、；：（）【】「」《》]*)?/gi,
  ],
};

/**
 * Cheap native prefilters: a detector's regexes only run when the text can hold what it
 * looks for (most copy has no ten-digit run, no "@", no ".com").
 */
const HINTS = {
  digits10: /[0-9０-９](?:[-\s.·－]?[0-9０-９]){9}/,
  digits5: /[0-9０-９]{5}/,
  at: /[@＠]/,
  dotLetter: /[.．][A-Za-zＡ-Ｚａ-ｚ]/,
  handle: /[qvwQVWｑｖｗＱＶＷ微扣企威薇徽]/,
  fullWidth: /[\uff01-\uff5e\u3000]/,
} as const;

type Hint = keyof typeof HINTS;

/** Lazily evaluated hints about one text. */
export class TextProfile {
  private known = 0;
  private values = 0;
  constructor(readonly text: string) {}

  has(hint: Hint): boolean {
    const bit = HINT_BITS[hint];
    if ((this.known & bit) === 0) {
      this.known |= bit;
      if (HINTS[hint].test(this.text)) this.values |= bit;
    }
    return (this.values & bit) !== 0;
  }
}

const HINT_BITS: Record<Hint, number> = { digits10: 1, digits5: 2, at: 4, dotLetter: 8, handle: 16, fullWidth: 32 };

/** Can this detector find anything in the profiled text? */
export function mayDetect(detector: Detector, p: TextProfile): boolean {
  switch (detector) {
    case 'phone':
      return p.has('digits10');
    case 'email':
      return p.has('at') && p.has('dotLetter');
    case 'qq':
      return p.has('digits5') && p.has('handle');
    case 'wechat-id':
      return p.has('handle');
    case 'url':
    case 'domain':
      return p.has('dotLetter');
  }
}

/** Full-width ASCII → half-width, same length. */
export function foldWidth(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out += c >= 0xff01 && c <= 0xff5e ? String.fromCharCode(c - 0xfee0) : c === 0x3000 ? ' ' : text[i];
  }
  return out;
}

/** Spans [start, end) found by a detector in the width-folded text. */
export function detect(detector: Detector, folded: string, push: (start: number, end: number) => void): void {
  for (const pattern of PATTERNS[detector]) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(folded); m !== null; m = pattern.exec(folded)) {
      let end = m.index + m[0].length;
      while (end > m.index && /[.,;:!?)\]]/.test(folded[end - 1])) end--; // trailing punctuation
      if (end > m.index) push(m.index, end);
      if (m[0].length === 0) pattern.lastIndex++;
    }
  }
}
