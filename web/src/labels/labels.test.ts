import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LOCALES, messagesOf } from '../locales';
import { labelKey, type LabelKind } from './registry';
import { ROLES } from '../../../src/kernel/access';
import {
  ACCOUNT_STATUSES, ACCOUNT_TYPES, FILING_KINDS, FILING_STATUSES, GRANT_ACTIONS, HEALTH_FLAGS, PLATFORMS, VERIFICATION_STATUSES,
} from '../../../src/modules/accounts/model';
import { CATEGORIES } from '../../../src/modules/compliance/model';
import { CONTENT_FORMATS, CONTENT_STATUSES, THEME_CLASSES } from '../../../src/modules/content/model';
import { CHANNEL_KINDS } from '../../../src/modules/notify/model';
import { PUBLICATION_STATES } from '../../../src/modules/publishing/model';
import { DEFAULT_POLICY, REVIEW_STATES } from '../../../src/modules/review/model';
import { REPORT_EVENT } from '../../../src/modules/analytics/delivery';
import { EVENTS } from '../pages/notifications/settings/api';

const SRC = fileURLToPath(new URL('../../../src/', import.meta.url));

/** Every non-test source file under src/ (the server writes audit actions and events as literals). */
function sources(dir = SRC): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Dotted string literals on the lines that name `field` (`action: 'x.y'`, also in a ternary). */
function literalsOn(field: string): string[] {
  const found = new Set<string>();
  for (const file of sources()) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!new RegExp(`\\b${field}:`).test(line)) continue;
      for (const m of line.matchAll(/'([a-z]+\.[a-z_]+)'/g)) found.add(m[1]!);
    }
  }
  return [...found];
}

function ruleIds(): string[] {
  const dir = join(SRC, 'modules/compliance');
  const ids = new Set<string>();
  for (const f of readdirSync(join(dir, 'packs')).filter((n) => n.endsWith('.json'))) {
    const pack = JSON.parse(readFileSync(join(dir, 'packs', f), 'utf8')) as { rules: Array<{ id: string }> };
    for (const r of pack.rules) ids.add(r.id);
  }
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts'))) {
    const text = readFileSync(join(dir, f), 'utf8');
    for (const m of text.matchAll(/\b(?:rule|id): '([a-z-]+\.[a-z.-]+)'/g)) ids.add(m[1]!);
    // `platform.length.${field === 'title' ? 'title' : 'body'}`
    if (text.includes('platform.length.${')) ids.add('platform.length.title').add('platform.length.body');
  }
  return [...ids];
}

const KEYS: Array<[LabelKind, readonly string[]]> = [
  ['platform', PLATFORMS],
  ['role', ROLES],
  ['auditAction', literalsOn('action')],
  ['auditGroup', [...new Set(literalsOn('action').map((a) => a.split('.')[0]!))]],
  ['auditTarget', sourcesTargetTypes()],
  ['reviewStage', DEFAULT_POLICY.stages.map((s) => s.key)],
  ['reviewState', REVIEW_STATES],
  ['contentType', ['post', ...Object.keys(DEFAULT_POLICY.skip)]],
  ['rule', ruleIds()],
  ['category', CATEGORIES],
  ['format', CONTENT_FORMATS],
  ['theme', THEME_CLASSES],
  ['event', [...literalsOn('event'), ...EVENTS, REPORT_EVENT]],
  ['contentStatus', CONTENT_STATUSES],
  ['accountStatus', ACCOUNT_STATUSES],
  ['accountType', ACCOUNT_TYPES],
  ['healthFlag', HEALTH_FLAGS],
  ['filingKind', FILING_KINDS],
  ['filingStatus', FILING_STATUSES],
  ['publication', PUBLICATION_STATES],
  ['grant', GRANT_ACTIONS],
  ['verification', VERIFICATION_STATUSES],
  ['channel', CHANNEL_KINDS],
];

/** `targetType: 'account'` — single words, which `literalsOn` (dotted only) does not catch. */
function sourcesTargetTypes(): string[] {
  const found = new Set<string>();
  for (const file of sources()) {
    for (const m of readFileSync(file, 'utf8').matchAll(/\btargetType: '([a-z_.]+)'/g)) found.add(m[1]!);
  }
  return [...found];
}

describe('the label registry', () => {
  it('finds the keys it checks (the scan still works)', () => {
    const counts = Object.fromEntries(KEYS.map(([kind, values]) => [kind, values.length]));
    expect(counts.auditAction).toBeGreaterThan(30);
    expect(counts.rule).toBeGreaterThan(10);
    expect(counts.event).toBeGreaterThan(5);
  });

  for (const locale of LOCALES) {
    it(`names every key the server sends, in ${locale}`, () => {
      const messages = messagesOf(locale);
      const missing = KEYS.flatMap(([kind, values]) => values.filter((v) => !messages[labelKey(kind, v)]).map((v) => `${kind}: ${v}`));
      expect(missing, `add these to web/src/locales/${locale}/labels.ts (or the namespace the prefix names)`).toEqual([]);
    });
  }
});
