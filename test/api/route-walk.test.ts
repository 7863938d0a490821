import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { moduleRoutes } from '../../src/server/registry.js';
import { ROLES, can, type Permission, type Role } from '../../src/modules/team/model.js';
import { seedDemoAccounts } from '../../src/modules/accounts/demo.js';
import { seedDemoContent } from '../../src/modules/content/demo.js';
import { BACKENDS } from '../helpers/database.js';
import { HOSTILE_QUERY_VALUES, foreignAt, hostilities, idFields, queryKeys, sampleBody } from '../helpers/hostile.js';
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

function fill(url: string, workspaceId: string, ids: Record<string, string> = {}) {
  return url.replace(':workspaceId', workspaceId).replace(/(?<!:):(\w+)/g, (_m, name: string) => ids[name] ?? randomUUID()).replace(/::/g, ':'); // "::" is a literal colon
}

// A 1×1 PNG, so that each workspace has a media file whose id can be sent where it does not belong.
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

/** Real ids of one workspace, by path-parameter name, so hostile requests reach past the 404. */
async function realIds(rt: TestRuntime, s: Session & { workspaceId: string }, member: Session) {
  const actor = { userId: s.userId, workspaceId: s.workspaceId, role: 'owner' as const, via: 'session' as const };
  await seedDemoAccounts(rt.services as never, actor);
  await seedDemoContent(rt.services as never, actor);
  const get = async (path: string) => (await rt.app.inject({ method: 'GET', url: `/api/v1/workspaces/${s.workspaceId}${path}`, headers: s.headers })).json();
  const media = await rt.app.inject({ method: 'POST', url: `/api/v1/workspaces/${s.workspaceId}/media`, headers: s.headers, payload: { fileName: 'dot.png', dataBase64: PNG } });
  const item = (await get('/content/items')).items[0];
  const variant = (await get(`/content/items/${item.id}`)).variants[0];
  const account = (await get('/accounts')).items[0];
  const channel = await rt.app.inject({ method: 'POST', url: `/api/v1/workspaces/${s.workspaceId}/notify/channels`, headers: s.headers, payload: { kind: 'email', name: '值班邮箱', events: ['review.requested'], config: { host: '127.0.0.1', port: 2525, from: 'chorus@example.cn', to: ['duty@example.cn'] } } });
  await rt.services.notify.notify(null, s.workspaceId, { event: 'review.requested', severity: 'info', title: '待审', body: '一条待审内容', userIds: [s.userId] } as never);
  if (channel.statusCode !== 201) throw new Error(`channel: ${channel.body}`);
  const notification = (await get('/notifications')).items?.[0];
  return {
    itemId: item.id, variantId: variant.id, accountId: account.id, mediaId: media.json().media.id, userId: member.userId,
    channelId: channel.json().channel.id, notificationId: notification?.id ?? randomUUID(),
  } as Record<string, string>;
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
  }, 300_000);
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

  describe('hostile input', () => {
    let ownIds: Record<string, string>;
    let foreignIds: Record<string, string>;
    beforeAll(async () => {
      // A member of A of their own: bodies sent to member routes may change that member's role.
      ownIds = await realIds(rt, a, await addMember(rt, a, 'viewer'));
      foreignIds = await realIds(rt, b, b);
    }, 300_000);

    const fiveHundreds: string[] = [];
    const expectNo5xx = (what: string, res: { statusCode: number; body: string }) => {
      if (res.statusCode >= 500) fiveHundreds.push(`${what} → ${res.statusCode} ${res.body.slice(0, 300)}`);
      else if (res.statusCode >= 400) expect(JSON.parse(res.body).error.code, what).toBeTypeOf('string');
    };

    it('answers 4xx, never 5xx, to NUL, lone surrogates, 1 MB strings, huge numbers and foreign ids in every body', async () => {
      fiveHundreds.length = 0;
      for (const r of moduleRoutes.filter((x) => x.body && !x.rawBody)) {
        for (const h of hostilities(Object.values(foreignIds), Object.values(ownIds))) {
          const payload = sampleBody(r.body!, h);
          const res = await rt.app.inject({ method: r.method, url: fill(r.url, a.workspaceId, ownIds), headers: a.headers, payload: payload as never });
          expectNo5xx(`${key(r)} with ${h.name}`, res);
        }
      }
      expect(fiveHundreds).toEqual([]);
    }, 600_000);

    it("refuses another workspace's ids in every body field that holds an id", async () => {
      const accepted: string[] = [];
      for (const r of moduleRoutes.filter((x) => x.body && !x.rawBody)) {
        for (const field of idFields(r.body!)) {
          const payload = sampleBody(r.body!, foreignAt(field, ownIds, foreignIds));
          const res = await rt.app.inject({ method: r.method, url: fill(r.url, a.workspaceId, ownIds), headers: a.headers, payload: payload as never });
          expectNo5xx(`${key(r)} with a foreign ${field}`, res);
          if (res.statusCode < 400) accepted.push(`${key(r)} accepted another workspace's ${field}: ${JSON.stringify(payload).slice(0, 300)}`);
        }
      }
      expect(accepted).toEqual([]);
      expect(fiveHundreds).toEqual([]);
    });

    it('answers 4xx to hostile query strings on every route', async () => {
      fiveHundreds.length = 0;
      for (const r of moduleRoutes.filter((x) => x.query)) {
        for (const name of queryKeys(r.query!)) {
          for (const v of HOSTILE_QUERY_VALUES) {
            const res = await rt.app.inject({ method: r.method, url: `${fill(r.url, a.workspaceId, ownIds)}?${name}=${v.encoded}`, headers: a.headers, payload: ['GET', 'DELETE'].includes(r.method) ? undefined : {} });
            expectNo5xx(`${key(r)} ?${name}= ${v.name}`, res);
          }
        }
      }
      expect(fiveHundreds).toEqual([]);
    }, 600_000);

    it('answers 400 naming the problem to an empty PATCH, for ids that exist and ids that do not', async () => {
      for (const r of moduleRoutes.filter((x) => x.method === 'PATCH')) {
        for (const ids of [ownIds, {}]) {
          const url = r.url.startsWith('/api/v1/workspaces') ? fill(r.url, a.workspaceId, ids) : r.url;
          const res = await rt.app.inject({ method: 'PATCH', url, headers: a.headers, payload: {} });
          expect([400, 404], `${key(r)}: ${res.body}`).toContain(res.statusCode);
          if (res.statusCode === 400) expect(res.json().error.fields, `${key(r)}: ${res.body}`).toBeTruthy();
        }
      }
    });

    it('refuses NUL and lone surrogates at the edge, login included, and stores NFC', async () => {
      const login = await rt.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'a\u0000@example.cn', password: 'x' } });
      expect(login.statusCode, login.body).toBe(400);
      expect(login.json().error.fields).toHaveProperty('email');
      const surrogate = await rt.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"email":"a@example.cn","password":"\\ud800"}' });
      expect(surrogate.statusCode, surrogate.body).toBe(400);
      expect(surrogate.json().error.fields).toHaveProperty('password');
      const query = await rt.app.inject({ method: 'GET', url: `/api/v1/workspaces/${a.workspaceId}/content/items?q=a%00b`, headers: a.headers });
      expect(query.statusCode, query.body).toBe(400);
      expect(query.json().error.fields).toHaveProperty(['query.q']);
      // "é" typed as e + combining accent is stored as the one precomposed character.
      const created = await rt.app.inject({ method: 'POST', url: `/api/v1/workspaces/${a.workspaceId}/content/items`, headers: a.headers, payload: { topic: 'cafe\u0301 新品' } });
      expect(created.statusCode, created.body).toBe(201);
      expect(created.json().item.topic).toBe('caf\u00e9 新品');
    });
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
