import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../helpers/database.js';
import { PASSWORD, addMember, createTestRuntime, login, signUpOwner, type TestRuntime } from '../helpers/runtime.js';

describe.each(BACKENDS)('people, sessions, tokens and audit (%s)', (backend) => {
  let rt: TestRuntime;
  let owner: Awaited<ReturnType<typeof signUpOwner>>;
  const ws = () => `/api/v1/workspaces/${owner.workspaceId}`;

  beforeAll(async () => {
    rt = await createTestRuntime({ backend });
    owner = await signUpOwner(rt, 'owner');
  });
  afterAll(async () => rt?.close());

  it('signs in with a session cookie, a readable CSRF cookie and a token; wrong and unknown e-mails look the same', async () => {
    const me = (await rt.app.inject({ method: 'GET', url: '/api/v1/me', headers: owner.headers })).json();
    const ok = await rt.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: me.user.email, password: PASSWORD } });
    expect(ok.statusCode).toBe(200);
    const cookies = ok.cookies as Array<{ name: string; httpOnly?: boolean; sameSite?: string }>;
    expect(cookies.find((c) => c.name === 'chorus_session')).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    expect(cookies.find((c) => c.name === 'chorus_csrf')?.httpOnly).toBeFalsy();
    const wrong = await rt.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: me.user.email, password: 'nope-nope-nope' } });
    const unknown = await rt.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'nobody@example.cn', password: 'nope-nope-nope' } });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
  });

  it('returns the user with workspaces, roles and permissions from /me', async () => {
    const res = await rt.app.inject({ method: 'GET', url: '/api/v1/me', headers: owner.headers });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.user.id).toBe(owner.userId);
    expect(body.workspaces).toHaveLength(1);
    expect(body.workspaces[0]).toMatchObject({ id: owner.workspaceId, role: 'owner', timeZone: 'Asia/Shanghai' });
    expect(body.workspaces[0].permissions).toContain('members.manage');
  });

  it('requires the CSRF header for unsafe requests made with the session cookie', async () => {
    const me = (await rt.app.inject({ method: 'GET', url: '/api/v1/me', headers: owner.headers })).json();
    const res = await rt.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: me.user.email, password: PASSWORD } });
    const session = res.cookies.find((c) => c.name === 'chorus_session')!.value;
    const csrf = res.cookies.find((c) => c.name === 'chorus_csrf')!.value;
    const cookie = `chorus_session=${session}; chorus_csrf=${csrf}`;
    const get = await rt.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });
    expect(get.statusCode).toBe(200);
    const noHeader = await rt.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: { cookie }, payload: { locale: 'en-US' } });
    expect(noHeader.statusCode).toBe(403);
    expect(noHeader.json().error.code).toBe('csrf_failed');
    const withHeader = await rt.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: { cookie, 'x-csrf-token': csrf }, payload: { locale: 'en-US' } });
    expect(withHeader.statusCode).toBe(200);
    expect(withHeader.json().user.locale).toBe('en-US');
    const out = await rt.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie, 'x-csrf-token': csrf } });
    expect(out.statusCode).toBe(204);
    expect((await rt.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('rate-limits repeated failed sign-ins per account', async () => {
    const email = `limited-${backend}@example.cn`;
    const codes: number[] = [];
    for (let i = 0; i < 12; i++) {
      codes.push((await rt.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: 'wrong-password!' } })).statusCode);
    }
    expect(codes.slice(0, 10).every((c) => c === 401)).toBe(true);
    expect(codes.at(-1)).toBe(429);
  });

  it('updates workspace settings and rejects an unknown time zone by field', async () => {
    const ok = await rt.app.inject({
      method: 'PATCH', url: ws(), headers: owner.headers,
      payload: { timeZone: 'Europe/Berlin', holidays: [{ date: '2027-02-06', name: '春节' }], workingHours: { days: [{ weekday: 1, start: '10:00', end: '19:00' }] } },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().workspace).toMatchObject({ timeZone: 'Europe/Berlin', holidays: [{ date: '2027-02-06', name: '春节' }] });
    const bad = await rt.app.inject({ method: 'PATCH', url: ws(), headers: owner.headers, payload: { timeZone: 'Mars/Olympus' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toHaveProperty('timeZone');
    const badHours = await rt.app.inject({ method: 'PATCH', url: ws(), headers: owner.headers, payload: { workingHours: { days: [{ weekday: 9, start: '25:00', end: '10:00' }] } } });
    expect(badHours.statusCode).toBe(400);
  });

  it('invites, re-roles and removes members, and never removes the last owner', async () => {
    const invite = await rt.app.inject({ method: 'POST', url: `${ws()}/members`, headers: owner.headers, payload: { email: `new-${backend}@example.cn`, name: '新同事', role: 'creator' } });
    expect(invite.statusCode).toBe(201);
    const { member, temporaryPassword } = invite.json();
    expect(temporaryPassword).toBeTypeOf('string');
    await login(rt, `new-${backend}@example.cn`, temporaryPassword);
    const dup = await rt.app.inject({ method: 'POST', url: `${ws()}/members`, headers: owner.headers, payload: { email: `new-${backend}@example.cn`, name: 'x', role: 'viewer' } });
    expect(dup.statusCode).toBe(409);
    const role = await rt.app.inject({ method: 'PATCH', url: `${ws()}/members/${member.userId}`, headers: owner.headers, payload: { role: 'analyst' } });
    expect(role.json().member.role).toBe('analyst');
    const lastOwner = await rt.app.inject({ method: 'DELETE', url: `${ws()}/members/${owner.userId}`, headers: owner.headers });
    expect(lastOwner.statusCode).toBe(409);
    expect(lastOwner.json().error.code).toBe('members.last_owner');
    const del = await rt.app.inject({ method: 'DELETE', url: `${ws()}/members/${member.userId}`, headers: owner.headers });
    expect(del.statusCode).toBe(204);
    const list = (await rt.app.inject({ method: 'GET', url: `${ws()}/members`, headers: owner.headers })).json();
    expect(list.items.map((m: { userId: string }) => m.userId)).not.toContain(member.userId);
  });

  it('does not let a manager make someone an owner', async () => {
    const manager = await addMember(rt, owner, 'manager');
    const res = await rt.app.inject({ method: 'POST', url: `${ws()}/members`, headers: manager.headers, payload: { email: `sneaky-${backend}@example.cn`, name: 'x', role: 'owner' } });
    expect(res.statusCode).toBe(403);
  });

  it('creates API tokens shown once, stores them hashed, limits them to their scopes and revokes them', async () => {
    const created = await rt.app.inject({ method: 'POST', url: `${ws()}/tokens`, headers: owner.headers, payload: { name: 'BI 导出', scopes: ['members.read'] } });
    expect(created.statusCode).toBe(201);
    const { token, secret } = created.json();
    expect(secret).toMatch(/^ct_/);
    const raw = await rt.services.database.sql.query<{ token_hash: string }>('select token_hash from api_tokens where id = $1', [token.id]);
    expect(raw.rows[0]!.token_hash).not.toContain(secret);
    const bearer = { authorization: `Bearer ${secret}` };
    expect((await rt.app.inject({ method: 'GET', url: `${ws()}/members`, headers: bearer })).statusCode).toBe(200);
    expect((await rt.app.inject({ method: 'GET', url: `${ws()}/audit`, headers: bearer })).statusCode).toBe(403);
    const list = (await rt.app.inject({ method: 'GET', url: `${ws()}/tokens`, headers: owner.headers })).json();
    expect(JSON.stringify(list)).not.toContain(secret);
    expect((await rt.app.inject({ method: 'DELETE', url: `${ws()}/tokens/${token.id}`, headers: owner.headers })).statusCode).toBe(204);
    expect((await rt.app.inject({ method: 'GET', url: `${ws()}/members`, headers: bearer })).statusCode).toBe(401);
    const tooWide = await rt.app.inject({ method: 'POST', url: `${ws()}/tokens`, headers: owner.headers, payload: { name: 'x', scopes: ['no.such'] } });
    expect(tooWide.statusCode).toBe(400);
  });

  it('writes an audit entry for every change, filters them, and detects tampering', async () => {
    const res = await rt.app.inject({ method: 'GET', url: `${ws()}/audit?action=members.`, headers: owner.headers });
    const items = res.json().items as Array<{ action: string }>;
    expect(items.map((i) => i.action)).toEqual(expect.arrayContaining(['members.added', 'members.role_changed', 'members.removed']));
    expect(items.every((i) => i.action.startsWith('members.'))).toBe(true);
    const page = (await rt.app.inject({ method: 'GET', url: `${ws()}/audit?limit=2`, headers: owner.headers })).json();
    expect(page.items).toHaveLength(2);
    const next = (await rt.app.inject({ method: 'GET', url: `${ws()}/audit?limit=2&cursor=${page.nextCursor}`, headers: owner.headers })).json();
    expect(next.items[0].seq).toBeLessThan(page.items[1].seq);

    const verify = (await rt.app.inject({ method: 'POST', url: `${ws()}/audit/verify`, headers: owner.headers })).json();
    expect(verify.ok).toBe(true);
    expect(verify.checked).toBeGreaterThan(5);
    await rt.services.database.sql.query(`update audit_entries set details = '{"role":"viewer"}' where workspace_id = $1 and seq = 3`, [owner.workspaceId]);
    const broken = (await rt.app.inject({ method: 'POST', url: `${ws()}/audit/verify`, headers: owner.headers })).json();
    expect(broken).toMatchObject({ ok: false, brokenAt: '3' });
  });

  it('serves OpenAPI 3.1 generated from the route schemas, and the docs page', async () => {
    const doc = (await rt.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.paths['/api/v1/auth/login'].post.requestBody.content['application/json'].schema.required).toEqual(['email', 'password']);
    expect(doc.paths['/api/v1/workspaces/{workspaceId}/members'].get['x-chorus-permission']).toBe('members.read');
    const page = await rt.app.inject({ method: 'GET', url: '/api/docs' });
    expect(page.body).toContain('swagger-ui-bundle.js');
    expect((await rt.app.inject({ method: 'GET', url: '/api/docs/assets/swagger-ui-bundle.js' })).statusCode).toBe(200);
  });

  it('reports database and queue health', async () => {
    const res = await rt.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', database: 'ok', queue: 'ok' });
  });
});
