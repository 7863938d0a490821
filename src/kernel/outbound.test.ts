import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertPublicUrl, guardedFetch, isPublicAddress, OutboundError } from './outbound.js';

interface Seen { method: string; url: string; headers: IncomingMessage['headers']; body: string }

async function listen(handler: (req: IncomingMessage, res: ServerResponse, body: string) => void): Promise<{ server: Server; url: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      seen.push({ method: req.method!, url: req.url!, headers: req.headers, body });
      handler(req, res, body);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

async function failure(p: Promise<unknown>): Promise<OutboundError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(OutboundError);
  return err as OutboundError;
}

describe('isPublicAddress', () => {
  it.each([
    '127.0.0.1', '127.8.9.10', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1',
    '0.0.0.0', '224.0.0.1', '255.255.255.255', '::1', '::', 'fe80::1', 'fc00::1', 'fd12:3456::1', 'ff02::1',
    '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:10.0.0.1', '::ffff:169.254.169.254', '[::1]', 'not-an-ip',
  ])('refuses %s', (ip) => {
    expect(isPublicAddress(ip)).toBe(false);
  });

  it.each(['8.8.8.8', '1.1.1.1', '114.114.114.114', '2400:3200::1', '::ffff:8.8.8.8'])('accepts %s', (ip) => {
    expect(isPublicAddress(ip)).toBe(true);
  });
});

describe('assertPublicUrl (save time)', () => {
  it.each([
    'http://127.0.0.1:8080/hook', 'http://localhost/hook', 'http://[::1]/', 'http://[::ffff:127.0.0.1]/', 'http://2130706433/',
    'http://0x7f.1/', 'http://169.254.169.254/latest/meta-data', 'http://10.0.0.5/', 'http://0.0.0.0:22/', 'http://100.64.1.1/',
    'http://no-such-host.invalid/',
  ])('refuses %s with one answer', async (url) => {
    const err = await failure(assertPublicUrl(url, { allowPrivateHosts: false, field: 'webhookUrl' }));
    expect(err.code).toBe('outbound.blocked_host');
    expect(err.fields).toEqual({ webhookUrl: expect.any(String) });
  });

  it.each(['ftp://example.com/', 'file:///etc/passwd', 'gopher://x/', 'not a url', 'http://user:pw@example.com/'])('refuses the malformed %s', async (url) => {
    expect((await failure(assertPublicUrl(url, { allowPrivateHosts: false }))).code).toBe('outbound.invalid_url');
  });

  it('accepts a public literal address, and private ones when the operator allows them', async () => {
    expect((await assertPublicUrl('https://8.8.8.8/x', { allowPrivateHosts: false })).hostname).toBe('8.8.8.8');
    expect((await assertPublicUrl('http://127.0.0.1:9/x', { allowPrivateHosts: true })).port).toBe('9');
  });
});

