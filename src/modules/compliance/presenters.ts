/** Allow-list presenters: what the API shows of findings and rules. */
import { PLATFORMS, type Finding, type Industry, type Rule } from './model.js';
import type { CheckResult } from './service.js';
import type { CheckResponse, FindingDto, PacksResponse } from './schema.js';

export function presentFinding(f: Finding): FindingDto {
  return {
    rule: f.rule,
    category: f.category,
    severity: f.severity,
    field: f.field,
    start: f.start,
    end: f.end,
    match: f.match,
    message: f.message,
    suggestion: f.suggestion,
    replacement: f.replacement,
    en: { message: f.en.message, suggestion: f.en.suggestion },
    source: f.source,
    ...(f.mediaId !== undefined ? { mediaId: f.mediaId } : {}),
  };
}

export function presentCheck(result: CheckResult): CheckResponse {
  return { findings: result.findings.map(presentFinding), blocked: result.blocked, packVersion: result.packVersion };
}

function presentRule(r: Rule): PacksResponse['packs'][number]['rules'][number] {
  return {
    id: r.id,
    category: r.category,
    severity: r.severity,
    source: r.source,
    message: { ...r.message },
    suggestion: r.suggestion ? { ...r.suggestion } : null,
    platforms: r.platforms ? [...r.platforms] : [...PLATFORMS],
    severityByPlatform: { ...(r.severityByPlatform ?? {}) },
    terms: [...(r.terms ?? [])],
    exempt: [...(r.exempt ?? [])],
    detectors: [...(r.detectors ?? [])],
    basis: r.basis ? { law: r.basis.law, article: r.basis.article, date: r.basis.date } : null,
    industry: r.industry ?? null,
  };
}

export function presentPacks(list: { packVersion: string; packs: Array<{ id: string; version: string; title: string; industry?: Industry; rules: Rule[] }> }): PacksResponse {
  return {
    packVersion: list.packVersion,
    packs: list.packs.map((p) => ({ id: p.id, version: p.version, title: p.title, industry: p.industry ?? null, rules: p.rules.map(presentRule) })),
  };
}
