import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reviewOverdueJob } from '../../src/modules/review/overdue.job.js';
import { REVIEW_OVERDUE_JOB, type OverdueJobData } from '../../src/modules/review/service.js';
import { BACKENDS } from '../helpers/database.js';
import { addMember, createTestRuntime, fixedClock, signUpOwner, type Session, type TestRuntime } from '../helpers/runtime.js';

type Who = Session;
type Finding = { key: string; rule: string; severity: string; acknowledged: boolean };
type Variant = { variantId: string; textHash: string; state: string; round: number; stages: string[]; stage: { key: string; dueAt: string; overdue: boolean } | null; findings: Finding[] };

const BLOCKED = '全网最好的音箱，今日发布';
const FIXED = '合声智能音箱今日发布';
const WARNED = '点击 https://example.com 了解合声音箱';

const variants = (weibo: string, wechat: string, rights = false) => [
  { variantId: 'weibo', platform: 'weibo', text: weibo },
  { variantId: 'wechat', platform: 'wechat', title: '新品', text: wechat, media: [{ id: 'img1', kind: 'image', ...(rights ? { rights: { basis: 'original' } } : {}) }] },
];

describe.each(BACKENDS)('the review workflow (%s)', (backend) => {
  const clock = fixedClock('2026-03-02T01:00:00Z');
  let rt: TestRuntime;
  let owner: Awaited<ReturnType<typeof signUpOwner>>;
  let author: Who, compliance: Who, manager: Who, leader: Who, factOwner: Who, viewer: Who;
  const url = (path = '') => `/api/v1/workspaces/${owner.workspaceId}/review${path}`;
  const call = async (who: Who, method: 'GET' | 'POST' | 'PUT', path: string, payload?: object) =>
    rt.app.inject({ method, url: url(path), headers: who.headers, payload });
  const submit = (subjectId: string, body: object, who: Who = author) => call(who, 'POST', '/items', { subjectId, contentType: 'post', factOwnerUserId: factOwner.userId, ...body });
  const approve = (who: Who, subjectId: string, body: object = {}) => call(who, 'POST', `/items/${subjectId}/approve`, body);
  const variant = (body: { variants: Variant[] }, id: string) => body.variants.find((v) => v.variantId === id)!;

  beforeAll(async () => {
    rt = await createTestRuntime({ backend, clock });
    owner = await signUpOwner(rt, 'owner');
    author = await addMember(rt, owner, 'creator');
    compliance = await addMember(rt, owner, 'compliance');
    manager = await addMember(rt, owner, 'manager');
    leader = await addMember(rt, owner, 'leader');
    factOwner = await addMember(rt, owner, 'analyst');
    viewer = await addMember(rt, owner, 'viewer');
  });
  afterAll(async () => rt?.close());

  it('serves the default policy and refuses an unusable one', async () => {
    const res = await call(viewer, 'GET', '/policy');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ isDefault: true, policy: { slaHours: 24, skip: { reply: ['brand', 'accuracy'] } } });
    expect(res.json().policy.stages.map((s: { key: string }) => s.key)).toEqual(['compliance', 'brand', 'accuracy', 'final']);
    const bad = await call(compliance, 'PUT', '/policy', { stages: [{ key: 'a', name: 'A', approvers: {} }], skip: { post: ['a'] } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'review.invalid_policy', fields: { 'stages.0.approvers': expect.any(String), 'skip.post': expect.any(String) } });
    expect((await call(author, 'PUT', '/policy', res.json().policy)).statusCode).toBe(403);
  });

  it('takes a post through compliance findings, acknowledgements and all four stages to approval', async () => {
    const first = await submit('post-1', { variants: variants(BLOCKED, WARNED) });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ state: 'in_review', authorId: author.userId, factOwnerUserId: factOwner.userId });
    expect(variant(first.json(), 'weibo').findings.map((f) => [f.rule, f.severity])).toEqual([['ad-law.absolute.superlative', 'block']]);
    expect(variant(first.json(), 'wechat').findings.map((f) => f.rule).sort()).toEqual(['media.rights', 'platform.external-link']);
    expect(variant(first.json(), 'weibo').stage).toMatchObject({ key: 'compliance', dueAt: '2026-03-03T01:00:00.000Z', overdue: false });

    const queue = (await call(compliance, 'GET', '/queue')).json();
    expect(queue).toMatchObject({ total: 2, counts: { compliance: 2 }, items: [{ subjectId: 'post-1' }] });
    expect((await call(leader, 'GET', '/queue')).json()).toMatchObject({ total: 0, counts: {} });

    const own = await approve(author, 'post-1');
    expect(own.statusCode).toBe(403);
    expect(own.json().error.code).toBe('review.self_approval');
    const early = await approve(manager, 'post-1');
    expect([early.statusCode, early.json().error.code]).toEqual([403, 'review.not_your_stage']);
    const blocked = await approve(compliance, 'post-1');
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().error.code).toBe('review.blocked_by_findings');
    expect(Object.keys(blocked.json().error.fields)).toContain('weibo.ad-law.absolute.superlative@text:2-4');

    // The author fixes the copy and records the image's rights: the wechat text is unchanged.
    const fixed = await submit('post-1', { variants: variants(FIXED, WARNED, true) });
    expect(fixed.statusCode).toBe(201);
    expect([variant(fixed.json(), 'weibo').round, variant(fixed.json(), 'wechat').round]).toEqual([2, 1]);
    const warning = variant(fixed.json(), 'wechat').findings.find((f) => f.severity === 'warn')!;
    expect(warning).toMatchObject({ rule: 'platform.external-link', acknowledged: false });
    const unacked = await approve(compliance, 'post-1');
    expect([unacked.statusCode, unacked.json().error.code]).toEqual([409, 'review.unacknowledged_warnings']);

    const ack = (who: Who, findingKey: string) => call(who, 'POST', '/items/post-1/acknowledge', { variantId: 'wechat', findingKey, reason: '官方合作页面，已备案' });
    expect((await ack(author, warning.key)).json().error.code).toBe('review.self_approval');
    expect((await ack(compliance, 'nope@text:0-1')).statusCode).toBe(404);
    const acked = await ack(compliance, warning.key);
    expect(acked.statusCode, acked.body).toBe(200);
    expect(variant(acked.json(), 'wechat').findings.find((f) => f.key === warning.key)!.acknowledged).toBe(true);

    const steps: Array<[Who, string | null]> = [[compliance, 'brand'], [manager, 'accuracy'], [factOwner, 'final'], [leader, null]];
    for (const [who, next] of steps) {
      if (next === 'final') expect((await approve(leader, 'post-1')).json().error.code).toBe('review.not_your_stage');
      const res = await approve(who, 'post-1', { note: 'ok' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().variants.map((v: Variant) => v.stage?.key ?? null)).toEqual([next, next]);
    }
    const done = (await call(viewer, 'GET', '/items/post-1')).json();
    expect(done.state).toBe('approved');
    const weibo = variant(done, 'weibo');
    expect(weibo).toMatchObject({ state: 'approved', approvedHash: weibo.textHash });
    expect(await rt.services.review.isApproved(owner.workspaceId, 'content.item', 'post-1', 'weibo', weibo.textHash)).toBe(true);

    const history = (await call(viewer, 'GET', '/items/post-1/history')).json().items as Array<{ kind: string; actor: { id: string } | null; textHash: string }>;
    expect(history.map((h) => h.kind)).toEqual(['submit', 'submit', 'resubmit', 'acknowledge', ...Array(8).fill('approve')]);
    expect(history.filter((h) => h.kind === 'approve').every((h) => h.textHash && h.actor)).toBe(true);
    const audit = (await rt.app.inject({ method: 'GET', url: `/api/v1/workspaces/${owner.workspaceId}/audit?action=review.`, headers: owner.headers })).json();
    expect(audit.items.map((i: { action: string }) => i.action)).toEqual(expect.arrayContaining(['review.submitted', 'review.resubmitted', 'review.warning_acknowledged', 'review.approved']));
    expect(audit.items.filter((i: { action: string }) => i.action === 'review.approved')).toHaveLength(4);
  });

  it('sends an item back with a reason and anchored comments, and reopens it on resubmission', async () => {
    await submit('reply-1', { contentType: 'reply', variants: [{ variantId: 'weibo', platform: 'weibo', text: FIXED }] });
    const badAnchor = await call(compliance, 'POST', '/items/reply-1/reject', { reason: '措辞', comments: [{ variantId: 'weibo', start: 2, end: 99, body: 'x' }] });
    expect([badAnchor.statusCode, badAnchor.json().error.code]).toEqual([400, 'review.invalid_comment']);
    const rejected = await call(compliance, 'POST', '/items/reply-1/reject', {
      reason: '请补充产品型号', comments: [{ variantId: 'weibo', start: 2, end: 6, body: '写全称：合声® 智能音箱' }],
    });
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(rejected.json()).toMatchObject({ state: 'changes_requested', variants: [{ state: 'changes_requested', stage: null }] });
    const last = rejected.json().history.at(-1);
    expect(last).toMatchObject({ kind: 'reject', reason: '请补充产品型号', comments: [{ variantId: 'weibo', field: 'text', start: 2, end: 6 }] });
    expect((await approve(compliance, 'reply-1')).json().error.code).toBe('review.not_in_review');

    const again = await submit('reply-1', { contentType: 'reply', variants: [{ variantId: 'weibo', platform: 'weibo', text: '合声® 智能音箱今日发布' }] });
    expect(again.json()).toMatchObject({ state: 'in_review', variants: [{ round: 2, stage: { key: 'compliance' }, stages: ['compliance', 'final'] }] });
  });

  it('re-opens only the changed variant after approval; isApproved is false for an edited hash', async () => {
    const body = { contentType: 'reply', variants: [{ variantId: 'weibo', platform: 'weibo', text: FIXED }, { variantId: 'douyin', platform: 'douyin', text: FIXED }] };
    await submit('reply-2', body);
    await approve(compliance, 'reply-2');
    const approved = (await approve(leader, 'reply-2')).json();
    expect(approved.state).toBe('approved');
    const oldHash = variant(approved, 'weibo').textHash;

    const edited = await submit('reply-2', { ...body, variants: [{ ...body.variants[0], text: `${FIXED}，欢迎试听` }, body.variants[1]] });
    const weibo = variant(edited.json(), 'weibo');
    expect(weibo).toMatchObject({ state: 'in_review', round: 2, stage: { key: 'compliance' } });
    expect(weibo.textHash).not.toBe(oldHash);
    expect(variant(edited.json(), 'douyin')).toMatchObject({ state: 'approved', round: 1 });
    const isApproved = (id: string, hash: string) => rt.services.review.isApproved(owner.workspaceId, 'content.item', 'reply-2', id, hash);
    expect(await isApproved('weibo', oldHash)).toBe(false);
    expect(await isApproved('weibo', weibo.textHash)).toBe(false);
    expect(await isApproved('douyin', variant(edited.json(), 'douyin').textHash)).toBe(true);
    expect(await isApproved('nope', weibo.textHash)).toBe(false);
    const stale = await approve(compliance, 'reply-2', { variants: [{ variantId: 'weibo', textHash: oldHash }] });
    expect([stale.statusCode, stale.json().error.code]).toEqual([409, 'review.stale_version']);
  });

  it('accepts an item without a fact owner (the accuracy stage falls to the managers), and 404s an unknown item', async () => {
    const res = await submit('post-x', { factOwnerUserId: null, variants: [{ variantId: 'weibo', platform: 'weibo', text: FIXED }] });
    expect(res.statusCode, res.body).toBe(201);
    expect(variant(res.json(), 'weibo').stages).toContain('accuracy');
    expect((await call(viewer, 'GET', '/items/nothing-here')).json().error.code).toBe('review.not_found');
  });

  it('marks reviews overdue after the SLA and reminds the stage reviewers once', async () => {
    await submit('post-sla', { contentType: 'reply', variants: [{ variantId: 'weibo', platform: 'weibo', text: FIXED }] });
    const { rows } = await rt.services.database.sql.query<{ data: OverdueJobData; start_after: Date }>(
      `select data, start_after from pgboss.job where name = $1 and data->>'round' = '1' order by created_on desc`, [REVIEW_OVERDUE_JOB]);
    const job = rows.find((r) => r.data.variantId === 'weibo' && r.data.stageKey === 'compliance' && r.data.workspaceId === owner.workspaceId)!;
    expect(job).toBeDefined();
    const handler = reviewOverdueJob(rt.services.review);
    await handler.handle([{ id: 'j1', name: REVIEW_OVERDUE_JOB, data: job.data }]);
    expect(await rt.services.review.listReminders(owner.workspaceId, 'content.item', 'post-sla')).toHaveLength(0);

    clock.advance(25 * 3_600_000);
    const queue = (await call(compliance, 'GET', '/queue')).json();
    expect(queue.items.find((i: { subjectId: string }) => i.subjectId === 'post-sla')).toMatchObject({ overdue: true });
    expect(queue.overdue).toBeGreaterThan(0);
    await handler.handle([{ id: 'j1', name: REVIEW_OVERDUE_JOB, data: job.data }]);
    await handler.handle([{ id: 'j2', name: REVIEW_OVERDUE_JOB, data: job.data }]);
    const reminders = await rt.services.review.listReminders(owner.workspaceId, 'content.item', 'post-sla');
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.userIds).toEqual([compliance.userId]);
    expect(reminders[0]!.message).toContain('合规性审核');
  });

  it('honours a configured N-of stage with roles and named users', async () => {
    const policy = {
      stages: [
        { key: 'compliance', name: '双人合规', approvers: { roles: ['compliance'], userIds: [manager.userId] }, required: 2, runsCompliance: true },
        { key: 'final', name: '终审批准', approvers: { roles: ['leader'] } },
      ],
      slaHours: 8,
    };
    const put = await call(compliance, 'PUT', '/policy', policy);
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ isDefault: false, policy: { slaHours: 8, skip: {} } });
    await submit('post-n', { variants: [{ variantId: 'weibo', platform: 'weibo', text: FIXED }] });
    const one = (await approve(compliance, 'post-n')).json();
    expect(variant(one, 'weibo').stage).toMatchObject({ key: 'compliance', approvals: [compliance.userId] });
    expect((await approve(compliance, 'post-n')).json().error.code).toBe('review.not_your_stage');
    const two = (await approve(manager, 'post-n')).json();
    expect(variant(two, 'weibo').stage).toMatchObject({ key: 'final' });
  });
});
