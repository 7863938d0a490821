import { describe, expect, it } from 'vitest';
import {
  DEFAULT_POLICY, anchorProblem, approve, changedSpan, decidesAs, leadersDecideAnyIn, complianceGate, dueAt, findingKey, isEligible, isOverdue, itemState, planStages,
  reconcile, reject, undecidableStages, validatePolicy, versionHash, type Panel, type ReviewPolicy, type Reviewer, type StageConfig,
  type Subject, type VariantProgress,
} from './model.js';

const AUTHOR = 'author';
const subject: Subject = { authorId: AUTHOR, factOwnerUserId: 'facts' };
const who = (userId: string, role: Reviewer['role'] = 'creator'): Reviewer => ({ userId, role });
const start: VariantProgress = { state: 'in_review', stageIndex: 0, approvals: [] };
const stageOf = (over: Partial<StageConfig>): StageConfig => ({
  key: 's', name: 's', approvers: { roles: [], userIds: [], factOwner: false }, required: 1, runsCompliance: false, ...over,
});

describe('planStages and the skip policy', () => {
  it.each([
    ['post', ['compliance', 'brand', 'accuracy', 'final']],
    ['article', ['compliance', 'brand', 'accuracy', 'final']],
    ['reply', ['compliance', 'final']],
  ])('a %s goes through %j', (type, keys) => {
    expect(planStages(DEFAULT_POLICY, type).map((s) => s.key)).toEqual(keys);
  });
});

describe('isEligible', () => {
  const [compliance, brand, accuracy, final] = DEFAULT_POLICY.stages as [StageConfig, StageConfig, StageConfig, StageConfig];
  it.each([
    ['compliance role at compliance', compliance, who('c', 'compliance'), true],
    ['manager at compliance', compliance, who('m', 'manager'), false],
    ['manager at brand', brand, who('m', 'manager'), true],
    ['the fact owner at accuracy', accuracy, who('facts', 'analyst'), true],
    ['a leader at accuracy', accuracy, who('l', 'leader'), false],
    ['a leader at final', final, who('l', 'leader'), true],
    ['the author, even with the right role', final, who(AUTHOR, 'leader'), false],
    ['a named user', stageOf({ approvers: { roles: [], userIds: ['u1'], factOwner: false } }), who('u1'), true],
  ])('%s', (_label, stage, reviewer, expected) => {
    expect(isEligible(stage, reviewer, subject)).toBe(expected);
  });

  it('treats whoever submitted the version as its author', () => {
    expect(isEligible(final, who('sub', 'leader'), { ...subject, submitterId: 'sub' })).toBe(false);
  });
});

describe('approve: stage progression', () => {
  const plan = planStages(DEFAULT_POLICY, 'post');
  const steps: Array<[Reviewer, number, string]> = [
    [who('c', 'compliance'), 1, 'in_review'],
    [who('m', 'manager'), 2, 'in_review'],
    [who('facts', 'creator'), 3, 'in_review'],
    [who('l', 'leader'), 4, 'approved'],
  ];
  it('moves through all four stages to approved', () => {
    let p = start;
    for (const [reviewer, index, state] of steps) {
      const r = approve(plan, p, reviewer, subject);
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect([r.value.stageIndex, r.value.state, r.value.stageCompleted]).toEqual([index, state, true]);
      p = r.value;
    }
  });

  it.each([
    ['the author', who(AUTHOR, 'compliance'), start, 'review.self_approval'],
    ['someone from a later stage', who('l', 'leader'), start, 'review.not_your_stage'],
    ['anyone once sent back', who('c', 'compliance'), { ...start, state: 'changes_requested' as const }, 'review.not_in_review'],
    ['anyone once approved', who('c', 'compliance'), { ...start, state: 'approved' as const, stageIndex: 4 }, 'review.not_in_review'],
  ])('refuses %s', (_label, reviewer, progress, code) => {
    expect(approve(plan, progress, reviewer, subject)).toEqual({ ok: false, code });
  });

  it('needs N distinct approvals when a stage requires N', () => {
    const twoOf = [stageOf({ key: 'legal', approvers: { roles: ['compliance'], userIds: [], factOwner: false }, required: 2 }), stageOf({ key: 'next', approvers: { roles: ['leader'], userIds: [], factOwner: false } })];
    const first = approve(twoOf, start, who('c1', 'compliance'), subject);
    expect(first).toMatchObject({ ok: true, value: { stageIndex: 0, approvals: ['c1'], stageCompleted: false } });
    if (!first.ok) return;
    expect(approve(twoOf, first.value, who('c1', 'compliance'), subject)).toEqual({ ok: false, code: 'review.already_decided' });
    expect(approve(twoOf, first.value, who('c2', 'compliance'), subject)).toMatchObject({ ok: true, value: { stageIndex: 1, approvals: [], stageCompleted: true } });
  });

  it('lets any one of a mixed group (roles and named users) approve an any-of stage', () => {
    const anyOf = [stageOf({ approvers: { roles: ['leader'], userIds: ['u9'], factOwner: false } })];
    expect(approve(anyOf, start, who('u9', 'analyst'), subject)).toMatchObject({ ok: true, value: { state: 'approved' } });
    expect(approve(anyOf, start, who('l', 'leader'), subject)).toMatchObject({ ok: true, value: { state: 'approved' } });
    expect(approve(anyOf, start, who('x', 'manager'), subject)).toEqual({ ok: false, code: 'review.not_your_stage' });
  });
});

