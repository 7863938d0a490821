import { TextAnalyzer, toTextAnalysis } from './analyzer.js';
import type { Keyword } from './keywords.js';
import type { DetailedAnalysis, TextAnalysis } from './model.js';
import { normalizeText } from './normalize.js';
import { prepareUserWords, segment, type Token } from './segmenter.js';
import { BurstDetector, type BurstOptions } from './spam.js';

/**
 * Text understanding for every inbound path (inbox, listening, the API, the CLI): sentiment,
 * intent, spam and keywords, offline. The models and the jieba dictionary load lazily, once
 * per process, on first use.
 */

export interface TextOptions {
  /** the workspace's dictionary: brand and product names, slang — kept whole, weighted as keywords */
  userWords?: readonly string[];
}

export interface TextService {
  analyze(texts: readonly string[], opts?: TextOptions): TextAnalysis[];
  /** the same with probabilities, polarity margin and spam reasons */
  analyzeDetailed(texts: readonly string[], opts?: TextOptions): DetailedAnalysis[];
  keywords(text: string, opts?: TextOptions & { topK?: number; method?: 'tfidf' | 'textrank' }): Keyword[];
  /** segmentation with part-of-speech tags */
  segment(text: string, opts?: TextOptions): Token[];
  /** a fresh stateful detector of comment floods; feed it (authorId, text, at) in time order */
  createBurstDetector(options?: BurstOptions): { observe(authorId: string, text: string, at: Date | number): ReturnType<BurstDetector['observe']> };
  /** load the models now (for servers that prefer paying the cost at start) */
  warm(): void;
}

let analyzer: TextAnalyzer | undefined;

function shared(): TextAnalyzer {
  analyzer ??= new TextAnalyzer();
  return analyzer;
}

/** Analyse at most this many texts per segmentation call (bounds memory, keeps the batch fast). */
const CHUNK = 256;

export function createTextService(): TextService {
  function detailed(texts: readonly string[], opts: TextOptions = {}): DetailedAnalysis[] {
    const a = shared();
    const userWords = prepareUserWords(opts.userWords);
    if (texts.length <= CHUNK) return a.analyzeMany(texts, { userWords });
    const out: DetailedAnalysis[] = [];
    for (let i = 0; i < texts.length; i += CHUNK) out.push(...a.analyzeMany(texts.slice(i, i + CHUNK), { userWords }));
    return out;
  }
  return {
    analyze: (texts, opts) => detailed(texts, opts).map(toTextAnalysis),
    analyzeDetailed: detailed,
    keywords: (text, opts = {}) => shared().keywords(text, { ...opts, userWords: prepareUserWords(opts.userWords) }),
    segment: (text, opts = {}) => segment(normalizeText(text), prepareUserWords(opts.userWords)),
    createBurstDetector: (options) => {
      const detector = new BurstDetector(options);
      return { observe: (authorId, text, at) => detector.observe(authorId, normalizeText(text), at) };
    },
    warm: () => void shared(),
  };
}
