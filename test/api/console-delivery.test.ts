import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_DIST } from '../../src/server/app.js';
import { createTestRuntime, type TestRuntime } from '../helpers/runtime.js';

const built = existsSync(join(WEB_DIST, 'index.html'));

describe.skipIf(!built && process.env.CI !== 'true')('console delivery', () => {
  let rt: TestRuntime;
  let asset: string;
  beforeAll(async () => {
    rt = await createTestRuntime();
    // The largest script: certainly precompressed.
    asset = readdirSync(join(WEB_DIST, 'assets')).filter((f) => f.endsWith('.js'))
      .map((f) => ({ f, size: readFileSync(join(WEB_DIST, 'assets', f)).length })).sort((a, b) => b.size - a.size)[0]!.f;
  });
  afterAll(async () => { await rt.close(); });

  it('serves hashed scripts precompressed (brotli, else gzip) and cached for a year', async () => {
    const original = readFileSync(join(WEB_DIST, 'assets', asset));
    const br = await rt.app.inject({ method: 'GET', url: `/assets/${asset}`, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(String(br.headers.vary)).toMatch(/accept-encoding/i);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.rawPayload.length).toBeLessThan(original.length / 2);
    expect(brotliDecompressSync(br.rawPayload).equals(original)).toBe(true);

    const gz = await rt.app.inject({ method: 'GET', url: `/assets/${asset}`, headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).equals(original)).toBe(true);

    const plain = await rt.app.inject({ method: 'GET', url: `/assets/${asset}`, headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.equals(original)).toBe(true);
  });

  it('always revalidates index.html, whether asked for by name or through a console route', async () => {
    for (const url of ['/', '/content/calendar']) {
      const res = await rt.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip, br' } });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
    }
  });
});
