import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../kernel/clock';
import { startSandboxServer, type SandboxServer } from './server';

const START = '2026-03-04T12:00:00+08:00';
let servers: SandboxServer[] = [];

async function boot(extra: Partial<Parameters<typeof startSandboxServer>[0]> = {}) {
  const clock = fixedClock(START);
  const sb = await startSandboxServer({ seed: 'test', clock, tokenTtlMs: 30 * 86_400_000, ...extra });
  servers.push(sb);
  const account = sb.state.accounts()[0]!;
  const token = sb.state.auth.issue(account.id, 'test').accessToken;
  const api = (path: string, init: RequestInit & { json?: unknown; key?: string } = {}) => fetch(`${sb.url}${path}`, {
    ...init,
    body: init.json === undefined ? init.body : JSON.stringify(init.json),
    headers: {
      authorization: `Bearer ${token}`,
      ...(init.json === undefined ? {} : { 'content-type': 'application/json' }),
      ...(init.key ? { 'idempotency-key': init.key } : {}),
      ...(init.headers as Record<string, string> | undefined),
    },
  });
  const admin = (path: string, json?: unknown, method = json === undefined ? 'GET' : 'POST') =>
    fetch(`${sb.url}/_sandbox${path}`, { method, body: json === undefined ? undefined : JSON.stringify(json), headers: { 'content-type': 'application/json' } });
  return { sb, clock, account, token, api, admin };
}

afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

