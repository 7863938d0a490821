import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../kernel/clock';
import { createFaults } from './faults';
import { startSandboxServer, type SandboxServer } from './server';
import { EVENT_ID_HEADER, verifyWebhookSignature } from './webhooks';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
});

async function boot() {
  const sb: SandboxServer = await startSandboxServer({ seed: 'faults', clock: fixedClock('2026-03-04T20:00:00+08:00'), tokenTtlMs: 86_400_000, webhookRetryDelaysMs: [10] });
  cleanups.push(() => sb.close());
  const token = sb.state.auth.issue(sb.state.accounts()[0]!.id, 'test').accessToken;
  const post = (key: string, signal?: AbortSignal) => fetch(`${sb.url}/api/posts`, {
    method: 'POST', signal, body: JSON.stringify({ text: '今晚8点直播见' }),
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': key },
  });
  const addFault = async (rule: unknown) => {
    const res = await fetch(`${sb.url}/_sandbox/faults`, { method: 'POST', body: JSON.stringify(rule), headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(201);
  };
  return { sb, token, post, addFault };
}

describe('fault registry', () => {
  it('fires counted rules exactly `times` times, matching ids, prefixes and *', () => {
    const f = createFaults('s');
    f.add({ kind: 'server_error', endpoint: 'posts.*', times: 2 });
    expect(f.take('comments.list')).toBeUndefined();
    expect(f.take('posts.create')?.kind).toBe('server_error');
    expect(f.take('posts.get')?.kind).toBe('server_error');
    expect(f.take('posts.create')).toBeUndefined();
    f.add({ kind: 'rate_limit' });
    expect(f.take('dms.list')?.kind).toBe('rate_limit');
    expect(f.firedByKind()).toEqual({ server_error: 2, rate_limit: 1 });
  });

  it('fires probabilistic rules at about the rate asked, repeatably for a seed', () => {
    const run = () => {
      const f = createFaults('seeded');
      f.add({ kind: 'server_error', probability: 0.2 });
      return Array.from({ length: 2000 }, () => (f.take('posts.create') ? 1 : 0));
    };
    const a = run();
    const hits = a.reduce<number>((s, x) => s + x, 0);
    expect(hits).toBeGreaterThan(300);
    expect(hits).toBeLessThan(500);
    expect(run()).toEqual(a);
  });

  it('keeps webhook faults and request faults apart', () => {
    const f = createFaults('s');
    f.add({ kind: 'duplicate_webhook' });
    expect(f.take('posts.create')).toBeUndefined();
    expect(f.take('webhooks.deliver')?.kind).toBe('duplicate_webhook');
  });

  it('rejects malformed rules', () => {
    expect(() => createFaults('s').add({ kind: 'explode' } as never)).toThrow();
  });
});

describe('faults over HTTP', () => {
  it('429 carries Retry-After, then the request succeeds', async () => {
    const { post, addFault } = await boot();
    await addFault({ kind: 'rate_limit', endpoint: 'posts.create', times: 1, retryAfterSec: 7 });
    const limited = await post('a');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect((await post('a')).status).toBe(201);
  });

  it('5xx does nothing on the platform', async () => {
    const { sb, post, addFault } = await boot();
    await addFault({ kind: 'server_error', endpoint: '*', times: 1, status: 502 });
    expect((await post('b')).status).toBe(502);
    expect(sb.state.publishCountByKey('b')).toBe(0);
  });

  it('timeout after accepting: the post exists though the answer never came', async () => {
    const { sb, post, addFault, token } = await boot();
    await addFault({ kind: 'timeout', endpoint: 'posts.create', times: 1, delayMs: 5_000 });
    await expect(post('c', AbortSignal.timeout(500))).rejects.toThrow();
    expect(sb.state.publishCountByKey('c')).toBe(1);
    const found = (await (await fetch(`${sb.url}/api/posts?key=c`, { headers: { authorization: `Bearer ${token}` } })).json()) as { data: unknown[] };
    expect(found.data).toHaveLength(1);
    const retry = await post('c');
    expect(retry.status).toBe(200);
    expect(sb.state.publishCountByKey('c')).toBe(1);
  });

  it('timeout with a late answer: the response comes after the delay', async () => {
    const { post, addFault } = await boot();
    await addFault({ kind: 'timeout', endpoint: 'posts.create', times: 1, delayMs: 30, respond: 'late' });
    expect((await post('d')).status).toBe(201);
  });

  it('timeout before accepting: the connection drops and nothing is created', async () => {
    const { sb, post, addFault } = await boot();
    await addFault({ kind: 'timeout', endpoint: 'posts.create', times: 1, delayMs: 20, phase: 'before' });
    await expect(post('e')).rejects.toThrow();
    expect(sb.state.publishCountByKey('e')).toBe(0);
  });

  it('slow responses still succeed', async () => {
    const { post, addFault } = await boot();
    await addFault({ kind: 'slow', endpoint: 'posts.create', times: 1, delayMs: 20 });
    expect((await post('f')).status).toBe(201);
  });

  it('token expiry: 401 token_expired and the token stays expired', async () => {
    const { sb, token, addFault } = await boot();
    await addFault({ kind: 'token_expired', endpoint: 'me.get', times: 1 });
    const me = () => fetch(`${sb.url}/api/me`, { headers: { authorization: `Bearer ${token}` } });
    const res = await me();
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('token_expired');
    expect((await me()).status).toBe(401);
  });

  it('lists and clears rules', async () => {
    const { sb, addFault } = await boot();
    await addFault({ rules: [{ kind: 'slow', delayMs: 1 }, { kind: 'rate_limit', probability: 0.5 }] });
    expect(((await (await fetch(`${sb.url}/_sandbox/faults`)).json()) as { data: unknown[] }).data).toHaveLength(2);
    expect((await fetch(`${sb.url}/_sandbox/faults`, { method: 'DELETE' })).status).toBe(204);
    expect(sb.faults.list()).toEqual([]);
    const bad = await fetch(`${sb.url}/_sandbox/faults`, { method: 'POST', body: JSON.stringify({ kind: 'rate_limit', probability: 3 }), headers: { 'content-type': 'application/json' } });
    expect(bad.status).toBe(400);
  });
});

describe('webhooks', () => {
  async function receiver() {
    const got: { headers: IncomingMessage['headers']; body: Buffer }[] = [];
    const srv = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        got.push({ headers: req.headers, body: Buffer.concat(chunks) });
        res.writeHead(got.length === 1 && fail.first ? 500 : 200).end('ok');
      });
    });
    const fail = { first: false };
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
    cleanups.push(() => new Promise((r) => srv.close(() => r())));
    return { url: `http://127.0.0.1:${(srv.address() as AddressInfo).port}/hook`, got, fail };
  }

  it('signs deliveries; duplicates and retries carry the same event id', async () => {
    const { sb, token, post, addFault } = await boot();
    const rx = await receiver();
    const reg = await fetch(`${sb.url}/api/webhooks`, {
      method: 'POST', body: JSON.stringify({ url: rx.url, secret: 'whsec-test' }),
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    });
    expect(reg.status).toBe(201);
    await addFault({ kind: 'duplicate_webhook', endpoint: 'webhooks.deliver', times: 1 });
    await post('w1');
    await sb.webhooks.idle();
    expect(rx.got).toHaveLength(2);
    const [a, b] = rx.got;
    const h = (x: typeof a) => Object.fromEntries(Object.entries(x!.headers).map(([k, v]) => [k, String(v)]));
    expect(verifyWebhookSignature('whsec-test', h(a), a!.body)).toBe(true);
    expect(verifyWebhookSignature('wrong', h(a), a!.body)).toBe(false);
    expect(verifyWebhookSignature('whsec-test', h(a), Buffer.from(a!.body.toString().replace('w1', 'w2')))).toBe(false);
    expect(a!.headers[EVENT_ID_HEADER]).toBe(b!.headers[EVENT_ID_HEADER]);
    const event = JSON.parse(a!.body.toString()) as { id: string; type: string; data: { post: { client_key: string } } };
    expect(event.type).toBe('post.published');
    expect(event.id).toBe(a!.headers[EVENT_ID_HEADER]);
    expect(event.data.post.client_key).toBe('w1');

    rx.got.length = 0;
    rx.fail.first = true;
    await post('w2');
    await sb.webhooks.idle();
    expect(rx.got).toHaveLength(2);
    expect(rx.got[0]!.headers[EVENT_ID_HEADER]).toBe(rx.got[1]!.headers[EVENT_ID_HEADER]);
  });
});
