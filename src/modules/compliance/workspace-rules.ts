/**
 * A workspace's rule profile: the industry packs it switched on and the packs its compliance
 * officer imported (validated like the shipped ones; a pack with a shipped id replaces it).
 */
import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../kernel/access.js';
import { DomainError } from '../../kernel/errors.js';
import { INDUSTRIES, isIndustry, type Industry } from './model.js';
import { packSchema, rulePacks, type RulePack } from './packs.js';
import type { ComplianceDeps } from './service.js';
import { createComplianceStore } from './store.js';
import type { ComplianceSettingsJson } from './tables.js';

export interface WorkspaceProfile {
  workspaceId: string;
  industries: Industry[];
  packs: RulePack[];
  /** Changes whenever the imported packs do: the engine cache key. */
  key: string;
}

export interface HomogeneitySettings {
  threshold: number;
  windowHours: number;
  minAccounts: number;
}

export const DEFAULT_HOMOGENEITY: HomogeneitySettings = { threshold: 0.85, windowHours: 24, minAccounts: 3 };

export function createWorkspaceRules(deps: ComplianceDeps) {
  const store = createComplianceStore();
  const db = deps.database.db;

  async function settingsOf(workspaceId: string, handle: DbOrTx = db) {
    const row = await store.findSettings(handle, workspaceId);
    const industries = (row?.settings.industries ?? []).filter(isIndustry);
    return { industries, homogeneity: row?.settings.homogeneity ?? DEFAULT_HOMOGENEITY, updatedAt: row?.updatedAt ?? null };
  }

  return {
    async profileOf(workspaceId: string, handle: DbOrTx = db): Promise<WorkspaceProfile> {
      const { industries } = await settingsOf(workspaceId, handle);
      const rows = await store.listPacks(handle, workspaceId);
      // Stored packs were validated on import; a pack that no longer validates (a newer schema) is skipped, not fatal.
      const packs = rows.flatMap((r) => {
        const parsed = packSchema.safeParse(r.body);
        return parsed.success ? [parsed.data] : [];
      });
      const key = rows.length === 0 ? '' : `${workspaceId}:${rows.map((r) => `${r.packId}@${r.version}@${r.importedAt.getTime()}`).join(',')}`;
      return { workspaceId, industries, packs, key };
    },

    async settings(workspaceId: string) {
      const s = await settingsOf(workspaceId);
      const imported = await store.listPacks(db, workspaceId);
      return {
        industries: s.industries,
        homogeneity: s.homogeneity,
        availableIndustries: [...INDUSTRIES],
        importedPacks: imported.map((p) => ({ id: p.packId, version: p.version, importedAt: p.importedAt.toISOString() })),
        updatedAt: s.updatedAt ? s.updatedAt.toISOString() : null,
      };
    },

    async updateSettings(actor: Actor, patch: { industries?: Industry[]; homogeneity?: HomogeneitySettings }) {
      await db.transaction(async (tx) => {
        const current = await settingsOf(actor.workspaceId, tx);
        const next: ComplianceSettingsJson = {
          industries: patch.industries ? [...new Set(patch.industries)] : current.industries,
          homogeneity: patch.homogeneity ?? current.homogeneity,
        };
        await store.upsertSettings(tx, actor.workspaceId, next, actor.userId, deps.clock.now());
        await deps.audit(tx, actor, {
          action: 'compliance.settings_updated', targetType: 'workspace', targetId: actor.workspaceId,
          details: { from: { industries: current.industries, homogeneity: current.homogeneity }, to: next },
        });
      });
      return this.settings(actor.workspaceId);
    },

    async importPack(actor: { workspaceId: string; userId: string | null }, raw: unknown) {
      const parsed = packSchema.safeParse(raw);
      if (!parsed.success) {
        const fields: Record<string, string> = {};
        for (const issue of parsed.error.issues.slice(0, 20)) fields[issue.path.join('.') || 'pack'] = issue.message;
        throw new DomainError('compliance.invalid_pack', { message: 'the pack does not validate', fields });
      }
      const pack = parsed.data;
      const shippedIds = new Set(rulePacks.filter((p) => p.id !== pack.id).flatMap((p) => p.rules.map((r) => r.id)));
      const clash = pack.rules.find((r) => shippedIds.has(r.id));
      if (clash) throw new DomainError('compliance.invalid_pack', { message: 'a rule id is taken by another pack', fields: { rules: `rule id ${clash.id} belongs to another pack` } });
      return db.transaction(async (tx) => {
        const previous = await store.findPack(tx, actor.workspaceId, pack.id);
        const shipped = rulePacks.find((p) => p.id === pack.id);
        await store.upsertPack(tx, { workspaceId: actor.workspaceId, packId: pack.id, version: pack.version, body: pack as unknown as Record<string, unknown>, importedBy: actor.userId, importedAt: deps.clock.now() });
        await deps.audit(tx, actor, {
          action: previous || shipped ? 'compliance.pack_updated' : 'compliance.pack_added', targetType: 'compliance_pack', targetId: pack.id,
          details: { version: pack.version, previousVersion: previous?.version ?? shipped?.version ?? null, rules: pack.rules.length, notices: pack.notices?.length ?? 0 },
        });
        return { id: pack.id, version: pack.version, previousVersion: previous?.version ?? shipped?.version ?? null, rules: pack.rules.length };
      });
    },
  };
}
