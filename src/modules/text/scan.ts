import { buildLexicon, LEXICON_MAX_LEN, type LexEntry } from './lexicon.js';
import { MARK_NEG_EMO, MARK_POS_EMO, MAX_TEXT_CHARS } from './normalize.js';

/**
 * One pass of the sentiment lexicon over a normalised message: polar words with negation
 * (不难用 → positive, 一点都不好吃 → negative), degree adverbs (很/有点), contrast (虽然…但是…:
 * the clause after 但是 counts more), emoji. The per-character weight and negation arrays
 * are reused between calls: read them before the next scan.
 */
export interface LexScan {
  /** weighted sum of positive evidence after negation and degree handling (≥ 0) */
  pos: number;
  /** weighted sum of negative evidence (≥ 0) */
  neg: number;
  hitsPos: number;
  hitsNeg: number;
  /** polar words that were negated */
  negated: number;
  emoPos: number;
  emoNeg: number;
  contrast: boolean;
  questions: number;
  exclaims: number;
  length: number;
  /** per character: weight of its clause (contrast), length = `length` */
  charWeight: Float32Array;
  /** per character: 1 inside a negation's scope */
  charNegated: Uint8Array;
}

const CLAUSE_BREAKS = new Set(Array.from('，,。.！!？?；;～~\n\r\t…、 '));
const NEGATION_REACH = 6;

export class LexScanner {
  private readonly lexicon: Map<string, LexEntry>;
  private readonly maxLenByFirst = new Map<number, number>();
  private readonly out: LexScan;

  constructor(lexicon: Map<string, LexEntry> = buildLexicon()) {
    this.lexicon = lexicon;
    for (const w of lexicon.keys()) {
      const c = w.charCodeAt(0);
      this.maxLenByFirst.set(c, Math.max(this.maxLenByFirst.get(c) ?? 0, Math.min(w.length, LEXICON_MAX_LEN)));
    }
    this.out = {
      pos: 0, neg: 0, hitsPos: 0, hitsNeg: 0, negated: 0, emoPos: 0, emoNeg: 0, contrast: false,
      questions: 0, exclaims: 0, length: 0,
      charWeight: new Float32Array(MAX_TEXT_CHARS + 8), charNegated: new Uint8Array(MAX_TEXT_CHARS + 8),
    };
  }

  /** Longest lexicon entry starting at i, or undefined. */
  private match(s: string, i: number): { entry: LexEntry; len: number } | undefined {
    const max = this.maxLenByFirst.get(s.charCodeAt(i));
    if (max === undefined) return undefined;
    for (let len = Math.min(max, s.length - i); len >= 1; len--) {
      const entry = this.lexicon.get(len === 1 ? s[i] : s.substr(i, len));
      if (entry) return { entry, len };
    }
    return undefined;
  }

  scan(s: string): LexScan {
    const o = this.out;
    const n = Math.min(s.length, MAX_TEXT_CHARS);
    o.pos = o.neg = o.hitsPos = o.hitsNeg = o.negated = o.emoPos = o.emoNeg = o.questions = o.exclaims = 0;
    o.contrast = false;
    o.length = n;
    o.charWeight.fill(1, 0, n);
    o.charNegated.fill(0, 0, n);
    let negCount = 0, negMult = 1, negAt = -1, degMult = 1, degAfterNeg = false;
    let concession = false, contrastAt = -1;
    // polar values are collected first so that contrast can reweight earlier clauses
    const vals: number[] = [];
    const ats: number[] = [];
    for (let i = 0; i < n;) {
      const ch = s[i];
      if (CLAUSE_BREAKS.has(ch)) {
        if (ch === '?' || ch === '？') o.questions++;
        else if (ch === '!' || ch === '！') o.exclaims++;
        negCount = 0; negMult = 1; degMult = 1; negAt = -1; degAfterNeg = false;
        i++;
        continue;
      }
      if (ch === MARK_POS_EMO) { o.emoPos++; i++; continue; }
      if (ch === MARK_NEG_EMO) { o.emoNeg++; i++; continue; }
      const m = this.match(s, i);
      if (!m) { i++; continue; }
      const { entry, len } = m;
      switch (entry.kind) {
        case 'negator':
          negCount++; negMult *= entry.weight; negAt = i + len; degAfterNeg = false;
          break;
        case 'degree':
          degMult *= entry.weight; if (negCount > 0) degAfterNeg = true;
          break;
        case 'concession':
          concession = true;
          break;
        case 'contrast':
          if (i > 0) { contrastAt = i; o.contrast = true; }
          break;
        case 'pos':
        case 'neg': {
          let v = (entry.kind === 'pos' ? 1 : -1) * entry.weight * degMult;
          const inReach = negCount > 0 && negAt >= 0 && i - negAt <= NEGATION_REACH;
          if (inReach && negCount % 2 === 1) {
            // 不好 → negative; 不难用/不贵/没问题 → weaker positive; 不是很好 → mild negative
            v = v > 0 ? -v * 0.9 * negMult * (degAfterNeg ? 0.6 : 1) : -v * 0.6 * Math.min(negMult, 1.2);
            o.negated++;
            for (let k = negAt; k < i + len && k < n; k++) o.charNegated[k] = 1;
          }
          vals.push(v); ats.push(i);
          negCount = 0; negMult = 1; degMult = 1; negAt = -1; degAfterNeg = false;
          break;
        }
        default:
          break;
      }
      i += len;
    }
    if (contrastAt > 0) {
      const before = concession ? 0.4 : 0.6;
      o.charWeight.fill(before, 0, contrastAt);
      o.charWeight.fill(1.5, contrastAt, n);
    }
    for (let k = 0; k < vals.length; k++) {
      const v = vals[k] * o.charWeight[ats[k]];
      if (v > 0) { o.pos += v; o.hitsPos++; } else if (v < 0) { o.neg -= v; o.hitsNeg++; }
    }
    return o;
  }
}
