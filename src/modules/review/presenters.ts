/** Explicit allow-lists from rows to API shapes. */
import type { CheckResult } from '../compliance/service.js';
import { dueAt as dueAtOf, findingKey, isOverdue, itemState, type ReviewPolicy, type ReviewState } from './model.js';
import type { ReviewEventRow, ReviewItemRow, ReviewVariantRow } from './store.js';
import type { ReviewComment } from './tables.js';

export function presentFindings(result: CheckResult, acknowledged: ReadonlySet<string>) {
  return result.findings.map((f) => {
    const key = findingKey(f);
    return {
      key, rule: f.rule, category: f.category, severity: f.severity, field: f.field, start: f.start, end: f.end,
      match: f.match, message: f.message, suggestion: f.suggestion,
      ...(f.mediaId !== undefined ? { mediaId: f.mediaId } : {}),
      acknowledged: f.severity === 'warn' && acknowledged.has(key),
    };
  });
}

export function presentStage(v: ReviewVariantRow, now: Date) {
  const s = v.state === 'in_review' ? v.plan[v.stageIndex] : undefined;
  if (!s) return null;
  return {
    key: s.key, name: s.name, index: v.stageIndex, of: v.plan.length, required: s.required, approvals: [...v.approvals],
    dueAt: v.dueAt?.toISOString() ?? null, overdue: isOverdue(v.dueAt, now),
  };
}

export function presentVariant(v: ReviewVariantRow, now: Date, result: CheckResult, acknowledged: ReadonlySet<string>) {
  return {
    variantId: v.variantId, platform: v.platform, title: v.title, text: v.body, textHash: v.textHash,
    state: v.state as ReviewState, round: v.round, stage: presentStage(v, now), stages: v.plan.map((s) => s.key),
    approvedHash: v.approvedHash, approvedAt: v.approvedAt?.toISOString() ?? null,
    findings: presentFindings(result, acknowledged), packVersion: result.packVersion,
  };
}

export function presentEvent(e: ReviewEventRow, names: ReadonlyMap<string, string>) {
  return {
    at: e.at.toISOString(), kind: e.kind,
    actor: e.actorId ? { id: e.actorId, name: names.get(e.actorId) ?? '' } : null,
    variantId: e.variantId, round: e.round, stageKey: e.stageKey, textHash: e.textHash, findingKey: e.findingKey, reason: e.reason,
    comments: (e.comments as ReviewComment[] | null)?.map((c) => ({ variantId: c.variantId, field: c.field, start: c.start, end: c.end, body: c.body })) ?? null,
  };
}

export function presentItemHeader(item: ReviewItemRow, variants: ReviewVariantRow[]) {
  return {
    subjectType: item.subjectType, subjectId: item.subjectId, contentType: item.contentType,
    title: item.title ?? item.subjectId, authorId: item.authorId, factOwnerUserId: item.factOwnerUserId, ownerUserId: item.ownerUserId,
    state: itemState(variants.map((v) => v.state as ReviewState)),
  };
}

export function presentPolicy(policy: ReviewPolicy) {
  return {
    stages: policy.stages.map((s) => ({
      key: s.key, name: s.name, required: s.required, runsCompliance: s.runsCompliance,
      approvers: { roles: [...s.approvers.roles], userIds: [...s.approvers.userIds], factOwner: s.approvers.factOwner },
      ...(s.slaHours !== undefined ? { slaHours: s.slaHours } : {}),
    })),
    skip: Object.fromEntries(Object.entries(policy.skip).map(([k, v]) => [k, [...v]])),
    slaHours: policy.slaHours,
    ...(policy.leadersDecideAny !== undefined ? { leadersDecideAny: policy.leadersDecideAny } : {}),
  };
}

/** When the variant's current stage falls due, for a freshly opened stage. */
export function nextDue(v: Pick<ReviewVariantRow, 'plan'>, stageIndex: number, openedAt: Date, policy: ReviewPolicy): Date | null {
  const s = v.plan[stageIndex];
  return s ? dueAtOf(openedAt, s, policy.slaHours) : null;
}
