import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../kernel/clock';
import type { ConnectorContext } from './connector';
import { ReauthorizeError, RetryableError, UnconfirmedError, parseRetryAfter } from './errors';
import { buildMultipart, checkHttpStatus, httpRequest } from './http';
import { parseMultipart } from '../../../test/contract-servers/harness';

describe('httpRequest failure classification', () => {
  let url = '';
  const resets = new Map<string, number>();
  const server = createServer((req, res) => {
    if (req.url?.startsWith('/slow')) return; // never answers
    if (req.url?.startsWith('/reset-once')) {
      // Like a kept-alive socket the server already closed: the first request on it dies unanswered.
      const n = (resets.get(req.url) ?? 0) + 1;
      resets.set(req.url, n);
      if (n === 1) return req.socket.destroy();
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
  });
  beforeAll(async () => { await new Promise<void>((r) => server.listen(0, '127.0.0.1', r)); url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`; });
  afterAll(async () => { server.closeAllConnections(); await new Promise((r) => server.close(r)); });
  const ctx = (timeoutMs = 5000): ConnectorContext => ({ credentials: {}, fetch: globalThis.fetch, clock: fixedClock('2026-11-20T00:00:00Z'), timeoutMs });

  it('decodes JSON', async () => {
    expect((await httpRequest(ctx(), 'x', { url: `${url}/ok` })).body).toEqual({ ok: true });
  });

  it('sends a GET again once when its connection was reset, never a POST', async () => {
    expect((await httpRequest(ctx(), 'x', { url: `${url}/reset-once/get` })).body).toEqual({ ok: true });
    expect(resets.get('/reset-once/get')).toBe(2);
    await expect(httpRequest(ctx(), 'x', { url: `${url}/reset-once/post`, json: { a: 1 } })).rejects.toBeInstanceOf(UnconfirmedError);
    expect(resets.get('/reset-once/post')).toBe(1);
  });

  it('a POST that times out after sending is unconfirmed; a GET is retryable', async () => {
    await expect(httpRequest(ctx(150), 'x', { url: `${url}/slow`, json: { a: 1 } })).rejects.toBeInstanceOf(UnconfirmedError);
    await expect(httpRequest(ctx(150), 'x', { url: `${url}/slow` })).rejects.toBeInstanceOf(RetryableError);
  });

  it('a refused connection was never sent: retryable even for POST', async () => {
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const port = (probe.address() as AddressInfo).port;
    await new Promise((r) => probe.close(r));
    const e = await httpRequest(ctx(), 'x', { url: `http://127.0.0.1:${port}/`, json: {} }).catch((x) => x);
    expect(e).toBeInstanceOf(RetryableError);
    expect(e.message).toContain('ECONNREFUSED');
  });

  it('never puts the request URL (tokens live in query strings) into the error', async () => {
    const e = await httpRequest(ctx(150), 'x', { url: `${url}/slow`, query: { access_token: 'SECRET-TOKEN' }, json: {} }).catch((x) => x);
    expect(String(e.message) + String(e.stack)).not.toContain('SECRET-TOKEN');
  });
});

describe('status rules', () => {
  const now = new Date('2026-11-20T00:00:00Z');
  const r = (status: number, headers: Record<string, string> = {}) => ({ status, headers, body: {}, text: '' });
  it('429 and 5xx are retryable with Retry-After (seconds or date); 401 asks for re-authorisation', () => {
    expect(() => checkHttpStatus('x', r(429, { 'retry-after': '7' }), now)).toThrow(RetryableError);
    try { checkHttpStatus('x', r(503, { 'retry-after': 'Fri, 20 Nov 2026 00:01:00 GMT' }), now); } catch (e) { expect((e as RetryableError).retryAfterMs).toBe(60_000); }
    expect(() => checkHttpStatus('x', r(401), now)).toThrow(ReauthorizeError);
    expect(() => checkHttpStatus('x', r(404), now)).not.toThrow();
    expect(parseRetryAfter('garbage', now)).toBeUndefined();
  });

  it('builds multipart bodies the fakes can read back', () => {
    const mp = buildMultipart({ title: '标题' }, { file: { filename: 'a.png', mimeType: 'image/png', data: new Uint8Array([1, 2, 3]) } });
    const parsed = parseMultipart(Buffer.from(mp.body), mp.contentType);
    expect(parsed.fields.title).toBe('标题');
    expect([...parsed.files.file.data]).toEqual([1, 2, 3]);
  });
});
