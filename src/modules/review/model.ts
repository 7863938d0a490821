/**
 * The review workflow's pure rules (DOMAIN §5): stage plans per content type, who may decide a
 * stage, how approvals move a variant along, the compliance gate, and which variants a
 * resubmission re-opens. No I/O.
 */
import { createHash } from 'node:crypto';
import { can, canonicalJson, type Role } from '../team/model.js';

export const REVIEW_STATES = ['in_review', 'changes_requested', 'approved'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

export interface StageApprovers {
  roles: Role[];
  userIds: string[];
  /** The business owner named on the item (信息准确性审核). */
  factOwner: boolean;
}

export interface StageConfig {
  key: string;
  name: string;
  approvers: StageApprovers;
  /** Distinct approvals needed; 1 means any one of the group. */
  required: number;
  /** The compliance engine gates this stage: blocks must be fixed, warnings acknowledged. */
  runsCompliance: boolean;
  /** Overrides the workspace SLA for this stage. */
  slaHours?: number;
}

export interface ReviewPolicy {
  stages: StageConfig[];
  /** Content type → stage keys it skips. */
  skip: Record<string, string[]>;
  slaHours: number;
  /**
   * The owner and leaders may decide any stage. Absent: on while the workspace has fewer than
   * three members (a small team has nobody else to ask), off from then on.
   */
  leadersDecideAny?: boolean;
}

/** Whether the owner/leaders switch is on for a workspace of this size. */
export const leadersDecideAnyIn = (policy: ReviewPolicy, memberCount: number): boolean =>
  policy.leadersDecideAny ?? memberCount < SMALL_TEAM;
export const SMALL_TEAM = 3;
/** Who stands in for an absent fact owner (besides the item's owner). */
export const FACT_FALLBACK_ROLES: readonly Role[] = ['owner', 'manager'];
export const LEADING_ROLES: readonly Role[] = ['owner', 'leader'];

const stage = (key: string, name: string, approvers: Partial<StageApprovers>, runsCompliance = false): StageConfig => ({
  key, name, approvers: { roles: [], userIds: [], factOwner: false, ...approvers }, required: 1, runsCompliance,
});

export const DEFAULT_POLICY: ReviewPolicy = {
  stages: [
    stage('compliance', '合规性审核', { roles: ['compliance'] }, true),
    stage('brand', '品牌一致性审核', { roles: ['manager'] }),
    stage('accuracy', '信息准确性审核', { factOwner: true }),
    stage('final', '终审批准', { roles: ['leader'] }),
  ],
  skip: { reply: ['brand', 'accuracy'] },
  slaHours: 24,
};

export const DEFAULT_SLA_HOURS = 24;

/** Policy problems, keyed like request fields; empty when the policy is usable. */
export function validatePolicy(policy: ReviewPolicy): Record<string, string> {
  const problems: Record<string, string> = {};
  const keys = new Set<string>();
  policy.stages.forEach((s, i) => {
    if (keys.has(s.key)) problems[`stages.${i}.key`] = 'duplicate stage key';
    keys.add(s.key);
    const { roles, userIds, factOwner } = s.approvers;
    if (roles.length === 0 && userIds.length === 0 && !factOwner) problems[`stages.${i}.approvers`] = 'a stage needs at least one approver';
    else if (roles.length === 0 && s.required > userIds.length + (factOwner ? 1 : 0)) problems[`stages.${i}.required`] = 'more approvals than possible approvers';
  });
  for (const [type, skipped] of Object.entries(policy.skip)) {
    skipped.forEach((k, i) => { if (!keys.has(k)) problems[`skip.${type}.${i}`] = `unknown stage ${k}`; });
    if (policy.stages.every((s) => skipped.includes(s.key))) problems[`skip.${type}`] = 'cannot skip every stage';
  }
  return problems;
}

/** The stages a content type goes through, in order. */
export function planStages(policy: ReviewPolicy, contentType: string): StageConfig[] {
  const skipped = new Set(policy.skip[contentType] ?? []);
  return policy.stages.filter((s) => !skipped.has(s.key));
}

export interface Subject {
  authorId: string;
  /** Whoever submitted the version under review, when not the author: their work too. */
  submitterId?: string | null;
  factOwnerUserId: string | null;
  /** The item's owner (负责人): checks the facts when no fact owner is named. */
  ownerUserId?: string | null;
}

export const isOwnWork = (userId: string, subject: Subject): boolean =>
  userId === subject.authorId || userId === subject.submitterId;

export interface Reviewer {
  userId: string;
  role: Role;
}

/** Whether a person belongs to a stage's approver group, whoever wrote the item. */
function inGroup(s: StageConfig, who: Reviewer, subject: Subject, leadersDecideAny: boolean): boolean {
  const a = s.approvers;
  if (a.roles.includes(who.role) || a.userIds.includes(who.userId)) return true;
  if (a.factOwner) {
    if (subject.factOwnerUserId) {
      if (subject.factOwnerUserId === who.userId) return true;
    } else if (who.userId === subject.ownerUserId || FACT_FALLBACK_ROLES.includes(who.role)) {
      return true;
    }
  }
  return leadersDecideAny && LEADING_ROLES.includes(who.role);
}

/** Whether a person belongs to a stage's approver group. Nobody decides on their own work. */
export function isEligible(s: StageConfig, who: Reviewer, subject: Subject, leadersDecideAny = false): boolean {
  if (isOwnWork(who.userId, subject)) return false;
  return inGroup(s, who, subject, leadersDecideAny);
}

/** The members a stage could go to, and the policy switch, as read when a decision is taken. */
export interface Panel {
  members: ReadonlyArray<Reviewer & { name?: string }>;
  leadersDecideAny: boolean;
}

/** Members other than the author and submitter who may decide the stage. */
export function otherDeciders(s: StageConfig, subject: Subject, panel: Panel): string[] {
  return panel.members
    .filter((m) => can(m.role, 'review.decide') && isEligible(s, m, subject, panel.leadersDecideAny))
    .map((m) => m.userId);
}

/**
 * How a person may decide a stage: as a reviewer, as the author in 单人自审 (self-review, only while
 * no other member may decide this stage), or not at all. Without a panel nobody self-reviews.
 */
export function decidesAs(s: StageConfig, who: Reviewer, subject: Subject, panel: Panel | null): 'reviewer' | 'self' | null {
  if (!can(who.role, 'review.decide')) return null;
  if (!isOwnWork(who.userId, subject)) return inGroup(s, who, subject, panel?.leadersDecideAny ?? false) ? 'reviewer' : null;
  if (!panel) return null;
  return otherDeciders(s, subject, panel).length === 0 ? 'self' : null;
}

/**
 * Stages nobody could ever decide: no other member may, and the author cannot stand in (e.g. the
 * author is no longer a member who may review). Without a panel, judged from the approver lists only.
 */
export function undecidableStages(plan: StageConfig[], subject: Subject, panel: Panel | null = null): string[] {
  return plan.filter((s) => {
    if (panel) {
      if (otherDeciders(s, subject, panel).length > 0) return false;
      return !panel.members.some((m) => isOwnWork(m.userId, subject) && can(m.role, 'review.decide'));
    }
    const a = s.approvers;
    if (a.roles.length > 0) return false;
    if (a.factOwner && !subject.factOwnerUserId) return false;
    const people = new Set(a.userIds);
    if (a.factOwner && subject.factOwnerUserId) people.add(subject.factOwnerUserId);
    people.delete(subject.authorId);
    if (subject.submitterId) people.delete(subject.submitterId);
    return people.size < s.required;
  }).map((s) => s.key);
}

export interface VariantProgress {
  state: ReviewState;
  stageIndex: number;
  /** Who has approved the current stage in this round. */
  approvals: string[];
}

export type Verdict<T> = { ok: true; value: T } | { ok: false; code: ReviewErrorCode };
export type ReviewErrorCode =
  | 'review.self_approval' | 'review.not_your_stage' | 'review.not_in_review' | 'review.already_decided';

/** One approval of the current stage; moves on when the stage has its approvals, ends approved after the last. A self-review completes the stage. */
export function approve(plan: StageConfig[], p: VariantProgress, who: Reviewer, subject: Subject, panel: Panel | null = null): Verdict<VariantProgress & { stageCompleted: boolean; selfReview: boolean }> {
  const current = plan[p.stageIndex];
  const as = current && p.state === 'in_review' ? decidesAs(current, who, subject, panel) : null;
  if (isOwnWork(who.userId, subject) && as !== 'self') return { ok: false, code: 'review.self_approval' };
  if (p.state !== 'in_review') return { ok: false, code: 'review.not_in_review' };
  if (!current || !as) return { ok: false, code: 'review.not_your_stage' };
  if (p.approvals.includes(who.userId)) return { ok: false, code: 'review.already_decided' };
  const selfReview = as === 'self';
  const approvals = [...p.approvals, who.userId];
  if (!selfReview && approvals.length < current.required) return { ok: true, value: { ...p, approvals, stageCompleted: false, selfReview } };
  const next = p.stageIndex + 1;
  if (next >= plan.length) return { ok: true, value: { state: 'approved', stageIndex: next, approvals: [], stageCompleted: true, selfReview } };
  return { ok: true, value: { state: 'in_review', stageIndex: next, approvals: [], stageCompleted: true, selfReview } };
}

/** Sending back: the same people who may approve the current stage may reject it. */
export function reject(plan: StageConfig[], p: VariantProgress, who: Reviewer, subject: Subject, panel: Panel | null = null): Verdict<VariantProgress> {
  const current = plan[p.stageIndex];
  const as = current && p.state === 'in_review' ? decidesAs(current, who, subject, panel) : null;
  if (isOwnWork(who.userId, subject) && as !== 'self') return { ok: false, code: 'review.self_approval' };
  if (p.state !== 'in_review') return { ok: false, code: 'review.not_in_review' };
  if (!current || !as) return { ok: false, code: 'review.not_your_stage' };
  return { ok: true, value: { state: 'changes_requested', stageIndex: p.stageIndex, approvals: [] } };
}

export interface VersionInput {
  title?: string | null;
  text: string;
  media?: Array<{ id: string }>;
}

/** sha256 of the canonical {title, text, media ids}: what an approval is an approval of. */
export function versionHash(v: VersionInput): string {
  const canonical = canonicalJson({ title: v.title ?? null, text: v.text, media: (v.media ?? []).map((m) => m.id) });
  return createHash('sha256').update(canonical).digest('hex');
}

export type VariantAction = 'open' | 'keep' | 'restart';

/**
 * What a (re)submission does to each variant: a new variant opens review; a changed one, or one
 * sent back, starts again from the first stage; an unchanged one keeps its progress or approval.
 */
export function reconcile(
  existing: ReadonlyArray<{ variantId: string; textHash: string; state: ReviewState }>,
  incoming: ReadonlyArray<{ variantId: string; textHash: string }>,
): { actions: Record<string, VariantAction>; removed: string[] } {
  const before = new Map(existing.map((v) => [v.variantId, v]));
  const actions: Record<string, VariantAction> = {};
  for (const v of incoming) {
    const old = before.get(v.variantId);
    if (!old) actions[v.variantId] = 'open';
    else if (old.textHash !== v.textHash || old.state === 'changes_requested') actions[v.variantId] = 'restart';
    else actions[v.variantId] = 'keep';
  }
  const ids = new Set(incoming.map((v) => v.variantId));
  return { actions, removed: existing.filter((v) => !ids.has(v.variantId)).map((v) => v.variantId) };
}

export function itemState(states: readonly ReviewState[]): ReviewState {
  if (states.includes('changes_requested')) return 'changes_requested';
  if (states.length > 0 && states.every((s) => s === 'approved')) return 'approved';
  return 'in_review';
}

export interface FindingLike {
  rule: string;
  severity: 'block' | 'warn';
  field: string;
  start: number;
  end: number;
  mediaId?: string;
}

/** Stable for one version of a text: rule, field and place (or the media id). */
export function findingKey(f: FindingLike): string {
  return f.mediaId !== undefined ? `${f.rule}@media:${f.mediaId}` : `${f.rule}@${f.field}:${f.start}-${f.end}`;
}

export type ComplianceGate =
  | { ok: true }
  | { ok: false; code: 'review.blocked_by_findings' | 'review.unacknowledged_warnings'; keys: string[] };

/** Blocks must be fixed; every warning needs an acknowledgement for this exact version. */
export function complianceGate(findings: readonly FindingLike[], acknowledged: ReadonlySet<string>): ComplianceGate {
  const blocks = findings.filter((f) => f.severity === 'block').map(findingKey);
  if (blocks.length > 0) return { ok: false, code: 'review.blocked_by_findings', keys: blocks };
  const open = findings.filter((f) => f.severity === 'warn').map(findingKey).filter((k) => !acknowledged.has(k));
  if (open.length > 0) return { ok: false, code: 'review.unacknowledged_warnings', keys: open };
  return { ok: true };
}

export function dueAt(openedAt: Date, s: StageConfig | undefined, policySlaHours: number): Date {
  return new Date(openedAt.getTime() + (s?.slaHours ?? policySlaHours) * 3_600_000);
}

export const isOverdue = (due: Date | null, now: Date): boolean => due !== null && now.getTime() > due.getTime();

/** A comment must point inside the text it is about (UTF-16 offsets, end exclusive). */
export function anchorProblem(c: { start: number; end: number }, textLength: number): string | null {
  if (c.start < 0 || c.end < c.start) return 'start must be ≤ end';
  if (c.end > textLength) return 'offset beyond the end of the text';
  return null;
}

/** The one span that differs between two texts (common prefix and suffix trimmed), or null when equal. */
export function changedSpan(before: string, after: string): { start: number; removed: string; added: string } | null {
  if (before === after) return null;
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endB = before.length;
  let endA = after.length;
  while (endB > start && endA > start && before[endB - 1] === after[endA - 1]) { endB--; endA--; }
  return { start, removed: before.slice(start, endB), added: after.slice(start, endA) };
}
