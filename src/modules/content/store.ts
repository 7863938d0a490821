import { and, asc, desc, eq, gte, ilike, inArray, isNull, lt, ne, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { users } from '../team/tables.js';
import {
  cadenceReports, contentEvents, contentItems, contentTemplates, contentVariants, icsFeeds, mediaAssets, postingObservations,
} from './tables.js';

export type ItemRow = typeof contentItems.$inferSelect;
export type VariantRow = typeof contentVariants.$inferSelect;
export type MediaRow = typeof mediaAssets.$inferSelect;
export type EventRow = typeof contentEvents.$inferSelect;
export type FeedRow = typeof icsFeeds.$inferSelect;
export type TemplateRow = typeof contentTemplates.$inferSelect;
type ItemPatch = Partial<Omit<typeof contentItems.$inferInsert, 'id' | 'workspaceId'>>;
type VariantPatch = Partial<Omit<typeof contentVariants.$inferInsert, 'id' | 'workspaceId' | 'itemId'>>;

import type { KeysetPosition } from '../../kernel/cursor.js';

export interface ItemFilter {
  from?: Date; to?: Date; platform?: string; accountId?: string; themeClass?: string; ownerId?: string; status?: string; q?: string;
  /** A page: `limit` rows after `after` in (plannedAt, id) order (unplanned items last). */
  limit?: number; after?: KeysetPosition;
}

export function createContentStore() {
  return {
    async insertItem(db: DbOrTx, row: typeof contentItems.$inferInsert) {
      const [created] = await db.insert(contentItems).values(row).returning();
      return created!;
    },
    async findItem(db: DbOrTx, workspaceId: string, id: string, forUpdate = false) {
      const q = db.select().from(contentItems).where(and(eq(contentItems.workspaceId, workspaceId), eq(contentItems.id, id)));
      const [row] = forUpdate ? await q.for('update') : await q;
      return row;
    },
    async listItems(db: DbOrTx, workspaceId: string, f: ItemFilter = {}) {
      const where = [eq(contentItems.workspaceId, workspaceId)];
      if (f.from) where.push(gte(contentItems.plannedAt, f.from));
      if (f.to) where.push(lt(contentItems.plannedAt, f.to));
      if (f.platform) where.push(sql`${contentItems.platforms} @> ${JSON.stringify([f.platform])}::jsonb`);
      if (f.accountId) where.push(sql`${contentItems.accountIds} @> ${JSON.stringify([f.accountId])}::jsonb`);
      if (f.themeClass) where.push(eq(contentItems.themeClass, f.themeClass));
      if (f.ownerId) where.push(eq(contentItems.ownerId, f.ownerId));
      if (f.status) where.push(eq(contentItems.status, f.status));
      if (f.q) where.push(or(ilike(contentItems.topic, `%${f.q}%`), ilike(contentItems.summary, `%${f.q}%`))!);
      if (f.limit) {
        const a = f.after;
        if (a?.at) where.push(sql`(${contentItems.plannedAt} > ${a.at} or (${contentItems.plannedAt} = ${a.at} and ${contentItems.id} > ${a.id}) or ${contentItems.plannedAt} is null)`);
        else if (a) where.push(sql`(${contentItems.plannedAt} is null and ${contentItems.id} > ${a.id})`);
        return db.select().from(contentItems).where(and(...where))
          .orderBy(sql`${contentItems.plannedAt} asc nulls last`, asc(contentItems.id)).limit(f.limit);
      }
      return db.select().from(contentItems).where(and(...where))
        .orderBy(sql`${contentItems.plannedAt} asc nulls last`, asc(contentItems.createdAt)).limit(2000);
    },
    async updateItem(db: DbOrTx, workspaceId: string, id: string, patch: ItemPatch) {
      const [row] = await db.update(contentItems).set(patch).where(and(eq(contentItems.workspaceId, workspaceId), eq(contentItems.id, id))).returning();
      return row!;
    },
    async userNames(db: DbOrTx, ids: string[]) {
      if (ids.length === 0) return new Map<string, string>();
      const rows = await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids));
      return new Map(rows.map((r) => [r.id, r.name]));
    },

    async listVariants(db: DbOrTx, workspaceId: string, itemIds: string[]) {
      if (itemIds.length === 0) return [];
      return db.select().from(contentVariants)
        .where(and(eq(contentVariants.workspaceId, workspaceId), inArray(contentVariants.itemId, itemIds)))
        .orderBy(asc(contentVariants.platform), asc(contentVariants.createdAt));
    },
    async insertVariant(db: DbOrTx, row: typeof contentVariants.$inferInsert) {
      await db.insert(contentVariants).values(row);
    },
    async updateVariant(db: DbOrTx, workspaceId: string, id: string, patch: VariantPatch) {
      const [row] = await db.update(contentVariants).set(patch).where(and(eq(contentVariants.workspaceId, workspaceId), eq(contentVariants.id, id))).returning();
      return row!;
    },
    async deleteVariants(db: DbOrTx, workspaceId: string, ids: string[]) {
      if (ids.length === 0) return;
      await db.delete(contentVariants).where(and(eq(contentVariants.workspaceId, workspaceId), inArray(contentVariants.id, ids)));
    },
    /** Planned posts per account in a window (not cancelled), for cadence checks. */
    async plannedPosts(db: DbOrTx, workspaceId: string, accountIds: string[], from: Date, to: Date) {
      if (accountIds.length === 0) return [];
      return db.select({ itemId: contentItems.id, accountId: contentVariants.accountId, platform: contentVariants.platform, plannedAt: contentItems.plannedAt, status: contentItems.status })
        .from(contentVariants).innerJoin(contentItems, eq(contentItems.id, contentVariants.itemId))
        .where(and(
          eq(contentVariants.workspaceId, workspaceId), inArray(contentVariants.accountId, accountIds), ne(contentItems.status, 'cancelled'),
          gte(contentItems.plannedAt, from), lt(contentItems.plannedAt, to),
        ));
    },

    async insertMedia(db: DbOrTx, row: typeof mediaAssets.$inferInsert) {
      const [created] = await db.insert(mediaAssets).values(row).returning();
      return created!;
    },
    async findMedia(db: DbOrTx, workspaceId: string, id: string) {
      const [row] = await db.select().from(mediaAssets).where(and(eq(mediaAssets.workspaceId, workspaceId), eq(mediaAssets.id, id)));
      return row;
    },
    async listMedia(db: DbOrTx, workspaceId: string, ids?: string[]) {
      const where = [eq(mediaAssets.workspaceId, workspaceId)];
      if (ids) {
        if (ids.length === 0) return [];
        where.push(inArray(mediaAssets.id, ids));
      }
      return db.select().from(mediaAssets).where(and(...where)).orderBy(desc(mediaAssets.createdAt)).limit(500);
    },
    async updateMedia(db: DbOrTx, workspaceId: string, id: string, patch: Partial<Pick<MediaRow, 'rights' | 'description' | 'fileName'>>) {
      const [row] = await db.update(mediaAssets).set(patch).where(and(eq(mediaAssets.workspaceId, workspaceId), eq(mediaAssets.id, id))).returning();
      return row;
    },
    async deleteMedia(db: DbOrTx, workspaceId: string, id: string) {
      const [row] = await db.delete(mediaAssets).where(and(eq(mediaAssets.workspaceId, workspaceId), eq(mediaAssets.id, id))).returning();
      return row;
    },

    async listEvents(db: DbOrTx, workspaceId: string, from?: string, to?: string) {
      const where = [eq(contentEvents.workspaceId, workspaceId)];
      if (from) where.push(gte(contentEvents.date, from));
      if (to) where.push(sql`${contentEvents.date} <= ${to}`);
      return db.select().from(contentEvents).where(and(...where)).orderBy(asc(contentEvents.date));
    },
    async insertEvent(db: DbOrTx, row: typeof contentEvents.$inferInsert) {
      const [created] = await db.insert(contentEvents).values(row).returning();
      return created!;
    },
    async deleteEvent(db: DbOrTx, workspaceId: string, id: string) {
      const [row] = await db.delete(contentEvents).where(and(eq(contentEvents.workspaceId, workspaceId), eq(contentEvents.id, id))).returning();
      return row;
    },

    async listFeeds(db: DbOrTx, workspaceId: string) {
      return db.select().from(icsFeeds).where(eq(icsFeeds.workspaceId, workspaceId)).orderBy(desc(icsFeeds.createdAt));
    },
    async insertFeed(db: DbOrTx, row: typeof icsFeeds.$inferInsert) {
      const [created] = await db.insert(icsFeeds).values(row).returning();
      return created!;
    },
    async findFeedByHash(db: DbOrTx, tokenHash: string) {
      const [row] = await db.select().from(icsFeeds).where(and(eq(icsFeeds.tokenHash, tokenHash), isNull(icsFeeds.revokedAt)));
      return row;
    },
    async updateFeed(db: DbOrTx, workspaceId: string, id: string, patch: Partial<Pick<FeedRow, 'tokenHash' | 'revokedAt'>>) {
      const [row] = await db.update(icsFeeds).set(patch)
        .where(and(eq(icsFeeds.workspaceId, workspaceId), eq(icsFeeds.id, id), isNull(icsFeeds.revokedAt))).returning();
      return row;
    },

    async listTemplates(db: DbOrTx, workspaceId: string) {
      return db.select().from(contentTemplates).where(eq(contentTemplates.workspaceId, workspaceId)).orderBy(asc(contentTemplates.kind), asc(contentTemplates.name));
    },
    async insertTemplate(db: DbOrTx, row: typeof contentTemplates.$inferInsert) {
      const [created] = await db.insert(contentTemplates).values(row).returning();
      return created!;
    },
    async updateTemplate(db: DbOrTx, workspaceId: string, id: string, patch: Partial<Omit<TemplateRow, 'id' | 'workspaceId' | 'createdAt'>>) {
      const [row] = await db.update(contentTemplates).set(patch).where(and(eq(contentTemplates.workspaceId, workspaceId), eq(contentTemplates.id, id))).returning();
      return row;
    },
    async deleteTemplate(db: DbOrTx, workspaceId: string, id: string) {
      const [row] = await db.delete(contentTemplates).where(and(eq(contentTemplates.workspaceId, workspaceId), eq(contentTemplates.id, id))).returning();
      return row;
    },

    async insertObservations(db: DbOrTx, rows: Array<typeof postingObservations.$inferInsert>) {
      if (rows.length === 0) return 0;
      const inserted = await db.insert(postingObservations).values(rows).onConflictDoNothing().returning({ id: postingObservations.id });
      return inserted.length;
    },
    async listObservations(db: DbOrTx, workspaceId: string, accountId: string) {
      return db.select({ publishedAt: postingObservations.publishedAt, interactionRate: postingObservations.interactionRate })
        .from(postingObservations).where(and(eq(postingObservations.workspaceId, workspaceId), eq(postingObservations.accountId, accountId)))
        .orderBy(desc(postingObservations.publishedAt)).limit(5000);
    },

    /** True when this (account, period) had not been reported yet. */
    async claimCadenceReport(db: DbOrTx, row: typeof cadenceReports.$inferInsert) {
      const inserted = await db.insert(cadenceReports).values(row).onConflictDoNothing().returning({ id: cadenceReports.id });
      return inserted.length > 0;
    },
  };
}

export type ContentStore = ReturnType<typeof createContentStore>;
