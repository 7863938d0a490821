import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandboxServer, type SandboxServer } from '../../src/modules/platforms/sandbox/server.js';
import { addMember, createTestRuntime, signUpOwner, type Session, type TestRuntime } from '../helpers/runtime.js';

/**
 * One launch post from plan to inbox, through the HTTP API as the team would do it:
 * file and connect an account → plan → compliance blocks 极限词 → fix → four review stages →
 * schedule → the worker publishes once → audience comments come back analysed → metrics → report.
 */
describe('a launch post, plan to inbox', () => {
  let rt: TestRuntime;
  let sb: SandboxServer;
  let owner: Session & { workspaceId: string };
  const who: Record<string, Session> = {};
  let accountId: string;
  let itemId: string;

  const call = async (s: Session, method: string, path: string, payload?: unknown) => {
    const res = await rt.app.inject({ method: method as never, url: `/api/v1/workspaces/${owner.workspaceId}${path}`, headers: s.headers, payload: payload as never });
    return { status: res.statusCode, body: res.body, json: res.body ? JSON.parse(res.body) : undefined };
  };
  const admin = async (path: string, body: unknown) =>
    (await fetch(`${sb.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json() as Promise<Record<string, string>>;

  beforeAll(async () => {
    process.env.CHORUS_PUBLISH_TIMINGS = 'fast';
    rt = await createTestRuntime({ worker: true });
    sb = await startSandboxServer({ port: 0, host: '127.0.0.1', seed: 'journey' });
    owner = await signUpOwner(rt, 'journey');
    for (const role of ['compliance', 'leader', 'manager', 'creator', 'analyst'] as const) who[role] = await addMember(rt, owner, role);
  });
  afterAll(async () => {
    await rt?.close();
    await sb?.close();
  });

  it('files, approves and connects a sandbox account', async () => {
    const filed = await call(who.creator!, 'POST', '/accounts', {
      platform: 'sandbox', type: 'brand', handle: 'xinghe_launch', displayName: '星河咖啡新品号', function: '新品发布',
      filing: { purpose: '新品发布', operators: [who.creator!.userId], verificationPlan: '蓝V' },
    });
    expect(filed.status, filed.body).toBe(201);
    accountId = filed.json.account.id;
    for (const role of ['compliance', 'leader', 'manager']) expect((await call(who[role]!, 'POST', `/accounts/filings/${filed.json.filing.id}/approve`, {})).status).toBe(200);
    const remote = await admin('/_sandbox/accounts', { name: '星河咖啡新品号', followers: 40_000 });
    const token = await admin('/_sandbox/tokens', { account_id: remote.id });
    const creds = await call(owner, 'POST', `/accounts/${accountId}/credentials`, { instanceUrl: sb.url, accessToken: token.access_token, refreshToken: token.refresh_token, platformAccountId: remote.id });
    expect(creds.status, creds.body).toBe(200);
    expect(creds.body).not.toContain(token.access_token);
  });

  it('plans the post; review refuses the 极限词 until the copy is fixed', async () => {
    const planned = await call(who.creator!, 'POST', '/content/items', {
      topic: '冬季限定拿铁上新', themeClass: 'product', format: '图文', accountIds: [accountId], ownerId: who.creator!.userId,
      master: { text: '全网最好喝的冬季拿铁来了！评论区聊聊你最想在哪座城市喝到？', hashtags: ['冬季限定'] },
    });
    expect(planned.status, planned.body).toBe(201);
    itemId = planned.json.item?.id ?? planned.json.id;
    expect((await call(who.creator!, 'POST', `/content/items/${itemId}/submit`, { factOwnerUserId: who.analyst!.userId })).status).toBe(200);
    const refused = await call(who.compliance!, 'POST', `/review/items/${itemId}/approve`, {});
    expect(refused.status).toBe(409);
    expect(refused.json.error.code).toBe('review.blocked_by_findings');
    // The author may not approve their own work at any stage.
    expect((await call(who.creator!, 'POST', `/review/items/${itemId}/approve`, {})).json.error.code).toMatch(/review\.(self_approval|not_your_stage)/);
    // Scheduling is impossible before final approval.
    expect((await call(owner, 'POST', `/content/items/${itemId}/schedule`, { at: new Date(Date.now() + 60_000).toISOString() })).status).toBeGreaterThanOrEqual(400);

    const fixed = await call(who.creator!, 'PATCH', `/content/items/${itemId}`, { master: { text: '冬季限定拿铁来了，入口是桂花和燕麦的香气。评论区聊聊你最想在哪座城市喝到？', hashtags: ['冬季限定'] } });
    expect(fixed.status, fixed.body).toBe(200);
    const item = await call(owner, 'GET', `/content/items/${itemId}`);
    if (item.json.item?.status === 'draft' || item.json.status === 'draft') await call(who.creator!, 'POST', `/content/items/${itemId}/submit`, { factOwnerUserId: who.analyst!.userId });
    for (const role of ['compliance', 'manager', 'analyst', 'leader']) {
      const r = await call(who[role]!, 'POST', `/review/items/${itemId}/approve`, { note: `${role} 通过` });
      if (r.status === 409 && r.json.error.code === 'review.unacknowledged_warnings') {
        for (const key of Object.keys(r.json.error.fields ?? {})) {
          const [, findingKey] = key.split(/\.(.+)/);
          await call(who.compliance!, 'POST', `/review/items/${itemId}/acknowledge`, { findingKey, reason: '已核实，可以发布' });
        }
        expect((await call(who[role]!, 'POST', `/review/items/${itemId}/approve`, {})).status).toBe(200);
      } else {
        expect(r.status, `${role}: ${r.body}`).toBe(200);
      }
    }
    const status = await call(owner, 'GET', `/review/items/${itemId}`);
    expect(JSON.stringify(status.json)).toContain('approved');
  });

  it('schedules it; the worker publishes it exactly once to the network', async () => {
    const at = new Date(Date.now() + 3_000);
    const scheduled = await call(owner, 'POST', `/content/items/${itemId}/schedule`, { at: at.toISOString() });
    expect(scheduled.status, scheduled.body).toBe(200);
    await expect.poll(async () => (await call(owner, 'GET', `/content/items/${itemId}`)).json.item?.status, { timeout: 45_000, interval: 500 }).toBe('published');
    const item = (await call(owner, 'GET', `/content/items/${itemId}`)).json;
    const published = item.variants[0].publish;
    expect(published.state).toBe('published');
    const page = await fetch(published.url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('桂花和燕麦');
    const stats = await (await fetch(`${sb.url}/_sandbox/stats`)).json() as { posts?: number; duplicateKeys?: unknown[] };
    expect(stats.duplicateKeys ?? []).toEqual([]);
  });

  it('brings the audience’s comments back, analysed', async () => {
    await admin('/_sandbox/tick', { advance: '8h' });
    const collected = await call(owner, 'POST', '/inbound/collect', { accountId });
    expect(collected.status, collected.body).toBe(200);
    const inbox = await call(owner, 'GET', '/inbound?type=comment');
    expect(inbox.json.items.length).toBeGreaterThan(0);
    expect(inbox.json.items.every((i: { analysis: { sentiment: string } | null }) => i.analysis !== null)).toBe(true);
  });
});
