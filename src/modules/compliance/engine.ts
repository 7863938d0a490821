/**
 * The compliance engine: every term and exemption phrase of every rule in ONE
 * noise-tolerant matcher, then exemptions, word boundaries, platform scope, detectors
 * and de-duplication. Pure: compile once per rule set, call checkText per copy.
 */
import { compileMatcher, type Matcher } from '../../kernel/matcher.js';
import { FILLER, getFoldTable, normalizeTerm } from '../../kernel/normalize.js';
import { TextProfile, detect, foldWidth, mayDetect } from './detectors.js';
import { INDUSTRIES, PLATFORMS, makeFinding, type Field, type Finding, type Industry, type Platform, type Rule, type Severity } from './model.js';

const KIND_TERM = 0;
const KIND_EXEMPT = 1;
const BOUND_START_LETTER = 1;
const BOUND_START_DIGIT = 2;
const BOUND_END_LETTER = 4;
const BOUND_END_DIGIT = 8;

export interface CompiledRules {
  readonly rules: readonly Rule[];
  readonly matcher: Matcher;
  /** Per matcher entry: rule index, kind, word-boundary flags, original term. */
  readonly entryRule: Int32Array;
  readonly entryKind: Uint8Array;
  readonly entryBound: Uint8Array;
  readonly entryTerm: readonly string[];
  /** severity per (platform, rule): 0 = rule off, 1 = warn, 2 = block. */
  readonly severityTable: Uint8Array;
  /** Rules with pattern detectors, per platform (in PLATFORMS order). */
  readonly detectorRulesByPlatform: ReadonlyArray<readonly number[]>;
  /** Per rule: 0 for general rules, else the bit of its industry (see industryMask). */
  readonly ruleIndustryBit: Uint16Array;
}

/** The bit set of industries in force for one check; industry rules outside it are skipped. */
export function industryMask(industries: Iterable<Industry>): number {
  let mask = 0;
  for (const industry of industries) {
    const i = INDUSTRIES.indexOf(industry);
    if (i >= 0) mask |= 1 << i;
  }
  return mask;
}

export function compileRules(rules: readonly Rule[]): CompiledRules {
  const terms: string[] = [];
  const entryRule: number[] = [];
  const entryKind: number[] = [];
  const entryBound: number[] = [];
  const detectorRules: number[] = [];
  rules.forEach((rule, r) => {
    for (const term of rule.terms ?? []) {
      const key = normalizeTerm(term);
      if (key === '') continue;
      terms.push(term);
      entryRule.push(r);
      entryKind.push(KIND_TERM);
      entryBound.push(boundaryFlags(key));
    }
    for (const phrase of rule.exempt ?? []) {
      terms.push(phrase);
      entryRule.push(r);
      entryKind.push(KIND_EXEMPT);
      entryBound.push(0);
    }
    if (rule.detectors?.length) detectorRules.push(r);
  });
  const severityTable = new Uint8Array(PLATFORMS.length * rules.length);
  PLATFORMS.forEach((platform, p) => {
    rules.forEach((rule, r) => {
      if (rule.platforms && !rule.platforms.includes(platform)) return;
      const severity = rule.severityByPlatform?.[platform] ?? rule.severity;
      severityTable[p * rules.length + r] = severity === 'block' ? 2 : 1;
    });
  });
  return {
    rules,
    matcher: compileMatcher(terms, { normalize: true }),
    entryRule: Int32Array.from(entryRule),
    entryKind: Uint8Array.from(entryKind),
    entryBound: Uint8Array.from(entryBound),
    entryTerm: terms,
    severityTable,
    detectorRulesByPlatform: PLATFORMS.map((_, p) => detectorRules.filter((r) => severityTable[p * rules.length + r] !== 0)),
    ruleIndustryBit: Uint16Array.from(rules, (rule) => (rule.industry ? industryMask([rule.industry]) : 0)),
  };
}

function boundaryFlags(key: string): number {
  const first = key.charCodeAt(0);
  const last = key.charCodeAt(key.length - 1);
  let flags = 0;
  if (isLetter(first)) flags |= BOUND_START_LETTER;
  if (isDigit(first)) flags |= BOUND_START_DIGIT;
  if (isLetter(last)) flags |= BOUND_END_LETTER;
  if (isDigit(last)) flags |= BOUND_END_DIGIT;
  return flags;
}

const isLetter = (c: number) => c >= 0x61 && c <= 0x7a;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

/** "vx" must not be the tail of "devx", nor "100%" of "1100%". */
function boundaryOk(text: string, start: number, end: number, flags: number, fold: Uint16Array): boolean {
  if (flags === 0) return true;
  if (start > 0 && flags & (BOUND_START_LETTER | BOUND_START_DIGIT)) {
    const before = fold[text.charCodeAt(start - 1)];
    if (before !== FILLER) {
      if (flags & BOUND_START_LETTER && isLetter(before)) return false;
      if (flags & BOUND_START_DIGIT && isDigit(before)) return false;
    }
  }
  if (end < text.length && flags & (BOUND_END_LETTER | BOUND_END_DIGIT)) {
    const after = fold[text.charCodeAt(end)];
    if (after !== FILLER) {
      if (flags & BOUND_END_LETTER && isLetter(after)) return false;
      if (flags & BOUND_END_DIGIT && isDigit(after)) return false;
    }
  }
  return true;
}

