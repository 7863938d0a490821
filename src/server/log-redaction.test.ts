import { describe, expect, it } from 'vitest';
import { redactUrl } from './app.js';
import { withoutParameters } from './errors.js';

describe('log redaction', () => {
  it('logs a failed query without its parameter values', () => {
    const hash = 'scrypt$16384$8$1$c2FsdA$aGFzaGhhc2hoYXNo';
    const err = Object.assign(new Error(`Failed query: insert into "users" ("email", "password_hash") values ($1, $2)\nparams: a@example.cn,${hash}`), { query: 'insert into "users" …', params: ['a@example.cn', hash] });
    const logged = JSON.stringify(withoutParameters(err));
    expect(logged).not.toContain(hash);
    expect(logged).not.toContain('a@example.cn');
    expect(logged).toContain('insert into');
  });

  it('keeps calendar-feed and OAuth tokens out of access-log URLs', () => {
    expect(redactUrl('/api/v1/ics/abcDEF123secret.ics')).toBe('/api/v1/ics/[redacted].ics');
    expect(redactUrl('/api/v1/oauth/weibo/callback?code=c1&state=s3cret')).toBe('/api/v1/oauth/weibo/callback?code=[redacted]&state=[redacted]');
    expect(redactUrl('/api/v1/me')).toBe('/api/v1/me');
  });
});
