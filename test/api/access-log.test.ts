import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { moduleRoutes } from '../../src/server/registry.js';
import { route } from '../../src/kernel/http/route.js';
import { createTestRuntime, signUpOwner, type TestRuntime } from '../helpers/runtime.js';

const broken = route({
  method: 'GET', url: '/api/v1/test/broken', access: 'public', tags: ['test'], summary: 'fails',
  handler: async () => { throw new Error('boom'); },
});

async function appLogging(rt: TestRuntime, level: 'info' | 'debug') {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({ write(chunk, _enc, cb) { lines.push(JSON.parse(chunk.toString())); cb(); } });
  const app = await buildApp({ services: rt.services, routes: [...moduleRoutes, broken], logger: { level, stream } });
  return { app, lines };
}

describe('access log', () => {
  let rt: TestRuntime;
  beforeAll(async () => { rt = await createTestRuntime(); });
  afterAll(async () => { await rt.close(); });

  it('stays quiet at info for health checks and ordinary requests, and reports server errors', async () => {
    const { app, lines } = await appLogging(rt, 'info');
    const owner = await signUpOwner(rt);
    await app.inject({ method: 'GET', url: '/api/health' });
    await app.inject({ method: 'GET', url: '/api/v1/me', headers: owner.headers });
    await app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(lines.filter((l) => l.route !== undefined)).toEqual([]);
    const failed = await app.inject({ method: 'GET', url: '/api/v1/test/broken' });
    expect(failed.statusCode).toBe(500);
    expect(lines.filter((l) => l.route === '/api/v1/test/broken' && l.status === 500)).toHaveLength(1);
    await app.close();
  });

  it('writes one JSON line per request at debug, with the route pattern instead of the raw address', async () => {
    const { app, lines } = await appLogging(rt, 'debug');
    const owner = await signUpOwner(rt);
    const secretish = 'feed-token-0123456789abcdef';
    await app.inject({ method: 'GET', url: `/api/v1/workspaces/${owner.workspaceId}/members?token=${secretish}`, headers: owner.headers });
    const requestLines = lines.filter((l) => l.route !== undefined);
    expect(requestLines).toHaveLength(1);
    expect(requestLines[0]).toMatchObject({ method: 'GET', route: '/api/v1/workspaces/:workspaceId/members', status: 200 });
    expect(JSON.stringify(lines)).not.toContain(secretish);
    await app.close();
  });
});
