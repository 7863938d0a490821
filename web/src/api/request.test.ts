import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, buildUrl, request, setUnauthorizedHandler } from './request';

type Call = { url: string; init: RequestInit };

function fakeFetch(status: number, body?: unknown) {
  const calls: Call[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return new Response(body === undefined ? null : JSON.stringify(body), { status });
  });
  return calls;
}

describe('request', () => {
  beforeEach(() => {
    vi.stubGlobal('document', { cookie: 'other=1; chorus_csrf=tok%3D42' });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('builds query strings without empty values', () => {
    expect(buildUrl('/a', { x: 'y z', empty: '', none: undefined, n: 0 })).toBe('/a?x=y+z&n=0');
    expect(buildUrl('/a')).toBe('/a');
  });

  it('sends JSON with credentials and no CSRF header on GET', async () => {
    const calls = fakeFetch(200, { ok: true });
    await expect(request('/api/v1/me')).resolves.toEqual({ ok: true });
    expect(calls[0].init.credentials).toBe('include');
    expect((calls[0].init.headers as Record<string, string>)['x-csrf-token']).toBeUndefined();
  });

  it.each(['POST', 'PATCH', 'DELETE'] as const)('sends the chorus_csrf cookie as x-csrf-token on %s', async (method) => {
    const calls = fakeFetch(204);
    await expect(request('/x', { method, body: method === 'DELETE' ? undefined : { a: 1 } })).resolves.toBeUndefined();
    const headers = calls[0].init.headers as Record<string, string>;
    expect(headers['x-csrf-token']).toBe('tok=42');
    if (method !== 'DELETE') expect(calls[0].init.body).toBe('{"a":1}');
  });

  it('turns an error body into an ApiError with code and fields', async () => {
    fakeFetch(400, { error: { code: 'validation_failed', message: 'bad', fields: { name: 'required' } } });
    const err = await request('/x', { method: 'POST', body: {} }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 400, code: 'validation_failed', fields: { name: 'required' } });
  });

  it('gives a code to errors without a body', async () => {
    fakeFetch(502);
    await expect(request('/x')).rejects.toMatchObject({ code: 'http.502' });
  });

  it('calls the unauthorized handler on 401 unless told not to', async () => {
    const handler = vi.fn();
    setUnauthorizedHandler(handler);
    fakeFetch(401, { error: { code: 'unauthorized', message: 'no' } });
    await expect(request('/x')).rejects.toMatchObject({ code: 'unauthorized' });
    expect(handler).toHaveBeenCalledTimes(1);
    await expect(request('/x', { skipAuthRedirect: true })).rejects.toMatchObject({ status: 401 });
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('reports a network failure as network_error', async () => {
    vi.stubGlobal('fetch', async () => { throw new TypeError('Failed to fetch'); });
    await expect(request('/x')).rejects.toMatchObject({ status: 0, code: 'network_error' });
  });
});
