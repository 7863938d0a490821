/**
 * The rule packs shipped with Chorus: versioned JSON in ./packs, validated once at load.
 * A change to any rule is a new pack version; `packVersion` names the combination.
 * Industry packs (`industry-*.json`) apply only where a workspace switches them on or an item
 * names its industry; every rule and required notice in them carries its basis (law, article, date).
 */
import { z } from 'zod';
import adLaw from './packs/ad-law.json' with { type: 'json' };
import alcohol from './packs/industry-alcohol.json' with { type: 'json' };
import cosmetics from './packs/industry-cosmetics.json' with { type: 'json' };
import education from './packs/industry-education.json' with { type: 'json' };
import finance from './packs/industry-finance.json' with { type: 'json' };
import healthFood from './packs/industry-health-food.json' with { type: 'json' };
import medical from './packs/industry-medical.json' with { type: 'json' };
import realEstate from './packs/industry-real-estate.json' with { type: 'json' };
import securities from './packs/industry-securities.json' with { type: 'json' };
import platform from './packs/platform.json' with { type: 'json' };
import sensitive from './packs/sensitive.json' with { type: 'json' };
import { CATEGORIES, INDUSTRIES, PLATFORMS, type Industry, type PlatformLimits, type Platform, type Rule } from './model.js';

const localized = z.object({ 'zh-CN': z.string().min(1), 'en-US': z.string().min(1) });
const platformEnum = z.enum(PLATFORMS);
const severity = z.enum(['block', 'warn']);
const basisSchema = z
  .object({ law: z.string().min(1), article: z.string().min(1), date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) })
  .strict();

const ruleSchema = z
  .object({
    id: z.string().regex(/^[a-z-]+(\.[a-z0-9-]+)+$/),
    category: z.enum(CATEGORIES),
    severity,
    source: z.string().min(1),
    basis: basisSchema.optional(),
    message: localized,
    suggestion: localized.optional(),
    terms: z.array(z.string().min(1)).optional(),
    rewrites: z.record(z.string(), z.string()).optional(),
    exempt: z.array(z.string().min(1)).optional(),
    detectors: z.array(z.enum(['phone', 'email', 'qq', 'wechat-id', 'url', 'domain'])).optional(),
    platforms: z.array(platformEnum).optional(),
    severityByPlatform: z.partialRecord(platformEnum, severity).optional(),
  })
  .strict();

/** Text an industry requires (a risk warning, 本品不能代替药物): missing → a finding that inserts it. */
const noticeSchema = z
  .object({
    id: z.string().regex(/^[a-z-]+(\.[a-z0-9-]+)+$/),
    category: z.enum(CATEGORIES),
    severity,
    source: z.string().min(1),
    basis: basisSchema,
    /** What the one-click fix appends. */
    insert: z.string().min(1),
    /** Any of these present satisfies the notice (matched noise-tolerantly). */
    accepted: z.array(z.string().min(1)).min(1),
    message: localized,
    suggestion: localized,
  })
  .strict();
export type Notice = z.infer<typeof noticeSchema>;

const limitsSchema = z
  .object({
    title: z.number().int().positive().optional(),
    body: z.number().int().positive(),
    share: z.number().int().positive().optional(),
    hashtags: z.number().int().positive().optional(),
    unit: z.enum(['codepoint', 'weibo']),
    note: z.string(),
  })
  .strict();

export const packSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]{1,40}$/),
    version: z.string().regex(/^\d+\.\d+\.\d+$/),
    industry: z.enum(INDUSTRIES).optional(),
    title: localized,
    rules: z.array(ruleSchema),
    notices: z.array(noticeSchema).optional(),
    limits: z.record(platformEnum, limitsSchema).optional(),
  })
  .strict()
  .superRefine((pack, ctx) => {
    if (!pack.industry) return;
    pack.rules.forEach((rule, i) => {
      if (!rule.basis) ctx.addIssue({ code: 'custom', path: ['rules', i, 'basis'], message: 'an industry rule needs its basis (law, article, date)' });
      if (rule.category !== `industry/${pack.industry}`) {
        ctx.addIssue({ code: 'custom', path: ['rules', i, 'category'], message: `must be industry/${pack.industry}` });
      }
    });
    (pack.notices ?? []).forEach((n, i) => {
      if (n.category !== `industry/${pack.industry}`) ctx.addIssue({ code: 'custom', path: ['notices', i, 'category'], message: `must be industry/${pack.industry}` });
    });
    const ids = new Set<string>();
    [...pack.rules, ...(pack.notices ?? [])].forEach((r) => {
      if (ids.has(r.id)) ctx.addIssue({ code: 'custom', path: ['rules'], message: `duplicate rule id ${r.id}` });
      ids.add(r.id);
    });
  });

export type RulePack = z.infer<typeof packSchema>;

export const rulePacks: readonly RulePack[] = [adLaw, platform, sensitive, securities, finance, education, healthFood, cosmetics, realEstate, medical, alcohol].map(
  (raw) => packSchema.parse(raw),
);

/** e.g. "ad-law@2026.1.0+platform@2025.1.1+…". */
export const packVersion = rulePacks.map((p) => `${p.id}@${p.version}`).join('+');

/** A pack's rules with its industry stamped on each (the engine filters industry rules per check). */
export function rulesOf(pack: RulePack): Rule[] {
  return pack.rules.map((r) => (pack.industry ? { ...(r as Rule), industry: pack.industry } : (r as Rule)));
}

export const packRules: readonly Rule[] = rulePacks.flatMap(rulesOf);

/** Required notices per industry, from the shipped packs. */
export function noticesOf(packs: readonly RulePack[]): Map<Industry, Notice[]> {
  const byIndustry = new Map<Industry, Notice[]>();
  for (const p of packs) if (p.industry && p.notices?.length) byIndustry.set(p.industry, [...(byIndustry.get(p.industry) ?? []), ...p.notices]);
  return byIndustry;
}

const limits = Object.assign({}, ...rulePacks.map((p) => p.limits ?? {})) as Record<Platform, PlatformLimits>;

export function platformLimits(platform: Platform): PlatformLimits {
  return limits[platform];
}

{
  const ids = new Set<string>();
  for (const rule of packRules) {
    if (ids.has(rule.id)) throw new Error(`compliance: duplicate rule id ${rule.id}`);
    ids.add(rule.id);
  }
  for (const p of PLATFORMS) if (!limits[p]) throw new Error(`compliance: no limits for ${p}`);
}
