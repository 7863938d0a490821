/**
 * Kuaishou (快手). OAuth2 (access 48 h, refresh 180 days; refreshed once automatically on
 * 100200108). Publish: photo/start_upload → {upload_token, endpoint} → direct upload (< 10 MB)
 * or fragments + complete → photo/publish (caption, cover). Processing is asynchronous: the
 * photo stays `pending` until photo/info says otherwise. No comment, DM or webhook API.
 */
import type { Capabilities, Connector, ConnectorContext, ContentRules, MediaInput, OutgoingPost, TokenSet } from './connector';
import { validateAgainstRules, withHashtags } from './content-rules';
import { BadContentError, PermanentError, ReauthorizeError, RetryableError } from './errors';
import { baseUrl, checkHttpStatus, httpRequest, mediaBlob, obj, toRaw, type HttpRequest, type HttpResult } from './http';

const KS = 'kuaishou';
const EXPIRED = 100200108;
const REAUTH = new Set([100200102, EXPIRED, 100200109, 100200110, 100200111, 100200113, 100200107]);
const CONTENT = new Set([100400, 120003, 100200100]);
const FRAGMENT = 10 * 1024 * 1024;

export const kuaishouCapabilities: Capabilities = {
  publish: { text: 'none', image: 'none', video: 'api', article: 'none' },
  completion: 'poll',
  comments: { list: false, reply: false, delete: false, hide: false, pin: false },
  dms: { receive: false, send: false, replyWindowHours: null },
  mentions: false, postMetrics: true, accountMetrics: true, webhooks: false,
};

export const kuaishouRules: ContentRules = {
  maxText: 500, textCounting: 'chars', maxImages: 0, maxVideoBytes: 4 * 1024 ** 3,
  hashtagStyle: '#x', mentionStyle: '@name', requiresMedia: 'video',
};

export function checkKuaishou(r: HttpResult, now: Date): Record<string, any> {
  checkHttpStatus(KS, r, now);
  const body = obj(r.body);
  const code = Number(body.result ?? 0);
  if (code === 1) return body;
  const msg = `result ${code}: ${body.error_msg ?? body.error ?? ''}`;
  const opts = { platformCode: code, raw: toRaw(r) };
  if (REAUTH.has(code)) throw new ReauthorizeError(KS, msg, opts);
  if (code === 100200500 || code === 400002) throw new RetryableError(KS, msg, { ...opts, retryAfterMs: 30_000 });
  if (CONTENT.has(code)) throw new BadContentError(KS, msg, opts);
  throw new PermanentError(KS, msg, opts);
}

