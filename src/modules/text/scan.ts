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
  /** complaint events (等了…才到, 洒了, 少了), not negated */
  events: number;
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

const CLAUSE_BREAKS = new Set(Array.from('，,。.！!？?；;～~\n\r\t…、 ').map((c) => c.charCodeAt(0)));
const NEGATION_REACH = 6;
const EMOJI_WEIGHT = 1.2;
const POS_EMO = MARK_POS_EMO.charCodeAt(0);
const NEG_EMO = MARK_NEG_EMO.charCodeAt(0);

interface TrieNode {
  next: Map<number, TrieNode>;
  entry?: LexEntry;
}

export class LexScanner {
  private readonly root: TrieNode = { next: new Map() };
  private readonly out: LexScan;
  private readonly vals: number[] = [];
  private readonly ats: number[] = [];
  private matchLen = 0;

  constructor(lexicon: Map<string, LexEntry> = buildLexicon()) {
    for (const [word, entry] of lexicon) {
      if (word.length > LEXICON_MAX_LEN) continue;
      let node = this.root;
      for (let k = 0; k < word.length; k++) {
        const c = word.charCodeAt(k);
        let child = node.next.get(c);
        if (!child) { child = { next: new Map() }; node.next.set(c, child); }
        node = child;
      }
      node.entry = entry;
    }
    this.out = {
      pos: 0, neg: 0, hitsPos: 0, hitsNeg: 0, events: 0, negated: 0, emoPos: 0, emoNeg: 0, contrast: false,
      questions: 0, exclaims: 0, length: 0,
      charWeight: new Float32Array(MAX_TEXT_CHARS + 8), charNegated: new Uint8Array(MAX_TEXT_CHARS + 8),
    };
  }

  /** Longest lexicon entry starting at i (its length in this.matchLen), or undefined. */
  private match(s: string, i: number, n: number): LexEntry | undefined {
    let node: TrieNode | undefined = this.root;
    let found: LexEntry | undefined;
    for (let k = i; k < n; k++) {
      node = node.next.get(s.charCodeAt(k));
      if (!node) break;
      if (node.entry) { found = node.entry; this.matchLen = k - i + 1; }
    }
    return found;
  }

  scan(s: string): LexScan {
    const o = this.out;
    const n = Math.min(s.length, MAX_TEXT_CHARS);
    o.pos = o.neg = o.hitsPos = o.hitsNeg = o.events = o.negated = o.emoPos = o.emoNeg = o.questions = o.exclaims = 0;
    o.contrast = false;
    o.length = n;
    o.charWeight.fill(1, 0, n);
    o.charNegated.fill(0, 0, n);
    let negCount = 0, negMult = 1, negAt = -1, degMult = 1, degAfterNeg = false;
    let concession = false, contrastAt = -1;
    // polar values are collected first so that contrast can reweight earlier clauses
    const vals = this.vals;
    const ats = this.ats;
    vals.length = 0;
    ats.length = 0;
    for (let i = 0; i < n;) {
      const ch = s.charCodeAt(i);
      if (CLAUSE_BREAKS.has(ch)) {
        if (ch === 63 || ch === 0xff1f) o.questions++;
        else if (ch === 33 || ch === 0xff01) o.exclaims++;
        negCount = 0; negMult = 1; degMult = 1; negAt = -1; degAfterNeg = false;
        i++;
        continue;
      }
      // emoji count as polar words too, so that the evidence learned from words covers them
      if (ch === POS_EMO) { o.emoPos++; vals.push(EMOJI_WEIGHT); ats.push(i); i++; continue; }
      if (ch === NEG_EMO) { o.emoNeg++; vals.push(-EMOJI_WEIGHT); ats.push(i); i++; continue; }
      const entry = this.match(s, i, n);
      if (!entry) { i++; continue; }
      const len = this.matchLen;
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
          // weight 2: only at the start of a clause (就是/只是 are usually not contrast)
          if (i > 0 && (entry.weight !== 2 || CLAUSE_BREAKS.has(s.charCodeAt(i - 1)))) { contrastAt = i; o.contrast = true; }
          break;
        case 'pos':
        case 'neg':
        case 'event': {
          let v = (entry.kind === 'pos' ? 1 : -1) * entry.weight * degMult;
          const inReach = negCount > 0 && negAt >= 0 && i - negAt <= NEGATION_REACH;
          if (inReach && negCount % 2 === 1) {
            // 不好 → negative; 不难用/不贵/没问题 → weaker positive; 不是很好 → mild negative
            v = v > 0 ? -v * 0.9 * negMult * (degAfterNeg ? 0.6 : 1) : -v * 0.6 * Math.min(negMult, 1.2);
            o.negated++;
            for (let k = negAt; k < i + len && k < n; k++) o.charNegated[k] = 1;
          } else if (entry.kind === 'event') {
            o.events++;
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
