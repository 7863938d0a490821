import { and, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import type { TimelineEntry } from './model.js';
import { crisisDrills as drills, crisisIncidents as incidents, crisisPlaybooks as playbooks } from './tables.js';

export type PlaybookRow = typeof playbooks.$inferSelect;
export type IncidentRow = typeof incidents.$inferSelect;
export type DrillRow = typeof drills.$inferSelect;

export function createCrisisStore() {
  return {
    listPlaybooks: (db: DbOrTx, workspaceId: string) => db.select().from(playbooks).where(eq(playbooks.workspaceId, workspaceId)),
    upsertPlaybook: (db: DbOrTx, row: typeof playbooks.$inferInsert) =>
      db.insert(playbooks).values(row).onConflictDoUpdate({ target: [playbooks.workspaceId, playbooks.level], set: { content: row.content, version: row.version, updatedAt: row.updatedAt } }).returning().then((r) => r[0]!),

    insertIncident: (db: DbOrTx, row: typeof incidents.$inferInsert) => db.insert(incidents).values(row).returning().then((r) => r[0]!),
    findIncident: (db: DbOrTx, workspaceId: string, id: string, lock = false) => {
      const q = db.select().from(incidents).where(and(eq(incidents.workspaceId, workspaceId), eq(incidents.id, id)));
      return (lock ? q.for('update') : q).then((r) => r[0]);
    },
    updateIncident: (db: DbOrTx, workspaceId: string, id: string, patch: Partial<typeof incidents.$inferInsert>, entries: TimelineEntry[] = []) =>
      db.update(incidents).set({ ...patch, ...(entries.length ? { timeline: sql`${incidents.timeline} || ${JSON.stringify(entries)}::jsonb` } : {}) })
        .where(and(eq(incidents.workspaceId, workspaceId), eq(incidents.id, id))).returning().then((r) => r[0]!),
    listIncidents: (db: DbOrTx, workspaceId: string, limit: number) =>
      db.select().from(incidents).where(eq(incidents.workspaceId, workspaceId)).orderBy(desc(incidents.openedAt)).limit(limit),

    insertDrill: (db: DbOrTx, row: typeof drills.$inferInsert) => db.insert(drills).values(row).returning().then((r) => r[0]!),
    findDrill: (db: DbOrTx, workspaceId: string, id: string) =>
      db.select().from(drills).where(and(eq(drills.workspaceId, workspaceId), eq(drills.id, id))).then((r) => r[0]),
    updateDrill: (db: DbOrTx, workspaceId: string, id: string, patch: Partial<typeof drills.$inferInsert>) =>
      db.update(drills).set(patch).where(and(eq(drills.workspaceId, workspaceId), eq(drills.id, id))).returning().then((r) => r[0]!),
    listDrills: (db: DbOrTx, workspaceId: string, limit: number) =>
      db.select().from(drills).where(eq(drills.workspaceId, workspaceId)).orderBy(desc(drills.startedAt)).limit(limit),
  };
}
