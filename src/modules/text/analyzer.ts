import { readModels, type TextModels } from './bundle.js';
import { Featurizer, type FeatureVector } from './features.js';
import { tfidfKeywords, textRankKeywords, type IdfTable, type Keyword } from './keywords.js';
import { dot, scores, softmaxInPlace, unpackWeights } from './linear.js';
import {
  INTENTS, intentRules, META_COUNT, RULE_COUNT, ruleFlags, SENTIMENTS, sentimentMeta, type RuleFlags,
  type DetailedAnalysis, type Intent, type Sentiment, type TextAnalysis,
} from './model.js';
import { normalizeText } from './normalize.js';
import { LexScanner, type LexScan } from './scan.js';
import { cutBatch, segment, type Token } from './segmenter.js';
import { riskCues } from './risk.js';
import { spamSignals } from './spam.js';

export interface AnalyzeOptions {
  /** prepared user words (see prepareUserWords): kept whole by the segmenter */
  userWords?: readonly string[];
  /** number of keywords (default 5) */
  topK?: number;
}

const SPAM_SCORE_ALONE = 1;
const SPAM = INTENTS.indexOf('spam');

/**
 * Sentiment, intent, spam and keywords for one message at a time, from the trained models.
 * Not re-entrant (scratch buffers are reused): one analyzer per thread, which is what Node has.
 */
export class TextAnalyzer {
  private readonly scanner = new LexScanner();
  private readonly sentFz: Featurizer;
  private readonly intentFz: Featurizer;
  private readonly polarity: Float32Array;
  private readonly neutralW: Float64Array;
  private readonly socialW: Float32Array | undefined;
  private readonly sentZ = new Float64Array(3);
  private readonly intentW: Float32Array;
  private readonly idf: IdfTable;
  private readonly useWordsSent: boolean;
  private readonly spamProbability: number;
  private readonly meta = new Float64Array(META_COUNT);
  private readonly metaZ = new Float64Array(3);
  private readonly rules = new Float64Array(RULE_COUNT);
  private readonly intentZ = new Float64Array(INTENTS.length);

  constructor(models: TextModels = readModels()) {
    const s = models.sentiment;
    this.sentFz = new Featurizer(s.featurizer.bits, s.featurizer);
    this.useWordsSent = s.featurizer.words;
    this.polarity = unpackWeights(s.polarity);
    this.neutralW = Float64Array.from(s.neutral.weights);
    this.socialW = s.social ? unpackWeights(s.social.weights) : undefined;
    const i = models.intent;
    this.intentFz = new Featurizer(i.featurizer.bits, i.featurizer);
    this.intentW = unpackWeights(i.weights);
    this.spamProbability = i.spamProbability;
    const terms = new Map(Object.entries(models.idf.terms));
    this.idf = { get: (w) => terms.get(w), fallback: models.idf.fallback };
  }

  /** Log-odds that a message is positive rather than negative (binary polarity model). */
  polarityOf(norm: string, scan: LexScan, words: readonly string[] | undefined): number {
    return dot(this.polarity, this.sentFz.featurize(norm, scan, words));
  }

  analyze(text: string, opts: AnalyzeOptions = {}): TextAnalysis {
    return brief(this.analyzeMany([text], opts)[0]);
  }

  /** Many messages at once: one segmentation call for the whole batch (the fast path). */
  analyzeMany(texts: readonly string[], opts: AnalyzeOptions = {}): DetailedAnalysis[] {
    const norms = texts.map((t) => normalizeText(t));
    const tokens = cutBatch(norms, opts.userWords ?? []);
    return norms.map((norm, i) => this.analyzeNormalised(texts[i], norm, tokens[i], opts.topK ?? 5));
  }