interface Candidate {
  rule: number;
  start: number;
  end: number;
  term: string | null;
}

/**
 * Findings for one field of one copy on one platform, ordered by position. Industry rules
 * apply only when their bit is in `industries` (see industryMask).
 */
export function checkText(compiled: CompiledRules, text: string, platform: Platform, field: Field = 'text', industries = 0): Finding[] {
  const { rules, entryRule, entryKind, entryBound, entryTerm, severityTable, ruleIndustryBit } = compiled;
  const platformIndex = PLATFORMS.indexOf(platform);
  const rowOffset = platformIndex * rules.length;
  const hits: number[] = [];
  compiled.matcher.forEachMatch(text, (entry, start, end) => {
    const rule = entryRule[entry];
    if (severityTable[rowOffset + rule] === 0) return;
    const bit = ruleIndustryBit[rule];
    if (bit !== 0 && (bit & industries) === 0) return;
    hits.push(entry, start, end);
  });

  const candidates: Candidate[] = [];
  if (hits.length > 0) {
    const fold = getFoldTable();
    let exempts: number[] | null = null;
    for (let i = 0; i < hits.length; i += 3) {
      if (entryKind[hits[i]] === KIND_EXEMPT) (exempts ??= []).push(entryRule[hits[i]], hits[i + 1], hits[i + 2]);
    }
    for (let i = 0; i < hits.length; i += 3) {
      const entry = hits[i];
      if (entryKind[entry] !== KIND_TERM) continue;
      const rule = entryRule[entry];
      const start = hits[i + 1];
      const end = hits[i + 2];
      if (!boundaryOk(text, start, end, entryBound[entry], fold)) continue;
      if (exempts && isExempt(exempts, rule, start, end)) continue;
      candidates.push({ rule, start, end, term: entryTerm[entry] });
    }
  }
  const detectorRules = compiled.detectorRulesByPlatform[platformIndex];
  if (detectorRules.length > 0) {
    const profile = new TextProfile(text);
    let folded: string | null = null;
    for (const rule of detectorRules) {
      if (ruleIndustryBit[rule] !== 0 && (ruleIndustryBit[rule] & industries) === 0) continue;
      for (const detector of rules[rule].detectors ?? []) {
        if (!mayDetect(detector, profile)) continue;
        folded ??= profile.has('fullWidth') ? foldWidth(text) : text;
        detect(detector, folded, (start, end) => candidates.push({ rule, start, end, term: null }));
      }
    }
  }
  if (candidates.length === 0) return [];
  const severityOf = (rule: number) => severityTable[rowOffset + rule];
  return mergeOverlaps(candidates, rules, severityOf).map((c) => {
    const rule = rules[c.rule];
    const severity: Severity = severityOf(c.rule) === 2 ? 'block' : 'warn';
    const rewrite = c.term !== null ? rule.rewrites?.[c.term] : undefined;
    const match = text.slice(c.start, c.end);
    return makeFinding({
      rule: rule.id,
      category: rule.category,
      severity,
      field,
      start: c.start,
      end: c.end,
      match,
      message: rule.message,
      suggestion: rewrite
        ? { 'zh-CN': `将「${match}」改为「${rewrite}」`, 'en-US': `Replace "${match}" with "${rewrite}"` }
        : (rule.suggestion ?? null),
      replacement: rewrite ?? null,
      source: rule.source,
    });
  });
}

function isExempt(exempts: number[], rule: number, start: number, end: number): boolean {
  for (let j = 0; j < exempts.length; j += 3) {
    if (exempts[j] === rule && exempts[j + 1] < end && start < exempts[j + 2]) return true;
  }
  return false;
}

/**
 * Sorts by position and merges overlapping spans of one category into one finding (block
 * beats warn): "微信号" reports once, not also as "微信"; "全网最低价" once, not as
 * "全网最低" + "最低价". A merged span keeps a rewrite only if it is one term's span.
 */
function mergeOverlaps(candidates: Candidate[], rules: readonly Rule[], severityOf: (rule: number) => number): Candidate[] {
  if (candidates.length === 1) return candidates;
  candidates.sort((a, b) => a.start - b.start || b.end - a.end || severityOf(b.rule) - severityOf(a.rule) || a.rule - b.rule);
  const kept: Candidate[] = [];
  for (const c of candidates) {
    const category = rules[c.rule].category;
    let prev: Candidate | undefined;
    for (let k = kept.length - 1; k >= 0; k--) {
      if (rules[kept[k].rule].category === category) {
        prev = kept[k];
        break;
      }
    }
    if (prev && c.start < prev.end) {
      if (c.end > prev.end) {
        prev.end = c.end;
        prev.term = null;
        if (severityOf(c.rule) > severityOf(prev.rule)) prev.rule = c.rule;
      }
      continue;
    }
    kept.push(c);
  }
  return kept;
}
