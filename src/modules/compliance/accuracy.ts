/**
 * Accuracy of the engine on the labelled copies in test/fixtures/compliance-copies.jsonl:
 * recall over expected (copy, category) pairs, and the share of clean copies flagged.
 */
import { readFileSync } from 'node:fs';
import type { BrandPolicy, Industry, MediaItem, Platform } from './model.js';
import type { ComplianceService } from './service.js';

export interface LabelledCopy {
  text: string;
  platform: Platform;
  expect: string[];
  title?: string;
  media?: MediaItem[];
  brand?: BrandPolicy;
  account?: { name: string; type: string };
  industry?: Industry;
  commercial?: boolean;
  aiGenerated?: boolean;
}

export interface AccuracyReport {
  copies: number;
  violations: number;
  clean: number;
  expected: number;
  found: number;
  recall: number;
  cleanFlagged: number;
  cleanFlagRate: number;
  /** Categories reported on a violation copy that were not expected. */
  extra: number;
  misses: Array<{ line: number; text: string; missing: string[] }>;
  falseAlarms: Array<{ line: number; text: string; got: string[] }>;
}

export function loadLabelledCopies(path: string): LabelledCopy[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as LabelledCopy);
}

export function measureAccuracy(service: ComplianceService, copies: readonly LabelledCopy[]): AccuracyReport {
  let expected = 0;
  let found = 0;
  let cleanFlagged = 0;
  let extra = 0;
  const misses: AccuracyReport['misses'] = [];
  const falseAlarms: AccuracyReport['falseAlarms'] = [];
  copies.forEach((copy, i) => {
    const result = copy.account
      ? service.checkAccountName({ name: copy.account.name, accountType: copy.account.type, brand: copy.brand })
      : service.check({
          text: copy.text, platform: copy.platform, title: copy.title, media: copy.media, brand: copy.brand,
          industry: copy.industry, commercial: copy.commercial, aiGenerated: copy.aiGenerated,
        });
    const got = new Set(result.findings.map((f) => f.category as string));
    const label = copy.account ? copy.account.name : copy.text.slice(0, 40);
    if (copy.expect.length === 0) {
      if (got.size > 0) {
        cleanFlagged++;
        falseAlarms.push({ line: i + 1, text: label, got: [...got] });
      }
      return;
    }
    expected += copy.expect.length;
    const missing = copy.expect.filter((c) => !got.has(c));
    found += copy.expect.length - missing.length;
    extra += [...got].filter((c) => !copy.expect.includes(c)).length;
    if (missing.length > 0) misses.push({ line: i + 1, text: label, missing });
  });
  const clean = copies.filter((c) => c.expect.length === 0).length;
  return {
    copies: copies.length,
    violations: copies.length - clean,
    clean,
    expected,
    found,
    recall: expected === 0 ? 1 : found / expected,
    cleanFlagged,
    cleanFlagRate: clean === 0 ? 0 : cleanFlagged / clean,
    extra,
    misses,
    falseAlarms,
  };
}
