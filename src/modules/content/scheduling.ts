/**
 * Review submission and the schedule: submit (and resubmit changed variants), schedule, reschedule
 * (also by calendar drag), unschedule and cancel. Each status change and its publishing jobs commit
 * in one transaction: there is no scheduled item without its jobs.
 */
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { DomainError } from '../../kernel/errors.js';
import { isIndustry } from '../compliance/model.js';
import { can } from '../team/model.js';
import type { Actor } from '../team/service.js';
import { SUBJECT_TYPE, type ContentContext, type PublishMedia } from './context.js';
import type { ItemOps } from './items.js';
import { canSchedule, canTransition, fromLocal, localParts, moveToDate, slotConflict, type ContentStatus } from './model.js';
import type { ItemRow, VariantRow } from './store.js';

export function createSchedulingOps(ctx: ContentContext, items: ItemOps) {
  const { db, store, clock, team } = ctx;

  /** Sends every variant to review; review keeps approvals of unchanged ones and re-reviews the rest. */
  async function submit(actor: Actor, itemId: string, opts: { factOwnerUserId?: string | null } = {}) {
    const item = await ctx.findItemOrFail(db, actor.workspaceId, itemId);
    const status = item.status as ContentStatus;
    if (!canTransition(status, 'in_review')) throw new DomainError('content.invalid_transition', { message: `a ${status} item cannot go to review` });
    const variants = await store.listVariants(db, actor.workspaceId, [itemId]);
    if (variants.length === 0) throw new DomainError('content.no_variants', { message: 'choose platforms or accounts first' });
    const media = await items.mediaMap(db, actor.workspaceId, variants.flatMap((v) => v.mediaIds));
    // 事实核查人: the one named in the request, else the item's field; with none, review asks the owner or the managers.
    const factOwner = opts.factOwnerUserId !== undefined ? opts.factOwnerUserId : item.factOwnerId;
    // Named at submission: it becomes the item's 事实核查人, so a resubmission after an edit keeps it.
    const factOwnerChanged = opts.factOwnerUserId !== undefined && opts.factOwnerUserId !== item.factOwnerId;
    if (factOwnerChanged) await ctx.requireMembers(actor.workspaceId, [opts.factOwnerUserId], 'factOwnerUserId');
    const accounts = await ctx.accountsOf(actor.workspaceId);
    await ctx.review.submit(actor, {
      subjectType: SUBJECT_TYPE, subjectId: itemId, contentType: 'post', factOwnerUserId: factOwner ?? null,
      ownerUserId: item.ownerId, title: item.topic,
      compliance: { ...(isIndustry(item.industry) ? { industry: item.industry } : {}), commercial: item.commercial, aiGenerated: item.aiGenerated },
      variants: variants.map((v) => ({
        variantId: v.id, platform: v.platform as never, ...(v.title ? { title: v.title } : {}), text: v.text,
        ...(v.accountId && { accountId: v.accountId, accountName: accounts.get(v.accountId)?.displayName ?? undefined }),
        media: v.mediaIds.map((id) => media.get(id)).filter((m) => !!m).map((m) => ({ id: m!.id, kind: m!.kind as 'image' | 'video', rights: m!.rights })),
      })),
    }, { authorId: item.createdBy ?? actor.userId });
    await db.transaction(async (tx) => {
      for (const v of variants) await store.updateVariant(tx, actor.workspaceId, v.id, { submittedHash: v.textHash });
      await store.updateItem(tx, actor.workspaceId, itemId, {
        status: 'in_review', updatedAt: clock.now(), ...(factOwnerChanged && { factOwnerId: opts.factOwnerUserId ?? null }),
      });
      await team.record(tx, actor, { action: 'content.submitted', targetType: 'content_item', targetId: itemId, details: { variants: variants.length } });
    });
    return items.view(actor.workspaceId, itemId);
  }

  async function approvals(workspaceId: string, itemId: string, variants: VariantRow[]) {
    return Promise.all(variants.map(async (v) => ({ id: v.id, accountId: v.accountId, approved: await ctx.review.isApproved(workspaceId, SUBJECT_TYPE, itemId, v.id, v.textHash) })));
  }

  /** Cadence limits that refuse a slot (spacing, WeChat once a day), against the accounts' other planned posts. */
  async function requireSlot(workspaceId: string, item: ItemRow, variants: VariantRow[], at: Date, timeZone: string) {
    const accountIds = variants.map((v) => v.accountId).filter((a): a is string => !!a);
    const around = await store.plannedPosts(db, workspaceId, accountIds, new Date(at.getTime() - 2 * 86_400_000), new Date(at.getTime() + 2 * 86_400_000));
    for (const v of variants) {
      const others = around.filter((p) => p.accountId === v.accountId && p.itemId !== item.id && p.plannedAt).map((p) => p.plannedAt!);
      const reason = slotConflict(v.platform, at, others, timeZone);
      if (reason) throw new DomainError('content.cadence_conflict', { message: reason, fields: { at: reason } });
    }
  }

  async function requirePublishRights(actor: Actor, variants: VariantRow[]) {
    for (const v of variants) {
      if (v.accountId && !(await ctx.accounts.canActOn(actor, v.accountId, 'publish'))) {
        throw new DomainError('content.account_not_allowed', { message: `you may not publish on account ${v.accountId} (or it is not active)` });
      }
    }
  }

  function publishMedia(workspaceId: string, rows: Map<string, { id: string; kind: string; storagePath: string; bytes: number; width: number | null; height: number | null; durationSec: number | null }>, ids: string[]): PublishMedia[] {
    return ids.map((id) => rows.get(id)).filter((m) => !!m).map((m) => ({
      id: m!.id, kind: m!.kind as 'image' | 'video', url: pathToFileURL(join(ctx.dataDir, m!.storagePath)).href, bytes: m!.bytes,
      ...(m!.width !== null && { width: m!.width }), ...(m!.height !== null && { height: m!.height }), ...(m!.durationSec !== null && { durationSec: m!.durationSec }),
    }));
  }

  /** Checks shared by schedule and reschedule; returns the verified variants. */
  async function prepare(actor: Actor, itemId: string, at: Date) {
    const item = await ctx.findItemOrFail(db, actor.workspaceId, itemId);
    const variants = await store.listVariants(db, actor.workspaceId, [itemId]);
    const verdict = canSchedule({ status: item.status as ContentStatus }, await approvals(actor.workspaceId, itemId, variants), at, clock.now());
    if (!verdict.ok) throw new DomainError(verdict.code, { message: verdict.message });
    await requirePublishRights(actor, variants);
    const tz = await ctx.timeZoneOf(actor.workspaceId);
    await requireSlot(actor.workspaceId, item, variants, at, tz);
    if (!ctx.publishing) throw new DomainError('content.publishing_unavailable', { message: 'the publishing module is not available' });
    return { item, variants, publishing: ctx.publishing };
  }

  /** Same variants and hashes as when checked: an edit in between must not slip through unreviewed. */
  async function lockUnchanged(tx: Parameters<Parameters<typeof db.transaction>[0]>[0], actor: Actor, item: ItemRow, variants: VariantRow[]) {
    const current = await ctx.findItemOrFail(tx, actor.workspaceId, item.id, true);
    const now = (await store.listVariants(tx, actor.workspaceId, [item.id])).map((v) => `${v.id}:${v.textHash}`).sort().join();
    if (current.status !== item.status || now !== variants.map((v) => `${v.id}:${v.textHash}`).sort().join()) {
      throw new DomainError('content.not_approved', { message: 'the item changed while it was being scheduled; try again' });
    }
  }

  async function schedule(actor: Actor, itemId: string, at: Date) {
    const { item, variants, publishing } = await prepare(actor, itemId, at);
    if (item.status === 'scheduled') return reschedule(actor, itemId, at);
    const media = await items.mediaMap(db, actor.workspaceId, variants.flatMap((v) => v.mediaIds));
    await db.transaction(async (tx) => {
      await lockUnchanged(tx, actor, item, variants);
      await store.updateItem(tx, actor.workspaceId, itemId, { status: 'scheduled', plannedAt: at, updatedAt: clock.now() });
      await publishing.scheduleVariants(tx, actor, variants.map((v) => ({
        contentItemId: itemId, variantId: v.id, accountId: v.accountId!, platform: v.platform, dueAt: at, textHash: v.textHash,
        payload: { text: v.text, ...(v.title ? { title: v.title } : {}), media: publishMedia(actor.workspaceId, media, v.mediaIds) },
      })));
      await team.record(tx, actor, { action: 'content.scheduled', targetType: 'content_item', targetId: itemId, details: { at: at.toISOString(), variants: variants.map((v) => v.id) } });
    });
    return items.view(actor.workspaceId, itemId);
  }

  async function reschedule(actor: Actor, itemId: string, at: Date) {
    const { item, variants, publishing } = await prepare(actor, itemId, at);
    if (item.status !== 'scheduled') throw new DomainError('content.invalid_transition', { message: 'only a scheduled item can be rescheduled' });
    await db.transaction(async (tx) => {
      await lockUnchanged(tx, actor, item, variants);
      await store.updateItem(tx, actor.workspaceId, itemId, { plannedAt: at, updatedAt: clock.now() });
      await publishing.rescheduleVariants(tx, actor, variants.map((v) => v.id), at);
      await team.record(tx, actor, { action: 'content.rescheduled', targetType: 'content_item', targetId: itemId, details: { from: item.plannedAt?.toISOString() ?? null, at: at.toISOString() } });
    });
    return items.view(actor.workspaceId, itemId);
  }

  async function unscheduleIn(actor: Actor, itemId: string, to: 'approved' | 'cancelled') {
    const item = await ctx.findItemOrFail(db, actor.workspaceId, itemId);
    const variants = await store.listVariants(db, actor.workspaceId, [itemId]);
    const wasScheduled = item.status === 'scheduled';
    if (!canTransition(item.status as ContentStatus, to)) throw new DomainError('content.invalid_transition', { message: `a ${item.status} item cannot become ${to}` });
    if (wasScheduled && !ctx.publishing) throw new DomainError('content.publishing_unavailable');
    await db.transaction(async (tx) => {
      const current = await ctx.findItemOrFail(tx, actor.workspaceId, itemId, true);
      if (current.status !== item.status) throw new DomainError('content.invalid_transition', { message: 'the item changed meanwhile; try again' });
      await store.updateItem(tx, actor.workspaceId, itemId, { status: to, updatedAt: clock.now() });
      if (wasScheduled) await ctx.publishing!.unscheduleVariants(tx, actor, variants.map((v) => v.id));
      await team.record(tx, actor, { action: to === 'cancelled' ? 'content.cancelled' : 'content.unscheduled', targetType: 'content_item', targetId: itemId, details: { from: item.status } });
    });
    return items.view(actor.workspaceId, itemId);
  }

  /** Calendar drag: same local time on another day. A scheduled item is rescheduled (and re-checked); others just move. */
  async function move(actor: Actor, itemId: string, date: string) {
    const item = await ctx.findItemOrFail(db, actor.workspaceId, itemId);
    const tz = await ctx.timeZoneOf(actor.workspaceId);
    const at = item.plannedAt ? moveToDate(item.plannedAt, date, tz) : fromLocal(date, '10:00', tz);
    if (!at) throw new DomainError('validation_failed', { fields: { date: 'not a valid local date' } });
    if (item.status === 'scheduled') {
      if (!can(actor.role, 'content.schedule')) throw new DomainError('forbidden', { message: 'needs permission content.schedule' });
      return reschedule(actor, itemId, at);
    }
    if (item.status === 'published' || item.status === 'cancelled') throw new DomainError('content.not_editable', { message: `a ${item.status} item stays where it is` });
    await db.transaction(async (tx) => {
      await store.updateItem(tx, actor.workspaceId, itemId, { plannedAt: at, updatedAt: clock.now() });
      await team.record(tx, actor, { action: 'content.moved', targetType: 'content_item', targetId: itemId, details: { from: item.plannedAt ? localParts(item.plannedAt, tz).date : null, to: date } });
    });
    return items.view(actor.workspaceId, itemId);
  }

  async function restore(actor: Actor, itemId: string) {
    await db.transaction(async (tx) => {
      const item = await ctx.findItemOrFail(tx, actor.workspaceId, itemId, true);
      if (!canTransition(item.status as ContentStatus, 'draft')) throw new DomainError('content.invalid_transition', { message: `a ${item.status} item cannot go back to draft` });
      await store.updateItem(tx, actor.workspaceId, itemId, { status: 'draft', updatedAt: clock.now() });
      await team.record(tx, actor, { action: 'content.restored', targetType: 'content_item', targetId: itemId });
    });
    return items.view(actor.workspaceId, itemId);
  }

  return {
    submit, schedule, reschedule, move, restore,
    unschedule: (actor: Actor, itemId: string) => unscheduleIn(actor, itemId, 'approved'),
    cancel: (actor: Actor, itemId: string) => unscheduleIn(actor, itemId, 'cancelled'),
  };
}
