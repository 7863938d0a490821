import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandboxServer } from '../../src/modules/platforms/sandbox/server.js';
import { BACKENDS } from '../helpers/database.js';
import { addMember, createTestRuntime, signUpOwner, type Session, type TestRuntime } from '../helpers/runtime.js';

/** Waits for a condition (the machine is loaded: never a fixed sleep). */
async function until<T>(what: string, fn: () => Promise<T | undefined | null | false>, timeoutMs = 60_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.each(BACKENDS)('the unified inbox on the sandbox network (%s)', (backend) => {
  let rt: TestRuntime;
  let sb: Awaited<ReturnType<typeof startSandboxServer>>;
  let owner: Session & { workspaceId: string };
  let community: Session;
  let analyst: Session;
  let accountId: string;
  let token: string;
  const ws = () => `/api/v1/workspaces/${owner.workspaceId}`;
  const admin = async (path: string, body?: unknown) => {
    const res = await fetch(`${sb.url}${path}`, { method: body ? 'POST' : 'GET', headers: { 'content-type': 'application/json' }, body: body ? JSON.stringify(body) : undefined });
    return res.json() as Promise<Record<string, unknown>>;
  };
  const api = async (method: 'GET' | 'POST' | 'PATCH' | 'PUT', path: string, who: Session = owner, payload?: unknown) =>
    rt.app.inject({ method, url: `${ws()}${path}`, headers: who.headers, payload: payload as never });
  let sandboxId: string;
  /** What the sandbox network itself shows (a fresh token: the sandbox clock moves on and tokens expire). */
  const sandboxGet = async (path: string) => {
    const fresh = String((await admin('/_sandbox/tokens', { account_id: sandboxId })).access_token);
    return (await fetch(`${sb.url}${path}`, { headers: { authorization: `Bearer ${fresh}` } })).json() as Promise<{ data: Array<Record<string, unknown>> }>;
  };

  beforeAll(async () => {
    rt = await createTestRuntime({ backend, worker: true });
    sb = await startSandboxServer({ port: 0, host: '127.0.0.1', seed: `inbox-${backend}` });
    owner = await signUpOwner(rt, 'inbox');
    const approvers = await Promise.all((['compliance', 'leader', 'manager'] as const).map((r) => addMember(rt, owner, r)));
    community = await addMember(rt, owner, 'community');
    analyst = await addMember(rt, owner, 'analyst');
    const sandboxAccount = await admin('/_sandbox/accounts', { name: '星河咖啡沙盒号', followers: 50_000 });
    sandboxId = String((sandboxAccount.account as { id: string } | undefined)?.id ?? sandboxAccount.id);
    const issued = await admin('/_sandbox/tokens', { account_id: sandboxId });
    token = String(issued.access_token);
    const filed = await api('POST', '/accounts', owner, {
      platform: 'sandbox', type: 'campaign', handle: `sb_inbox_${backend}`, displayName: '星河咖啡沙盒号', function: '演练', apiBaseUrl: sb.url,
      filing: { purpose: '演练', operators: [], verificationPlan: '无' },
    });
    expect(filed.statusCode, filed.body).toBe(201);
    accountId = filed.json().account.id;
    for (const a of approvers) {
      const r = await rt.app.inject({ method: 'POST', url: `${ws()}/accounts/filings/${filed.json().filing.id}/approve`, headers: a.headers, payload: {} });
      expect(r.statusCode, r.body).toBe(200);
    }
    const creds = await api('POST', `/accounts/${accountId}/credentials`, owner, {
      accessToken: token, refreshToken: String(issued.refresh_token), platformAccountId: sandboxId,
    });
    expect(creds.statusCode, creds.body).toBe(200);
    const post = await fetch(`${sb.url}/api/posts`, {
      method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': `inbox-${backend}` },
      body: JSON.stringify({ text: '冬季限定拿铁上市，评论区聊聊你最想喝哪一款？', theme: 'product' }),
    });
    expect(post.status).toBe(201);
    await admin('/_sandbox/tick', { advance: '12h' });
    const collected = await api('POST', '/inbound/collect', owner, { accountId });
    expect(collected.statusCode, collected.body).toBe(200);
  });
  afterAll(async () => {
    await sb?.close();
    await rt?.close();
  });

  const listAll = async (q = '') => {
    const items: Array<Record<string, any>> = [];
    let cursor: string | null = null;
    do {
      const res = await api('GET', `/inbox/conversations?limit=3${q}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode, res.body).toBe(200);
      items.push(...res.json().items);
      cursor = res.json().nextCursor;
    } while (cursor);
    return items;
  };

  it('threads what people wrote into conversations with the contract fields, and nothing else', async () => {
    const items = await listAll();
    expect(items.length).toBeGreaterThan(0);
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length); // the cursor never repeats a row
    for (const c of items) {
      expect(['comment', 'dm', 'mention']).toContain(c.kind);
      expect(['open', 'pending', 'resolved', 'spam']).toContain(c.status);
      expect(['critical', 'high', 'normal', 'low']).toContain(c.priority);
      expect(['ok', 'warning', 'breached']).toContain(c.slaState);
      for (const k of ['id', 'platform', 'accountId', 'assigneeUserId', 'tags', 'author', 'lastMessage', 'messageCount', 'slaDueAt', 'firstResponseAt']) expect(c, k).toHaveProperty(k);
      expect(c.lastMessage).toEqual(expect.objectContaining({ text: expect.any(String), at: expect.any(String) }));
      expect(c.messageCount).toBeGreaterThan(0);
    }
    // collecting again changes nothing
    await api('POST', '/inbound/collect', owner, { accountId });
    expect((await listAll()).length).toBe(items.length);
  });

  it('counts the summary on the server over every conversation', async () => {
    const items = await listAll();
    const s = (await api('GET', '/inbox/summary')).json();
    const by = (st: string) => items.filter((i) => i.status === st).length;
    expect(s.byStatus).toEqual({ open: by('open'), pending: by('pending'), resolved: by('resolved'), spam: by('spam') });
    expect(s.unassigned).toBe(items.filter((i) => !i.assigneeUserId && ['open', 'pending'].includes(i.status)).length);
    expect(s.slaBreached).toBe((await listAll('&slaState=breached')).filter((i) => !i.firstResponseAt).length);
  });

  it('triages: assign to me, filter by me/none, tag, prioritise — and checks the assignee', async () => {
    const [first] = (await api('GET', '/inbox/conversations?status=open&limit=1')).json().items;
    const patched = await api('PATCH', `/inbox/conversations/${first.id}`, community, { assigneeUserId: community.userId, tags: ['售后', '售后', ' 物流 '], priority: 'critical' });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json().conversation).toMatchObject({ assigneeUserId: community.userId, tags: ['售后', '物流'], priority: 'critical' });
    const mine = (await api('GET', '/inbox/conversations?assigneeUserId=me', community)).json().items;
    expect(mine.map((c: { id: string }) => c.id)).toEqual([first.id]);
    const none = (await api('GET', '/inbox/conversations?assigneeUserId=none&limit=100')).json().items;
    expect(none.some((c: { id: string }) => c.id === first.id)).toBe(false);
    const stranger = await signUpOwner(rt, 'stranger');
    const bad = await api('PATCH', `/inbox/conversations/${first.id}`, owner, { assigneeUserId: stranger.userId });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toHaveProperty('assigneeUserId');
    expect((await api('PATCH', `/inbox/conversations/${first.id}`, owner, {})).statusCode).toBe(400);
    expect((await api('PATCH', `/inbox/conversations/${first.id}`, analyst, { status: 'resolved' })).statusCode).toBe(403);
    expect((await api('GET', '/inbox/conversations?limit=101')).statusCode).toBe(400);
    expect((await api('GET', '/inbox/conversations?cursor=bm9wZQ')).statusCode).toBe(400);
  });

  it('refuses a reply with a blocking compliance finding and shows the findings', async () => {
    const [c] = (await api('GET', '/inbox/conversations?kind=comment&limit=1')).json().items;
    const res = await api('POST', `/inbox/conversations/${c.id}/replies`, community, { text: '我们的拿铁全网最低价' });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().error.code).toBe('compliance.blocked');
    expect(res.json().error.findings.some((f: { severity: string }) => f.severity === 'block')).toBe(true);
    const detail = (await api('GET', `/inbox/conversations/${c.id}`)).json();
    expect(detail.messages.filter((m: { direction: string }) => m.direction === 'out')).toHaveLength(0);
  });

  it('replies in public through the connector once, records the platform id, and starts no second thread', async () => {
    const [c] = (await api('GET', '/inbox/conversations?kind=comment&limit=1')).json().items;
    const res = await api('POST', `/inbox/conversations/${c.id}/replies`, community, { text: '感谢反馈，我们已经安排客服跟进～' });
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json().reply).toMatchObject({ status: 'queued', platformMessageId: null });
    const replyId = res.json().reply.id;
    const sent = await until('the reply to be sent', async () => {
      const d = (await api('GET', `/inbox/conversations/${c.id}`)).json();
      const m = d.messages.find((x: { id: string }) => x.id === replyId);
      return m?.status === 'sent' ? { d, m } : null;
    });
    expect(sent.m.platformMessageId).toMatch(/\S/);
    expect(sent.d.conversation.firstResponseAt).not.toBeNull();
    // it is on the sandbox network, exactly once
    const comments = await sandboxGet(`/api/posts/${encodeURIComponent(c.platformPostId)}/comments?limit=100`);
    const ours = comments.data.filter((x) => x.text === '感谢反馈，我们已经安排客服跟进～');
    expect(ours.map((x) => String(x.id))).toEqual([sent.m.platformMessageId]);
    // polling brings our reply back: it is recognised, not added again
    await api('POST', '/inbound/collect', owner, { accountId });
    const after = (await api('GET', `/inbox/conversations/${c.id}`)).json();
    expect(after.messages.filter((m: { direction: string }) => m.direction === 'out')).toHaveLength(1);
  });

  it('answers a DM thread privately', async () => {
    const dms = (await api('GET', '/inbox/conversations?kind=dm&limit=1')).json().items;
    if (dms.length === 0) {
      await admin('/_sandbox/tick', { advance: '24h' });
      await api('POST', '/inbound/collect', owner, { accountId });
    }
    const [dm] = (await api('GET', '/inbox/conversations?kind=dm&limit=1')).json().items;
    expect(dm, 'the sandbox sent a DM').toBeTruthy();
    const res = await api('POST', `/inbox/conversations/${dm.id}/replies`, owner, { text: '您好，请提供订单号，我们马上处理' });
    expect(res.statusCode, res.body).toBe(202);
    const m = await until('the DM to be sent', async () => {
      const d = (await api('GET', `/inbox/conversations/${dm.id}`)).json();
      return d.messages.find((x: { id: string; status?: string }) => x.id === res.json().reply.id && x.status !== 'queued');
    });
    expect(m.status).toBe('sent');
    expect(m.private).toBe(true);
    const sent = await sandboxGet('/api/dms?limit=100');
    expect(sent.data.some((x) => String(x.id) === m.platformMessageId && x.direction === 'out')).toBe(true);
  });

  it('hides spam on the platform and marks the conversation as spam', async () => {
    const [c] = (await api('GET', '/inbox/conversations?kind=comment&status=open&limit=1')).json().items;
    const res = await api('POST', `/inbox/conversations/${c.id}/moderation`, community, { action: 'hide' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().moderated).toBeGreaterThan(0);
    const d = (await api('GET', `/inbox/conversations/${c.id}`)).json();
    expect(d.conversation.status).toBe('spam');
    expect(d.messages.find((m: { direction: string }) => m.direction === 'in').moderation).toBe('hidden');
  });

  it('keeps a per-workspace SLA policy with defaults 4 and 30', async () => {
    expect((await api('GET', '/inbox/sla-policy')).json()).toEqual({ firstResponseWorkingHours: 4, warnBeforeMinutes: 30 });
    expect((await api('PUT', '/inbox/sla-policy', community, { firstResponseWorkingHours: 2, warnBeforeMinutes: 15 })).statusCode).toBe(403);
    expect((await api('PUT', '/inbox/sla-policy', owner, { firstResponseWorkingHours: -1, warnBeforeMinutes: 15 })).statusCode).toBe(400);
    const put = await api('PUT', '/inbox/sla-policy', owner, { firstResponseWorkingHours: 2, warnBeforeMinutes: 15 });
    expect(put.statusCode, put.body).toBe(200);
    expect((await api('GET', '/inbox/sla-policy')).json()).toEqual({ firstResponseWorkingHours: 2, warnBeforeMinutes: 15 });
  });

  it('polls every connected account by itself, moves its cursor and backs off on a rate limit', async () => {
    const before = (await listAll()).length;
    await admin('/_sandbox/tick', { advance: '8h' });
    const { queued } = await rt.services.inboundPoller.sweep();
    expect(queued).toBeGreaterThan(0);
    await until('the scheduled poll to bring new conversations', async () => (await listAll()).length > before);
    // its turn comes again only after the interval: an immediate sweep leaves it alone
    await until('the cursor to be saved', async () => (await rt.services.inboundPoller.sweep()).queued === 0);
    await admin('/_sandbox/faults', { kind: 'rate_limit', endpoint: 'comments.list', times: 1, retryAfterSec: 600 });
    const limited = await rt.services.inboundPoller.poll(owner.workspaceId, accountId);
    expect(limited.ok).toBe(false);
    expect(limited.ok === false && limited.retryInMs).toBeGreaterThanOrEqual(600_000);
    const recovered = await rt.services.inboundPoller.poll(owner.workspaceId, accountId);
    expect(recovered.ok).toBe(true);
  });

  it('streams conversation changes as server-sent events', async () => {
    await rt.app.listen({ port: 0, host: '127.0.0.1' });
    const url = `http://127.0.0.1:${(rt.app.server.address() as { port: number }).port}${ws()}/inbox/stream`;
    expect((await fetch(url, { headers: owner.headers })).status).toBe(406);
    const ac = new AbortController();
    const res = await fetch(url, { headers: { ...owner.headers, accept: 'text/event-stream' }, signal: ac.signal });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.getReader();
    let text = '';
    const read = async (needle: RegExp) => {
      while (!needle.test(text)) text += new TextDecoder().decode((await reader.read()).value);
    };
    await read(/event: ?ready/);
    const [c] = (await api('GET', '/inbox/conversations?limit=1')).json().items;
    await api('PATCH', `/inbox/conversations/${c.id}`, owner, { status: 'pending' });
    await read(new RegExp(c.id));
    expect(text).toMatch(/event: ?conversation/);
    ac.abort();
  });
});
