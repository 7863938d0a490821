/** Submitting and resubmitting a subject: opens review for new and changed variants only. */
import { DomainError } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import type { Actor } from '../team/service.js';
import type { ReviewContext } from './context.js';
import {
  dueAt, leadersDecideAnyIn, planStages, reconcile, undecidableStages, versionHash,
  type Panel, type ReviewState, type StageConfig, type Subject,
} from './model.js';
import type { SubmitInput } from './schema.js';
import type { ReviewItemRow } from './store.js';

export function createSubmit(ctx: ReviewContext) {
  const { db, clock, store, team } = ctx;

  function requirePlanDecidable(panel: Panel, plan: StageConfig[], subject: Subject) {
    const memberIds = new Set(panel.members.map((m) => m.userId));
    for (const field of ['factOwnerUserId', 'ownerUserId'] as const) {
      const id = subject[field];
      if (id && !memberIds.has(id)) throw new DomainError('review.not_a_member', { fields: { [field]: 'not a member of this workspace' } });
    }
    const stuck = undecidableStages(plan, subject, panel);
    if (stuck.length > 0) {
      throw new DomainError('review.no_approver', {
        message: `nobody but the author could decide stage ${stuck.join(', ')}`,
        fields: { factOwnerUserId: `stage ${stuck.join(', ')} needs an approver other than the author` },
      });
    }
  }

  /**
   * `authorId` lets another module submit on an author's behalf; over HTTP the caller is the author.
   * Returns the item's status after the submission.
   */
  return async function submit(actor: Actor, input: SubmitInput, opts: { authorId?: string } = {}) {
    const ids = input.variants.map((v) => v.variantId);
    if (new Set(ids).size !== ids.length) throw new DomainError('validation_failed', { fields: { variants: 'duplicate variantId' } });
    const now = clock.now();
    // Read before the transaction: the embedded database has one connection.
    const members = await ctx.membersOf(actor.workspaceId);
    const item = await db.transaction(async (tx) => {
      const { policy } = await ctx.policyOf(tx, actor.workspaceId);
      const panel: Panel = { members, leadersDecideAny: leadersDecideAnyIn(policy, members.length) };
      const plan = planStages(policy, input.contentType);
      let current = await store.findItemForUpdate(tx, actor.workspaceId, input.subjectType, input.subjectId);
      const authorId = current?.authorId ?? opts.authorId ?? actor.userId;
      const factOwnerUserId = input.factOwnerUserId !== undefined ? input.factOwnerUserId : (current?.factOwnerUserId ?? null);
      const ownerUserId = input.ownerUserId !== undefined ? input.ownerUserId : (current?.ownerUserId ?? null);
      const title = input.title ?? current?.title ?? null;
      const subject: Subject = { authorId, submitterId: actor.userId, factOwnerUserId, ownerUserId };
      requirePlanDecidable(panel, plan, subject);

      if (!current) {
        const row: ReviewItemRow = {
          id: newId(), workspaceId: actor.workspaceId, subjectType: input.subjectType, subjectId: input.subjectId,
          contentType: input.contentType, authorId, factOwnerUserId, ownerUserId, title, checkContext: input.compliance ?? null, createdAt: now, updatedAt: now,
        };
        await store.insertItem(tx, row);
        current = row;
      } else {
        const checkContext = input.compliance ?? current.checkContext;
        await store.updateItem(tx, actor.workspaceId, current.id, { contentType: input.contentType, factOwnerUserId, ownerUserId, title, checkContext, updatedAt: now });
        current = { ...current, contentType: input.contentType, factOwnerUserId, ownerUserId, title, checkContext, updatedAt: now };
      }

      const existing = new Map((await store.listVariants(tx, actor.workspaceId, current.id)).map((v) => [v.variantId, v]));
      const incoming = input.variants.map((v) => ({ ...v, textHash: versionHash(v) }));
      const { actions, removed } = reconcile([...existing.values()].map((v) => ({ ...v, state: v.state as ReviewState })), incoming);

      const opened: string[] = [];
      const waiting: Array<{ stage: StageConfig; subject: Subject; platform: string }> = [];
      const kept: string[] = [];
      for (const v of incoming) {
        const action = actions[v.variantId]!;
        const old = existing.get(v.variantId);
        const account = { accountId: v.accountId ?? null, accountName: v.accountName ?? null };
        const content = { platform: v.platform, ...account, title: v.title ?? null, body: v.text, media: v.media ?? [], textHash: v.textHash };
        if (action === 'keep' && old) {
          // Same version: progress and approval stand; rights records may have been added.
          await store.updateVariant(tx, actor.workspaceId, old.id, { media: content.media, platform: v.platform, ...account });
          kept.push(v.variantId);
          continue;
        }
        const round = (old?.round ?? 0) + 1;
        const due = dueAt(now, plan[0], policy.slaHours);
        const fresh = {
          ...content, submittedBy: actor.userId, state: 'in_review', round, plan, stageIndex: 0, approvals: [],
          stageOpenedAt: now, dueAt: due, previousBody: old && old.body !== v.text ? old.body : null,
        };
        if (old) await store.updateVariant(tx, actor.workspaceId, old.id, fresh);
        else await store.insertVariant(tx, { id: newId(), workspaceId: actor.workspaceId, itemId: current.id, variantId: v.variantId, ...fresh });
        await ctx.event(tx, current, { kind: old ? 'resubmit' : 'submit', actorId: actor.userId, variantId: v.variantId, round, stageKey: plan[0]!.key, textHash: v.textHash });
        await ctx.scheduleOverdue(tx, current, { variantId: v.variantId, round, stageKey: plan[0]!.key, dueAt: due });
        opened.push(v.variantId);
        waiting.push({ stage: plan[0]!, subject, platform: v.accountName ?? v.platform });
      }
      await store.deleteVariants(tx, actor.workspaceId, current.id, removed);
      for (const variantId of removed) await ctx.event(tx, current, { kind: 'withdraw', actorId: actor.userId, variantId });

      await team.record(tx, actor, {
        action: existing.size === 0 ? 'review.submitted' : 'review.resubmitted', targetType: current.subjectType, targetId: current.subjectId,
        details: { contentType: input.contentType, opened, kept, removed, hashes: Object.fromEntries(incoming.map((v) => [v.variantId, v.textHash])) },
      });
      await ctx.notifyWaiting(tx, current, waiting, panel);
      return current;
    });
    return ctx.statusOf(db, item);
  };
}
