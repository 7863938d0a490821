import { index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { workspaces } from '../team/tables.js';

const workspaceId = () => uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' });
const at = (name: string) => timestamp(name, { withTimezone: true });

/** What a workspace's checks apply beyond the general rules. */
export interface ComplianceSettingsJson {
  /** Industry packs switched on for every item. */
  industries: string[];
  /** Matrix homogeneity: similarity (0–1) at which copy counts as near-identical, and the window. */
  homogeneity?: { threshold: number; windowHours: number; minAccounts: number };
}

export const complianceSettings = pgTable('compliance_settings', {
  workspaceId: workspaceId().primaryKey(),
  settings: jsonb('settings').$type<ComplianceSettingsJson>().notNull(),
  updatedBy: uuid('updated_by'),
  updatedAt: at('updated_at').notNull().defaultNow(),
});

/** Packs a compliance officer imported (new, or a newer version of a shipped one), validated before they are stored. */
export const compliancePacks = pgTable('compliance_packs', {
  workspaceId: workspaceId(),
  packId: text('pack_id').notNull(),
  version: text('version').notNull(),
  body: jsonb('body').$type<Record<string, unknown>>().notNull(),
  importedBy: uuid('imported_by'),
  importedAt: at('imported_at').notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.workspaceId, t.packId] }), index('compliance_packs_ws_idx').on(t.workspaceId)]);
