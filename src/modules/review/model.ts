/**
 * The review workflow's pure rules (DOMAIN §5): stage plans per content type, who may decide a
 * stage, how approvals move a variant along, the compliance gate, and which variants a
 * resubmission re-opens. No I/O.
 */
import { createHash } from 'node:crypto';
import { canonicalJson, type Role } from '../team/model.js';

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
}

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
}

export const isOwnWork = (userId: string, subject: Subject): boolean =>
  userId === subject.authorId || userId === subject.submitterId;

export interface Reviewer {
  userId: string;
  role: Role;
}

/** Whether a person belongs to a stage's approver group. Nobody decides on their own work. */
export function isEligible(s: StageConfig, who: Reviewer, subject: Subject): boolean {
  if (isOwnWork(who.userId, subject)) return false;
  const a = s.approvers;
  return a.roles.includes(who.role) || a.userIds.includes(who.userId) || (a.factOwner && subject.factOwnerUserId === who.userId);
}

/** Stages nobody could ever decide (e.g. accuracy review with no fact owner, or the author as the only approver). */
export function undecidableStages(plan: StageConfig[], subject: Subject): string[] {
  return plan.filter((s) => {
    const a = s.approvers;
    if (a.roles.length > 0) return false;
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

/** One approval of the current stage; moves on when the stage has its approvals, ends approved after the last. */
export function approve(plan: StageConfig[], p: VariantProgress, who: Reviewer, subject: Subject): Verdict<VariantProgress & { stageCompleted: boolean }> {
  if (isOwnWork(who.userId, subject)) return { ok: false, code: 'review.self_approval' };
  if (p.state !== 'in_review') return { ok: false, code: 'review.not_in_review' };
  const current = plan[p.stageIndex];
  if (!current || !isEligible(current, who, subject)) return { ok: false, code: 'review.not_your_stage' };
  if (p.approvals.includes(who.userId)) return { ok: false, code: 'review.already_decided' };
  const approvals = [...p.approvals, who.userId];
  if (approvals.length < current.required) return { ok: true, value: { ...p, approvals, stageCompleted: false } };
  const next = p.stageIndex + 1;
  if (next >= plan.length) return { ok: true, value: { state: 'approved', stageIndex: next, approvals: [], stageCompleted: true } };
  return { ok: true, value: { state: 'in_review', stageIndex: next, approvals: [], stageCompleted: true } };
}

/** Sending back: the same people who may approve the current stage may reject it. */
export function reject(plan: StageConfig[], p: VariantProgress, who: Reviewer, subject: Subject): Verdict<VariantProgress> {
  if (isOwnWork(who.userId, subject)) return { ok: false, code: 'review.self_approval' };
  if (p.state !== 'in_review') return { ok: false, code: 'review.not_in_review' };
  const current = plan[p.stageIndex];
  if (!current || !isEligible(current, who, subject)) return { ok: false, code: 'review.not_your_stage' };
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
