/**
 * The rule packs shipped with Chorus: versioned JSON in ./packs, validated once at load.
 * A change to any rule is a new pack version; `packVersion` names the combination.
 */
import { z } from 'zod';
import adLaw from './packs/ad-law.json' with { type: 'json' };
import platform from './packs/platform.json' with { type: 'json' };
import sensitive from './packs/sensitive.json' with { type: 'json' };
import { CATEGORIES, PLATFORMS, type PlatformLimits, type Platform, type Rule } from './model.js';

const localized = z.object({ 'zh-CN': z.string().min(1), 'en-US': z.string().min(1) });
const platformEnum = z.enum(PLATFORMS);
const severity = z.enum(['block', 'warn']);

const ruleSchema = z
  .object({
    id: z.string().regex(/^[a-z-]+(\.[a-z0-9-]+)+$/),
    category: z.enum(CATEGORIES),
    severity,
    source: z.string().min(1),
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

const packSchema = z
  .object({
    id: z.string(),
    version: z.string().regex(/^\d+\.\d+\.\d+$/),
    title: localized,
    rules: z.array(ruleSchema),
    limits: z.record(platformEnum, limitsSchema).optional(),
  })
  .strict();

export type RulePack = z.infer<typeof packSchema>;

export const rulePacks: readonly RulePack[] = [adLaw, platform, sensitive].map((raw) => packSchema.parse(raw));

/** e.g. "ad-law@2025.1.0+platform@2025.1.0+sensitive@2025.1.0". */
export const packVersion = rulePacks.map((p) => `${p.id}@${p.version}`).join('+');

export const packRules: readonly Rule[] = rulePacks.flatMap((p) => p.rules as Rule[]);

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
