/**
 * The contract the content module calls, always inside its transaction: a scheduled variant and its
 * publish job commit together, and a move or an unschedule cancels the old job in the same breath.
 */
import type { DbOrTx } from '../../db/client.js';
import { DomainError } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import type { Actor } from '../team/service.js';
import type { PublishingContext } from './context.js';
import { MOVABLE_STATES, idempotencyKeyOf, type PublicationPayload, type PublicationState } from './model.js';
import { JOB_OPTIONS, PUBLISH_JOB, SWEEP_JOB } from './outcome.js';
import { presentStatus } from './presenters.js';
import type { PublicationRow } from './store.js';

export interface ScheduleVariantInput {
  contentItemId: string;
  variantId: string;
  accountId: string;
  platform: string;
  dueAt: Date;
  textHash: string;
  payload: PublicationPayload;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function validate(v: ScheduleVariantInput) {
  const bad = (field: string, why: string) => new DomainError('publishing.invalid_schedule', { message: `variant ${v.variantId}: ${field} ${why}`, fields: { [field]: why } });
  if (!(v.dueAt instanceof Date) || Number.isNaN(v.dueAt.getTime())) throw bad('dueAt', 'must be a valid instant');
  if (!UUID.test(v.accountId)) throw bad('accountId', 'must be an account id');
  if (!v.variantId || !v.contentItemId || !v.platform) throw bad('variantId', 'variant, item and platform are required');
  if (typeof v.payload?.text !== 'string' || !Array.isArray(v.payload.media)) throw bad('payload', 'needs text and media');
}

function inFlightError(rows: PublicationRow[]) {
  const published = rows.some((r) => r.state === 'published');
  return new DomainError(published ? 'publishing.already_published' : 'publishing.in_flight', {
    message: `variant(s) ${rows.map((r) => `${r.variantId} (${r.state})`).join(', ')} can no longer be moved`,
  });
}

export function createScheduling(ctx: PublishingContext) {
  const { store, jobs, clock, team, options } = ctx;

  const startAfterOf = (due: Date) => new Date(due.getTime() - options.leadMs);

  /**
   * Fairness across workspaces: the queue hands out jobs due at the same moment by priority, so an
   * everyday schedule (a few variants) goes ahead of a mass import of thousands due at that minute.
   */
  const priorityFor = (batchSize: number) => (batchSize <= 20 ? 10 : batchSize <= 200 ? 5 : 0);

  async function sendPublish(tx: DbOrTx, publicationId: string, due: Date, priority = 10) {
    const jobId = newId();
    await jobs.send(tx, PUBLISH_JOB, { publicationId }, { id: jobId, startAfter: startAfterOf(due), priority, ...JOB_OPTIONS });
    return jobId;
  }

  async function cancelJobs(tx: DbOrTx, rows: PublicationRow[]) {
    const ids = rows.filter((r) => r.state === 'scheduled' && r.jobId).map((r) => r.jobId!);
    await jobs.cancel(tx, PUBLISH_JOB, ids);
  }

  return {
    async scheduleVariants(tx: DbOrTx, actor: Actor, variants: ScheduleVariantInput[]) {
      if (variants.length === 0) return { scheduled: 0 };
      variants.forEach(validate);
      const byVariant = new Map(variants.map((v) => [v.variantId, v]));
      const existing = await store.findByVariants(tx, actor.workspaceId, [...byVariant.keys()], true);
      const stuck = existing.filter((r) => !MOVABLE_STATES.includes(r.state));
      if (stuck.length) throw inFlightError(stuck);
      await cancelJobs(tx, existing);
      const now = clock.now();
      for (const r of existing) {
        const v = byVariant.get(r.variantId)!;
        byVariant.delete(r.variantId);
        const jobId = await sendPublish(tx, r.id, v.dueAt, priorityFor(variants.length));
        await store.update(tx, r.id, {
          contentItemId: v.contentItemId, accountId: v.accountId, platform: v.platform, dueAt: v.dueAt, nextAttemptAt: null, textHash: v.textHash,
          payload: v.payload, state: 'scheduled', jobId, budgetUsed: 0, lastError: null, lastErrorKind: null, handoff: null, updatedAt: now,
        });
      }
      const fresh = [...byVariant.values()].map((v) => ({ id: newId(), v }));
      // One statement at a time: a transaction is one connection (pg warns on overlapping queries).
      const jobIds: string[] = [];
      for (const { id, v } of fresh) jobIds.push(await sendPublish(tx, id, v.dueAt, priorityFor(variants.length)));
      await store.insertPublications(tx, fresh.map(({ id, v }, i) => ({
        id, workspaceId: actor.workspaceId, contentItemId: v.contentItemId, variantId: v.variantId, accountId: v.accountId, platform: v.platform,
        state: 'scheduled' as PublicationState, dueAt: v.dueAt, textHash: v.textHash, payload: v.payload, idempotencyKey: idempotencyKeyOf(id),
        jobId: jobIds[i]!, createdBy: actor.userId, createdAt: now, updatedAt: now,
      })));
      // Make sure a sweep runs (and installs its every-minute schedule): throttled to one per minute.
      await jobs.send(tx, SWEEP_JOB, { chain: true }, { singletonKey: 'kick', singletonSeconds: 60 } as never);
      const items = [...new Set(variants.map((v) => v.contentItemId))];
      await team.record(tx, actor, {
        action: 'publishing.scheduled', targetType: 'content_item', targetId: items.length === 1 ? items[0] : null,
        details: { variants: variants.map((v) => ({ variantId: v.variantId, platform: v.platform, dueAt: v.dueAt.toISOString() })).slice(0, 50), count: variants.length },
      });
      return { scheduled: variants.length };
    },

    async rescheduleVariants(tx: DbOrTx, actor: Actor, variantIds: string[], dueAt: Date) {
      if (!(dueAt instanceof Date) || Number.isNaN(dueAt.getTime())) throw new DomainError('publishing.invalid_schedule', { fields: { dueAt: 'must be a valid instant' } });
      const rows = await store.findByVariants(tx, actor.workspaceId, variantIds, true);
      const stuck = rows.filter((r) => !MOVABLE_STATES.includes(r.state));
      if (stuck.length) throw inFlightError(stuck);
      await cancelJobs(tx, rows);
      const now = clock.now();
      for (const r of rows) {
        const jobId = await sendPublish(tx, r.id, dueAt, priorityFor(rows.length));
        await store.update(tx, r.id, { dueAt, nextAttemptAt: null, state: 'scheduled', jobId, budgetUsed: 0, updatedAt: now });
      }
      if (rows.length) {
        await team.record(tx, actor, { action: 'publishing.rescheduled', targetType: 'publication', targetId: rows.length === 1 ? rows[0]!.id : null, details: { variantIds, dueAt: dueAt.toISOString() } });
      }
      return { rescheduled: rows.length };
    },

    async unscheduleVariants(tx: DbOrTx, actor: Actor, variantIds: string[]) {
      const rows = await store.findByVariants(tx, actor.workspaceId, variantIds, true);
      const live = rows.filter((r) => r.state !== 'cancelled');
      const stuck = live.filter((r) => !['scheduled', 'waiting_auth', 'failed', 'handoff'].includes(r.state));
      if (stuck.length) throw inFlightError(stuck);
      await cancelJobs(tx, live);
      for (const r of live) await store.update(tx, r.id, { state: 'cancelled', jobId: null, updatedAt: clock.now() });
      if (live.length) await team.record(tx, actor, { action: 'publishing.unscheduled', targetType: 'publication', targetId: live.length === 1 ? live[0]!.id : null, details: { variantIds } });
      return { cancelled: live.length };
    },

    async publicationOf(workspaceId: string, publicationId: string) {
      const row = await store.findById(ctx.db, workspaceId, publicationId);
      return row ? { contentItemId: row.contentItemId, variantId: row.variantId } : null;
    },

    async statusOf(workspaceId: string, variantIds: string[], handle: DbOrTx = ctx.db) {
      const rows = await store.findByVariants(handle, workspaceId, variantIds);
      return new Map(rows.map((r) => [r.variantId, presentStatus(r)]));
    },
  };
}
