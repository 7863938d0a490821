/**
 * Mastodon (any instance; ctx.baseUrl is the instance). OAuth per instance app. Publish:
 * POST /api/v2/media (202 → poll /api/v1/media/:id until processed) then POST /api/v1/statuses
 * with the Idempotency-Key header, so a retry with the same key cannot post twice.
 * Replies come from /statuses/:id/context; DMs are `direct` statuses; mentions from notifications.
 * Limits come from the instance's configuration.statuses (flags maxCharacters / maxMedia).
 */
import type { Capabilities, Connector, ConnectorContext, ContentRules, MediaInput, PlatformComment, TokenSet } from './connector';
import { validateAgainstRules, withHashtags } from './content-rules';
import { BadContentError, PermanentError, ReauthorizeError, RetryableError, parseRetryAfter } from './errors';
import { checkHttpStatus, httpRequest, mediaBlob, obj, toRaw, type HttpRequest, type HttpResult } from './http';

const MA = 'mastodon';

export const mastodonCapabilities: Capabilities = {
  publish: { text: 'api', image: 'api', video: 'api', article: 'none' },
  completion: 'sync',
  comments: { list: true, reply: true, delete: false, hide: false, pin: false },
  dms: { receive: true, send: true, replyWindowHours: null },
  mentions: true, postMetrics: true, accountMetrics: true, webhooks: false,
};

export function checkMastodon(r: HttpResult, now: Date): any {
  if (r.status === 429) {
    const reset = r.headers['x-ratelimit-reset'];
    const retryAfterMs = parseRetryAfter(r.headers['retry-after'], now) ?? (reset ? Math.max(0, Date.parse(reset) - now.getTime()) : 300_000);
    throw new RetryableError(MA, 'HTTP 429 rate limited', { platformCode: 429, raw: toRaw(r), retryAfterMs });
  }
  checkHttpStatus(MA, r, now);
  if (r.status < 400) return r.body;
  const msg = `HTTP ${r.status}: ${obj(r.body).error ?? ''}`;
  if (r.status === 422) throw new BadContentError(MA, msg, { platformCode: 422, raw: toRaw(r) });
  if (r.status === 403 && /token/i.test(msg)) throw new ReauthorizeError(MA, msg, { platformCode: 403, raw: toRaw(r) });
  throw new PermanentError(MA, msg, { platformCode: r.status, raw: toRaw(r) });
}

const stripHtml = (h: string) => h.replace(/<br\s*\/?>/g, '\n').replace(/<\/p><p>/g, '\n\n').replace(/<[^>]+>/g, '')
  .replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").trim();

