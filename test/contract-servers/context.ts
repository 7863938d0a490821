/** Test helpers shared by the connector tests: a context pointed at a fake, golden files. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { fixedClock } from '../../src/kernel/clock';
import type { ConnectorContext, ConnectorCredentials, WebhookRequest } from '../../src/modules/platforms/connector';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'platforms');

export function makeContext(baseUrl: string, credentials: ConnectorCredentials, extra: Partial<ConnectorContext> = {}) {
  const clock = fixedClock('2026-11-20T04:00:00Z');
  const ctx: ConnectorContext = { credentials, baseUrl, fetch: globalThis.fetch, clock, timeoutMs: 30_000, ...extra };
  return { ctx, clock };
}

export function fixture(platform: string, name: string): Buffer {
  return readFileSync(join(FIXTURES, platform, name));
}

/** Compares a value with a golden JSON file; UPDATE_GOLDEN=1 rewrites it. */
export function expectGolden(platform: string, name: string, value: unknown) {
  const file = join(FIXTURES, platform, name);
  const json = JSON.stringify(value, null, 2) + '\n';
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) {
    writeFileSync(file, json);
    if (process.env.UPDATE_GOLDEN !== '1') throw new Error(`golden file ${name} was missing and has been written; review it`);
  }
  expect(JSON.parse(json)).toEqual(JSON.parse(readFileSync(file, 'utf8')));
}

export function webhookRequest(p: { method?: string; query?: Record<string, string>; headers?: Record<string, string>; body?: Buffer | string }): WebhookRequest {
  return {
    method: p.method ?? 'POST', query: p.query ?? {}, headers: p.headers ?? {},
    rawBody: Buffer.isBuffer(p.body) ? p.body : Buffer.from(p.body ?? ''),
  };
}

export const png = (name = 'a.png', size = 64) => ({
  kind: 'image' as const, filename: name, mimeType: 'image/png', data: new Uint8Array(size).fill(7),
});
export const mp4 = (name = 'v.mp4', size = 2048) => ({
  kind: 'video' as const, filename: name, mimeType: 'video/mp4', data: new Uint8Array(size).fill(9),
});