export function createKuaishouConnector(ctx: ConnectorContext): Connector {
  const base = baseUrl(ctx, 'kuaishou', 'https://open.kuaishou.com');
  const creds = ctx.credentials;
  const now = () => ctx.clock.now();
  const fragmentBytes = Number(ctx.flags?.fragmentBytes ?? FRAGMENT);

  async function tokenCall(path: string, query: Record<string, string | undefined>): Promise<TokenSet> {
    const b = checkKuaishou(await httpRequest(ctx, KS, { url: `${base}${path}`, query: { app_id: creds.appId, app_secret: creds.appSecret, ...query } }), now());
    const t: TokenSet = {
      accessToken: String(b.access_token), refreshToken: b.refresh_token,
      expiresAt: new Date(now().getTime() + Number(b.expires_in) * 1000),
      refreshExpiresAt: b.refresh_token_expires_in ? new Date(now().getTime() + Number(b.refresh_token_expires_in) * 1000) : undefined,
      accountId: b.open_id ?? creds.accountId, scope: Array.isArray(b.scopes) ? b.scopes.join(',') : undefined,
    };
    Object.assign(creds, t);
    await ctx.onTokens?.(t);
    return t;
  }
  const refresh = () => {
    if (!creds.refreshToken) throw new ReauthorizeError(KS, 'no refresh token');
    return tokenCall('/oauth2/refresh_token', { refresh_token: creds.refreshToken, grant_type: 'refresh_token' });
  };

  async function call(path: string, req: Omit<HttpRequest, 'url'> = {}): Promise<Record<string, any>> {
    for (let attempt = 0; ; attempt++) {
      if (!creds.accessToken) throw new ReauthorizeError(KS, 'no access token');
      const r = await httpRequest(ctx, KS, { ...req, url: `${base}${path}`, query: { app_id: creds.appId, access_token: creds.accessToken, ...req.query } });
      try {
        return checkKuaishou(r, now());
      } catch (e) {
        if (attempt === 0 && creds.refreshToken && Number(obj(r.body).result) === EXPIRED) { await refresh(); continue; }
        throw e;
      }
    }
  }

  /** The upload gateway speaks the same scheme as the API host (https in production). */
  async function uploadVideo(video: MediaInput, uploadToken: string, endpoint: string) {
    const origin = /^https?:\/\//.test(endpoint) ? endpoint : `${new URL(base).protocol}//${endpoint}`;
    const up = async (path: string, req: Omit<HttpRequest, 'url'>) =>
      checkKuaishou(await httpRequest(ctx, KS, { ...req, url: `${origin}${path}`, idempotent: true }), now());
    if (video.data.byteLength <= fragmentBytes) {
      const form = new FormData();
      form.set('file', mediaBlob(video), video.filename);
      await up('/api/upload/multipart', { query: { upload_token: uploadToken }, body: form });
      return;
    }
    let count = 0;
    for (let off = 0; off < video.data.byteLength; off += fragmentBytes, count++) {
      await up('/api/upload/fragment', {
        query: { upload_token: uploadToken, fragment_id: count }, body: video.data.subarray(off, off + fragmentBytes),
        headers: { 'content-type': 'application/octet-stream' },
      });
    }
    await up('/api/upload/complete', { query: { upload_token: uploadToken, fragment_count: count }, body: '' });
  }

  const info = (photoId: string) => call('/openapi/photo/info', { query: { photo_id: photoId } });
  const url = (photoId: string) => `https://www.kuaishou.com/short-video/${photoId}`;

  const connector: Connector = {
    platform: 'kuaishou',
    capabilities: kuaishouCapabilities,
    rules: kuaishouRules,
    authorizeUrl(state, redirectUri) {
      const u = new URL(`${base}/oauth2/authorize`);
      u.search = new URLSearchParams({ app_id: String(creds.appId), scope: 'user_info,user_video_publish,user_video_info,user_video_delete', response_type: 'code', redirect_uri: redirectUri, state }).toString();
      return u.toString();
    },
    exchangeCode: (code) => tokenCall('/oauth2/access_token', { code, grant_type: 'authorization_code' }),
    refresh,
    async profile() {
      const b = await call('/openapi/user_info');
      return { accountId: String(creds.accountId ?? ''), name: String(b.user_info?.name ?? ''), avatarUrl: b.user_info?.head };
    },
    validate: (post) => validateAgainstRules(post, kuaishouRules),

    async publish(post: OutgoingPost) {
      const issues = connector.validate(post);
      if (issues.length) throw new BadContentError(KS, issues.map((i) => i.message).join('; '), { field: issues[0].field });
      const video = post.media.find((m) => m.kind === 'video')!;
      const start = await call('/openapi/photo/start_upload', { method: 'POST', idempotent: true });
      await uploadVideo(video, String(start.upload_token), String(start.endpoint));
      const form = new FormData();
      form.set('caption', withHashtags(post.text, post.tags, '#x'));
      const cover = post.cover ?? post.media.find((m) => m.kind === 'image');
      if (cover) form.set('cover', mediaBlob(cover), cover.filename);
      const b = await call('/openapi/photo/publish', { query: { upload_token: String(start.upload_token) }, body: form });
      const v = b.video_info ?? {};
      const photoId = String(v.photo_id);
      return v.pending ? { status: 'pending', publishJobId: photoId, platformPostId: photoId }
        : { status: 'published', platformPostId: photoId, url: url(photoId) };
    },
    async publishStatus(photoId) {
      const v = (await info(photoId)).video_info ?? {};
      return v.pending ? { status: 'pending' } : { status: 'published', platformPostId: photoId, url: url(photoId) };
    },
    async findPostByKey(_key, since, hint) {
      if (!hint?.text) return null;
      const b = await call('/openapi/photo/list', { query: { count: 20 } });
      const v = (b.video_list ?? []).find((x: any) => Number(x.create_time) >= since.getTime() && String(x.caption).startsWith(hint.text!.slice(0, 30)));
      return v ? { platformPostId: String(v.photo_id), url: url(String(v.photo_id)), text: v.caption } : null;
    },
    async fetchPost(photoId) {
      const v = (await info(photoId)).video_info ?? {};
      return { platformPostId: photoId, url: url(photoId), text: v.caption, createdAt: new Date(Number(v.create_time)) };
    },
    async deletePost(photoId) { await call('/openapi/photo/delete', { method: 'POST', query: { photo_id: photoId } }); },

    async postMetrics(ids) {
      const out = [];
      for (const id of ids) {
        const v = (await info(id)).video_info ?? {};
        const n = (x: unknown) => (x === undefined || x === null ? null : Number(x));
        out.push({ platformPostId: id, views: n(v.view_count), likes: n(v.like_count), comments: n(v.comment_count), shares: null, saves: null, clicks: null, asOf: now() });
      }
      return out;
    },
    async accountMetrics() {
      const [u, c] = await Promise.all([call('/openapi/user_info'), call('/openapi/photo/count')]);
      const n = (x: unknown) => (x === undefined || x === null ? null : Number(x));
      return { followers: n(u.user_info?.fan), following: n(u.user_info?.follow), posts: n(c.public_count), newFollowers: null, unfollows: null, asOf: now() };
    },
  };
  return connector;
}
