/**
 * The entry point others call: check a copy for a platform, with its title, media and the
 * workspace brand policy. The engine is compiled once per (pack version, forbidden terms).
 */
import { brandKey, brandRules, checkAccountName, checkRequiredTerms } from './brand.js';
import { checkText, compileRules, industryMask, type CompiledRules } from './engine.js';
import { checkAdLabel, checkAiLabel, checkNotices } from './labels.js';
import { PLATFORMS, checkLengths, checkMedia, isBlocked, type BrandPolicy, type Finding, type Industry, type MediaItem, type Platform, type Rule } from './model.js';
import { noticesOf, packRules, rulesOf, packVersion, platformLimits, rulePacks } from './packs.js';

export interface CheckInput {
  text: string;
  platform: Platform;
  title?: string;
  media?: MediaItem[];
  brand?: BrandPolicy;
  /** A repost/comment rather than a post (Weibo: 140 characters). */
  variant?: 'post' | 'share';
  /** The industry the item names; its pack applies on top of the workspace's. */
  industry?: Industry;
  /** The industry packs the workspace has switched on. */
  industries?: readonly Industry[];
  /** Paid placement, promotion with a purchase link or price, KOL collaboration: needs 「广告」. */
  commercial?: boolean;
  /** Produced or substantially edited by AI: needs an explicit label. */
  aiGenerated?: boolean;
}

export interface CheckResult {
  findings: Finding[];
  blocked: boolean;
  packVersion: string;
}

const CACHE_SIZE = 16;

const shippedNotices = noticesOf(rulePacks);

export function createComplianceService() {
  const engines = new Map<string, CompiledRules>();

  let lastKey: string | null = null;
  let lastEngine: CompiledRules | null = null;

  function engineFor(brand: BrandPolicy | undefined): CompiledRules {
    const key = brandKey(brand);
    if (key === lastKey && lastEngine) return lastEngine;
    let engine = engines.get(key);
    if (engine) {
      engines.delete(key); // refresh its place in the LRU order
    } else {
      engine = compileRules([...packRules, ...brandRules(brand)]);
      if (engines.size >= CACHE_SIZE) engines.delete(engines.keys().next().value as string);
    }
    engines.set(key, engine);
    lastKey = key;
    lastEngine = engine;
    return engine;
  }

  return {
    packVersion,

    check(input: CheckInput): CheckResult {
      const engine = engineFor(input.brand);
      // Platforms without a pack of their own (the sandbox, Mastodon, Telegram …) get the law and the
      // sensitive lists under the most permissive platform profile, and no platform length limits.
      const packed = (PLATFORMS as readonly string[]).includes(input.platform);
      const platform: Platform = packed ? input.platform : 'wechat';
      const industries = new Set(input.industries ?? []);
      if (input.industry) industries.add(input.industry);
      const mask = industryMask(industries);
      const findings = [
        ...checkAdLabel(input, input.commercial),
        ...checkAiLabel(input, input.aiGenerated),
        ...checkText(engine, input.text, platform, 'text', mask),
        ...checkRequiredTerms(input.text, input.brand, 'text'),
      ];
      if (input.title !== undefined) {
        findings.push(...checkText(engine, input.title, platform, 'title', mask));
        findings.push(...checkRequiredTerms(input.title, input.brand, 'title'));
      }
      for (const industry of industries) findings.push(...checkNotices(input, shippedNotices.get(industry) ?? []));
      if (packed) findings.push(...checkLengths({ text: input.text, title: input.title, variant: input.variant }, platform, platformLimits(platform)));
      if (input.media) findings.push(...checkMedia(input.media));
      return { findings, blocked: isBlocked(findings), packVersion };
    },

    checkAccountName(input: { name: string; accountType: string; brand?: BrandPolicy }) {
      const findings = checkAccountName(input.name, input.accountType, input.brand);
      return { findings, blocked: isBlocked(findings), packVersion };
    },

    /** The shipped rules, for the console's rule list. */
    listRules(): { packVersion: string; packs: Array<{ id: string; version: string; title: string; industry?: Industry; rules: Rule[] }> } {
      return {
        packVersion,
        packs: rulePacks.map((p) => ({ id: p.id, version: p.version, title: p.title['zh-CN'], industry: p.industry, rules: rulesOf(p) })),
      };
    },

    /** Warm the default engine (the CLI and the server call this at start). */
    warm(): void {
      engineFor(undefined);
    },
  };
}

export type ComplianceService = ReturnType<typeof createComplianceService>;
