/**
 * Bilibili open platform access. OAuth (gourl, no scope) with single-use refresh tokens: a
 * refresh is serialised per connector and the new pair is handed to onTokens at once.
 * Every arcopen call is signed: X-Bili-{Accesskeyid, Content-Md5, Signature-Method,
 * Signature-Nonce, Signature-Version, Timestamp} and Authorization = hex HMAC-SHA256(client
 * secret, the x-bili-* headers sorted by name as `name:value` lines).
 */
import { createHash, randomUUID } from 'node:crypto';
import type { ConnectorContext, TokenSet } from './connector';
import { BadContentError, PermanentError, ReauthorizeError, RetryableError } from './errors';
import { baseUrl, checkHttpStatus, httpRequest, obj, toRaw, type HttpRequest, type HttpResult } from './http';
import { hmacSha256Hex } from './webhook-util';

export const BILI = 'bilibili';
const REAUTH = new Set([-101, -2, -401, 10003, 10004]);
const RETRY = new Set([-500, -503, -509, -799, -412]);

export function biliSign(secret: string, headers: Record<string, string>): string {
  const lines = Object.keys(headers).filter((k) => k.toLowerCase().startsWith('x-bili-')).sort()
    .map((k) => `${k.toLowerCase()}:${headers[k]}`);
  return hmacSha256Hex(secret, lines.join('\n'));
}

export function biliSignedHeaders(clientId: string, secret: string, body: Uint8Array | string, nowSec: number, nonce: string = randomUUID()) {
  const h: Record<string, string> = {
    'x-bili-accesskeyid': clientId,
    'x-bili-content-md5': createHash('md5').update(body).digest('hex'),
    'x-bili-signature-method': 'HMAC-SHA256',
    'x-bili-signature-nonce': nonce,
    'x-bili-signature-version': '2.0',
    'x-bili-timestamp': String(nowSec),
  };
  return { ...h, authorization: biliSign(secret, h) };
}

export function checkBili(r: HttpResult, now: Date): Record<string, any> {
  checkHttpStatus(BILI, r, now);
  const body = obj(r.body);
  const code = Number(body.code ?? (r.status >= 400 ? r.status : 0));
  if (code === 0) return body;
  const msg = `code ${code}: ${body.message ?? ''}`;
  const opts = { platformCode: code, raw: toRaw(r) };
  if (REAUTH.has(code)) throw new ReauthorizeError(BILI, msg, opts);
  if (RETRY.has(code)) throw new RetryableError(BILI, msg, { ...opts, retryAfterMs: 60_000 });
  if (code === -400 || (code >= 21000 && code < 22000)) throw new BadContentError(BILI, msg, opts);
  throw new PermanentError(BILI, msg, opts);
}

export function createBiliApi(ctx: ConnectorContext) {
  const creds = ctx.credentials;
  const now = () => ctx.clock.now();
  const apiBase = baseUrl(ctx, 'bilibiliApi', 'https://api.bilibili.com');
  const member = baseUrl(ctx, 'bilibili', 'https://member.bilibili.com');
  const upos = baseUrl(ctx, 'bilibiliUpload', 'https://openupos.bilivideo.com');
  let refreshing: Promise<TokenSet> | null = null;

  async function tokenCall(path: string, query: Record<string, string | undefined>): Promise<TokenSet> {
    const r = await httpRequest(ctx, BILI, { method: 'POST', url: `${apiBase}${path}`, query: { client_id: creds.appId, client_secret: creds.appSecret, ...query }, idempotent: false });
    const d = checkBili(r, now()).data ?? {};
    const t: TokenSet = { accessToken: String(d.access_token), refreshToken: d.refresh_token, expiresAt: new Date(now().getTime() + Number(d.expires_in) * 1000) };
    Object.assign(creds, t);
    await ctx.onTokens?.(t);
    return t;
  }

  const auth = {
    authorizeUrl(state: string, redirectUri: string) {
      const u = new URL(baseUrl(ctx, 'bilibiliAccount', 'https://account.bilibili.com') + '/pc/account-pc/auth/oauth');
      u.search = new URLSearchParams({ client_id: String(creds.appId), gourl: redirectUri, state }).toString();
      return u.toString();
    },
    exchangeCode: (code: string) => tokenCall('/x/account-oauth2/v1/token', { grant_type: 'authorization_code', code }),
    /** Single-use refresh token: concurrent callers share one refresh. */
    refresh(): Promise<TokenSet> {
      if (!creds.refreshToken) throw new ReauthorizeError(BILI, 'no refresh token');
      refreshing ??= tokenCall('/x/account-oauth2/v1/refresh_token', { grant_type: 'refresh_token', refresh_token: creds.refreshToken })
        .finally(() => { refreshing = null; });
      return refreshing;
    },
  };

  /** A signed arcopen call with the user's access token. */
  async function call(path: string, req: Omit<HttpRequest, 'url' | 'form'> & { host?: 'member' | 'upos'; contentType?: string } = {}) {
    if (!creds.accessToken) throw new ReauthorizeError(BILI, 'no access token');
    const bodyBytes = req.json !== undefined ? JSON.stringify(req.json) : (req.body as Uint8Array | string | undefined) ?? '';
    const headers = {
      ...biliSignedHeaders(String(creds.appId), String(creds.appSecret), bodyBytes, Math.floor(now().getTime() / 1000)),
      'access-token': creds.accessToken,
      'content-type': req.contentType ?? 'application/json',
    };
    const url = `${req.host === 'upos' ? upos : member}${path}`;
    const method = req.method ?? (req.json !== undefined || req.body !== undefined ? 'POST' : 'GET');
    const r = await httpRequest(ctx, BILI, { method, url, query: req.query, headers, body: method === 'GET' ? undefined : bodyBytes, idempotent: req.idempotent });
    return checkBili(r, now());
  }

  return { auth, call };
}