  private analyzeNormalised(raw: string, norm: string, tokens: readonly Token[], topK: number): DetailedAnalysis {
    const scan = this.scanner.scan(norm);
    const margin = this.polarityOf(norm, scan, this.useWordsSent ? wordsOf(tokens) : undefined);
    const flags = ruleFlags(norm);

    // three classes: the stacker decides the neutral band from the margin and its evidence
    sentimentMeta(margin, flags, scan, this.meta);
    // the head and intent share the character n-grams: featurised once, the appended parts swapped
    let ngrams = -1;
    let z: Float64Array;
    if (this.socialW) {
      const hx = this.socialFeatures(norm, scan, this.meta);
      z = softmaxInPlace(scores(this.socialW, 3, hx, this.sentZ));
      ngrams = hx.n - this.appended;
    } else z = this.stack();
    const pNeg = z[0], pNeu = z[1], pPos = z[2];
    const sentiment = SENTIMENTS[argmax(z)];

    const spam = spamSignals(raw);
    const x = this.intentFeatures(norm, scan, flags, spam.score, pPos, pNeg, ngrams);
    const iz = softmaxInPlace(scores(this.intentW, INTENTS.length, x, this.intentZ));
    const isSpam = spam.score >= SPAM_SCORE_ALONE || (spam.score > 0 && iz[SPAM] >= this.spamProbability);
    let intent: Intent = 'spam';
    if (!isSpam) {
      let best = -1;
      for (let c = 0; c < INTENTS.length; c++) if (c !== SPAM && (best < 0 || iz[c] > iz[best])) best = c;
      intent = INTENTS[best];
    }
    return {
      sentiment,
      score: round3(pPos - pNeg),
      intent,
      spam: isSpam,
      keywords: tfidfKeywords(tokens, this.idf, topK).map((k) => k.word),
      riskCues: riskCues(norm),
      polarity: round3(margin),
      sentimentProbabilities: { negative: round3(pNeg), neutral: round3(pNeu), positive: round3(pPos) },
      intentProbabilities: {
        inquiry: round3(iz[0]), complaint: round3(iz[1]), praise: round3(iz[2]), spam: round3(iz[3]), other: round3(iz[4]),
      },
      spamScore: spam.score,
      spamReasons: spam.reasons,
      spamFamily: isSpam ? spam.family ?? 'other' : null,
    };
  }

  private stack(): Float64Array {
    const z = this.metaZ.fill(0);
    for (let f = 0; f < META_COUNT; f++) for (let c = 0; c < 3; c++) z[c] += this.neutralW[f * 3 + c] * this.meta[f];
    return softmaxInPlace(z);
  }

  /** Features of the social sentiment head: the intent featurizer's n-grams plus the stacker's features. */
  socialFeatures(norm: string, scan: LexScan, meta: Float64Array): FeatureVector {
    const x = this.intentFz.featurize(norm, scan);
    const before = x.n;
    for (let f = 0; f < META_COUNT; f++) this.intentFz.append(this.intentFz.dim + f, meta[f]);
    this.appended = x.n - before;
    return x;
  }

  private appended = 0;

  /** Intent features: hashed character n-grams plus the rule flags (shared with training). */
  intentFeatures(norm: string, scan: LexScan, flags: RuleFlags, spamScore: number, pPos: number, pNeg: number, ngrams = -1): FeatureVector {
    // ngrams ≥ 0: the featurizer's buffer still holds this message's n-grams (from the head); keep those
    const x = ngrams >= 0 ? this.intentFz.last(ngrams) : this.intentFz.featurize(norm, scan);
    intentRules(flags, scan, spamScore, pPos, pNeg, this.rules);
    for (let r = 0; r < RULE_COUNT; r++) this.intentFz.append(this.intentFz.dim + r, this.rules[r]);
    return x;
  }

  keywords(text: string, opts: AnalyzeOptions & { method?: 'tfidf' | 'textrank' } = {}): Keyword[] {
    const tokens = segment(normalizeText(text), opts.userWords ?? []);
    return opts.method === 'textrank'
      ? textRankKeywords(tokens, this.idf, opts.topK ?? 5)
      : tfidfKeywords(tokens, this.idf, opts.topK ?? 5);
  }

  /** The three sentiment classes' order, exposed for tools. */
  static readonly sentiments: readonly Sentiment[] = SENTIMENTS;
}

export function wordsOf(tokens: readonly Token[]): string[] {
  const out: string[] = [];
  for (const t of tokens) if (t.tag !== 'x') out.push(t.word);
  return out;
}

function brief(d: DetailedAnalysis): TextAnalysis {
  return { sentiment: d.sentiment, score: d.score, intent: d.intent, spam: d.spam, keywords: d.keywords, riskCues: d.riskCues };
}

export { brief as toTextAnalysis };

function argmax(z: Float64Array): number {
  let b = 0;
  for (let c = 1; c < z.length; c++) if (z[c] > z[b]) b = c;
  return b;
}

function round3(v: number): number {
  return Math.round(v * 1000) / 1000;
}