export function createMastodonConnector(ctx: ConnectorContext): Connector {
  const creds = ctx.credentials;
  const base = String(creds.instanceUrl ?? ctx.baseUrl ?? '').replace(/\/+$/, '');
  const now = () => ctx.clock.now();
  const rules: ContentRules = {
    maxText: Number(ctx.flags?.maxCharacters ?? 500), textCounting: 'chars', maxImages: Number(ctx.flags?.maxMedia ?? 4),
    hashtagStyle: '#x', mentionStyle: '@name',
  };
  let me: string | undefined = creds.accountId;

  const call = async (path: string, req: Omit<HttpRequest, 'url'> = {}) => {
    if (!creds.accessToken) throw new ReauthorizeError(MA, 'no access token');
    const r = await httpRequest(ctx, MA, { ...req, url: `${base}${path}`, headers: { authorization: `Bearer ${creds.accessToken}`, ...req.headers } });
    return checkMastodon(r, now());
  };
  const myId = async () => (me ??= String((await call('/api/v1/accounts/verify_credentials')).id));

  async function upload(m: MediaInput): Promise<string> {
    const form = new FormData();
    form.set('file', mediaBlob(m), m.filename);
    let media = await call('/api/v2/media', { body: form, idempotent: true });
    for (let i = 0; media.url === null && i < 20; i++) {
      await new Promise((r) => setTimeout(r, Number(ctx.flags?.mediaPollMs ?? 1000)));
      media = await call(`/api/v1/media/${media.id}`);
    }
    if (media.url === null) throw new RetryableError(MA, 'media still processing', { retryAfterMs: 30_000 });
    return String(media.id);
  }

  const toComment = (postId: string) => (s: any): PlatformComment => ({
    platformCommentId: String(s.id), platformPostId: postId, parentCommentId: s.in_reply_to_id === postId ? undefined : s.in_reply_to_id ?? undefined,
    author: { id: String(s.account?.id), name: s.account?.acct, avatarUrl: s.account?.avatar }, text: stripHtml(String(s.content ?? '')),
    createdAt: new Date(s.created_at), own: me !== undefined && String(s.account?.id) === me,
  });

  const connector: Connector = {
    platform: 'mastodon',
    capabilities: mastodonCapabilities,
    rules,
    authorizeUrl(state, redirectUri) {
      const u = new URL(`${base}/oauth/authorize`);
      u.search = new URLSearchParams({ client_id: String(creds.appId), redirect_uri: redirectUri, response_type: 'code', scope: 'read write', state }).toString();
      return u.toString();
    },
    async exchangeCode(code, redirectUri) {
      const r = await httpRequest(ctx, MA, { url: `${base}/oauth/token`, form: {
        grant_type: 'authorization_code', code, client_id: creds.appId, client_secret: creds.appSecret, redirect_uri: redirectUri, scope: 'read write',
      }, idempotent: true });
      if (r.status >= 400) throw new ReauthorizeError(MA, `token: ${obj(r.body).error ?? r.status}`, { platformCode: r.status, raw: toRaw(r) });
      const t: TokenSet = { accessToken: String(obj(r.body).access_token), scope: obj(r.body).scope };
      creds.accessToken = t.accessToken;
      await ctx.onTokens?.(t);
      return t;
    },
    async revoke() {
      await httpRequest(ctx, MA, { url: `${base}/oauth/revoke`, form: { client_id: creds.appId, client_secret: creds.appSecret, token: creds.accessToken } });
    },
    async profile() {
      const a = await call('/api/v1/accounts/verify_credentials');
      me = String(a.id);
      return { accountId: me, name: String(a.display_name || a.username), avatarUrl: a.avatar, url: a.url };
    },
    validate: (post) => validateAgainstRules({ ...post, text: withHashtags(post.text, post.tags, '#x') }, rules),

    async publish(post) {
      const issues = connector.validate(post);
      if (issues.length) throw new BadContentError(MA, issues.map((i) => i.message).join('; '), { field: issues[0].field });
      const mediaIds = [];
      for (const m of post.media) mediaIds.push(m.platformMediaId ?? await upload(m));
      const s = await call('/api/v1/statuses', {
        json: { status: withHashtags(post.text, post.tags, '#x'), media_ids: mediaIds, visibility: String(ctx.flags?.visibility ?? 'public') },
        headers: { 'idempotency-key': post.idempotencyKey },
      });
      return { status: 'published', platformPostId: String(s.id), url: s.url };
    },
    async findPostByKey(_key, since, hint) {
      if (!hint?.text) return null;
      const list = await call(`/api/v1/accounts/${await myId()}/statuses`, { query: { limit: 40, exclude_replies: true } });
      const hit = (list as any[]).find((s) => new Date(s.created_at) >= since && stripHtml(s.content).startsWith(hint.text!.slice(0, 40)));
      return hit ? { platformPostId: String(hit.id), url: hit.url, text: stripHtml(hit.content), createdAt: new Date(hit.created_at) } : null;
    },
    async fetchPost(id) {
      const s = await call(`/api/v1/statuses/${id}`);
      return { platformPostId: String(s.id), url: s.url, text: stripHtml(s.content), createdAt: new Date(s.created_at) };
    },
    async deletePost(id) { await call(`/api/v1/statuses/${id}`, { method: 'DELETE' }); },

    async listComments(postId) {
      await myId();
      const ctxs = await call(`/api/v1/statuses/${postId}/context`);
      return { items: (ctxs.descendants ?? []).map(toComment(postId)) };
    },
    async replyComment(_postId, commentId, text) {
      const parent = await call(`/api/v1/statuses/${commentId}`);
      const s = await call('/api/v1/statuses', { json: { status: `@${parent.account.acct} ${text}`, in_reply_to_id: commentId, visibility: parent.visibility === 'direct' ? 'direct' : 'public' } });
      return { platformCommentId: String(s.id) };
    },
    async listDMs() {
      const convs = await call('/api/v1/conversations', { query: { limit: 40 } });
      return { items: (convs as any[]).filter((c) => c.last_status).map((c) => ({
        platformMessageId: String(c.last_status.id), conversationId: String(c.accounts?.[0]?.acct ?? c.id),
        from: { id: String(c.last_status.account.id), name: c.last_status.account.acct }, text: stripHtml(c.last_status.content),
        createdAt: new Date(c.last_status.created_at), direction: String(c.last_status.account.id) === me ? 'out' as const : 'in' as const,
      })) };
    },
    /** conversationId is the other person's acct (user@instance). */
    async sendDM(acct, text) {
      const s = await call('/api/v1/statuses', { json: { status: `@${acct} ${text}`, visibility: 'direct' } });
      return { platformMessageId: String(s.id) };
    },
    async listMentions(opts) {
      const list = await call('/api/v1/notifications', { query: { 'types[]': 'mention', limit: opts?.limit ?? 40, since_id: opts?.cursor } });
      return { items: (list as any[]).map((n) => ({
        platformMentionId: String(n.id), kind: 'post' as const, platformPostId: String(n.status?.id), url: n.status?.url,
        author: { id: String(n.account.id), name: n.account.acct }, text: stripHtml(String(n.status?.content ?? '')), createdAt: new Date(n.created_at),
      })) };
    },
    async postMetrics(ids) {
      const out = [];
      for (const id of ids) {
        const s = await call(`/api/v1/statuses/${id}`);
        out.push({ platformPostId: id, views: null, likes: Number(s.favourites_count), comments: Number(s.replies_count), shares: Number(s.reblogs_count), saves: null, clicks: null, asOf: now() });
      }
      return out;
    },
    async accountMetrics() {
      const a = await call('/api/v1/accounts/verify_credentials');
      return { followers: Number(a.followers_count), following: Number(a.following_count), posts: Number(a.statuses_count), newFollowers: null, unfollows: null, asOf: now() };
    },
  };
  return connector;
}
