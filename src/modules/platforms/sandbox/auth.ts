/**
 * OAuth-ish authorisation for the sandbox: authorisation codes, expiring access tokens and
 * rotating refresh tokens, as a real platform would hand out.
 */
import { randomBytes } from 'node:crypto';
import type { SandboxData, SbToken } from './records';

export class SandboxError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: { field?: string; retryAfterSec?: number } = {},
  ) {
    super(message);
  }
}

export interface AuthOptions { tokenTtlMs: number; refreshTtlMs: number }

const secret = (prefix: string): string => `${prefix}_${randomBytes(18).toString('base64url')}`;

export function createAuth(data: SandboxData, now: () => number, opts: AuthOptions) {
  const issue = (accountId: string, clientId: string): SbToken => {
    const t: SbToken = {
      accessToken: secret('sat'), refreshToken: secret('srt'), accountId, clientId,
      expiresAt: now() + opts.tokenTtlMs, refreshExpiresAt: now() + opts.refreshTtlMs, revoked: false,
    };
    data.tokens.push(t);
    // Keep the table small: drop tokens that can no longer be used.
    data.tokens = data.tokens.filter((x) => !x.revoked && x.refreshExpiresAt > now());
    return t;
  };

  return {
    issue,

    createCode(accountId: string, clientId: string, redirectUri: string): string {
      const code = secret('sc');
      data.codes = data.codes.filter((c) => c.expiresAt > now());
      data.codes.push({ code, accountId, clientId, redirectUri, expiresAt: now() + 10 * 60_000 });
      return code;
    },

    exchangeCode(code: string, clientId: string, redirectUri: string): SbToken {
      const i = data.codes.findIndex((c) => c.code === code);
      const c = data.codes[i];
      if (!c || c.expiresAt <= now()) throw new SandboxError(400, 'invalid_grant', 'authorization code is invalid or expired');
      if (c.clientId !== clientId || c.redirectUri !== redirectUri) throw new SandboxError(400, 'invalid_grant', 'client_id or redirect_uri does not match');
      data.codes.splice(i, 1);
      return issue(c.accountId, clientId);
    },

    /** Rotates: the old refresh token stops working once used. */
    refresh(refreshToken: string): SbToken {
      const t = data.tokens.find((x) => x.refreshToken === refreshToken);
      if (!t || t.revoked) throw new SandboxError(400, 'invalid_grant', 'refresh token is invalid');
      if (t.refreshExpiresAt <= now()) throw new SandboxError(400, 'invalid_grant', 'refresh token expired');
      t.revoked = true;
      return issue(t.accountId, t.clientId);
    },

    revoke(token: string): void {
      for (const t of data.tokens) if (t.accessToken === token || t.refreshToken === token) t.revoked = true;
    },

    /** The account behind a bearer token, or a 401 saying whether it expired or is unknown. */
    authenticate(header: string | undefined): string {
      const m = /^Bearer\s+(\S+)$/i.exec(header ?? '');
      if (!m) throw new SandboxError(401, 'invalid_token', 'missing bearer token');
      const t = data.tokens.find((x) => x.accessToken === m[1]);
      if (!t || t.revoked) throw new SandboxError(401, 'invalid_token', 'access token is invalid or revoked');
      if (t.expiresAt <= now()) throw new SandboxError(401, 'token_expired', 'access token expired');
      return t.accountId;
    },

    /** Expire every access token (or one account's) now; refresh tokens keep working. */
    expireAll(accountId?: string): number {
      let n = 0;
      for (const t of data.tokens) {
        if (accountId && t.accountId !== accountId) continue;
        if (t.expiresAt > now()) { t.expiresAt = now(); n++; }
      }
      return n;
    },

    expireToken(header: string | undefined): void {
      const m = /^Bearer\s+(\S+)$/i.exec(header ?? '');
      const t = m ? data.tokens.find((x) => x.accessToken === m[1]) : undefined;
      if (t && t.expiresAt > now()) t.expiresAt = now();
    },
  };
}

export type SandboxAuth = ReturnType<typeof createAuth>;
