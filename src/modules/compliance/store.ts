import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { compliancePacks, complianceSettings, type ComplianceSettingsJson } from './tables.js';

export type CompliancePackRow = typeof compliancePacks.$inferSelect;

/** Queries only; every one scoped by workspace. */
export function createComplianceStore() {
  return {
    async findSettings(db: DbOrTx, workspaceId: string) {
      const [row] = await db.select().from(complianceSettings).where(eq(complianceSettings.workspaceId, workspaceId));
      return row;
    },
    async upsertSettings(db: DbOrTx, workspaceId: string, settings: ComplianceSettingsJson, updatedBy: string | null, at: Date) {
      await db.insert(complianceSettings).values({ workspaceId, settings, updatedBy, updatedAt: at })
        .onConflictDoUpdate({ target: complianceSettings.workspaceId, set: { settings, updatedBy, updatedAt: at } });
    },
    async listPacks(db: DbOrTx, workspaceId: string) {
      return db.select().from(compliancePacks).where(eq(compliancePacks.workspaceId, workspaceId)).orderBy(asc(compliancePacks.packId));
    },
    async findPack(db: DbOrTx, workspaceId: string, packId: string) {
      const [row] = await db.select().from(compliancePacks).where(and(eq(compliancePacks.workspaceId, workspaceId), eq(compliancePacks.packId, packId)));
      return row;
    },
    async upsertPack(db: DbOrTx, row: typeof compliancePacks.$inferInsert) {
      await db.insert(compliancePacks).values(row).onConflictDoUpdate({
        target: [compliancePacks.workspaceId, compliancePacks.packId],
        set: { version: row.version, body: row.body, importedBy: row.importedBy, importedAt: row.importedAt },
      });
    },
  };
}
