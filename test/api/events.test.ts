/**
 * Domain events: written with the change (or not at all), delivered through the job queue at least once,
 * handled once per subscriber; and each subscriber wired in the composition root does its part.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandboxServer, type SandboxServer } from '../../src/modules/platforms/sandbox/server.js';
import { BACKENDS } from '../helpers/database.js';
import { addMember, createTestRuntime, signUpOwner, type Session, type TestRuntime } from '../helpers/runtime.js';

type Owner = Session & { workspaceId: string };

describe.each(BACKENDS)('domain events (%s)', (backend) => {
  let rt: TestRuntime;
  let sb: SandboxServer;
  let owner: Owner;
  let accountId: string;

  const api = async (who: Session, method: string, path: string, payload?: object) => {
    const res = await rt.app.inject({ method: method as never, url: `/api/v1/workspaces/${owner.workspaceId}${path}`, headers: who.headers, payload });
    return { status: res.statusCode, json: res.body ? JSON.parse(res.body) : undefined, body: res.body };
  };
  const q = async <T>(sql: string, params: unknown[]) => (await rt.services.database.sql.query<T>(sql, params)).rows;
  const storedStatus = async (itemId: string) => (await q<{ status: string }>('select status from content_items where id = $1', [itemId]))[0]?.status;

  beforeAll(async () => {
    rt = await createTestRuntime({ backend, worker: true });
    sb = await startSandboxServer({ seed: `events-${backend}`, webhookRetryDelaysMs: [] });
    owner = await signUpOwner(rt, 'events');
    const created = await api(owner, 'POST', '/accounts', {
      platform: 'sandbox', type: 'brand', handle: `ev_${backend}`, displayName: '事件测试号', function: '测试', apiBaseUrl: sb.url,
      filing: { purpose: '测试', operators: [], verificationPlan: '核对' },
    });
    accountId = created.json.account.id;
    await api(owner, 'POST', `/accounts/filings/${created.json.filing.id}/approve`, {});
    const sbAccount = sb.state.accounts()[0]!;
    const t = sb.state.auth.issue(sbAccount.id, 'chorus');
    await api(owner, 'POST', `/accounts/${accountId}/credentials`, { accessToken: t.accessToken, refreshToken: t.refreshToken, expiresAt: new Date(t.expiresAt).toISOString(), platformAccountId: sbAccount.id });
  });
  afterAll(async () => {
    await rt?.services.publishing.drain().catch(() => {});
    await rt?.close();
    await sb?.close();
  });

  it('writes an event only when its transaction commits, and a redelivery handles it once', async () => {
    const seen: string[] = [];
    rt.services.events.subscribe({ key: `test.counter.${backend}`, event: 'review.changes_requested', handle: async (e) => { seen.push(e.id); } });
    const payload = { workspaceId: owner.workspaceId, subjectType: 'test', subjectId: 'rolled-back', rejectedBy: owner.userId };
    await expect(rt.services.database.db.transaction(async (tx) => {
      await rt.services.events.emit(tx, 'review.changes_requested', payload);
      throw new Error('the change failed');
    })).rejects.toThrow('the change failed');
    expect(await rt.services.events.list(owner.workspaceId, 'review.changes_requested')).toHaveLength(0);

    await rt.services.database.db.transaction((tx) => rt.services.events.emit(tx, 'review.changes_requested', { ...payload, subjectId: 'kept' }));
    const [event] = await rt.services.events.list(owner.workspaceId, 'review.changes_requested');
    await expect.poll(() => seen.length, { timeout: 20_000, interval: 100 }).toBe(1);
    expect(await rt.services.events.deliver({ eventId: event!.id, subscriber: `test.counter.${backend}` })).toBe('already');
    expect(seen).toEqual([event!.id]);
  });

  it('review.approved stores the approval on the item and schedules it when the author asked for "publish when approved"; publication.published marks it published; metrics fill 实际数据', async () => {
    const plannedAt = new Date(Date.now() + 10 * 60_000).toISOString();
    const item = await api(owner, 'POST', '/content/items', { topic: '自动排期', accountIds: [accountId], plannedAt, publishWhenApproved: true, master: { text: '审核通过后自动发布的新品预告。' } });
    expect(item.status, item.body).toBe(201);
    const itemId = item.json.item.id;
    await api(owner, 'POST', `/content/items/${itemId}/submit`, {});
    for (let i = 0; i < 4; i++) expect((await api(owner, 'POST', `/review/items/${itemId}/approve`, {})).status).toBe(200);
    await expect.poll(() => storedStatus(itemId), { timeout: 20_000, interval: 200 }).toBe('scheduled');
    const planned = await q<{ n: number }>(`select count(*)::int as n from publications where content_item_id = $1 and state = 'scheduled'`, [itemId]);
    expect(planned[0]!.n).toBe(1);
    // Brought forward so the test need not wait ten minutes for the post to go out.
    const sooner = await api(owner, 'POST', `/content/items/${itemId}/schedule`, { at: new Date(Date.now() + 1500).toISOString() });
    expect(sooner.status, sooner.body).toBe(200);
    await expect.poll(() => storedStatus(itemId), { timeout: 30_000, interval: 250 }).toBe('published');
    const view = await api(owner, 'GET', `/content/items/${itemId}`);
    expect(view.json.variants[0].publish.url).toMatch(/^https?:\/\//);

    const [pub] = await q<{ id: string }>('select id from publications where content_item_id = $1', [itemId]);
    await rt.services.database.db.transaction((tx) => rt.services.events.emit(tx, 'post.metrics_collected', {
      workspaceId: owner.workspaceId, publicationId: pub!.id, exposure: 1200, interactions: 85, conversions: 3, collectedAt: new Date().toISOString(),
    }));
    await expect.poll(async () => (await api(owner, 'GET', `/content/items/${itemId}`)).json.item.actualExposure, { timeout: 20_000, interval: 200 }).toBe(1200);
    const after = (await api(owner, 'GET', `/content/items/${itemId}`)).json.item;
    expect([after.actualInteractions, after.actualConversions]).toEqual([85, 3]);
  });

  it('a GET never writes: the item status read after a review decision is derived, stored only by the subscriber', async () => {
    const item = await api(owner, 'POST', '/content/items', { topic: '只读', platforms: ['weibo'], master: { text: '读取不写入。' } });
    const itemId = item.json.item.id;
    await api(owner, 'POST', `/content/items/${itemId}/submit`, {});
    const before = await q<{ updated_at: Date }>('select updated_at from content_items where id = $1', [itemId]);
    await api(owner, 'GET', `/content/items/${itemId}`);
    await api(owner, 'GET', `/content/items?status=in_review`);
    const after = await q<{ updated_at: Date }>('select updated_at from content_items where id = $1', [itemId]);
    expect(after[0]!.updated_at.toISOString()).toBe(before[0]!.updated_at.toISOString());
  });

  it('member.removed takes the person out of grants, review approvers, notification preferences and report recipients', async () => {
    const member = await addMember(rt, owner, 'community');
    expect((await api(owner, 'PUT', `/accounts/${accountId}/grants/${member.userId}`, { actions: ['reply'] })).status).toBe(200);
    const policy = (await api(owner, 'GET', '/review/policy')).json.policy;
    policy.stages[3].approvers.userIds = [member.userId];
    expect((await api(owner, 'PUT', '/review/policy', policy)).status).toBe(200);
    expect((await api(member, 'PUT', '/notify/preferences', { emailEnabled: false, mutedEvents: [], quietHours: null })).status).toBe(200);
    const schedule = await api(owner, 'POST', '/analytics/schedules', { name: '周报', report: 'weekly', format: 'md', day: 1, time: '09:00', userIds: [member.userId, owner.userId] });
    expect(schedule.status, schedule.body).toBe(201);

    expect((await api(owner, 'DELETE', `/members/${member.userId}`)).status).toBeLessThan(300);
    await expect.poll(async () => (await q<{ n: number }>('select count(*)::int as n from account_grants where user_id = $1', [member.userId]))[0]!.n, { timeout: 20_000, interval: 200 }).toBe(0);
    await expect.poll(async () => (await api(owner, 'GET', '/review/policy')).json.policy.stages[3].approvers.userIds, { timeout: 20_000, interval: 200 }).toEqual([]);
    await expect.poll(async () => (await q<{ n: number }>('select count(*)::int as n from notify_preferences where user_id = $1', [member.userId]))[0]!.n, { timeout: 20_000, interval: 200 }).toBe(0);
    await expect.poll(async () => (await api(owner, 'GET', '/analytics/schedules')).json.items[0].userIds, { timeout: 20_000, interval: 200 }).toEqual([owner.userId]);
  });
});