describe('oauth and tokens', () => {
  it('authorises with a code, expires the access token, refreshes with rotation', async () => {
    const { sb, clock } = await boot({ tokenTtlMs: 3_600_000 });
    const auth = await fetch(`${sb.url}/oauth/authorize?client_id=chorus&redirect_uri=${encodeURIComponent('http://localhost:9/cb')}&state=xyz`, { redirect: 'manual' });
    expect(auth.status).toBe(302);
    const cb = new URL(auth.headers.get('location')!);
    expect(cb.searchParams.get('state')).toBe('xyz');
    const tokenRes = await fetch(`${sb.url}/oauth/token`, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'authorization_code', code: cb.searchParams.get('code')!, client_id: 'chorus', redirect_uri: 'http://localhost:9/cb' }),
    });
    const tok = (await tokenRes.json()) as { access_token: string; refresh_token: string; expires_in: number };
    expect(tok.expires_in).toBe(3600);
    const me = (bearer: string) => fetch(`${sb.url}/api/me`, { headers: { authorization: `Bearer ${bearer}` } });
    expect((await me(tok.access_token)).status).toBe(200);

    clock.advance(3_600_001);
    const expired = await me(tok.access_token);
    expect(expired.status).toBe(401);
    expect(((await expired.json()) as { error: { code: string } }).error.code).toBe('token_expired');

    const refresh = (rt: string) => fetch(`${sb.url}/oauth/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ grant_type: 'refresh_token', refresh_token: rt }) });
    const fresh = (await (await refresh(tok.refresh_token)).json()) as { access_token: string };
    expect((await me(fresh.access_token)).status).toBe(200);
    expect((await refresh(tok.refresh_token)).status).toBe(400);
    expect((await me('nonsense')).status).toBe(401);
  });

  it('expires tokens on demand from the admin API', async () => {
    const { api, admin } = await boot({ tokenTtlMs: 7_200_000 });
    expect((await api('/api/me')).status).toBe(200);
    await admin('/tokens/expire', {});
    expect((await api('/api/me')).status).toBe(401);
  });
});

describe('posts and idempotency', () => {
  it('a repeated Idempotency-Key returns the original post, never a second one', async () => {
    const { sb, api, admin } = await boot();
    const first = await api('/api/posts', { method: 'POST', json: { text: '春季新品樱花拿铁上市' }, key: 'k-1' });
    const second = await api('/api/posts', { method: 'POST', json: { text: '春季新品樱花拿铁上市' }, key: 'k-1' });
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    const a = (await first.json()) as { id: string; client_key: string };
    const b = (await second.json()) as { id: string };
    expect(b.id).toBe(a.id);
    expect(a.client_key).toBe('k-1');
    expect(sb.state.publishCountByKey('k-1')).toBe(1);
    const stats = (await (await admin('/stats?key=k-1')).json()) as { by_key: { publish_count: number; request_count: number } };
    expect(stats.by_key).toEqual({ key: 'k-1', publish_count: 1, request_count: 2 });
    const found = (await (await api('/api/posts?key=k-1&since=2026-03-01T00:00:00Z')).json()) as { data: { id: string }[] };
    expect(found.data.map((p) => p.id)).toEqual([a.id]);
    expect(((await (await api('/api/posts?key=other')).json()) as { data: unknown[] }).data).toEqual([]);
  });

  it('can behave like a platform without idempotency, so double publishes show in the stats', async () => {
    const { sb, api, admin } = await boot();
    await admin('/config', { honor_idempotency_key: false });
    await api('/api/posts', { method: 'POST', json: { text: 'hello' }, key: 'dup' });
    await api('/api/posts', { method: 'POST', json: { text: 'hello' }, key: 'dup' });
    expect(sb.state.publishCountByKey('dup')).toBe(2);
    const stats = (await (await admin('/stats')).json()) as { duplicateKeys: { key: string; posts: number }[] };
    expect(stats.duplicateKeys).toEqual([{ key: 'dup', posts: 2 }]);
  });

  it('refuses bad content with 422 naming the field', async () => {
    const { api } = await boot();
    const cases: [unknown, string][] = [
      [{ text: '' }, 'empty_post'],
      [{ text: '长'.repeat(2001) }, 'text_too_long'],
      [{ text: '这是一条违禁词测试内容' }, 'content_rejected'],
      [{ text: 'x', media_ids: ['nope'] }, 'media_not_found'],
    ];
    for (const [json, code] of cases) {
      const res = await api('/api/posts', { method: 'POST', json });
      expect(res.status).toBe(422);
      expect(((await res.json()) as { error: { code: string; field: string } }).error.code).toBe(code);
    }
  });

  it('gets, deletes and 404s posts; other accounts cannot see them', async () => {
    const { sb, api } = await boot();
    const post = (await (await api('/api/posts', { method: 'POST', json: { text: 'hi' } })).json()) as { id: string; url: string };
    expect((await api(`/api/posts/${post.id}`)).status).toBe(200);
    expect((await fetch(post.url)).status).toBe(200);
    const other = sb.state.auth.issue(sb.state.accounts()[1]!.id, 'test').accessToken;
    expect((await fetch(`${sb.url}/api/posts/${post.id}`, { headers: { authorization: `Bearer ${other}` } })).status).toBe(404);
    expect((await api(`/api/posts/${post.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await api(`/api/posts/${post.id}`)).status).toBe(404);
  });

  it('processes video asynchronously: 202 processing, then published after simulated time', async () => {
    const { api, admin } = await boot({ videoProcessingMs: 60_000 });
    const media = (await (await api('/api/media', { method: 'POST', json: { kind: 'video', filename: 'a.mp4', size: 1000 } })).json()) as { id: string; status: string };
    expect(media.status).toBe('processing');
    const res = await api('/api/posts', { method: 'POST', json: { text: '新品开箱视频', media_ids: [media.id] }, key: 'vid' });
    expect(res.status).toBe(202);
    const post = (await res.json()) as { id: string; status: string; format: string };
    expect(post).toMatchObject({ status: 'processing', format: 'video' });
    await admin('/tick', { advance: '61s' });
    expect(((await (await api(`/api/media/${media.id}`)).json()) as { status: string }).status).toBe('ready');
    expect(((await (await api(`/api/posts/${post.id}`)).json()) as { status: string }).status).toBe('published');
  });
});

