import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { moduleRoutes } from '../../src/server/registry.js';
import { addMember, createTestRuntime, signUpOwner, type TestRuntime } from '../helpers/runtime.js';

// Item 4 of #11: a token never mints more than it holds, and holds nothing outside its workspace unless given.
describe('API token scopes', () => {
  let rt: TestRuntime;
  let owner: Awaited<ReturnType<typeof signUpOwner>>;
  const ws = () => `/api/v1/workspaces/${owner.workspaceId}`;
  const mint = async (headers: Record<string, string>, scopes: string[], extra: object = {}) =>
    rt.app.inject({ method: 'POST', url: `${ws()}/tokens`, headers, payload: { name: 't', scopes, ...extra } });
  const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });

  beforeAll(async () => {
    rt = await createTestRuntime();
    owner = await signUpOwner(rt, 'scopes');
  });
  afterAll(async () => rt?.close());

  it('lets a token mint only a subset of its own scopes', async () => {
    const narrow = (await mint(owner.headers, ['tokens.manage'])).json().secret as string;
    for (const scope of ['members.manage', 'accounts.manage', 'tokens.manage,content.write']) {
      const res = await mint(bearer(narrow), scope.split(','));
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'tokens.scope_not_allowed', fields: { scopes: expect.any(String) } });
    }
    const same = await mint(bearer(narrow), ['tokens.manage']);
    expect(same.statusCode, same.body).toBe(201);
    const noPersonal = await mint(bearer(narrow), ['workspaces.create']);
    expect(noPersonal.statusCode).toBe(400);
  });

  it('never grants more than the owner’s role, even to a wide token', async () => {
    const analyst = await addMember(rt, owner, 'analyst');
    const wide = await mint(analyst.headers, ['tokens.manage', 'analytics.read']);
    expect(wide.statusCode, wide.body).toBe(201);
    expect((await mint(bearer(wide.json().secret), ['members.manage'])).statusCode).toBe(400);
    expect((await mint(analyst.headers, ['accounts.manage'])).statusCode).toBe(400);
  });

  it('refuses a read-only token outside its workspace: no profile change, no new workspace, no password change', async () => {
    const readOnly = bearer((await mint(owner.headers, ['content.read', 'workspace.read'])).json().secret);
    const me = await rt.app.inject({ method: 'GET', url: '/api/v1/me', headers: readOnly });
    expect(me.statusCode).toBe(200);
    const calls = [
      { method: 'PATCH', url: '/api/v1/me', payload: { name: '被改了' } },
      { method: 'POST', url: '/api/v1/workspaces', payload: { name: 'token 建的空间' } },
      { method: 'POST', url: '/api/v1/me/password', payload: { currentPassword: 'x', newPassword: 'An0ther!Passw0rd' } },
      { method: 'POST', url: '/api/v1/auth/logout' },
    ] as const;
    for (const c of calls) {
      const res = await rt.app.inject({ ...c, headers: readOnly } as never);
      expect(res.statusCode, `${c.method} ${c.url}: ${res.body}`).toBe(403);
    }
    expect((await rt.app.inject({ method: 'GET', url: '/api/v1/me', headers: owner.headers })).json().user.name).not.toBe('被改了');
    // A token given the personal scope may do that one thing.
    const profile = bearer((await mint(owner.headers, ['me.update'])).json().secret);
    expect((await rt.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: profile, payload: { name: 'owner' } })).statusCode).toBe(200);
    expect((await rt.app.inject({ method: 'POST', url: '/api/v1/workspaces', headers: profile, payload: { name: 'x' } })).statusCode).toBe(403);
  });

  it('declares a token scope on every route outside a workspace that changes something', () => {
    const unsafe = moduleRoutes.filter((r) => r.access === 'user' && r.method !== 'GET' && !r.url.endsWith('/logout'));
    expect(unsafe.length).toBeGreaterThan(0);
    for (const r of unsafe) expect(r.scope, `${r.method} ${r.url}`).toBeDefined();
  });

  it('refuses an expiry in the past', async () => {
    const res = await mint(owner.headers, ['content.read'], { expiresAt: '2020-01-01T00:00:00Z' });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.fields).toHaveProperty('expiresAt');
  });
});
