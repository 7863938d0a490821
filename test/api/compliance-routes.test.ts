import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { moduleRoutes } from '../../src/server/registry.js';
import { addMember, createTestRuntime, signUpOwner, type TestRuntime } from '../helpers/runtime.js';
import { complianceRoutes } from '../../src/modules/compliance/routes.js';

describe('compliance routes', () => {
  let rt: TestRuntime;
  let app: FastifyInstance;
  let owner: Awaited<ReturnType<typeof signUpOwner>>;
  let other: Awaited<ReturnType<typeof signUpOwner>>;
  const url = (ws: string, path: string) => `/api/v1/workspaces/${ws}/compliance${path}`;

  beforeAll(async () => {
    rt = await createTestRuntime();
    const registered = new Set(moduleRoutes.map((r) => `${r.method} ${r.url}`));
    const extra = complianceRoutes.filter((r) => !registered.has(`${r.method} ${r.url}`));
    app = await buildApp({ services: rt.services, routes: [...moduleRoutes, ...extra], logger: false });
    owner = await signUpOwner(rt, 'owner');
    other = await signUpOwner(rt, 'other');
  });
  afterAll(async () => {
    await app?.close();
    await rt?.close();
  });

  it('401 without a session', async () => {
    const res = await app.inject({ method: 'POST', url: url(owner.workspaceId, '/check'), payload: { text: 'x', platform: 'weibo' } });
    expect(res.statusCode).toBe(401);
  });

  it('404 in a workspace that is not yours', async () => {
    const res = await app.inject({ method: 'POST', url: url(owner.workspaceId, '/check'), headers: other.headers, payload: { text: 'x', platform: 'weibo' } });
    expect(res.statusCode).toBe(404);
  });

  it('400 for a bad body, naming the field', async () => {
    const res = await app.inject({ method: 'POST', url: url(owner.workspaceId, '/check'), headers: owner.headers, payload: { text: 'x', platform: 'myspace' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toHaveProperty('platform');
  });

  it('checks copy and title', async () => {
    const creator = await addMember(rt, owner, 'creator');
    const res = await app.inject({
      method: 'POST', url: url(owner.workspaceId, '/check'), headers: creator.headers,
      payload: { text: '全网最低价，加V：abc12345', platform: 'douyin', title: '国家级品质' },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.blocked).toBe(true);
    expect(body.packVersion).toMatch(/^ad-law@/);
    expect(body.findings.map((f: { category: string; field: string }) => `${f.field}:${f.category}`)).toEqual([
      'text:ad-law/absolute',
      'text:platform/contact',
      'title:ad-law/absolute',
    ]);
  });

  it('lists the rule packs', async () => {
    const res = await app.inject({ method: 'GET', url: url(owner.workspaceId, '/packs'), headers: owner.headers });
    expect(res.statusCode).toBe(200);
    const rules = res.json().packs.flatMap((p: { rules: Array<{ id: string }> }) => p.rules.map((r) => r.id));
    expect(rules).toContain('ad-law.absolute.superlative');
    expect(rules).toContain('platform.contact.handle');
  });
});