describe('simulated activity', () => {
  it('produces metrics, comments, DMs, mentions and follower days as time passes', async () => {
    const { api, admin } = await boot();
    const post = (await (await api('/api/posts', { method: 'POST', json: { text: '评论区聊聊你最爱的咖啡，抽3位送券', theme: 'interactive' } })).json()) as { id: string };
    const before = (await (await api(`/api/posts/${post.id}/metrics`)).json()) as { impressions: number };
    expect(before.impressions).toBe(0);
    await admin('/tick', { advance: '2d' });
    const m = (await (await api(`/api/posts/${post.id}/metrics`)).json()) as Record<string, number | null>;
    expect(m.impressions).toBeGreaterThan(100);
    expect(m.completion_rate).toBeNull();
    const comments = (await (await api(`/api/posts/${post.id}/comments?limit=200`)).json()) as { data: { id: string; text: string; user: { name: string } }[] };
    expect(comments.data.length).toBe(Math.min(200, m.comments as number));
    expect(comments.data.length).toBeGreaterThan(0);
    const dms = (await (await api('/api/dms')).json()) as { data: { conversation_id: string }[] };
    const mentions = (await (await api('/api/mentions')).json()) as { data: unknown[] };
    expect(dms.data.length).toBeGreaterThan(0);
    expect(mentions.data.length).toBeGreaterThan(0);
    const acct = (await (await api('/api/account/metrics')).json()) as { days: { date: string; new_followers: number }[] };
    expect(acct.days.map((d) => d.date)).toContain('2026-03-05');

    const c = comments.data[0]!;
    const reply = await api(`/api/comments/${c.id}/replies`, { method: 'POST', json: { text: '谢谢支持！' } });
    expect(reply.status).toBe(201);
    expect((await api(`/api/comments/${c.id}/hide`, { method: 'POST', json: {} })).status).toBe(204);
    expect((await api(`/api/comments/${c.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await api(`/api/comments/${c.id}`, { method: 'DELETE' })).status).toBe(404);

    const conv = dms.data.at(-1)!.conversation_id;
    expect((await api('/api/dms', { method: 'POST', json: { conversation_id: conv, text: '您好，已为您登记' } })).status).toBe(201);
    await admin('/tick', { advance: '3d' });
    expect((await api('/api/dms', { method: 'POST', json: { conversation_id: conv, text: '还在吗' } })).status).toBe(403);
  });

  it('is the same network for the same seed and clock', async () => {
    const run = async () => {
      const { api, admin } = await boot();
      await api('/api/posts', { method: 'POST', json: { text: '周末新品试饮' } });
      await admin('/tick', { advance: '30h' });
      return ((await (await api('/api/comments?limit=200')).json()) as { data: unknown[] }).data;
    };
    expect(await run()).toEqual(await run());
  });

  it('runs a crisis drill: a burst of complaints and mentions on the topic', async () => {
    const { api, admin } = await boot();
    await api('/api/posts', { method: 'POST', json: { text: '门店上新' } });
    const res = await admin('/crisis', { topic: '门店食品安全', intensity: 3, duration: '6h' });
    expect(res.status).toBe(201);
    const mentions = (await (await api('/api/mentions?limit=200')).json()) as { data: { text: string }[] };
    expect(mentions.data.filter((m) => m.text.includes('门店食品安全')).length).toBeGreaterThanOrEqual(24);
    await admin('/tick', { advance: '1h' });
    const later = (await (await api('/api/mentions?limit=200')).json()) as { data: { text: string }[] };
    expect(later.data.length).toBeGreaterThan(mentions.data.length);
    const comments = (await (await api('/api/comments?limit=200')).json()) as { data: { text: string }[] };
    expect(comments.data.some((c) => c.text.includes('门店食品安全'))).toBe(true);
    const labels = (await (await admin('/labels')).json()) as { mentions: { text: string; intent: string }[] };
    expect(labels.mentions.filter((m) => m.text.includes('门店食品安全')).every((m) => m.intent === 'complaint')).toBe(true);
  });

  it('pages lists with a cursor', async () => {
    const { api, admin } = await boot();
    await admin('/crisis', { topic: '退款慢', intensity: 4 });
    const p1 = (await (await api('/api/mentions?limit=10')).json()) as { data: { id: string }[]; next_cursor: string };
    const p2 = (await (await api(`/api/mentions?limit=10&cursor=${p1.next_cursor}`)).json()) as { data: { id: string }[] };
    expect(p1.data).toHaveLength(10);
    expect(p2.data.length).toBeGreaterThan(0);
    expect(p2.data.some((x) => p1.data.some((y) => y.id === x.id))).toBe(false);
  });
});

describe('persistence', () => {
  it('keeps the network across restarts when given a file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sandbox-'));
    try {
      const file = join(dir, 'net.json');
      const one = await boot({ persistPath: file });
      await one.api('/api/posts', { method: 'POST', json: { text: '留存测试' }, key: 'persist' });
      await one.sb.close();
      servers = [];
      const two = await boot({ persistPath: file });
      expect(two.sb.state.publishCountByKey('persist')).toBe(1);
      expect(two.sb.state.data.posts[0]!.text).toBe('留存测试');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
