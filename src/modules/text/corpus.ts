import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import type { Intent, Sentiment } from './model.js';

/** Readers for the training/evaluation corpora (used by scripts/train-text.ts and eval-text.ts only). */

const here = dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = join(here, '..', '..', '..');
export const SHARED_DATA = process.env.CHORUS_TEXT_DATA ?? join(REPO_ROOT, '..', 'shared', 'data');
export const SOCIAL_FIXTURE = join(REPO_ROOT, 'test', 'fixtures', 'social-comments.jsonl');
/** Second set (issue #19): spam families with evasions, non-spam look-alikes, neutral questions, check-ins, contrast, sarcasm, slang. */
export const SOCIAL_FIXTURE_2 = join(REPO_ROOT, 'test', 'fixtures', 'text', 'social-comments-2.jsonl');

export interface Review {
  text: string;
  /** 1 positive, 0 negative */
  label: 0 | 1;
  cat?: string;
}

export function readReviews(file: string): Review[] {
  const raw = readFileSync(join(SHARED_DATA, file), 'utf8').replace(/^\uFEFF/, '');
  const parsed = Papa.parse<Record<string, string>>(raw, { header: true, skipEmptyLines: true });
  const out: Review[] = [];
  for (const r of parsed.data) {
    const text = (r.review ?? '').replace(/^\uFEFF/, '').trim();
    if (!text || (r.label !== '0' && r.label !== '1')) continue;
    out.push({ text, label: r.label === '1' ? 1 : 0, cat: r.cat });
  }
  return out;
}

export interface SocialExample {
  text: string;
  sentiment: Sentiment;
  intent: Intent;
  spam: boolean;
  split: 'train' | 'test';
  /** spam family (second set): traffic, profile, prize, fake_goods, job, loan_invoice, gambling, code, account, dating, follow, recycled, contact */
  family?: string;
  /** what the comment tests (second set): lookalike, question, checkin, sarcasm, evasion … */
  trap?: string;
}

/** Both hand-written sets, first set first (each row keeps the split it was written with). */
export function readSocial(paths: readonly string[] = [SOCIAL_FIXTURE, SOCIAL_FIXTURE_2]): SocialExample[] {
  return paths.flatMap((path) => readFileSync(path, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as SocialExample));
}

/** Deterministic split by a hash of the text (so it does not depend on file order). */
export function inDevSplit(text: string, percent: number): boolean {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return ((h >>> 0) % 100) < percent;
}
