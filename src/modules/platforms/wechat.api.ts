/**
 * WeChat Official Account API access: the app access token (client_credential, cached per app,
 * refetched once on 40001/42001/40014) and errcode → PlatformError mapping.
 */
import type { ConnectorContext } from './connector';
import { BadContentError, PermanentError, ReauthorizeError, RetryableError } from './errors';
import { baseUrl, checkHttpStatus, httpRequest, obj, toRaw, type HttpRequest, type HttpResult } from './http';

export const WECHAT = 'wechat';
const TOKEN_CODES = new Set([40001, 40014, 42001]);
const CREDENTIAL_CODES = new Set([40013, 40125, 41002, 41004, 40164]);
const CONTENT_CODES = new Set([40007, 45002, 45003, 45004, 45166, 53503, 53504, 44002, 44003, 44004, 40006, 40005, 40009]);

/** Shared across connector instances: a new token invalidates the previous one, so fetch rarely. */
const tokenCache = new Map<string, { token: string; expiresAt: number }>();

export function wechatBase(ctx: ConnectorContext) {
  return baseUrl(ctx, 'wechat', 'https://api.weixin.qq.com');
}

function msUntilBeijingMidnight(now: Date): number {
  const bj = new Date(now.getTime() + 8 * 3600_000);
  const next = Date.UTC(bj.getUTCFullYear(), bj.getUTCMonth(), bj.getUTCDate() + 1) - 8 * 3600_000;
  return next - now.getTime();
}

export function checkWechat(r: HttpResult, now: Date): Record<string, any> {
  checkHttpStatus(WECHAT, r, now);
  const body = obj(r.body);
  const code = Number(body.errcode ?? 0);
  if (r.status >= 400 && !code) throw new PermanentError(WECHAT, `HTTP ${r.status}`, { platformCode: r.status, raw: toRaw(r) });
  if (!code) return body;
  const msg = `errcode ${code}: ${body.errmsg ?? ''}`;
  const opts = { platformCode: code, raw: toRaw(r) };
  if (code === -1) throw new RetryableError(WECHAT, msg, { ...opts, retryAfterMs: 5_000 });
  if (code === 45009) throw new RetryableError(WECHAT, msg, { ...opts, retryAfterMs: msUntilBeijingMidnight(now) });
  if (code === 45011 || code === 45047) throw new RetryableError(WECHAT, msg, { ...opts, retryAfterMs: 60_000 });
  if (TOKEN_CODES.has(code) || CREDENTIAL_CODES.has(code)) throw new ReauthorizeError(WECHAT, msg, opts);
  if (CONTENT_CODES.has(code)) throw new BadContentError(WECHAT, msg, opts);
  throw new PermanentError(WECHAT, msg, opts);
}

export function createWechatApi(ctx: ConnectorContext) {
  const base = wechatBase(ctx);
  const cacheKey = `${base}|${ctx.credentials.appId ?? ''}`;

  async function fetchToken(): Promise<string> {
    const { appId, appSecret } = ctx.credentials;
    if (!appId || !appSecret) throw new ReauthorizeError(WECHAT, 'appId and appSecret are required');
    const r = await httpRequest(ctx, WECHAT, {
      url: `${base}/cgi-bin/token`, query: { grant_type: 'client_credential', appid: appId, secret: appSecret },
    });
    const body = checkWechat(r, ctx.clock.now());
    const expiresAt = ctx.clock.now().getTime() + (Number(body.expires_in ?? 7200) - 300) * 1000;
    tokenCache.set(cacheKey, { token: String(body.access_token), expiresAt });
    await ctx.onTokens?.({ accessToken: String(body.access_token), expiresAt: new Date(expiresAt) });
    return String(body.access_token);
  }

  async function token(): Promise<string> {
    const now = ctx.clock.now().getTime();
    const cached = tokenCache.get(cacheKey);
    if (cached && cached.expiresAt > now) return cached.token;
    const { accessToken, expiresAt } = ctx.credentials;
    if (accessToken && expiresAt && expiresAt.getTime() - 300_000 > now) {
      tokenCache.set(cacheKey, { token: accessToken, expiresAt: expiresAt.getTime() - 300_000 });
      return accessToken;
    }
    return fetchToken();
  }

  /** Calls a /cgi-bin or /datacube path with the access token; refetches the token once if it was rejected. */
  async function call(path: string, req: Omit<HttpRequest, 'url'> = {}): Promise<Record<string, any>> {
    for (let attempt = 0; ; attempt++) {
      const t = attempt === 0 ? await token() : await fetchToken();
      const r = await httpRequest(ctx, WECHAT, { ...req, url: `${base}${path}`, query: { ...req.query, access_token: t } });
      try {
        return checkWechat(r, ctx.clock.now());
      } catch (e) {
        const code = Number(obj(r.body).errcode);
        if (attempt === 0 && TOKEN_CODES.has(code)) { tokenCache.delete(cacheKey); continue; }
        throw e;
      }
    }
  }

  return { call, token, fetchToken };
}
