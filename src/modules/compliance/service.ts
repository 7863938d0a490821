/**
 * The entry point others call: check a copy for a platform, with its title, media, the
 * workspace brand policy and the workspace's rule profile (industry packs switched on, packs
 * imported by its compliance officer). The engine is compiled once per (profile, forbidden terms).
 */
import type { Database, DbOrTx } from '../../db/client.js';
import type { Actor } from '../../kernel/access.js';
import type { Clock } from '../../kernel/clock.js';
import { brandKey, brandRules, checkAccountName, checkRequiredTerms } from './brand.js';
import { checkText, compileRules, industryMask, type CompiledRules } from './engine.js';
import { checkAdLabel, checkAiLabel, checkNotices } from './labels.js';
import { PLATFORMS, checkLengths, checkMedia, isBlocked, type BrandPolicy, type Finding, type Industry, type MediaItem, type Platform, type Rule } from './model.js';
import { noticesOf, packVersion, platformLimits, rulePacks, rulesOf, type Notice, type RulePack } from './packs.js';
import { createWorkspaceRules, type WorkspaceProfile } from './workspace-rules.js';

export type { WorkspaceProfile } from './workspace-rules.js';

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
  /** Industry packs in force besides the profile's (the CLI's --industry). */
  industries?: readonly Industry[];
  /** Paid placement, promotion with a purchase link or price, KOL collaboration: needs 「广告」. */
  commercial?: boolean;
  /** Produced or substantially edited by AI: needs an explicit label. */
  aiGenerated?: boolean;
  /** The workspace's packs (from profileOf); the shipped packs when absent. */
  profile?: WorkspaceProfile;
}

export interface CheckResult {
  findings: Finding[];
  blocked: boolean;
  packVersion: string;
}

interface Engine {
  compiled: CompiledRules;
  notices: Map<Industry, Notice[]>;
  packVersion: string;
}

const CACHE_SIZE = 16;

/** The shipped packs with any the workspace imported in their place (same id) or added. */
export function effectivePacks(imported: readonly RulePack[]): RulePack[] {
  if (imported.length === 0) return [...rulePacks];
  const replaced = new Set(imported.map((p) => p.id));
  return [...rulePacks.filter((p) => !replaced.has(p.id)), ...imported];
}

export interface ComplianceDeps {
  database: Database;
  clock: Clock;
  /** Writes audit entries (the team service's `record`). */
  audit: (tx: DbOrTx, actor: { userId: string | null; workspaceId: string }, entry: { action: string; targetType: string; targetId?: string; details?: Record<string, unknown> }) => Promise<void>;
}

