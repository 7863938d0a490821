/** Approving, rejecting and acknowledging warnings: each decision, its events and its audit entry in one transaction. */
import type { DbOrTx } from '../../db/client.js';
import { DomainError } from '../../kernel/errors.js';
import type { Actor } from '../team/service.js';
import type { ReviewContext } from './context.js';
import {
  anchorProblem, approve, complianceGate, decidesAs, findingKey, isOwnWork, leadersDecideAnyIn, reject,
  type Panel, type ReviewPolicy, type ReviewState, type Reviewer, type StageConfig, type Subject, type VariantProgress,
} from './model.js';
import { nextDue } from './presenters.js';
import type { ReviewItemRow, ReviewVariantRow } from './store.js';
import type { ReviewComment } from './tables.js';

type Picks = Array<{ variantId: string; textHash?: string }> | undefined;

const progressOf = (v: ReviewVariantRow): VariantProgress => ({ state: v.state as ReviewState, stageIndex: v.stageIndex, approvals: v.approvals });
const subjectOf = (item: ReviewItemRow, v?: ReviewVariantRow): Subject =>
  ({ authorId: item.authorId, submitterId: v?.submittedBy ?? null, factOwnerUserId: item.factOwnerUserId, ownerUserId: item.ownerUserId });

export function createDecisions(ctx: ReviewContext) {
  const { db, clock, store, team } = ctx;

  /** The variants a decision is about: the ones named (checked against their hash), or all waiting on the caller. */
  function targets(item: ReviewItemRow, variants: ReviewVariantRow[], who: Reviewer, picks: Picks, panel: Panel): ReviewVariantRow[] {
    if (picks) {
      return picks.map((p) => {
        const v = variants.find((x) => x.variantId === p.variantId);
        if (!v) throw new DomainError('review.variant_not_found', { fields: { [`variants.${p.variantId}`]: 'no such variant' } });
        if (p.textHash && p.textHash !== v.textHash) {
          throw new DomainError('review.stale_version', { message: 'the variant changed since you looked at it', fields: { [`variants.${p.variantId}`]: 'changed' } });
        }
        return v;
      });
    }
    const mine = variants.filter((v) => v.state === 'in_review' && !v.approvals.includes(who.userId)
      && v.plan[v.stageIndex] && decidesAs(v.plan[v.stageIndex]!, who, subjectOf(item, v), panel));
    if (mine.length > 0) return mine;
    if (isOwnWork(who.userId, subjectOf(item))) throw new DomainError('review.self_approval', { message: 'nobody approves their own work' });
    if (variants.some((v) => v.state === 'in_review' && v.submittedBy === who.userId)) throw new DomainError('review.self_approval');
    throw new DomainError(variants.some((v) => v.state === 'in_review') ? 'review.not_your_stage' : 'review.not_in_review');
  }

  /** Blocks must be fixed and warnings acknowledged on every variant at a compliance stage; all problems are reported at once. */
  async function requireComplianceGate(tx: DbOrTx, item: ReviewItemRow, variants: ReviewVariantRow[]) {
    const fields: Record<string, string> = {};
    let blocked = false;
    const context = await ctx.checkContextOf(tx, item);
    for (const v of variants) {
      const result = ctx.check(v, context);
      const gate = complianceGate(result.findings, await store.listAcknowledged(tx, item.workspaceId, item.id, v.variantId, v.textHash));
      if (gate.ok) continue;
      blocked ||= gate.code === 'review.blocked_by_findings';
      const byKey = new Map(result.findings.map((f) => [findingKey(f), f]));
      for (const k of gate.keys) fields[`${v.variantId}.${k}`] = byKey.get(k)?.message ?? k;
    }
    if (Object.keys(fields).length === 0) return;
    throw new DomainError(blocked ? 'review.blocked_by_findings' : 'review.unacknowledged_warnings', {
      message: blocked ? 'fix the blocking findings first' : 'acknowledge every warning with a reason first', fields,
    });
  }

  /** Records one approval; returns the stage that opened next, if any. */
  async function advance(tx: DbOrTx, item: ReviewItemRow, v: ReviewVariantRow, next: VariantProgress & { stageCompleted: boolean }, policy: ReviewPolicy): Promise<StageConfig | null> {
    const now = clock.now();
    if (next.state === 'approved') {
      await store.updateVariant(tx, item.workspaceId, v.id, {
        state: 'approved', stageIndex: next.stageIndex, approvals: [], dueAt: null, approvedHash: v.textHash, approvedAt: now,
      });
      return null;
    }
    if (!next.stageCompleted) {
      await store.updateVariant(tx, item.workspaceId, v.id, { approvals: next.approvals });
      return null;
    }
    const due = nextDue(v, next.stageIndex, now, policy)!;
    await store.updateVariant(tx, item.workspaceId, v.id, { stageIndex: next.stageIndex, approvals: [], stageOpenedAt: now, dueAt: due });
    await ctx.scheduleOverdue(tx, item, { variantId: v.variantId, round: v.round, stageKey: v.plan[next.stageIndex]!.key, dueAt: due });
    return v.plan[next.stageIndex]!;
  }

  /** The panel as of now; read before the transaction (the member list uses the top-level handle). */
  async function panelFor(workspaceId: string): Promise<{ members: Panel['members']; panelWith: (policy: ReviewPolicy) => Panel }> {
    const members = await ctx.membersOf(workspaceId);
    return { members, panelWith: (policy) => ({ members, leadersDecideAny: leadersDecideAnyIn(policy, members.length) }) };
  }

  return {
    async approve(actor: Actor, subjectType: string, subjectId: string, body: { variants?: Picks; note?: string }) {
      const { panelWith } = await panelFor(actor.workspaceId);
      const item = await db.transaction(async (tx) => {
        const item = await ctx.findItemOrFail(tx, actor.workspaceId, subjectType, subjectId, true);
        const variants = await store.listVariants(tx, actor.workspaceId, item.id);
        const { policy } = await ctx.policyOf(tx, actor.workspaceId);
        const panel = panelWith(policy);
        const decided = [];
        const chosen = targets(item, variants, actor, body.variants, panel).map((v) => {
          const verdict = approve(v.plan, progressOf(v), actor, subjectOf(item, v), panel);
          if (!verdict.ok) throw new DomainError(verdict.code, { fields: { [`variants.${v.variantId}`]: verdict.code } });
          return { v, next: verdict.value, stage: v.plan[v.stageIndex]! };
        });
        await requireComplianceGate(tx, item, chosen.filter((c) => c.stage.runsCompliance).map((c) => c.v));
        const opened: Array<{ stage: StageConfig; subject: Subject; platform: string }> = [];
        for (const { v, next, stage } of chosen) {
          const nextStage = await advance(tx, item, v, next, policy);
          if (nextStage) opened.push({ stage: nextStage, subject: subjectOf(item, v), platform: v.accountName ?? v.platform });
          await ctx.event(tx, item, {
            kind: next.selfReview ? 'self_approve' : 'approve', actorId: actor.userId, variantId: v.variantId, round: v.round,
            stageKey: stage.key, textHash: v.textHash, reason: body.note ?? null,
          });
          decided.push({ variantId: v.variantId, stageKey: stage.key, textHash: v.textHash, state: next.state, ...(next.selfReview && { selfReview: true }) });
        }
        // 单人自审: the author decided because nobody else in the workspace may; the audit says so.
        const selfReview = chosen.some((c) => c.next.selfReview);
        await team.record(tx, actor, {
          action: 'review.approved', targetType: item.subjectType, targetId: item.subjectId,
          details: { variants: decided, ...(selfReview && { selfReview: true, mode: '单人自审' }) },
        });
        await ctx.notifyWaiting(tx, item, opened, panel);
        const after = await store.listVariants(tx, actor.workspaceId, item.id);
        if (after.length > 0 && after.every((v) => v.state === 'approved')) {
          await ctx.emit(tx, 'review.approved', { workspaceId: item.workspaceId, subjectType: item.subjectType, subjectId: item.subjectId, approvedBy: actor.userId, selfReview });
        }
        return item;
      });
      return ctx.statusOf(db, item);
    },

    async reject(actor: Actor, subjectType: string, subjectId: string, body: { reason: string; comments: ReviewComment[]; variants?: Picks }) {
      const { panelWith } = await panelFor(actor.workspaceId);
      const item = await db.transaction(async (tx) => {
        const item = await ctx.findItemOrFail(tx, actor.workspaceId, subjectType, subjectId, true);
        const panel = panelWith((await ctx.policyOf(tx, actor.workspaceId)).policy);
        const variants = await store.listVariants(tx, actor.workspaceId, item.id);
        body.comments.forEach((c, i) => {
          const v = variants.find((x) => x.variantId === c.variantId);
          const problem = v ? anchorProblem(c, (c.field === 'title' ? v.title ?? '' : v.body).length) : 'no such variant';
          if (problem) throw new DomainError('review.invalid_comment', { fields: { [`comments.${i}`]: problem } });
        });
        const decided = [];
        for (const v of targets(item, variants, actor, body.variants, panel)) {
          const verdict = reject(v.plan, progressOf(v), actor, subjectOf(item, v), panel);
          if (!verdict.ok) throw new DomainError(verdict.code, { fields: { [`variants.${v.variantId}`]: verdict.code } });
          const stageKey = v.plan[v.stageIndex]!.key;
          await store.updateVariant(tx, item.workspaceId, v.id, { state: 'changes_requested', approvals: [], dueAt: null });
          await ctx.event(tx, item, {
            kind: 'reject', actorId: actor.userId, variantId: v.variantId, round: v.round, stageKey, textHash: v.textHash,
            reason: body.reason, comments: body.comments.filter((c) => c.variantId === v.variantId),
          });
          decided.push({ variantId: v.variantId, stageKey, textHash: v.textHash });
        }
        await team.record(tx, actor, {
          action: 'review.rejected', targetType: item.subjectType, targetId: item.subjectId,
          details: { variants: decided, reason: body.reason, comments: body.comments.length },
        });
        await ctx.emit(tx, 'review.changes_requested', { workspaceId: item.workspaceId, subjectType: item.subjectType, subjectId: item.subjectId, rejectedBy: actor.userId });
        return item;
      });
      return ctx.statusOf(db, item);
    },

    /** A compliance reviewer accepts one warning on this exact version, with a reason. */
    async acknowledge(actor: Actor, subjectType: string, subjectId: string, body: { variantId: string; findingKey: string; reason: string }) {
      const { panelWith } = await panelFor(actor.workspaceId);
      const item = await db.transaction(async (tx) => {
        const item = await ctx.findItemOrFail(tx, actor.workspaceId, subjectType, subjectId, true);
        const panel = panelWith((await ctx.policyOf(tx, actor.workspaceId)).policy);
        const v = await store.findVariant(tx, actor.workspaceId, item.id, body.variantId);
        if (!v) throw new DomainError('review.variant_not_found');
        const subject = subjectOf(item, v);
        const stage = v.state === 'in_review' ? v.plan[v.stageIndex] : undefined;
        const as = stage ? decidesAs(stage, actor, subject, panel) : null;
        if (isOwnWork(actor.userId, subject) && as !== 'self') throw new DomainError('review.self_approval', { message: 'nobody waives findings on their own work' });
        if (!stage) throw new DomainError('review.not_in_review');
        if (!stage.runsCompliance || !as) throw new DomainError('review.not_your_stage');
        const finding = ctx.check(v, await ctx.checkContextOf(tx, item)).findings.find((f) => findingKey(f) === body.findingKey);
        if (!finding) throw new DomainError('review.finding_not_found', { fields: { findingKey: 'no such finding on this version' } });
        if (finding.severity !== 'warn') throw new DomainError('review.not_a_warning', { fields: { findingKey: 'blocking findings must be fixed, not acknowledged' } });
        const already = await store.listAcknowledged(tx, item.workspaceId, item.id, v.variantId, v.textHash);
        if (!already.has(body.findingKey)) {
          await ctx.event(tx, item, {
            kind: 'acknowledge', actorId: actor.userId, variantId: v.variantId, round: v.round, stageKey: stage.key,
            textHash: v.textHash, findingKey: body.findingKey, reason: body.reason,
          });
          await team.record(tx, actor, {
            action: 'review.warning_acknowledged', targetType: item.subjectType, targetId: item.subjectId,
            details: {
              variantId: v.variantId, findingKey: body.findingKey, rule: finding.rule, textHash: v.textHash, reason: body.reason,
              ...(as === 'self' && { selfReview: true, mode: '单人自审' }),
            },
          });
        }
        return item;
      });
      return ctx.statusOf(db, item);
    },
  };
}
