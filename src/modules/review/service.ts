/**
 * The review workflow (合规审核与多级审批): policy, submissions, decisions, queues, SLA reminders,
 * and `isApproved` for the modules that may only schedule an approved version.
 */
import { DomainError } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import type { Actor } from '../team/service.js';
import { createReviewContext, type OverdueJobData, type ReviewDeps } from './context.js';
import { createDecisions } from './decisions.js';
import { can } from '../team/model.js';
import { changedSpan, decidesAs, isOverdue, leadersDecideAnyIn, validatePolicy, type ReviewPolicy } from './model.js';
import { presentFindings, presentPolicy } from './presenters.js';
import { createSubmit } from './submit.js';

export { REVIEW_OVERDUE_JOB, logOnlyNotifier, type OverdueJobData, type ReviewNotifier } from './context.js';

interface QueueVariant {
  variantId: string; platform: string; accountId: string | null; accountName: string | null; textHash: string;
  stageKey: string; stageName: string; dueAt: string | null; overdue: boolean; selfReview: boolean; round: number;
  title: string | null; text: string; preview: string; findings: ReturnType<typeof presentFindings>;
  media: Array<{ id: string; kind: string }>; changes: { start: number; removed: string; added: string } | null;
}

export function createReviewService(deps: ReviewDeps) {
  const ctx = createReviewContext(deps);
  const { db, clock, store, team } = ctx;
  const decisions = createDecisions(ctx);

  /** What the policy means for this team today: the owner/leaders switch and whether authors self-review. */
  async function effective(workspaceId: string, policy: ReviewPolicy) {
    const members = await ctx.membersOf(workspaceId);
    return {
      leadersDecideAny: leadersDecideAnyIn(policy, members.length),
      selfReview: members.filter((m) => can(m.role, 'review.decide')).length <= 1,
    };
  }

  return {
    submit: createSubmit(ctx),
    approve: decisions.approve,
    reject: decisions.reject,
    acknowledge: decisions.acknowledge,

    async getPolicy(actor: Actor) {
      const { policy, isDefault, updatedAt } = await ctx.policyOf(db, actor.workspaceId);
      return { policy: presentPolicy(policy), isDefault, updatedAt: updatedAt?.toISOString() ?? null, ...(await effective(actor.workspaceId, policy)) };
    },

    /** New stages apply to rounds opened from now on; reviews under way keep the plan they started with. */
    async setPolicy(actor: Actor, policy: ReviewPolicy) {
      const problems = validatePolicy(policy);
      const members = new Set((await ctx.membersOf(actor.workspaceId)).map((m) => m.userId));
      policy.stages.forEach((s, i) => s.approvers.userIds.forEach((u, j) => {
        if (!members.has(u)) problems[`stages.${i}.approvers.userIds.${j}`] = 'not a member of this workspace';
      }));
      if (Object.keys(problems).length > 0) throw new DomainError('review.invalid_policy', { fields: problems });
      const view = await effective(actor.workspaceId, policy);
      return db.transaction(async (tx) => {
        const now = clock.now();
        await store.upsertPolicy(tx, actor.workspaceId, policy, actor.userId, now);
        await team.record(tx, actor, {
          action: 'review.policy_updated', targetType: 'workspace', targetId: actor.workspaceId,
          details: { stages: policy.stages.map((s) => s.key), skip: policy.skip, slaHours: policy.slaHours, leadersDecideAny: policy.leadersDecideAny ?? null },
        });
        return { policy: presentPolicy(policy), isDefault: false, updatedAt: now.toISOString(), ...view };
      });
    },

    /**
     * `member.removed`: named approvers lose them (a stage left with nobody goes to the owner), items they
     * vouched for fall back to the owner or managers. Idempotent.
     */
    async forgetMember(workspaceId: string, userId: string, removedBy: string) {
      await db.transaction(async (tx) => {
        const row = await store.findPolicy(tx, workspaceId);
        const named = row?.policy.stages.some((s) => s.approvers.userIds.includes(userId)) ?? false;
        if (row && named) {
          const policy: ReviewPolicy = {
            ...row.policy,
            stages: row.policy.stages.map((s) => {
              const userIds = s.approvers.userIds.filter((u) => u !== userId);
              const empty = userIds.length === 0 && s.approvers.roles.length === 0 && !s.approvers.factOwner;
              return { ...s, approvers: { ...s.approvers, userIds, roles: empty ? ['owner'] : s.approvers.roles }, required: s.approvers.roles.length || empty ? s.required : Math.min(s.required, Math.max(1, userIds.length + (s.approvers.factOwner ? 1 : 0))) };
            }),
          };
          await store.upsertPolicy(tx, workspaceId, policy, removedBy, clock.now());
        }
        const items = await store.clearPerson(tx, workspaceId, userId);
        if (named || items > 0) {
          await team.record(tx, { userId: removedBy, workspaceId }, { action: 'review.member_released', targetType: 'user', targetId: userId, details: { policyChanged: named, items, reason: 'member removed' } });
        }
      });
    },

    async status(actor: Pick<Actor, 'workspaceId'>, subjectType: string, subjectId: string) {
      return ctx.statusOf(db, await ctx.findItemOrFail(db, actor.workspaceId, subjectType, subjectId));
    },

    async history(actor: Pick<Actor, 'workspaceId'>, subjectType: string, subjectId: string) {
      return { items: await ctx.historyOf(db, await ctx.findItemOrFail(db, actor.workspaceId, subjectType, subjectId)) };
    },

    /** Whether this exact version of a variant has passed every stage: nothing else may be scheduled. */
    async isApproved(workspaceId: string, subjectType: string, subjectId: string, variantId: string, textHash: string): Promise<boolean> {
      const item = await store.findItem(db, workspaceId, subjectType, subjectId);
      if (!item) return false;
      const v = await store.findVariant(db, workspaceId, item.id, variantId);
      return v?.state === 'approved' && v.approvedHash === textHash && v.textHash === textHash;
    },

    /**
     * Variants waiting on a stage the caller may decide (and has not yet approved), oldest due first, with
     * what a reviewer decides on: title, account, copy (`preview`: its first 200 characters), findings,
     * media, what changed since the round before. The author's own items appear while they self-review.
     */
    async queue(actor: Actor) {
      const now = clock.now();
      const panel = await ctx.panelOf(actor.workspaceId);
      const waiting = (await store.listVariantsInReview(db, actor.workspaceId)).filter((v) => !v.approvals.includes(actor.userId));
      const items = new Map((await store.listItems(db, actor.workspaceId, [...new Set(waiting.map((v) => v.itemId))])).map((i) => [i.id, i]));
      const byItem = new Map<string, QueueVariant[]>();
      const counts: Record<string, number> = {};
      for (const v of waiting) {
        const item = items.get(v.itemId);
        const stage = v.plan[v.stageIndex];
        const subject = item && { authorId: item.authorId, submitterId: v.submittedBy, factOwnerUserId: item.factOwnerUserId, ownerUserId: item.ownerUserId };
        const as = item && stage ? decidesAs(stage, actor, subject!, panel) : null;
        if (!item || !stage || !as) continue;
        counts[stage.key] = (counts[stage.key] ?? 0) + 1;
        const list = byItem.get(item.id) ?? [];
        const acked = await store.listAcknowledged(db, actor.workspaceId, item.id, v.variantId, v.textHash);
        list.push({
          variantId: v.variantId, platform: v.platform, accountId: v.accountId, accountName: v.accountName, textHash: v.textHash,
          stageKey: stage.key, stageName: stage.name, dueAt: v.dueAt?.toISOString() ?? null, overdue: isOverdue(v.dueAt, now),
          selfReview: as === 'self', round: v.round, title: v.title, text: v.body, preview: Array.from(v.body).slice(0, 200).join(''),
          findings: presentFindings(ctx.check(v, await ctx.checkContextOf(db, item)), acked), media: v.media.map((m) => ({ id: m.id, kind: m.kind })),
          changes: v.previousBody !== null ? changedSpan(v.previousBody, v.body) : null,
        });
        byItem.set(item.id, list);
      }
      const names = new Map(panel.members.map((m) => [m.userId, m.name ?? null]));
      const rows = [...byItem.entries()].map(([itemId, vs]) => {
        const item = items.get(itemId)!;
        const due = vs.map((v) => v.dueAt).filter((d): d is string => d !== null).sort()[0] ?? null;
        return {
          subjectType: item.subjectType, subjectId: item.subjectId, title: item.title ?? item.subjectId, contentType: item.contentType,
          authorId: item.authorId, authorName: names.get(item.authorId) ?? null,
          dueAt: due, overdue: isOverdue(due ? new Date(due) : null, now), selfReview: vs.some((v) => v.selfReview),
          variants: vs.sort((a, b) => a.variantId.localeCompare(b.variantId)),
        };
      }).sort((a, b) => (a.dueAt ?? '9999').localeCompare(b.dueAt ?? '9999'));
      const total = rows.reduce((n, r) => n + r.variants.length, 0);
      return { items: rows, counts, total, overdue: rows.reduce((n, r) => n + r.variants.filter((v) => v.overdue).length, 0) };
    },

    /**
     * The overdue job: when a stage is still open past its due time, records one in-app reminder
     * (`review_reminders`) and tells the people who may decide it. Returns whether it reminded anyone.
     */
    async remindOverdue(data: OverdueJobData): Promise<boolean> {
      const now = clock.now();
      const item = await store.findItemById(db, data.workspaceId, data.itemId);
      const v = item && (await store.findVariant(db, data.workspaceId, item.id, data.variantId));
      if (!item || !v || v.state !== 'in_review' || v.round !== data.round) return false;
      const stage = v.plan[v.stageIndex];
      if (!stage || stage.key !== data.stageKey || !isOverdue(v.dueAt, new Date(now.getTime() + 1000))) return false;
      const subject = { authorId: item.authorId, submitterId: v.submittedBy, factOwnerUserId: item.factOwnerUserId, ownerUserId: item.ownerUserId };
      const panel = await ctx.panelOf(item.workspaceId);
      const userIds = panel.members
        .filter((m) => decidesAs(stage, m, subject, panel) && !v.approvals.includes(m.userId)).map((m) => m.userId);
      const title = `审核超时：${stage.name}`;
      const body = `「${item.title ?? item.subjectId}」的 ${v.accountName ?? v.platform} 版本已超过审核时限（截止 ${v.dueAt!.toISOString()}）`;
      const fresh = await store.insertReminder(db, {
        id: newId(), workspaceId: item.workspaceId, itemId: item.id, variantId: v.variantId, round: v.round, stageKey: stage.key,
        userIds, message: `${title}｜${body}`, createdAt: now,
      });
      if (!fresh) return false;
      await ctx.notify(null, { event: 'review.overdue', workspaceId: item.workspaceId, userIds, title, body, link: `/review/queue?subject=${encodeURIComponent(item.subjectId)}` });
      return true;
    },

    async listReminders(workspaceId: string, subjectType: string, subjectId: string) {
      const item = await ctx.findItemOrFail(db, workspaceId, subjectType, subjectId);
      return store.listReminders(db, workspaceId, item.id);
    },
  };
}

export type ReviewService = ReturnType<typeof createReviewService>;