describe('guardedFetch', () => {
  let target: Awaited<ReturnType<typeof listen>>;
  let other: Awaited<ReturnType<typeof listen>>;
  beforeAll(async () => {
    other = await listen((req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ where: 'other', auth: req.headers.authorization ?? null }));
    });
    target = await listen((req, res, body) => {
      const path = req.url!;
      if (path === '/json') { res.setHeader('content-type', 'application/json'); res.end(JSON.stringify({ ok: true, echo: body, ct: req.headers['content-type'] ?? null })); return; }
      if (path === '/big') { res.end(Buffer.alloc(64 * 1024, 97)); return; }
      if (path === '/gzip-bomb') { res.setHeader('content-encoding', 'gzip'); res.end(gzipSync(Buffer.alloc(1024 * 1024, 0))); return; }
      if (path === '/gzip') { res.setHeader('content-encoding', 'gzip'); res.end(gzipSync(Buffer.from('compressed hello'))); return; }
      if (path === '/to-other') { res.statusCode = 302; res.setHeader('location', other.url.replace('127.0.0.1', 'localhost') + '/landed'); res.end(); return; }
      if (path === '/see-other') { res.statusCode = 303; res.setHeader('location', '/json'); res.end(); return; }
      if (path === '/loop') { res.statusCode = 302; res.setHeader('location', '/loop'); res.end(); return; }
      if (path === '/to-file') { res.statusCode = 302; res.setHeader('location', 'file:///etc/passwd'); res.end(); return; }
      if (path === '/slow') return; // never answers
      res.statusCode = 404;
      res.end('nope');
    });
  });
  afterAll(() => {
    target.server.closeAllConnections();
    other.server.closeAllConnections();
    target.server.close();
    other.server.close();
  });

  it('reaches a local server when private hosts are allowed, with the body serialised like fetch', async () => {
    const res = await guardedFetch(`${target.url}/json`, { method: 'POST', body: new URLSearchParams({ a: '1' }) }, { allowPrivateHosts: true });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, echo: 'a=1', ct: expect.stringContaining('application/x-www-form-urlencoded') });
    expect(res.url).toBe(`${target.url}/json`);
    const missing = await guardedFetch(`${target.url}/missing`, {}, { allowPrivateHosts: true });
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe('nope');
  });

  it('refuses loopback by literal address and by name without sending anything, in the same words', async () => {
    const before = target.seen.length;
    const byIp = await failure(guardedFetch(`${target.url}/json`, { method: 'POST', body: '{}' }, { allowPrivateHosts: false }));
    const byName = await failure(guardedFetch(`${target.url.replace('127.0.0.1', 'localhost')}/json`, {}, { allowPrivateHosts: false }));
    const mapped = await failure(guardedFetch(`${target.url.replace('127.0.0.1', '[::ffff:127.0.0.1]')}/json`, {}, { allowPrivateHosts: false }));
    expect(target.seen.length).toBe(before);
    for (const e of [byIp, byName, mapped]) {
      expect(e.code).toBe('outbound.unreachable');
      expect(e.message).toBe(byIp.message);
    }
  });

  it('does not tell a closed port from an open one', async () => {
    const closed = await listen(() => undefined);
    const closedUrl = closed.url;
    await new Promise<void>((r) => closed.server.close(() => r()));
    const refused = await failure(guardedFetch(`${closedUrl}/`, {}, { allowPrivateHosts: true }));
    const timedOut = await failure(guardedFetch(`${target.url}/slow`, {}, { allowPrivateHosts: true, timeoutMs: 300 }));
    const blocked = await failure(guardedFetch(`${target.url}/json`, {}, { allowPrivateHosts: false }));
    expect(new Set([refused, timedOut, blocked].map((e) => `${e.code}|${e.message}`)).size).toBe(1);
  });

  it('bounds the answer, compressed or not', async () => {
    expect((await failure(guardedFetch(`${target.url}/big`, {}, { allowPrivateHosts: true, maxBytes: 1024 }))).code).toBe('outbound.too_large');
    expect((await failure(guardedFetch(`${target.url}/gzip-bomb`, {}, { allowPrivateHosts: true, maxBytes: 1024 }))).code).toBe('outbound.too_large');
    const ok = await guardedFetch(`${target.url}/gzip`, {}, { allowPrivateHosts: true });
    expect(await ok.text()).toBe('compressed hello');
  });

  it('follows redirects itself: credentials stay with their origin, 303 turns into GET, loops and odd schemes end', async () => {
    const moved = await guardedFetch(`${target.url}/to-other`, { headers: { authorization: 'Bearer secret' } }, { allowPrivateHosts: true });
    expect(await moved.json()).toEqual({ where: 'other', auth: null });
    expect(moved.redirected).toBe(true);
    const seeOther = await guardedFetch(`${target.url}/see-other`, { method: 'POST', body: 'x=1' }, { allowPrivateHosts: true });
    expect(await seeOther.json()).toMatchObject({ ok: true, echo: '' });
    expect(target.seen.at(-1)!.method).toBe('GET');
    expect((await failure(guardedFetch(`${target.url}/loop`, {}, { allowPrivateHosts: true, maxRedirects: 3 }))).code).toBe('outbound.unreachable');
    expect((await failure(guardedFetch(`${target.url}/to-file`, {}, { allowPrivateHosts: true }))).code).toBe('outbound.unreachable');
    const manual = await guardedFetch(`${target.url}/loop`, { redirect: 'manual' }, { allowPrivateHosts: true });
    expect(manual.status).toBe(302);
  });

  it('refuses URLs that are not http(s)', async () => {
    expect((await failure(guardedFetch('file:///etc/passwd'))).code).toBe('outbound.invalid_url');
  });
});
