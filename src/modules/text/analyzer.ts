import { readModels, type TextModels } from './bundle.js';
import { Featurizer, type FeatureVector } from './features.js';
import { tfidfKeywords, textRankKeywords, type IdfTable, type Keyword } from './keywords.js';
import { dot, scores, softmaxInPlace, unpackWeights } from './linear.js';
import {
  INTENTS, intentRules, META_COUNT, RULE_COUNT, SENTIMENTS, sentimentMeta,
  type DetailedAnalysis, type Intent, type Sentiment, type TextAnalysis,
} from './model.js';
import { normalizeText } from './normalize.js';
import { LexScanner, type LexScan } from './scan.js';
import { segment, type Token } from './segmenter.js';
import { spamSignals } from './spam.js';

export interface AnalyzeOptions {
  /** prepared user words (see prepareUserWords): kept whole by the segmenter */
  userWords?: readonly string[];
  /** number of keywords (default 5) */
  topK?: number;
}

const SPAM_SCORE_ALONE = 1;

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
    const d = this.analyzeDetailed(text, opts);
    return { sentiment: d.sentiment, score: d.score, intent: d.intent, spam: d.spam, keywords: d.keywords };
  }

  analyzeDetailed(text: string, opts: AnalyzeOptions = {}): DetailedAnalysis {
    const norm = normalizeText(text);
    const tokens = segment(norm, opts.userWords ?? []);
    const words = this.useWordsSent ? wordsOf(tokens) : undefined;
    const scan = this.scanner.scan(norm);
    const margin = this.polarityOf(norm, scan, words);

    // three classes: the stacker decides the neutral band from the margin and its evidence
    sentimentMeta(margin, norm, scan, this.meta);
    const z = this.metaZ.fill(0);
    for (let f = 0; f < META_COUNT; f++) for (let c = 0; c < 3; c++) z[c] += this.neutralW[f * 3 + c] * this.meta[f];
    softmaxInPlace(z);
    const [pNeg, pNeu, pPos] = [z[0], z[1], z[2]];
    const sentiment = SENTIMENTS[argmax(z)];

    const spam = spamSignals(norm);
    const x = this.intentFeatures(norm, scan, spam.score, pPos, pNeg);
    const iz = softmaxInPlace(scores(this.intentW, INTENTS.length, x, this.intentZ));
    const spamIdx = INTENTS.indexOf('spam');
    const isSpam = spam.score >= SPAM_SCORE_ALONE || (spam.score > 0 && iz[spamIdx] >= this.spamProbability);
    let intent: Intent = 'spam';
    if (!isSpam) {
      let best = -1;
      for (let c = 0; c < INTENTS.length; c++) if (c !== spamIdx && (best < 0 || iz[c] > iz[best])) best = c;
      intent = INTENTS[best];
    }
    const keywords = tfidfKeywords(tokens, this.idf, opts.topK ?? 5).map((k) => k.word);
    return {
      sentiment,
      score: round3(pPos - pNeg),
      intent,
      spam: isSpam,
      keywords,
      polarity: round3(margin),
      sentimentProbabilities: { negative: round3(pNeg), neutral: round3(pNeu), positive: round3(pPos) },
      intentProbabilities: Object.fromEntries(INTENTS.map((k, c) => [k, round3(iz[c])])) as Record<Intent, number>,
      spamScore: spam.score,
      spamReasons: spam.reasons,
    };
  }

  /** Intent features: hashed character n-grams plus the rule flags (shared with training). */
  intentFeatures(norm: string, scan: LexScan, spamScore: number, pPos: number, pNeg: number): FeatureVector {
    const x = this.intentFz.featurize(norm, scan);
    intentRules(norm, scan, spamScore, pPos, pNeg, this.rules);
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

function argmax(z: Float64Array): number {
  let b = 0;
  for (let c = 1; c < z.length; c++) if (z[c] > z[b]) b = c;
  return b;
}

function round3(v: number): number {
  return Math.round(v * 1000) / 1000;
}
