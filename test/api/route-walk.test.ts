import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { moduleRoutes } from '../../src/server/registry.js';
import { ROLES, can, type Permission, type Role } from '../../src/modules/team/model.js';
import { BACKENDS } from '../helpers/database.js';
import { addMember, createTestRuntime, signUpOwner, type Session, type TestRuntime } from '../helpers/runtime.js';

/** Routes anyone may call. Adding one here is a decision to review. */
const PUBLIC_ROUTES = new Set([
  'POST /api/v1/auth/login',
  'GET /api/v1/ics/:token', // calendar subscriptions: the secret token (stored hashed) in the URL is the credential
  'GET /api/v1/oauth/:platform/callback', // platforms redirect the browser here; the signed state proves who started it
  'GET /api/v1/hooks/:platform/:workspaceId/:accountId', // platform webhooks: verified by each platform's signature
  'POST /api/v1/hooks/:platform/:workspaceId/:accountId',
]);

const key = (r: { method: string; url: string }) => `${r.method} ${r.url}`;
const workspaceRoutes = moduleRoutes.filter((r) => r.access !== 'public' && r.access !== 'user');

function fill(url: string, workspaceId: string) {
  return url.replace(':workspaceId', workspaceId).replace(/(?<!:):(\w+)/g, () => randomUUID()).replace(/::/g, ':'); // "::" is a literal colon
}

describe.each(BACKENDS)('the route table (%s)', (backend) => {
  let rt: TestRuntime;
  let a: Session & { workspaceId: string };
  let b: Session & { workspaceId: string };
  const members = new Map<Role, Session>();

  beforeAll(async () => {
    rt = await createTestRuntime({ backend });
    a = await signUpOwner(rt, 'alice');
    b = await signUpOwner(rt, 'bob');
    members.set('owner', a);
    for (const role of ROLES.filter((r) => r !== 'owner')) members.set(role, await addMember(rt, a, role));
  });
  afterAll(async () => rt?.close());

  it('has only the listed public routes, and every route declares its access', () => {
    const publicOnes = moduleRoutes.filter((r) => r.access === 'public').map(key);
    expect(new Set(publicOnes)).toEqual(PUBLIC_ROUTES);
    for (const r of workspaceRoutes) expect(r.url, key(r)).toContain(':workspaceId');
  });

  it('answers 401 without credentials on every non-public route', async () => {
    for (const r of moduleRoutes.filter((x) => x.access !== 'public')) {
      const res = await rt.app.inject({ method: r.method, url: fill(r.url, a.workspaceId), payload: ['GET', 'DELETE'].includes(r.method) ? undefined : {} });
      expect(res.statusCode, key(r)).toBe(401);
      expect(res.json().error.code, key(r)).toBe('unauthorized');
    }
  });

  it('answers 401 for a made-up bearer token', async () => {
    const res = await rt.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: 'Bearer cs_forged' } });
    expect(res.statusCode).toBe(401);
  });

  it("answers 404 to a member of workspace A asking for B's resources", async () => {
    for (const r of workspaceRoutes) {
      const res = await rt.app.inject({ method: r.method, url: fill(r.url, b.workspaceId), headers: a.headers, payload: ['GET', 'DELETE'].includes(r.method) ? undefined : {} });
      expect(res.statusCode, key(r)).toBe(404);
    }
  });

  it('answers 4xx, never 5xx, to malformed bodies on every route', async () => {
    const bad: Array<{ payload: string; contentType: string }> = [
      { payload: '{"unclosed": ', contentType: 'application/json' },
      { payload: '"a string"', contentType: 'application/json' },
      { payload: '[1,2,3]', contentType: 'application/json' },
      { payload: '{"name": {"$gt": ""}, "email": 5, "texts": "x", "text": 12}', contentType: 'application/json' },
      { payload: 'plain text', contentType: 'text/plain' },
    ];
    for (const r of moduleRoutes.filter((x) => x.body)) {
      for (const b2 of bad) {
        const res = await rt.app.inject({ method: r.method, url: fill(r.url, a.workspaceId), headers: { ...a.headers, 'content-type': b2.contentType }, payload: b2.payload });
        expect(res.statusCode, `${key(r)} with ${b2.payload}`).toBeGreaterThanOrEqual(400);
        expect(res.statusCode, `${key(r)} with ${b2.payload}: ${res.body}`).toBeLessThan(500);
        expect(res.json().error.code, key(r)).toBeTypeOf('string');
      }
    }
  });

  it('enforces the permission matrix for every role on every workspace route', async () => {
    for (const r of workspaceRoutes) {
      for (const role of ROLES) {
        const who = members.get(role)!;
        const bodyless = ['GET', 'DELETE'].includes(r.method);
        const res = await rt.app.inject({
          method: r.method, url: fill(r.url, a.workspaceId),
          headers: bodyless ? who.headers : { ...who.headers, 'content-type': 'application/json' },
          payload: bodyless ? undefined : '"not a body"',
        });
        const allowed = can(role, r.access as Permission);
        if (allowed) expect(res.statusCode, `${role} ${key(r)}: ${res.body}`).not.toBe(403);
        else expect(res.statusCode, `${role} ${key(r)}`).toBe(403);
        expect(res.statusCode, `${role} ${key(r)}: ${res.body}`).toBeLessThan(500);
      }
    }
  });
});
