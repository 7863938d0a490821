/**
 * What content does when other modules announce a change (domain events, delivered at least once):
 * every handler reads the current state and converges on it, so a second delivery changes nothing.
 */
import type { DomainEvent } from '../../kernel/events.js';
import { can } from '../team/model.js';
import type { Actor } from '../team/service.js';
import { SUBJECT_TYPE, type ContentContext } from './context.js';
import type { ItemOps } from './items.js';

type Scheduler = (actor: Actor, itemId: string, at: Date) => Promise<unknown>;

export function createContentSubscribers(ctx: ContentContext, items: ItemOps, schedule: Scheduler) {
  const { db, store, clock, team } = ctx;
  // Publishing and review name subjects by text; only content items (uuids) are ours.
  const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  const exists = async (workspaceId: string, itemId: string) => UUID.test(itemId) && !!(await store.findItem(db, workspaceId, itemId));

  /** The author as they are now in the workspace (null when they left or may no longer schedule). */
  async function authorActor(workspaceId: string, userId: string | null): Promise<Actor | null> {
    if (!userId) return null;
    const { items: members } = await team.listMembers({ workspaceId } as Actor);
    const m = members.find((x) => x.userId === userId);
    return m && can(m.role, 'content.schedule') ? { userId, workspaceId, role: m.role, via: 'session' } : null;
  }

  return {
    /** `publication.published`: the item is published once every variant is (the live link is publishing's URL). */
    async onPublished(e: DomainEvent<'publication.published'>) {
      if (!(await exists(e.workspaceId, e.payload.contentItemId))) return;
      await items.settleStatus(e.workspaceId, e.payload.contentItemId);
    },

    /**
     * `review.approved`: the item becomes approved; when its author asked for "publish when approved"
     * and the planned time is still ahead, it is scheduled then, acting as the author.
     */
    async onReviewApproved(e: DomainEvent<'review.approved'>) {
      const { subjectType, subjectId } = e.payload;
      if (subjectType !== SUBJECT_TYPE || !(await exists(e.workspaceId, subjectId))) return;
      const item = await items.settleStatus(e.workspaceId, subjectId);
      if (item.status !== 'approved' || !item.publishWhenApproved) return;
      const author = await authorActor(e.workspaceId, item.createdBy);
      // Nothing to do (the item stays approved for a person to schedule) when the author may not schedule or the time has passed.
      if (!author || !item.plannedAt || item.plannedAt.getTime() <= clock.now().getTime()) return;
      await schedule(author, item.id, item.plannedAt);
    },

    /**
     * `post.metrics_collected`: 实际数据 of the item is the sum over its variants' posts of their latest
     * totals (kept per variant, so a repeated or late delivery converges on the same sums).
     */
    async onMetrics(e: DomainEvent<'post.metrics_collected'>) {
      const where = await ctx.publishing?.publicationOf?.(e.workspaceId, e.payload.publicationId);
      if (!where || !(await exists(e.workspaceId, where.contentItemId))) return;
      const { exposure, interactions, conversions, collectedAt } = e.payload;
      await db.transaction(async (tx) => {
        const item = await ctx.findItemOrFail(tx, e.workspaceId, where.contentItemId, true);
        const byVariant = { ...(item.actualsByVariant ?? {}) };
        const prior = byVariant[where.variantId];
        if (prior && prior.at > collectedAt) return;
        byVariant[where.variantId] = { exposure, interactions, conversions, at: collectedAt };
        const sum = (k: 'exposure' | 'interactions' | 'conversions') => {
          const xs = Object.values(byVariant).map((v) => v[k]).filter((x): x is number => x !== null);
          return xs.length ? xs.reduce((a, b) => a + b, 0) : null;
        };
        await store.updateItem(tx, e.workspaceId, item.id, {
          actualsByVariant: byVariant, actualExposure: sum('exposure'), actualInteractions: sum('interactions'), actualConversions: sum('conversions'),
          actualUpdatedAt: clock.now(),
        });
      });
    },

    /** `review.changes_requested`: back to draft for the author. */
    async onChangesRequested(e: DomainEvent<'review.changes_requested'>) {
      const { subjectType, subjectId } = e.payload;
      if (subjectType !== SUBJECT_TYPE || !(await exists(e.workspaceId, subjectId))) return;
      await items.settleStatus(e.workspaceId, subjectId);
    },
  };
}

export type ContentSubscribers = ReturnType<typeof createContentSubscribers>;
