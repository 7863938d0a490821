import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, LOG_REDACT } from '../../src/server/app.js';
import { PASSWORD, createTestRuntime, type TestRuntime } from '../helpers/runtime.js';

describe('request logs', () => {
  let rt: TestRuntime;
  const lines: string[] = [];
  let app: Awaited<ReturnType<typeof buildApp>>;

  beforeAll(async () => {
    rt = await createTestRuntime();
    const stream = new Writable({ write(chunk, _enc, cb) { lines.push(chunk.toString()); cb(); } });
    app = await buildApp({ services: rt.services, logger: { level: 'trace', stream, redact: { paths: LOG_REDACT, censor: '[redacted]' } } });
    await rt.services.team.adminCreate({ email: 'log@example.cn', password: PASSWORD, workspaceName: 'logs' });
  });
  afterAll(async () => {
    await app?.close();
    await rt?.close();
  });

  it('never contain passwords, session tokens, API secrets or cookies', async () => {
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'log@example.cn', password: PASSWORD, returnToken: true } });
    const { token } = login.json();
    const me = await app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}`, cookie: `chorus_session=${token}` } });
    const ws = me.json().workspaces[0].id;
    const created = await app.inject({ method: 'POST', url: `/api/v1/workspaces/${ws}/tokens`, headers: { authorization: `Bearer ${token}` }, payload: { name: 'ci', scopes: ['members.read'] } });
    const { secret } = created.json();
    await app.inject({ method: 'GET', url: `/api/v1/workspaces/${ws}/members`, headers: { authorization: `Bearer ${secret}` } });
    // Code that logs a body or credentials object by mistake is censored too.
    app.log.warn({ body: { password: PASSWORD }, credentials: { accessToken: token, refreshToken: secret } }, 'careless log line');
    const all = lines.join('');
    expect(lines.length).toBeGreaterThan(4);
    expect(all).toContain('careless log line');
    expect(all).toContain('[redacted]');
    for (const s of [PASSWORD, token, secret]) expect(all).not.toContain(s);
  });
});
