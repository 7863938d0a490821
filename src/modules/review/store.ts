import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { reviewEvents, reviewItems, reviewPolicies, reviewReminders, reviewVariants } from './tables.js';
import type { ReviewPolicy } from './model.js';

export type ReviewItemRow = typeof reviewItems.$inferSelect;
export type ReviewVariantRow = typeof reviewVariants.$inferSelect;
export type ReviewEventRow = typeof reviewEvents.$inferSelect;

/** Queries only; every one scoped by workspace. */
export function createReviewStore() {
  return {
    async findPolicy(db: DbOrTx, workspaceId: string) {
      const [row] = await db.select().from(reviewPolicies).where(eq(reviewPolicies.workspaceId, workspaceId));
      return row;
    },
    async upsertPolicy(db: DbOrTx, workspaceId: string, policy: ReviewPolicy, updatedBy: string, at: Date) {
      await db.insert(reviewPolicies).values({ workspaceId, policy, updatedBy, updatedAt: at })
        .onConflictDoUpdate({ target: reviewPolicies.workspaceId, set: { policy, updatedBy, updatedAt: at } });
    },

    /** Locks the item for the rest of the transaction so concurrent decisions queue up. */
    async findItemForUpdate(db: DbOrTx, workspaceId: string, subjectType: string, subjectId: string) {
      const [row] = await db.select().from(reviewItems)
        .where(and(eq(reviewItems.workspaceId, workspaceId), eq(reviewItems.subjectType, subjectType), eq(reviewItems.subjectId, subjectId)))
        .for('update');
      return row;
    },
    async findItem(db: DbOrTx, workspaceId: string, subjectType: string, subjectId: string) {
      const [row] = await db.select().from(reviewItems)
        .where(and(eq(reviewItems.workspaceId, workspaceId), eq(reviewItems.subjectType, subjectType), eq(reviewItems.subjectId, subjectId)));
      return row;
    },
    async findItemById(db: DbOrTx, workspaceId: string, id: string) {
      const [row] = await db.select().from(reviewItems).where(and(eq(reviewItems.workspaceId, workspaceId), eq(reviewItems.id, id)));
      return row;
    },
    async insertItem(db: DbOrTx, row: typeof reviewItems.$inferInsert) {
      await db.insert(reviewItems).values(row);
    },
    async updateItem(db: DbOrTx, workspaceId: string, id: string, patch: Partial<Pick<ReviewItemRow, 'contentType' | 'factOwnerUserId' | 'ownerUserId' | 'title' | 'checkContext' | 'updatedAt'>>) {
      await db.update(reviewItems).set(patch).where(and(eq(reviewItems.workspaceId, workspaceId), eq(reviewItems.id, id)));
    },
    /** A member left: they no longer vouch for facts or own items under review; returns how many items changed. */
    async clearPerson(db: DbOrTx, workspaceId: string, userId: string) {
      const a = await db.update(reviewItems).set({ factOwnerUserId: null }).where(and(eq(reviewItems.workspaceId, workspaceId), eq(reviewItems.factOwnerUserId, userId))).returning({ id: reviewItems.id });
      const b = await db.update(reviewItems).set({ ownerUserId: null }).where(and(eq(reviewItems.workspaceId, workspaceId), eq(reviewItems.ownerUserId, userId))).returning({ id: reviewItems.id });
      return new Set([...a, ...b].map((r) => r.id)).size;
    },
    async listItems(db: DbOrTx, workspaceId: string, ids: string[]) {
      if (ids.length === 0) return [];
      return db.select().from(reviewItems).where(and(eq(reviewItems.workspaceId, workspaceId), inArray(reviewItems.id, ids)));
    },

    async listVariants(db: DbOrTx, workspaceId: string, itemId: string) {
      return db.select().from(reviewVariants)
        .where(and(eq(reviewVariants.workspaceId, workspaceId), eq(reviewVariants.itemId, itemId))).orderBy(asc(reviewVariants.variantId));
    },
    async listVariantsInReview(db: DbOrTx, workspaceId: string) {
      return db.select().from(reviewVariants)
        .where(and(eq(reviewVariants.workspaceId, workspaceId), eq(reviewVariants.state, 'in_review')));
    },
    async findVariant(db: DbOrTx, workspaceId: string, itemId: string, variantId: string) {
      const [row] = await db.select().from(reviewVariants)
        .where(and(eq(reviewVariants.workspaceId, workspaceId), eq(reviewVariants.itemId, itemId), eq(reviewVariants.variantId, variantId)));
      return row;
    },
    async insertVariant(db: DbOrTx, row: typeof reviewVariants.$inferInsert) {
      await db.insert(reviewVariants).values(row);
    },
    async updateVariant(db: DbOrTx, workspaceId: string, id: string, patch: Partial<Omit<ReviewVariantRow, 'id' | 'workspaceId' | 'itemId' | 'variantId'>>) {
      await db.update(reviewVariants).set(patch).where(and(eq(reviewVariants.workspaceId, workspaceId), eq(reviewVariants.id, id)));
    },
    async deleteVariants(db: DbOrTx, workspaceId: string, itemId: string, variantIds: string[]) {
      if (variantIds.length === 0) return;
      await db.delete(reviewVariants).where(and(eq(reviewVariants.workspaceId, workspaceId), eq(reviewVariants.itemId, itemId), inArray(reviewVariants.variantId, variantIds)));
    },

    async insertEvents(db: DbOrTx, rows: Array<typeof reviewEvents.$inferInsert>) {
      if (rows.length > 0) await db.insert(reviewEvents).values(rows);
    },
    async listEvents(db: DbOrTx, workspaceId: string, itemId: string) {
      return db.select().from(reviewEvents)
        .where(and(eq(reviewEvents.workspaceId, workspaceId), eq(reviewEvents.itemId, itemId))).orderBy(asc(reviewEvents.seq));
    },
    /** Finding keys acknowledged for one exact version of a variant. */
    async listAcknowledged(db: DbOrTx, workspaceId: string, itemId: string, variantId: string, textHash: string) {
      const rows = await db.select({ key: reviewEvents.findingKey }).from(reviewEvents).where(and(
        eq(reviewEvents.workspaceId, workspaceId), eq(reviewEvents.itemId, itemId), eq(reviewEvents.variantId, variantId),
        eq(reviewEvents.kind, 'acknowledge'), eq(reviewEvents.textHash, textHash),
      ));
      return new Set(rows.map((r) => r.key!).filter(Boolean));
    },

    /** True when this reminder is new (one per variant, round and stage). */
    async insertReminder(db: DbOrTx, row: typeof reviewReminders.$inferInsert) {
      const inserted = await db.insert(reviewReminders).values(row).onConflictDoNothing().returning({ id: reviewReminders.id });
      return inserted.length > 0;
    },
    async listReminders(db: DbOrTx, workspaceId: string, itemId: string) {
      return db.select().from(reviewReminders)
        .where(and(eq(reviewReminders.workspaceId, workspaceId), eq(reviewReminders.itemId, itemId))).orderBy(asc(reviewReminders.createdAt));
    },
  };
}

export type ReviewStore = ReturnType<typeof createReviewStore>;
