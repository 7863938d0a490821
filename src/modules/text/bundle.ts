import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FeaturizerOptions } from './features.js';
import type { PackedWeights } from './linear.js';
import type { Intent, Sentiment } from './model.js';

/** The versioned JSON files under `models/`, written by `npm run train:text`. */

export const MODEL_VERSION = 1;
export const MODELS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'models');

export interface FeaturizerSpec extends FeaturizerOptions {
  bits: number;
  /** add jieba word unigrams */
  words: boolean;
}

export interface SentimentModelFile {
  format: 'chorus.text.sentiment';
  version: number;
  trainedAt: string;
  featurizer: FeaturizerSpec;
  /** binary polarity (positive vs negative), NB-weighted logistic regression, NB ratios folded in */
  polarity: PackedWeights;
  /** the neutral-band stacker: softmax over META_NAMES features, weights feature-major */
  neutral: { features: string[]; classes: Sentiment[]; weights: number[] };
  /**
   * Optional 3-class head over the intent featurizer's character n-grams plus the stacker's
   * features (at intent dim + k), trained on the social train split. When present it decides
   * the three classes instead of `neutral`.
   */
  social?: { features: string[]; weights: PackedWeights };
}

export interface IntentModelFile {
  format: 'chorus.text.intent';
  version: number;
  trainedAt: string;
  featurizer: FeaturizerSpec;
  rules: string[];
  classes: Intent[];
  weights: PackedWeights;
  /** P(spam) from the model that, with some pattern evidence, makes a spam verdict */
  spamProbability: number;
}

export interface IdfModelFile {
  format: 'chorus.text.idf';
  version: number;
  documents: number;
  fallback: number;
  /** word → IDF, rounded to 2 decimals */
  terms: Record<string, number>;
}

export interface TextModels {
  sentiment: SentimentModelFile;
  intent: IntentModelFile;
  idf: IdfModelFile;
}

export const MODEL_FILES = {
  sentiment: `sentiment.v${MODEL_VERSION}.json`,
  intent: `intent.v${MODEL_VERSION}.json`,
  idf: `idf.v${MODEL_VERSION}.json`,
} as const;

function readJson<T>(dir: string, name: string, format: string): T {
  const path = join(dir, name);
  let parsed: { format?: string; version?: number };
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new Error(`text model ${path} is missing or unreadable (run npm run train:text): ${(err as Error).message}`);
  }
  if (parsed.format !== format || parsed.version !== MODEL_VERSION) {
    throw new Error(`text model ${path}: expected ${format} v${MODEL_VERSION}, found ${parsed.format} v${parsed.version}`);
  }
  return parsed as T;
}

export function readModels(dir: string = MODELS_DIR): TextModels {
  return {
    sentiment: readJson<SentimentModelFile>(dir, MODEL_FILES.sentiment, 'chorus.text.sentiment'),
    intent: readJson<IntentModelFile>(dir, MODEL_FILES.intent, 'chorus.text.intent'),
    idf: readJson<IdfModelFile>(dir, MODEL_FILES.idf, 'chorus.text.idf'),
  };
}
