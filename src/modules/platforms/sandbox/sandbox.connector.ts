/**
 * Connector for the sandbox network (./server.ts): every capability through the API. Publish
 * uploads media (raw bytes), then POST /api/posts with the Idempotency-Key header; a video post
 * answers 202 and completes when processing ends (publishStatus polls, or the post.published
 * webhook). findPostByKey asks GET /api/posts?key=. An expired access token is refreshed once
 * when a refresh token is at hand, otherwise it is a ReauthorizeError.
 */
import type {
  Capabilities, Connector, ConnectorContext, ContentRules, DirectMessage, ListOptions, MediaInput, Mention,
  Page, PlatformComment, PlatformEvent, PlatformPost, PostMetrics, TokenSet, WebhookRequest,
} from '../connector';
import { validateAgainstRules, withHashtags } from '../content-rules';
import { BadContentError, PermanentError, ReauthorizeError } from '../errors';
import { checkHttpStatus, httpRequest, obj, toRaw, type HttpRequest, type HttpResult } from '../http';
import { dayKey } from './model';
import { verifyWebhookSignature } from './webhooks';

const SB = 'sandbox';

export const sandboxCapabilities: Capabilities = {
  publish: { text: 'api', image: 'api', video: 'api', article: 'api' },
  completion: 'poll',
  comments: { list: true, reply: true, delete: true, hide: true, pin: false },
  dms: { receive: true, send: true, replyWindowHours: 48 },
  mentions: true, postMetrics: true, accountMetrics: true, webhooks: true,
};

export const sandboxRules: ContentRules = {
  maxText: 2000, textCounting: 'chars', maxTitle: 80, maxImages: 9,
  maxImageBytes: 10 * 1024 * 1024, maxVideoBytes: 512 * 1024 * 1024, hashtagStyle: '#x#', mentionStyle: '@name',
};

/** Sandbox metrics carry more than the common shape: exposure, reads/plays, conversions, 完播率. */
export interface SandboxPostMetrics extends PostMetrics {
  impressions: number; reads: number; conversions: number; completionRate: number | null;
}

const FIELDS = new Set(['text', 'title', 'media', 'link', 'tags']);

/** Maps a sandbox answer to a value or a typed PlatformError. */
export function checkSandbox(r: HttpResult, now: Date): Record<string, any> {
  checkHttpStatus(SB, r, now);
  if (r.status < 400) return obj(r.body);
  const err = obj(obj(r.body).error);
  const code = String(err.code ?? r.status);
  const msg = `HTTP ${r.status} ${code}: ${err.message ?? ''}`;
  const opts = { platformCode: code, raw: toRaw(r) };
  if (r.status === 422 || r.status === 413) {
    throw new BadContentError(SB, msg, { ...opts, field: FIELDS.has(err.field) ? err.field : r.status === 413 ? 'media' : undefined });
  }
  throw new PermanentError(SB, msg, opts);
}

const date = (v: unknown): Date => new Date(String(v));

