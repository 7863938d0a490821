import type { LexScan } from './scan.js';

/**
 * Hashed character n-gram features. No strings are built: each n-gram is hashed from its
 * char codes (FNV-1a style) into a table of 2^bits buckets; a few dense features (lexicon,
 * emoji, punctuation) sit after the hashed range. The buffers are reused between calls.
 */
export interface FeatureVector {
  idx: Int32Array;
  val: Float32Array;
  n: number;
}

export const DENSE = {
  bias: 0, lexNet: 1, lexPos: 2, lexNeg: 3, emoPos: 4, emoNeg: 5, negated: 6, contrast: 7,
  question: 8, exclaim: 9, short: 10, long: 11, noPolar: 12, event: 13, duration: 14,
} as const;

/** A waiting time (一个小时, 40分钟, 两个多钟头): in a service comment usually a complaint. */
const DURATION_RE = /(?:\d+|[一二两三四五六七八九十半几]+)\s*(?:个)?多?(?:个)?(?:小时|钟头|分钟)/;
export const DENSE_COUNT = 16;
/** slots kept free after the sparse part for dense and appended features */
const RESERVED = 64;

const SEED_UNI = 0x811c9dc5;
const SEED_BI = 0x01000193;
const SEED_TRI = 0x5bd1e995;
const SEED_NEG = 0x27d4eb2f;
const SEED_WORD = 0x165667b1;
const SEED_WORD2 = 0x3c6ef372;

function mix(h: number, c: number): number {
  return Math.imul(h ^ c, 16777619);
}

/** Digits fold to '0' so that 2小时 and 3小时 share features. */
function fold(c: number): number {
  return c >= 48 && c <= 57 ? 48 : c;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

export interface FeaturizerOptions {
  /** emit character trigrams (default true) */
  trigrams?: boolean;
  /** multiplier for the dense lexicon features (default 1) */
  denseScale?: number;
  /** with words: also hashed word bigrams */
  wordBigrams?: boolean;
  /** dense complaint-event and waiting-time features (models from v1.1 on) */
  events?: boolean;
}

export class Featurizer {
  readonly dim: number;
  private readonly mask: number;
  private readonly out: FeatureVector;

  constructor(readonly bits: number, readonly opts: FeaturizerOptions = {}, capacity = 12000) {
    this.mask = (1 << bits) - 1;
    this.dim = (1 << bits) + DENSE_COUNT;
    this.out = { idx: new Int32Array(capacity), val: new Float32Array(capacity), n: 0 };
  }

  denseIndex(k: number): number {
    return (1 << this.bits) + k;
  }

  private push(h: number, v: number): void {
    const o = this.out;
    if (o.n >= o.idx.length - RESERVED) return;
    o.idx[o.n] = (h >>> 0) & this.mask;
    o.val[o.n] = v;
    o.n++;
  }

  /** The last featurised vector cut back to its first n entries (to append other extras). */
  last(n: number): FeatureVector {
    this.out.n = n;
    return this.out;
  }

  /** Append an extra feature at an absolute index ≥ dim (e.g. a caller's rule features). */
  append(index: number, v: number): void {
    const o = this.out;
    if (v === 0 || o.n >= o.idx.length) return;
    o.idx[o.n] = index;
    o.val[o.n] = v;
    o.n++;
  }

  private dense(k: number, v: number): void {
    const o = this.out;
    if (v === 0 || o.n >= o.idx.length) return;
    o.idx[o.n] = this.denseIndex(k);
    o.val[o.n] = k === DENSE.bias ? v : v * (this.opts.denseScale ?? 1);
    o.n++;
  }

  /**
   * Features of a normalised message with its lexicon scan. `words` (optional) adds hashed
   * word unigrams from a segmenter.
   */
  featurize(s: string, scan: LexScan, words?: readonly string[]): FeatureVector {
    const o = this.out;
    o.n = 0;
    const n = scan.length;
    const w = scan.charWeight;
    const ng = scan.charNegated;
    let p1 = -1, p2 = -1; // previous two char codes (−1 = boundary)
    for (let i = 0; i <= n; i++) {
      const c = i < n ? fold(s.charCodeAt(i)) : -1;
      if (c >= 0 && isSpace(c)) { p1 = -1; p2 = -1; continue; }
      const wt = i < n ? w[i] : 1;
      // Inside a negation's scope (不[难用]) the unigram and bigram are replaced by negated
      // variants, so that 难用's negative weight does not fire in 不难用.
      const negated = i < n && ng[i] === 1;
      if (c >= 0) this.push(negated ? mix(SEED_NEG, c) : mix(SEED_UNI, c), wt);
      // bigram (p1, c) with boundaries, trigram (p2, p1, c)
      if (p1 !== -1 || c !== -1) {
        const hb = mix(mix(SEED_BI, p1), c);
        this.push(negated ? mix(hb, SEED_NEG) : hb, wt);
      }
      if (this.opts.trigrams !== false && p2 !== -1 && p1 !== -1 && c !== -1) this.push(mix(mix(mix(SEED_TRI, p2), p1), c), wt);
      p2 = p1; p1 = c;
    }
    if (words) {
      let prev = 0;
      for (let j = 0; j < words.length; j++) {
        const word = words[j];
        let h = SEED_WORD;
        for (let k = 0; k < word.length; k++) h = mix(h, word.charCodeAt(k));
        this.push(h, 1);
        if (this.opts.wordBigrams && j > 0) this.push(mix(mix(SEED_WORD2, prev), h), 1);
        prev = h;
      }
    }
    // length-normalise the sparse part
    const sparse = o.n;
    if (sparse > 0) {
      const inv = 1 / Math.sqrt(sparse);
      for (let k = 0; k < sparse; k++) o.val[k] *= inv;
    }
    const net = scan.pos - scan.neg;
    this.dense(DENSE.bias, 1);
    this.dense(DENSE.lexNet, Math.tanh(net / 2));
    this.dense(DENSE.lexPos, Math.log1p(scan.pos));
    this.dense(DENSE.lexNeg, Math.log1p(scan.neg));
    this.dense(DENSE.emoPos, Math.min(scan.emoPos, 3) / 3);
    this.dense(DENSE.emoNeg, Math.min(scan.emoNeg, 3) / 3);
    this.dense(DENSE.negated, Math.min(scan.negated, 3) / 3);
    this.dense(DENSE.contrast, scan.contrast ? 1 : 0);
    this.dense(DENSE.question, scan.questions > 0 ? 1 : 0);
    this.dense(DENSE.exclaim, scan.exclaims > 0 ? 1 : 0);
    this.dense(DENSE.short, n <= 8 ? 1 : 0);
    this.dense(DENSE.long, n > 60 ? 1 : 0);
    this.dense(DENSE.noPolar, scan.hitsPos + scan.hitsNeg + scan.emoPos + scan.emoNeg === 0 ? 1 : 0);
    if (this.opts.events) {
      this.dense(DENSE.event, Math.min(scan.events, 3) / 3);
      this.dense(DENSE.duration, DURATION_RE.test(s) ? 1 : 0);
    }
    return o;
  }
}
