import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { apiTokens } from '../../src/db/schema.js';
import { createTeamService } from '../../src/modules/team/service.js';
import { BACKENDS } from '../helpers/database.js';
import { addMember, createTestRuntime, fixedClock, login, signUpOwner, PASSWORD, type TestRuntime } from '../helpers/runtime.js';

describe.each(BACKENDS)('access changes take effect at once, and reads never write (%s)', (backend) => {
  const clock = fixedClock('2026-12-07T02:00:00Z');
  let rt: TestRuntime;
  beforeAll(async () => { rt = await createTestRuntime({ backend, clock }); });
  afterAll(async () => { await rt.close(); });

  const get = (url: string, headers: Record<string, string>) => rt.app.inject({ method: 'GET', url, headers });

  it('a revoked token stops working on its very next request', async () => {
    const owner = await signUpOwner(rt);
    const created = await rt.app.inject({
      method: 'POST', url: `/api/v1/workspaces/${owner.workspaceId}/tokens`, headers: owner.headers,
      payload: { name: 'ci', scopes: ['content.read'] },
    });
    expect(created.statusCode).toBe(201);
    const bearer = { authorization: `Bearer ${created.json().secret}` };
    const items = `/api/v1/workspaces/${owner.workspaceId}/content/items`;
    expect((await get(items, bearer)).statusCode).toBe(200);
    expect((await get(items, bearer)).statusCode).toBe(200);
    const revoked = await rt.app.inject({ method: 'DELETE', url: `/api/v1/workspaces/${owner.workspaceId}/tokens/${created.json().token.id}`, headers: owner.headers });
    expect(revoked.statusCode).toBe(204);
    expect((await get(items, bearer)).statusCode).toBe(401);
  });

  it('a demoted member loses the permission at once, a removed one the workspace', async () => {
    const owner = await signUpOwner(rt);
    const manager = await addMember(rt, owner, 'manager');
    const members = `/api/v1/workspaces/${owner.workspaceId}/members`;
    const tokens = `/api/v1/workspaces/${owner.workspaceId}/tokens`;
    expect((await get(tokens, manager.headers)).statusCode).toBe(200);
    const demoted = await rt.app.inject({ method: 'PATCH', url: `${members}/${manager.userId}`, headers: owner.headers, payload: { role: 'viewer' } });
    expect(demoted.statusCode).toBe(200);
    expect((await get(tokens, manager.headers)).statusCode).toBe(403);
    expect((await get(members, manager.headers)).statusCode).toBe(200);
    const removed = await rt.app.inject({ method: 'DELETE', url: `${members}/${manager.userId}`, headers: owner.headers });
    expect(removed.statusCode).toBe(204);
    expect((await get(members, manager.headers)).statusCode).toBe(404);
  });

  it('logging out and changing the password end sessions at once', async () => {
    const owner = await signUpOwner(rt);
    const me = await rt.services.team.me({ userId: owner.userId, via: 'session' });
    const second = await login(rt, me.user.email);
    expect((await get('/api/v1/me', owner.headers)).statusCode).toBe(200);
    expect((await get('/api/v1/me', second.headers)).statusCode).toBe(200);
    expect((await rt.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: owner.headers })).statusCode).toBe(204);
    expect((await get('/api/v1/me', owner.headers)).statusCode).toBe(401);
    const third = await login(rt, me.user.email);
    const changed = await rt.app.inject({
      method: 'POST', url: '/api/v1/me/password', headers: third.headers,
      payload: { currentPassword: PASSWORD, newPassword: 'An0ther!Passw0rd-2026' },
    });
    expect(changed.statusCode).toBeLessThan(300);
    expect((await get('/api/v1/me', second.headers)).statusCode).toBe(401);
  });

  it("records a token's last use at most once a minute", async () => {
    const owner = await signUpOwner(rt);
    const created = await rt.app.inject({
      method: 'POST', url: `/api/v1/workspaces/${owner.workspaceId}/tokens`, headers: owner.headers,
      payload: { name: 'reader', scopes: ['content.read'] },
    });
    const id = created.json().token.id as string;
    const lastUsed = async () => {
      const [row] = await rt.services.database.db.select({ at: apiTokens.lastUsedAt }).from(apiTokens).where(eq(apiTokens.id, id));
      return row!.at?.toISOString() ?? null;
    };
    // A second service without the short cache, so every authentication reads the token row.
    const team = createTeamService({ database: rt.services.database, clock, principalCacheTtlMs: 0 });
    const secret = created.json().secret as string;
    expect(await team.authenticate(secret)).not.toBeNull();
    const first = await lastUsed();
    expect(first).toBe(clock.now().toISOString());
    clock.advance(30_000);
    for (let i = 0; i < 5; i += 1) expect(await team.authenticate(secret)).not.toBeNull();
    expect(await lastUsed()).toBe(first);
    clock.advance(31_000);
    expect(await team.authenticate(secret)).not.toBeNull();
    expect(await lastUsed()).toBe(clock.now().toISOString());
  });
});