export function createSandboxConnector(ctx: ConnectorContext): Connector {
  const creds = ctx.credentials;
  const base = String(ctx.baseUrl ?? creds.baseUrl ?? 'http://127.0.0.1:4010').replace(/\/+$/, '');
  const now = () => ctx.clock.now();

  async function tokenCall(form: Record<string, string | undefined>): Promise<TokenSet> {
    const r = await httpRequest(ctx, SB, { url: `${base}/oauth/token`, form, idempotent: true });
    if (r.status === 400 || r.status === 401) throw new ReauthorizeError(SB, `token: ${obj(obj(r.body).error).code ?? r.status}`, { platformCode: r.status, raw: toRaw(r) });
    const d = checkSandbox(r, now());
    const t: TokenSet = {
      accessToken: String(d.access_token), refreshToken: d.refresh_token,
      expiresAt: new Date(now().getTime() + Number(d.expires_in) * 1000),
      refreshExpiresAt: d.refresh_expires_in ? new Date(now().getTime() + Number(d.refresh_expires_in) * 1000) : undefined,
      accountId: d.account_id, scope: d.scope,
    };
    Object.assign(creds, t);
    await ctx.onTokens?.(t);
    return t;
  }
  const refresh = () => {
    if (!creds.refreshToken) throw new ReauthorizeError(SB, 'no refresh token');
    return tokenCall({ grant_type: 'refresh_token', refresh_token: creds.refreshToken, client_id: creds.appId, client_secret: creds.appSecret });
  };

  /** An authorised call; a 401 token_expired is refreshed once (the request never reached the handler). */
  async function call(path: string, req: Omit<HttpRequest, 'url'> = {}, retried = false): Promise<Record<string, any>> {
    if (!creds.accessToken) throw new ReauthorizeError(SB, 'no access token');
    const r = await httpRequest(ctx, SB, { ...req, url: `${base}${path}`, headers: { authorization: `Bearer ${creds.accessToken}`, ...req.headers } });
    if (r.status === 401 && !retried && creds.refreshToken && obj(obj(r.body).error).code === 'token_expired') {
      await refresh();
      return call(path, req, true);
    }
    return checkSandbox(r, now());
  }

  const listQuery = (o?: ListOptions) => ({ since: o?.since?.toISOString(), cursor: o?.cursor, limit: o?.limit });
  const toPost = (p: Record<string, any>): PlatformPost => ({ platformPostId: String(p.id), url: p.url, text: p.text, createdAt: date(p.created_at) });
  const toComment = (c: Record<string, any>): PlatformComment => ({
    platformCommentId: String(c.id), platformPostId: String(c.post_id), parentCommentId: c.parent_id ?? undefined,
    author: { id: String(c.user?.id), name: c.user?.name }, text: String(c.text), createdAt: date(c.created_at), own: Boolean(c.own),
  });
  const toMessage = (m: Record<string, any>): DirectMessage => ({
    platformMessageId: String(m.id), conversationId: String(m.conversation_id), from: { id: String(m.user?.id), name: m.user?.name },
    text: String(m.text), createdAt: date(m.created_at), direction: m.direction === 'out' ? 'out' : 'in',
  });
  const toMention = (m: Record<string, any>): Mention => ({
    platformMentionId: String(m.id), kind: 'post', author: { id: String(m.user?.id), name: m.user?.name },
    text: String(m.text), url: m.url, createdAt: date(m.created_at),
  });
  const page = <T>(body: Record<string, any>, map: (x: Record<string, any>) => T): Page<T> => ({
    items: (body.data as Record<string, any>[] ?? []).map(map), nextCursor: body.next_cursor ?? undefined,
  });

  async function upload(m: MediaInput): Promise<string> {
    const type = m.mimeType.startsWith(`${m.kind}/`) ? m.mimeType : `${m.kind}/octet-stream`;
    const body = await call('/api/media', { method: 'POST', body: m.data, headers: { 'content-type': type, 'x-filename': encodeURIComponent(m.filename) }, idempotent: true });
    m.platformMediaId = String(body.id);
    return m.platformMediaId;
  }

  const connector: Connector = {
    platform: 'sandbox',
    capabilities: sandboxCapabilities,
    rules: sandboxRules,

    authorizeUrl(state, redirectUri) {
      const u = new URL(`${base}/oauth/authorize`);
      u.search = new URLSearchParams({ client_id: String(creds.appId ?? 'chorus'), redirect_uri: redirectUri, response_type: 'code', state }).toString();
      const account = ctx.flags?.sandboxAccountId ?? creds.accountId;
      if (typeof account === 'string' && account) u.searchParams.set('account_id', account);
      return u.toString();
    },
    exchangeCode: (code, redirectUri) => tokenCall({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, client_id: String(creds.appId ?? 'chorus'), client_secret: creds.appSecret }),
    refresh,
    async revoke() {
      if (creds.accessToken) await httpRequest(ctx, SB, { url: `${base}/oauth/revoke`, form: { token: creds.accessToken }, idempotent: true });
    },
    async profile() {
      const a = await call('/api/me');
      return { accountId: String(a.id), name: String(a.name), avatarUrl: a.avatar_url, url: a.url };
    },

    validate: (post) => validateAgainstRules({ ...post, text: withHashtags(post.text, post.tags, '#x#') }, sandboxRules),
    uploadMedia: async (m) => ({ kind: m.kind, platformMediaId: m.platformMediaId ?? await upload(m) }),

    async publish(post) {
      const issues = connector.validate(post);
      if (issues.length) throw new BadContentError(SB, issues.map((i) => i.message).join('; '), { field: issues[0]!.field });
      const mediaIds: string[] = [];
      for (const m of post.media) mediaIds.push(m.platformMediaId ?? await upload(m));
      const p = await call('/api/posts', {
        method: 'POST', headers: { 'idempotency-key': post.idempotencyKey },
        json: { text: withHashtags(post.text, post.tags, '#x#'), title: post.title, media_ids: mediaIds, theme: post.extra?.theme },
      });
      if (p.status === 'processing') return { status: 'pending', platformPostId: String(p.id), publishJobId: String(p.id), url: p.url };
      return { status: 'published', platformPostId: String(p.id), url: p.url };
    },
    async publishStatus(jobId) {
      try {
        const p = await call(`/api/posts/${encodeURIComponent(jobId)}`);
        return p.status === 'processing' ? { status: 'pending', platformPostId: String(p.id) } : { status: 'published', platformPostId: String(p.id), url: p.url };
      } catch (e) {
        if (e instanceof PermanentError && e.platformCode === 'post_not_found') return { status: 'failed', failure: { code: 'post_not_found', message: 'the post no longer exists' } };
        throw e;
      }
    },
    async findPostByKey(key, since) {
      const body = await call('/api/posts', { query: { key, since: since.toISOString(), limit: 1 } });
      const hit = (body.data as Record<string, any>[] | undefined)?.[0];
      return hit ? toPost(hit) : null;
    },
    fetchPost: async (id) => toPost(await call(`/api/posts/${encodeURIComponent(id)}`)),
    async deletePost(id) { await call(`/api/posts/${encodeURIComponent(id)}`, { method: 'DELETE' }); },

    listComments: async (postId, opts) => page(await call(`/api/posts/${encodeURIComponent(postId)}/comments`, { query: listQuery(opts) }), toComment),
    listRecentComments: async (opts) => page(await call('/api/comments', { query: listQuery(opts) }), toComment),
    async replyComment(_postId, commentId, text) {
      const c = await call(`/api/comments/${encodeURIComponent(commentId)}/replies`, { method: 'POST', json: { text } });
      return { platformCommentId: String(c.id) };
    },
    async deleteComment(_postId, commentId) { await call(`/api/comments/${encodeURIComponent(commentId)}`, { method: 'DELETE' }); },
    async hideComment(_postId, commentId) { await call(`/api/comments/${encodeURIComponent(commentId)}/hide`, { method: 'POST', json: { hidden: true }, idempotent: true }); },

    listDMs: async (opts) => page(await call('/api/dms', { query: listQuery(opts) }), toMessage),
    async sendDM(conversationId, text) {
      const m = await call('/api/dms', { method: 'POST', json: { conversation_id: conversationId, text } });
      return { platformMessageId: String(m.id) };
    },
    listMentions: async (opts) => page(await call('/api/mentions', { query: listQuery(opts) }), toMention),

    async postMetrics(ids): Promise<SandboxPostMetrics[]> {
      const out: SandboxPostMetrics[] = [];
      for (const id of ids) {
        const m = await call(`/api/posts/${encodeURIComponent(id)}/metrics`);
        out.push({
          platformPostId: id, views: m.impressions, likes: m.likes, comments: m.comments, shares: m.shares, saves: m.saves, clicks: m.clicks,
          impressions: m.impressions, reads: m.reads, conversions: m.conversions, completionRate: m.completion_rate ?? null, asOf: date(m.as_of),
        });
      }
      return out;
    },
    async accountMetrics(range) {
      const m = await call('/api/account/metrics', { query: range ? { from: dayKey(range.from.getTime()), to: dayKey(range.to.getTime()) } : {} });
      const days = (m.days as { new_followers: number; unfollows: number }[] | undefined) ?? [];
      return {
        followers: m.followers, following: m.following, posts: m.posts, asOf: date(m.as_of),
        newFollowers: range ? days.reduce((s, d) => s + d.new_followers, 0) : null,
        unfollows: range ? days.reduce((s, d) => s + d.unfollows, 0) : null,
      };
    },

    webhook: {
      verify(req: WebhookRequest) {
        const secret = creds.webhookToken ?? creds.appSecret;
        return typeof secret === 'string' && secret.length > 0 && verifyWebhookSignature(secret, req.headers, req.rawBody);
      },
      parse(req: WebhookRequest): PlatformEvent[] {
        const e = obj(JSON.parse(req.rawBody.toString('utf8')));
        const eventId = String(e.id);
        const occurredAt = date(e.created_at);
        const d = obj(e.data);
        switch (e.type) {
          case 'comment.created': return d.comment ? [{ type: 'comment', eventId, occurredAt, comment: toComment(d.comment) }] : [];
          case 'dm.received': return d.message ? [{ type: 'dm', eventId, occurredAt, message: toMessage(d.message) }] : [];
          case 'mention.created': return d.mention ? [{ type: 'mention', eventId, occurredAt, mention: toMention(d.mention) }] : [];
          case 'post.published': return [{ type: 'publish_result', eventId, occurredAt, status: 'published', publishJobId: String(d.post_id), platformPostId: String(d.post_id), url: d.post?.url }];
          default: return [];
        }
      },
    },
  };
  return connector;
}
