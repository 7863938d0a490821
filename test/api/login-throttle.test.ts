import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestRuntime, PASSWORD, type TestRuntime } from '../helpers/runtime.js';

// Item 11 of #11: throttling slows the one who fails, never locks the account's owner out; headers; the token stays in the cookie.
describe('sign-in throttling, security headers and where the session token goes', () => {
  let rt: TestRuntime;
  const email = 'victim@example.cn';
  const login = (remoteAddress: string, password: string, extra: object = {}) =>
    rt.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress, payload: { email, password, ...extra } });

  beforeAll(async () => {
    rt = await createTestRuntime();
    await rt.services.team.adminCreate({ email, password: PASSWORD, workspaceName: 'throttle' });
  });
  afterAll(async () => rt?.close());

  it('slows the attacker’s (IP, account) pair with growing delays while the owner signs in from elsewhere', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 14; i++) codes.push((await login('203.0.113.7', 'wrong-password!')).statusCode);
    expect(codes.slice(0, 10).every((c) => c === 401)).toBe(true);
    expect(codes.at(-1)).toBe(429);
    const limited = await login('203.0.113.7', PASSWORD);
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // The owner, elsewhere, is not locked out.
    expect((await login('198.51.100.20', PASSWORD)).statusCode).toBe(200);
  });

  it('does not count successful sign-ins toward the per-IP limit (an office behind one address)', async () => {
    for (let i = 0; i < 40; i++) expect((await login('192.0.2.50', PASSWORD)).statusCode).toBe(200);
  });

  it('returns the session token in the body only to API clients that ask for it', async () => {
    const browser = await login('192.0.2.60', PASSWORD);
    expect(browser.statusCode).toBe(200);
    expect(browser.json()).not.toHaveProperty('token');
    expect(String(browser.headers['set-cookie'])).toContain('HttpOnly');
    const api = await login('192.0.2.60', PASSWORD, { returnToken: true });
    expect(api.json().token).toMatch(/.{20,}/);
  });

  it('sends CSP, frame, nosniff and referrer headers', async () => {
    for (const url of ['/api/health', '/api/docs', '/']) {
      const res = await rt.app.inject({ method: 'GET', url });
      const csp = String(res.headers['content-security-policy']);
      expect(csp, url).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('upgrade-insecure-requests');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
    }
    expect((await rt.app.inject({ method: 'GET', url: '/api/docs' })).body).not.toMatch(/<script>[^<]/);
  });
});