describe('reject', () => {
  const plan = planStages(DEFAULT_POLICY, 'post');
  it('sends back from the current stage, by its reviewers only', () => {
    expect(reject(plan, start, who('c', 'compliance'), subject)).toEqual({ ok: true, value: { state: 'changes_requested', stageIndex: 0, approvals: [] } });
    expect(reject(plan, start, who(AUTHOR, 'compliance'), subject)).toEqual({ ok: false, code: 'review.self_approval' });
    expect(reject(plan, start, who('m', 'manager'), subject)).toEqual({ ok: false, code: 'review.not_your_stage' });
  });
});

describe('versionHash and reconcile: only changed variants are reviewed again', () => {
  const a = { title: '新品', text: '合声智能音箱今日发布', media: [{ id: 'img1' }] };
  it('hashes title, text and media ids canonically', () => {
    expect(versionHash(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(versionHash({ ...a })).toBe(versionHash(a));
    expect(versionHash({ ...a, text: `${a.text}！` })).not.toBe(versionHash(a));
    expect(versionHash({ ...a, media: [{ id: 'img2' }] })).not.toBe(versionHash(a));
    expect(versionHash({ ...a, title: undefined })).not.toBe(versionHash(a));
  });

  it.each([
    ['unchanged and approved', 'approved', 'h1', 'keep'],
    ['unchanged and in review', 'in_review', 'h1', 'keep'],
    ['changed after approval', 'approved', 'h2', 'restart'],
    ['changed in review', 'in_review', 'h2', 'restart'],
    ['sent back, even unchanged', 'changes_requested', 'h1', 'restart'],
  ] as const)('%s → %s', (_label, state, hash, action) => {
    const r = reconcile([{ variantId: 'v', textHash: 'h1', state }], [{ variantId: 'v', textHash: hash }]);
    expect(r.actions.v).toBe(action);
  });

  it('opens new variants and reports removed ones', () => {
    const r = reconcile(
      [{ variantId: 'weibo', textHash: 'h1', state: 'approved' }, { variantId: 'old', textHash: 'h3', state: 'approved' }],
      [{ variantId: 'weibo', textHash: 'h1' }, { variantId: 'douyin', textHash: 'h2' }],
    );
    expect(r).toEqual({ actions: { weibo: 'keep', douyin: 'open' }, removed: ['old'] });
  });
});

describe('complianceGate', () => {
  const block = { rule: 'ad-law.absolute', severity: 'block' as const, field: 'text', start: 2, end: 4 };
  const warn = { rule: 'platform.format.hashtags', severity: 'warn' as const, field: 'text', start: 10, end: 20 };
  const media = { rule: 'media.rights', severity: 'block' as const, field: 'media', start: 0, end: 0, mediaId: 'img1' };
  it.each([
    ['no findings', [], [], { ok: true }],
    ['a block', [block, warn], [findingKey(warn)], { ok: false, code: 'review.blocked_by_findings', keys: ['ad-law.absolute@text:2-4'] }],
    ['media without rights', [media], [], { ok: false, code: 'review.blocked_by_findings', keys: ['media.rights@media:img1'] }],
    ['an open warning', [warn], [], { ok: false, code: 'review.unacknowledged_warnings', keys: ['platform.format.hashtags@text:10-20'] }],
    ['acknowledged warnings', [warn], [findingKey(warn)], { ok: true }],
  ])('%s', (_label, findings, acked, expected) => {
    expect(complianceGate(findings, new Set(acked))).toEqual(expected);
  });
});

describe('policy checks, undecidable stages, SLA, item state, anchors', () => {
  it('flags duplicate keys, empty groups, impossible counts and unknown skips', () => {
    const bad: ReviewPolicy = {
      stages: [stageOf({ key: 'a' }), stageOf({ key: 'a', approvers: { roles: [], userIds: ['u'], factOwner: false }, required: 2 })],
      skip: { reply: ['zzz'], post: ['a'] }, slaHours: 24,
    };
    expect(Object.keys(validatePolicy(bad)).sort()).toEqual(['skip.post', 'skip.reply.0', 'stages.0.approvers', 'stages.1.key', 'stages.1.required']);
    expect(validatePolicy(DEFAULT_POLICY)).toEqual({});
  });

  it('finds stages nobody but the author could decide', () => {
    const plan = planStages(DEFAULT_POLICY, 'post');
    // No fact owner: the accuracy stage falls to the item's owner or the managers.
    expect(undecidableStages(plan, { authorId: AUTHOR, factOwnerUserId: null })).toEqual([]);
    expect(undecidableStages(plan, { authorId: AUTHOR, factOwnerUserId: AUTHOR })).toEqual(['accuracy']);
    expect(undecidableStages(plan, subject)).toEqual([]);
  });

  it('computes due times from the stage or workspace SLA', () => {
    const opened = new Date('2026-03-02T01:00:00Z');
    expect(dueAt(opened, stageOf({}), 24).toISOString()).toBe('2026-03-03T01:00:00.000Z');
    expect(dueAt(opened, stageOf({ slaHours: 4 }), 24).toISOString()).toBe('2026-03-02T05:00:00.000Z');
    expect(isOverdue(new Date('2026-03-02T05:00:00Z'), new Date('2026-03-02T05:00:01Z'))).toBe(true);
    expect(isOverdue(new Date('2026-03-02T05:00:00Z'), new Date('2026-03-02T04:59:59Z'))).toBe(false);
    expect(isOverdue(null, new Date())).toBe(false);
  });

  it.each([
    [['approved', 'approved'], 'approved'],
    [['approved', 'in_review'], 'in_review'],
    [['approved', 'changes_requested', 'in_review'], 'changes_requested'],
  ] as const)('item state of %j is %s', (states, expected) => {
    expect(itemState(states)).toBe(expected);
  });

  it('checks comment anchors in UTF-16 units', () => {
    const text = '表情😀在此';
    expect(text.length).toBe(6);
    expect(anchorProblem({ start: 2, end: 4 }, text.length)).toBeNull();
    expect(anchorProblem({ start: 4, end: 2 }, text.length)).not.toBeNull();
    expect(anchorProblem({ start: 0, end: 7 }, text.length)).not.toBeNull();
  });
});

describe('default policy for small teams: fallbacks, leaders, self-review', () => {
  const plan = planStages(DEFAULT_POLICY, 'post');
  const accuracy = plan.find((s) => s.key === 'accuracy')!;
  const compliance = plan.find((s) => s.key === 'compliance')!;
  const item = { authorId: AUTHOR, factOwnerUserId: null, ownerUserId: 'owner-of-item' };

  it('sends the accuracy stage to the item owner or the managers when nobody is named', () => {
    expect(isEligible(accuracy, who('owner-of-item', 'creator'), item)).toBe(true);
    expect(isEligible(accuracy, who('m', 'manager'), item)).toBe(true);
    expect(isEligible(accuracy, who('a', 'analyst'), item)).toBe(false);
    expect(isEligible(accuracy, who('m', 'manager'), { ...item, factOwnerUserId: 'named' })).toBe(false);
  });

  it('lets the owner and leaders decide any stage only when the switch is on (default: fewer than three members)', () => {
    expect(isEligible(compliance, who('l', 'leader'), item, true)).toBe(true);
    expect(isEligible(compliance, who('l', 'leader'), item, false)).toBe(false);
    expect(leadersDecideAnyIn(DEFAULT_POLICY, 2)).toBe(true);
    expect(leadersDecideAnyIn(DEFAULT_POLICY, 3)).toBe(false);
    expect(leadersDecideAnyIn({ ...DEFAULT_POLICY, leadersDecideAny: false }, 1)).toBe(false);
  });

  it('lets the author decide (单人自审) only while no other member may, and marks it', () => {
    const alone: Panel = { members: [who(AUTHOR, 'owner')], leadersDecideAny: true };
    expect(decidesAs(compliance, who(AUTHOR, 'owner'), item, alone)).toBe('self');
    const verdict = approve(plan, start, who(AUTHOR, 'owner'), item, alone);
    expect(verdict).toMatchObject({ ok: true, value: { stageIndex: 1, selfReview: true } });
    const withReviewer: Panel = { members: [who(AUTHOR, 'owner'), who('c', 'compliance')], leadersDecideAny: true };
    expect(decidesAs(compliance, who(AUTHOR, 'owner'), item, withReviewer)).toBeNull();
    expect(approve(plan, start, who(AUTHOR, 'owner'), item, withReviewer)).toEqual({ ok: false, code: 'review.self_approval' });
    // A viewer does not count as someone who may review.
    const withViewer: Panel = { members: [who(AUTHOR, 'owner'), who('v', 'viewer')], leadersDecideAny: true };
    expect(decidesAs(compliance, who(AUTHOR, 'owner'), item, withViewer)).toBe('self');
    expect(undecidableStages(plan, item, alone)).toEqual([]);
  });

  it('shows the one span that changed between two versions', () => {
    expect(changedSpan('合声音箱今日发布', '合声音箱明日发布')).toEqual({ start: 4, removed: '今', added: '明' });
    expect(changedSpan('同样', '同样')).toBeNull();
  });
});
