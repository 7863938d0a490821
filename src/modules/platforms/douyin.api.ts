/**
 * Douyin open-platform access: OAuth (connect, access_token, refresh_token, renew_refresh_token,
 * client_token), error mapping for old (2190008…) and new (28001008…) codes, and authorised
 * calls that refresh an expired access token once when a refresh token is available.
 */
import type { ConnectorContext, TokenSet } from './connector';
import { BadContentError, PermanentError, ReauthorizeError, RetryableError } from './errors';
import { baseUrl, checkHttpStatus, httpRequest, obj, toRaw, type HttpRequest, type HttpResult } from './http';

export const DOUYIN = 'douyin';
const EXPIRED = new Set([2190008, 10008, 28001008]);
const REAUTH = new Set([...EXPIRED, 2190002, 10010, 28001015, 10005, 10007]);
const RETRY = new Set([2100004, 28001005, 28001006, 28003018, 28001052, 2190001, 28003017]);
const CONTENT = new Set([2100005, 28001007]);

export function douyinCode(body: Record<string, any>): { code: number; message: string } {
  const code = Number(body.data?.error_code ?? body.extra?.error_code ?? body.err_no ?? body.error_code ?? 0);
  const message = String(body.data?.description ?? body.extra?.description ?? body.err_msg ?? body.message ?? '');
  return { code, message };
}

export function checkDouyin(r: HttpResult, now: Date): Record<string, any> {
  checkHttpStatus(DOUYIN, r, now);
  const body = obj(r.body);
  const { code, message } = douyinCode(body);
  if (!code && r.status < 400) return body;
  const msg = `error_code ${code || r.status}: ${message}`;
  const opts = { platformCode: code || r.status, raw: toRaw(r) };
  if (REAUTH.has(code)) throw new ReauthorizeError(DOUYIN, msg, opts);
  if (RETRY.has(code)) throw new RetryableError(DOUYIN, msg, { ...opts, retryAfterMs: code === 2190001 || code === 28003017 ? 3600_000 : 10_000 });
  if (CONTENT.has(code)) throw new BadContentError(DOUYIN, msg, opts);
  throw new PermanentError(DOUYIN, msg, opts);
}

export function createDouyinApi(ctx: ConnectorContext) {
  const base = baseUrl(ctx, 'douyin', 'https://open.douyin.com');
  const now = () => ctx.clock.now();
  const creds = ctx.credentials;
  let clientToken: { token: string; expiresAt: number } | undefined;

  async function tokenCall(path: string, form: Record<string, string | undefined>): Promise<TokenSet> {
    const r = await httpRequest(ctx, DOUYIN, { url: `${base}${path}`, form, idempotent: true });
    const d = checkDouyin(r, now()).data ?? {};
    const t: TokenSet = {
      accessToken: String(d.access_token ?? creds.accessToken), refreshToken: d.refresh_token ?? creds.refreshToken,
      expiresAt: d.expires_in ? new Date(now().getTime() + Number(d.expires_in) * 1000) : creds.expiresAt,
      refreshExpiresAt: d.refresh_expires_in ? new Date(now().getTime() + Number(d.refresh_expires_in) * 1000) : creds.refreshExpiresAt,
      accountId: d.open_id ?? creds.accountId, scope: d.scope,
    };
    Object.assign(creds, t);
    await ctx.onTokens?.(t);
    return t;
  }

  const auth = {
    authorizeUrl(state: string, redirectUri: string, scope = 'user_info,video.list.bind,video.data.bind,item.comment,fans.data.bind') {
      const u = new URL(`${base}/platform/oauth/connect/`);
      u.search = new URLSearchParams({ client_key: String(creds.appId), response_type: 'code', scope, redirect_uri: redirectUri, state }).toString();
      return u.toString();
    },
    exchangeCode: (code: string) => tokenCall('/oauth/access_token/', {
      client_key: creds.appId, client_secret: creds.appSecret, code, grant_type: 'authorization_code',
    }),
    /** Refreshes the access token; a refresh token within 5 days of expiry is renewed first (renew_refresh_token). */
    refresh: async () => {
      if (!creds.refreshToken) throw new ReauthorizeError(DOUYIN, 'no refresh token');
      if (creds.refreshExpiresAt && creds.refreshExpiresAt.getTime() - now().getTime() < 5 * 86_400_000) await auth.renewRefreshToken();
      return tokenCall('/oauth/refresh_token/', { client_key: creds.appId, grant_type: 'refresh_token', refresh_token: creds.refreshToken });
    },
    /** Extends the refresh token (allowed a few times); the access token is unchanged. */
    async renewRefreshToken(): Promise<TokenSet> {
      const r = await httpRequest(ctx, DOUYIN, { url: `${base}/oauth/renew_refresh_token/`, form: { client_key: creds.appId, refresh_token: creds.refreshToken }, idempotent: true });
      const d = checkDouyin(r, now()).data ?? {};
      const t: TokenSet = {
        accessToken: String(creds.accessToken), refreshToken: String(d.refresh_token),
        refreshExpiresAt: new Date(now().getTime() + Number(d.expires_in) * 1000), expiresAt: creds.expiresAt, accountId: creds.accountId,
      };
      Object.assign(creds, t);
      await ctx.onTokens?.(t);
      return t;
    },
  };

  async function getClientToken(): Promise<string> {
    if (clientToken && clientToken.expiresAt > now().getTime()) return clientToken.token;
    const r = await httpRequest(ctx, DOUYIN, { url: `${base}/oauth/client_token/`, form: {
      client_key: creds.appId, client_secret: creds.appSecret, grant_type: 'client_credential',
    }, idempotent: true });
    const d = checkDouyin(r, now()).data ?? {};
    clientToken = { token: String(d.access_token), expiresAt: now().getTime() + (Number(d.expires_in ?? 7200) - 300) * 1000 };
    return clientToken.token;
  }

  /** A user-authorised call (header access-token, open_id in the query); refreshes once on an expired token. */
  async function call(path: string, req: Omit<HttpRequest, 'url'> = {}): Promise<Record<string, any>> {
    for (let attempt = 0; ; attempt++) {
      if (!creds.accessToken) throw new ReauthorizeError(DOUYIN, 'no access token');
      const r = await httpRequest(ctx, DOUYIN, {
        ...req, url: `${base}${path}`, query: { open_id: creds.accountId, ...req.query },
        headers: { 'access-token': creds.accessToken, ...req.headers },
      });
      try {
        return checkDouyin(r, now());
      } catch (e) {
        if (attempt === 0 && creds.refreshToken && EXPIRED.has(douyinCode(obj(r.body)).code)) { await auth.refresh(); continue; }
        throw e;
      }
    }
  }

  return { auth, call, getClientToken, base };
}
