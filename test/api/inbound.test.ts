import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandboxServer } from '../../src/modules/platforms/sandbox/server.js';
import { BACKENDS } from '../helpers/database.js';
import { addMember, createTestRuntime, signUpOwner, type Session, type TestRuntime } from '../helpers/runtime.js';

const WEBHOOK_SECRET = 'sandbox-webhook-secret-42';

describe.each(BACKENDS)('inbound comments, mentions and webhooks on the sandbox network (%s)', (backend) => {
  let rt: TestRuntime;
  let sb: Awaited<ReturnType<typeof startSandboxServer>>;
  let owner: Session & { workspaceId: string };
  let accountId: string;
  let chorusUrl: string;
  let sandboxId: string;
  const ws = () => `/api/v1/workspaces/${owner.workspaceId}`;
  const admin = async (path: string, body?: unknown) => {
    const res = await fetch(`${sb.url}${path}`, { method: body ? 'POST' : 'GET', headers: { 'content-type': 'application/json' }, body: body ? JSON.stringify(body) : undefined });
    return res.json() as Promise<Record<string, unknown>>;
  };
  const inbound = async (q = '') => (await rt.app.inject({ method: 'GET', url: `${ws()}/inbound${q}`, headers: owner.headers })).json();

  beforeAll(async () => {
    rt = await createTestRuntime({ backend });
    await rt.app.listen({ port: 0, host: '127.0.0.1' });
    chorusUrl = `http://127.0.0.1:${(rt.app.server.address() as { port: number }).port}`;
    sb = await startSandboxServer({ port: 0, host: '127.0.0.1', seed: `inbound-${backend}` });
    owner = await signUpOwner(rt, 'inbound');
    const approvers = await Promise.all((['compliance', 'leader', 'manager'] as const).map((r) => addMember(rt, owner, r)));

    const sandboxAccount = await admin('/_sandbox/accounts', { name: '星河咖啡沙盒号', followers: 50_000 });
    sandboxId = String((sandboxAccount.account as { id: string } | undefined)?.id ?? sandboxAccount.id);
    const token = await admin('/_sandbox/tokens', { account_id: sandboxId });

    const filed = await rt.app.inject({
      method: 'POST', url: `${ws()}/accounts`, headers: owner.headers,
      payload: { platform: 'sandbox', type: 'campaign', handle: `sb_${backend}`, displayName: '星河咖啡沙盒号', function: '演练', apiBaseUrl: sb.url, filing: { purpose: '演练', operators: [], verificationPlan: '无' } },
    });
    expect(filed.statusCode, filed.body).toBe(201);
    accountId = filed.json().account.id;
    for (const a of approvers) {
      const r = await rt.app.inject({ method: 'POST', url: `${ws()}/accounts/filings/${filed.json().filing.id}/approve`, headers: a.headers, payload: {} });
      expect(r.statusCode, r.body).toBe(200);
    }
    const creds = await rt.app.inject({
      method: 'POST', url: `${ws()}/accounts/${accountId}/credentials`, headers: owner.headers,
      payload: { accessToken: String(token.access_token), refreshToken: String(token.refresh_token), platformAccountId: sandboxId, webhookToken: WEBHOOK_SECRET },
    });
    expect(creds.statusCode, creds.body).toBe(200);

    const post = await fetch(`${sb.url}/api/posts`, {
      method: 'POST', headers: { authorization: `Bearer ${token.access_token}`, 'content-type': 'application/json', 'idempotency-key': `k-${backend}` },
      body: JSON.stringify({ text: '双11 新品上市：冬季限定拿铁，评论区聊聊你最想喝哪一款？', theme: 'product' }),
    });
    expect(post.status).toBe(201);
  });
  afterAll(async () => {
    await sb?.close();
    await rt?.close();
  });

  it('collects comments and mentions, analyses each once, and stores nothing twice', async () => {
    await admin('/_sandbox/tick', { advance: '12h' });
    const first = await rt.app.inject({ method: 'POST', url: `${ws()}/inbound/collect`, headers: owner.headers, payload: { accountId } });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().stored).toBeGreaterThan(0);
    const again = await rt.app.inject({ method: 'POST', url: `${ws()}/inbound/collect`, headers: owner.headers, payload: { accountId } });
    expect(again.json()).toMatchObject({ stored: 0 });
    const { items } = await inbound('?type=comment');
    expect(items.length).toBeGreaterThan(0);
    for (const i of items) {
      expect(['positive', 'neutral', 'negative']).toContain(i.analysis.sentiment);
      expect(['inquiry', 'complaint', 'praise', 'spam', 'other']).toContain(i.analysis.intent);
      expect(i.via).toBe('poll');
    }
  });

  it('takes signed webhook deliveries, rejects forged ones and stores duplicates once', async () => {
    const hookUrl = `${chorusUrl}/api/v1/hooks/sandbox/${owner.workspaceId}/${accountId}`;
    const forged = await fetch(hookUrl, { method: 'POST', headers: { 'content-type': 'application/json', 'x-sandbox-signature': 'sha256=00', 'x-sandbox-timestamp': '1' }, body: '{"id":"e1","type":"comment.created","data":{}}' });
    expect(forged.status).toBe(401);

    const fresh = String((await admin('/_sandbox/tokens', { account_id: sandboxId })).access_token);
    const reg = await fetch(`${sb.url}/api/webhooks`, { method: 'POST', headers: { authorization: `Bearer ${fresh}`, 'content-type': 'application/json' }, body: JSON.stringify({ url: hookUrl, secret: WEBHOOK_SECRET }) });
    expect(reg.status).toBeLessThan(300);
    await admin('/_sandbox/faults', { kind: 'duplicate_webhook', endpoint: 'webhooks.deliver', copies: 3 });
    const before = (await inbound('?limit=200')).items.filter((i: { via: string }) => i.via === 'webhook').length;
    await admin('/_sandbox/tick', { advance: '6h' });
    await sb.webhooks.idle();
    const deliveries = ((await admin('/_sandbox/webhooks/deliveries')).data as Array<{ eventId: string; type: string; url: string; status: number | string }>)
      .filter((d) => d.url === hookUrl && ['comment.created', 'mention.created', 'dm.received'].includes(d.type));
    expect(deliveries.length).toBeGreaterThan(0);
    expect(deliveries.every((d) => d.status === 200)).toBe(true);
    const distinct = new Set(deliveries.map((d) => d.eventId));
    expect(deliveries.length).toBeGreaterThan(distinct.size); // the platform really sent duplicates
    const viaHook = (await inbound('?limit=200')).items.filter((i: { via: string }) => i.via === 'webhook');
    expect(viaHook.length - before).toBe(distinct.size); // …and each event was stored once
    const poll = await rt.app.inject({ method: 'POST', url: `${ws()}/inbound/collect`, headers: owner.headers, payload: { accountId } });
    expect(poll.json().stored).toBe(0); // what came by webhook is not stored again by polling
  });
});

describe('inbound event identity', () => {
  it('keys a comment by its platform id whichever path brought it', async () => {
    const { canonicalEventId } = await import('../../src/modules/inbound/model.js');
    const comment = { platformCommentId: 'c1', platformPostId: 'p1', author: { id: 'u' }, text: 'x', createdAt: new Date() };
    expect(canonicalEventId({ type: 'comment', eventId: 'evt_webhook_77', occurredAt: new Date(), comment })).toBe('comment:c1');
    expect(canonicalEventId({ type: 'comment', eventId: 'comment:c1', occurredAt: new Date(), comment })).toBe('comment:c1');
  });
});
