/**
 * The core loop on default settings: a workspace whose owner is alone registers and activates a sandbox
 * account, plans an item, submits it, approves it as 单人自审, schedules and publishes it — through the API,
 * without touching a setting. And a small team: the accuracy stage without a fact owner falls to the owner.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandboxServer, type SandboxServer } from '../../src/modules/platforms/sandbox/server.js';
import { BACKENDS } from '../helpers/database.js';
import { addMember, createTestRuntime, signUpOwner, type Session, type TestRuntime } from '../helpers/runtime.js';

describe.each(BACKENDS)('the loop on default settings (%s)', (backend) => {
  let rt: TestRuntime;
  let sb: SandboxServer;

  beforeAll(async () => {
    rt = await createTestRuntime({ backend, worker: true });
    sb = await startSandboxServer({ seed: `loop-${backend}`, webhookRetryDelaysMs: [] });
  });
  afterAll(async () => {
    await rt?.services.publishing.drain().catch(() => {});
    await rt?.close();
    await sb?.close();
  });

  const api = async (who: Session, method: string, path: string, payload?: object) => {
    const res = await rt.app.inject({ method: method as never, url: `/api/v1/workspaces/${(who as Session & { workspaceId: string }).workspaceId}${path}`, headers: who.headers, payload });
    return { status: res.statusCode, json: res.body ? JSON.parse(res.body) : undefined, body: res.body };
  };

  it('takes a one-person workspace from an empty account list to a published sandbox post', async () => {
    const owner = await signUpOwner(rt, 'solo');
    const created = await api(owner, 'POST', '/accounts', {
      platform: 'sandbox', type: 'brand', handle: `solo_${backend}`, displayName: '独立工作室', function: '新品发布', apiBaseUrl: sb.url,
      filing: { purpose: '品牌宣传', operators: [], verificationPlan: '负责人核对' },
    });
    expect(created.status, created.body).toBe(201);
    const approvedFiling = await api(owner, 'POST', `/accounts/filings/${created.json.filing.id}/approve`, { note: '自审' });
    expect(approvedFiling.status, approvedFiling.body).toBe(200);
    expect(approvedFiling.json.account.status).toBe('active');
    const accountId = created.json.account.id;
    const sbAccount = sb.state.accounts()[0]!;
    const t = sb.state.auth.issue(sbAccount.id, 'chorus');
    const connected = await api(owner, 'POST', `/accounts/${accountId}/credentials`, {
      accessToken: t.accessToken, refreshToken: t.refreshToken, expiresAt: new Date(t.expiresAt).toISOString(), platformAccountId: sbAccount.id,
    });
    expect(connected.status, connected.body).toBe(200);

    const item = await api(owner, 'POST', '/content/items', { topic: '春季新品上市', accountIds: [accountId], master: { text: '合声工作室春季新品今日上市，欢迎来店品尝。' } });
    expect(item.status, item.body).toBe(201);
    const itemId = item.json.item.id;
    const submitted = await api(owner, 'POST', `/content/items/${itemId}/submit`, {});
    expect(submitted.status, submitted.body).toBe(200);

    const policy = await api(owner, 'GET', '/review/policy');
    expect(policy.json).toMatchObject({ isDefault: true, leadersDecideAny: true, selfReview: true });
    const queue = await api(owner, 'GET', '/review/queue');
    expect(queue.status, queue.body).toBe(200);
    const entry = queue.json.items.find((i: { subjectId: string }) => i.subjectId === itemId);
    expect(entry).toMatchObject({ title: '春季新品上市', selfReview: true });
    expect(entry.variants[0]).toMatchObject({ accountName: '独立工作室', preview: '合声工作室春季新品今日上市，欢迎来店品尝。', stageKey: 'compliance' });
    const waiting = await rt.services.database.sql.query<{ event: string; user_id: string }>(
      'select event, user_id from notifications where workspace_id = $1', [owner.workspaceId]);
    expect(waiting.rows).toContainEqual({ event: 'review.waiting', user_id: owner.userId });

    // Every stage of the default policy, decided by the author because nobody else may.
    for (let stage = 0; stage < 4; stage++) {
      const r = await api(owner, 'POST', `/review/items/${itemId}/approve`, {});
      expect(r.status, r.body).toBe(200);
    }
    const audit = await rt.services.database.sql.query<{ details: { selfReview?: boolean; mode?: string } }>(
      `select details from audit_entries where workspace_id = $1 and action = 'review.approved'`, [owner.workspaceId]);
    expect(audit.rows).toHaveLength(4);
    expect(audit.rows.every((r) => r.details.selfReview === true && r.details.mode === '单人自审')).toBe(true);

    const seen = await api(owner, 'GET', `/content/items/${itemId}`);
    expect(seen.json.item.status).toBe('approved');
    const at = new Date(Date.now() + 5000).toISOString();
    const scheduled = await api(owner, 'POST', `/content/items/${itemId}/schedule`, { at });
    expect(scheduled.status, scheduled.body).toBe(200);
    await expect.poll(async () => (await api(owner, 'GET', `/content/items/${itemId}`)).json.variants[0].publish?.state, { timeout: 30_000, interval: 250 }).toBe('published');
    expect((await api(owner, 'GET', `/content/items/${itemId}`)).json.item.status).toBe('published');
  });

  it('sends the accuracy stage to the owner when a small team names no fact owner, and keeps self-approval impossible there', async () => {
    const owner = await signUpOwner(rt, 'duo');
    const creator = await addMember(rt, owner, 'creator');
    const author = { ...creator, workspaceId: owner.workspaceId };
    const item = await api(author, 'POST', '/content/items', { topic: '门店活动', platforms: ['weibo'], master: { text: '本周末门店活动，欢迎光临。' } });
    expect(item.status, item.body).toBe(201);
    const itemId = item.json.item.id;
    expect((await api(author, 'POST', `/content/items/${itemId}/submit`, {})).status).toBe(200);
    // Two members: the owner may decide every stage; the author may not approve their own item.
    const own = await api(author, 'POST', `/review/items/${itemId}/approve`, {});
    expect([own.status, own.json.error.code]).toEqual([403, 'review.self_approval']);
    expect((await api(author, 'GET', '/review/queue')).json.total).toBe(0);
    for (let stage = 0; stage < 4; stage++) {
      const r = await api(owner, 'POST', `/review/items/${itemId}/approve`, {});
      expect(r.status, r.body).toBe(200);
    }
    const status = await api(owner, 'GET', `/review/items/${itemId}`);
    expect(status.json.state).toBe('approved');
    expect(status.json.history.filter((h: { kind: string }) => h.kind === 'approve').map((h: { stageKey: string }) => h.stageKey))
      .toEqual(['compliance', 'brand', 'accuracy', 'final']);
  });
});
