/** Request and response schemas of the compliance API (the console imports these types). */
import { z } from 'zod';
import { CATEGORIES, INDUSTRIES, PLATFORMS } from './model.js';

export const platformSchema = z.enum(PLATFORMS);

export const checkBody = z.object({
  text: z.string().max(100_000),
  platform: platformSchema,
  title: z.string().max(1_000).optional(),
  /** The item's industry: that pack applies on top of the workspace's packs. */
  industry: z.enum(INDUSTRIES).optional(),
  /** Paid placement, promotion with a purchase link or price, KOL collaboration. */
  commercial: z.boolean().optional(),
  /** Produced or substantially edited by AI. */
  aiGenerated: z.boolean().optional(),
});
export type CheckBody = z.infer<typeof checkBody>;

const localized = z.object({ 'zh-CN': z.string(), 'en-US': z.string() });

export const findingSchema = z.object({
  rule: z.string(),
  category: z.enum(CATEGORIES),
  severity: z.enum(['block', 'warn']),
  field: z.enum(['text', 'title', 'media', 'account']),
  start: z.number().int(),
  end: z.number().int(),
  match: z.string(),
  message: z.string(),
  suggestion: z.string().nullable(),
  replacement: z.string().nullable(),
  en: z.object({ message: z.string(), suggestion: z.string().nullable() }),
  source: z.string(),
  mediaId: z.string().optional(),
});
export type FindingDto = z.infer<typeof findingSchema>;

export const checkResponse = z.object({
  findings: z.array(findingSchema),
  blocked: z.boolean(),
  packVersion: z.string(),
});
export type CheckResponse = z.infer<typeof checkResponse>;

export const ruleSchema = z.object({
  id: z.string(),
  category: z.enum(CATEGORIES),
  severity: z.enum(['block', 'warn']),
  source: z.string(),
  message: localized,
  suggestion: localized.nullable(),
  platforms: z.array(platformSchema),
  severityByPlatform: z.partialRecord(platformSchema, z.enum(['block', 'warn'])),
  terms: z.array(z.string()),
  exempt: z.array(z.string()),
  detectors: z.array(z.string()),
  basis: z.object({ law: z.string(), article: z.string(), date: z.string() }).nullable(),
  industry: z.enum(INDUSTRIES).nullable(),
});

export const packsResponse = z.object({
  packVersion: z.string(),
  packs: z.array(z.object({ id: z.string(), version: z.string(), title: z.string(), industry: z.enum(INDUSTRIES).nullable(), rules: z.array(ruleSchema) })),
});
export type PacksResponse = z.infer<typeof packsResponse>;

const homogeneitySchema = z.object({
  /** Similarity (0–1) from which copies count as near-identical. */
  threshold: z.number().min(0.5).max(1),
  windowHours: z.number().int().min(1).max(720),
  /** How many matrix accounts must carry near-identical copy before it is a warning. */
  minAccounts: z.number().int().min(2).max(100),
});

export const settingsBody = z.strictObject({
  industries: z.array(z.enum(INDUSTRIES)).max(INDUSTRIES.length).optional(),
  homogeneity: homogeneitySchema.optional(),
}).refine((b) => Object.keys(b).length > 0, { message: 'nothing to change' });

export const settingsResponse = z.object({
  industries: z.array(z.enum(INDUSTRIES)),
  homogeneity: homogeneitySchema,
  availableIndustries: z.array(z.enum(INDUSTRIES)),
  importedPacks: z.array(z.object({ id: z.string(), version: z.string(), importedAt: z.string() })),
  updatedAt: z.string().nullable(),
});
export type SettingsResponse = z.infer<typeof settingsResponse>;

/** A pack document as in src/modules/compliance/packs/*.json; validated in full by the service. */
export const importPackBody = z.strictObject({ pack: z.record(z.string(), z.unknown()) });
export const importPackResponse = z.object({ id: z.string(), version: z.string(), previousVersion: z.string().nullable(), rules: z.number().int() });