/** Without deps (the CLI, pure tests) only the shipped packs are known; profile methods need the database. */
export function createComplianceService(deps?: ComplianceDeps) {
  const engines = new Map<string, Engine>();
  let lastBrandKey: string | null = null;
  let lastProfileKey: string | null = null;
  let lastEngine: Engine | null = null;
  const workspace = deps ? createWorkspaceRules(deps) : null;

  function engineFor(brand: BrandPolicy | undefined, profile: WorkspaceProfile | undefined): Engine {
    // The brand key can be long (thousands of terms): compare the cached strings before building the map key.
    const bKey = brandKey(brand);
    const pKey = profile?.key ?? '';
    if (bKey === lastBrandKey && pKey === lastProfileKey && lastEngine) return lastEngine;
    const key = `${pKey}\u0002${bKey}`;
    let engine = engines.get(key);
    if (engine) {
      engines.delete(key); // refresh its place in the LRU order
    } else {
      const packs = effectivePacks(profile?.packs ?? []);
      engine = {
        compiled: compileRules([...packs.flatMap(rulesOf), ...brandRules(brand)]),
        notices: noticesOf(packs),
        packVersion: profile?.packs.length ? packs.map((p) => `${p.id}@${p.version}`).join('+') : packVersion,
      };
      if (engines.size >= CACHE_SIZE) engines.delete(engines.keys().next().value as string);
    }
    engines.set(key, engine);
    lastBrandKey = bKey;
    lastProfileKey = pKey;
    lastEngine = engine;
    return engine;
  }

  function requireWorkspace() {
    if (!workspace) throw new Error('compliance: workspace rules need the database');
    return workspace;
  }

  const service = {
    packVersion,

    check(input: CheckInput): CheckResult {
      const engine = engineFor(input.brand, input.profile);
      // Platforms without a pack of their own (the sandbox, Mastodon, Telegram …) get the law and the
      // sensitive lists under the most permissive platform profile, and no platform length limits.
      const packed = (PLATFORMS as readonly string[]).includes(input.platform);
      const platform: Platform = packed ? input.platform : 'wechat';
      const industries = new Set([...(input.profile?.industries ?? []), ...(input.industries ?? [])]);
      if (input.industry) industries.add(input.industry);
      const mask = industryMask(industries);
      const findings = [
        ...checkAdLabel(input, input.commercial),
        ...checkAiLabel(input, input.aiGenerated),
        ...checkText(engine.compiled, input.text, platform, 'text', mask),
        ...checkRequiredTerms(input.text, input.brand, 'text'),
      ];
      if (input.title !== undefined) {
        findings.push(...checkText(engine.compiled, input.title, platform, 'title', mask));
        findings.push(...checkRequiredTerms(input.title, input.brand, 'title'));
      }
      for (const industry of industries) findings.push(...checkNotices(input, engine.notices.get(industry) ?? []));
      if (packed) findings.push(...checkLengths({ text: input.text, title: input.title, variant: input.variant }, platform, platformLimits(platform)));
      if (input.media) findings.push(...checkMedia(input.media));
      return { findings, blocked: isBlocked(findings), packVersion: engine.packVersion };
    },

    /** The workspace's profile: its industry packs and imported packs (read on the handle given). */
    async profileOf(workspaceId: string, handle?: DbOrTx): Promise<WorkspaceProfile> {
      if (!workspace) return { workspaceId, industries: [], packs: [], key: '' };
      return workspace.profileOf(workspaceId, handle);
    },

    /** A check under the caller's workspace profile (the API's check). */
    async checkFor(actor: Pick<Actor, 'workspaceId'>, input: Omit<CheckInput, 'profile'>): Promise<CheckResult> {
      return service.check({ ...input, profile: await service.profileOf(actor.workspaceId) });
    },

    checkAccountName(input: { name: string; accountType: string; brand?: BrandPolicy }) {
      const findings = checkAccountName(input.name, input.accountType, input.brand);
      return { findings, blocked: isBlocked(findings), packVersion };
    },

    /** The rules in force (shipped, or the workspace's when a profile is given), for the console's rule list. */
    listRules(profile?: WorkspaceProfile): { packVersion: string; packs: Array<{ id: string; version: string; title: string; industry?: Industry; rules: Rule[] }> } {
      const packs = effectivePacks(profile?.packs ?? []);
      return {
        packVersion: engineFor(undefined, profile).packVersion,
        packs: packs.map((p) => ({ id: p.id, version: p.version, title: p.title['zh-CN'], industry: p.industry, rules: rulesOf(p) })),
      };
    },

    settings: (actor: Pick<Actor, 'workspaceId'>) => requireWorkspace().settings(actor.workspaceId),
    updateSettings: (actor: Actor, patch: { industries?: Industry[]; homogeneity?: { threshold: number; windowHours: number; minAccounts: number } }) =>
      requireWorkspace().updateSettings(actor, patch),
    /** Validates a pack document and adds it (or replaces the pack with that id), with an audit entry. */
    importPack: (actor: { workspaceId: string; userId: string | null }, raw: unknown) => requireWorkspace().importPack(actor, raw),

    /** Warm the default engine (the CLI and the server call this at start). */
    warm(): void {
      engineFor(undefined, undefined);
    },
  };
  return service;
}

export type ComplianceService = ReturnType<typeof createComplianceService>;
