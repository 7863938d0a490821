/**
 * Weibo (微博). OAuth2 at api.weibo.com/oauth2 (no refresh tokens for web apps).
 * Open publish is statuses/share (≤ 140 汉字, a link on the app's safe domain, no #话题#, one
 * image, `rip`); accounts flagged `commercial` use the commercial biz API (c.api.weibo.com):
 * upload_pic/biz → pic_id, upload_url_text/biz (≤ 9 images, 2000 chars, topics allowed).
 * Comments show/reply/destroy/to_me/mentions, statuses/count, users/counts. Fan-service DMs
 * (blue-V) arrive at the callback (./weibo.webhook.ts) and are answered with messages/reply.
 */
import type {
  Capabilities, Connector, ConnectorContext, ContentRules, Mention, OutgoingPost, PlatformComment, PublishResult,
} from './connector';
import { validateAgainstRules } from './content-rules';
import { BadContentError, PermanentError, ReauthorizeError, RetryableError } from './errors';
import { baseUrl, checkHttpStatus, httpRequest, mediaBlob, obj, toRaw, type HttpRequest, type HttpResult } from './http';
import { createWeiboWebhook } from './weibo.webhook';

const WEIBO = 'weibo';
const REAUTH = new Set([21314, 21315, 21316, 21317, 21319, 21327, 21332, 21501, 21301]);
const RATE = new Set([10022, 10023, 10024, 20016]);
const BUSY = new Set([10001, 10002, 10009]);
const CONTENT = new Set([20012, 20013, 20017, 20018, 20019, 20020, 20021, 20032, 20034, 10017, 10018, 20006, 20008]);

export function weiboCapabilities(commercial: boolean): Capabilities {
  return {
    publish: { text: 'restricted', image: 'restricted', video: 'none', article: 'none' },
    completion: 'sync',
    comments: { list: true, reply: true, delete: true, hide: false, pin: false },
    dms: { receive: commercial, send: commercial, replyWindowHours: 48 },
    mentions: true, postMetrics: true, accountMetrics: true, webhooks: commercial,
  };
}

export function weiboRules(commercial: boolean, safeDomains: string[]): ContentRules {
  return commercial
    ? { maxText: 2000, textCounting: 'cjk-weighted', maxImages: 9, maxImageBytes: 20 * 1024 * 1024, hashtagStyle: '#x#', mentionStyle: '@name' }
    : { maxText: 140, textCounting: 'cjk-weighted', maxImages: 1, maxImageBytes: 5 * 1024 * 1024, hashtagStyle: 'none', mentionStyle: '@name', linkDomainRequired: safeDomains };
}

function msToNextHour(now: Date) { return 3600_000 - (now.getTime() % 3600_000); }

export function checkWeibo(r: HttpResult, now: Date): any {
  const body = obj(r.body);
  const code = Number(body.error_code ?? 0);
  if (!code) { checkHttpStatus(WEIBO, r, now); if (r.status >= 400) throw new PermanentError(WEIBO, `HTTP ${r.status}`, { platformCode: r.status, raw: toRaw(r) }); return r.body; }
  const msg = `error_code ${code}: ${body.error ?? ''}`;
  const opts = { platformCode: code, raw: toRaw(r) };
  if (REAUTH.has(code)) throw new ReauthorizeError(WEIBO, msg, opts);
  if (RATE.has(code)) throw new RetryableError(WEIBO, msg, { ...opts, retryAfterMs: msToNextHour(now) });
  if (BUSY.has(code)) throw new RetryableError(WEIBO, msg, { ...opts, retryAfterMs: 30_000 });
  if (CONTENT.has(code)) throw new BadContentError(WEIBO, msg, opts);
  throw new PermanentError(WEIBO, msg, opts);
}

const weiboDate = (s: string) => new Date(s);
const strip = (t: string) => t.replace(/https?:\/\/\S+/g, '').replace(/\s+/g, ' ').trim();

function toComment(c: any): PlatformComment {
  return {
    platformCommentId: String(c.idstr ?? c.id), platformPostId: String(c.status?.idstr ?? c.status?.id ?? ''),
    parentCommentId: c.reply_comment ? String(c.reply_comment.idstr ?? c.reply_comment.id) : undefined,
    author: { id: String(c.user?.idstr ?? c.user?.id), name: c.user?.screen_name, avatarUrl: c.user?.profile_image_url },
    text: String(c.text ?? ''), createdAt: weiboDate(c.created_at),
  };
}

export function createWeiboConnector(ctx: ConnectorContext): Connector {
  const commercial = ctx.flags?.commercial === true;
  const safeDomains = String(ctx.flags?.safeDomains ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const rules = weiboRules(commercial, safeDomains);
  const api = baseUrl(ctx, 'weibo', 'https://api.weibo.com');
  const biz = baseUrl(ctx, 'weiboBiz', 'https://c.api.weibo.com');
  const msgApi = baseUrl(ctx, 'weiboMessages', 'https://m.api.weibo.com');
  const now = () => ctx.clock.now();
  const token = () => {
    if (!ctx.credentials.accessToken) throw new ReauthorizeError(WEIBO, 'no access token');
    return ctx.credentials.accessToken;
  };
  const call = async (req: HttpRequest) => checkWeibo(await httpRequest(ctx, WEIBO, req), now());
  const get = (path: string, query: HttpRequest['query'] = {}, host = api) =>
    call({ url: `${host}${path}`, query: { ...query, access_token: token() } });
  const postForm = (path: string, form: Record<string, string | number | undefined>, host = api) =>
    call({ url: `${host}${path}`, form: { ...form, access_token: token() } });

  async function publishCommercial(post: OutgoingPost): Promise<PublishResult> {
    const picIds: string[] = [];
    for (const m of post.media.filter((x) => x.kind === 'image')) {
      const form = new FormData();
      form.set('access_token', token());
      form.set('pic', mediaBlob(m), m.filename);
      const r = await call({ url: `${biz}/2/statuses/upload_pic/biz.json`, body: form, idempotent: true });
      picIds.push(String(r.pic_id));
    }
    const s = await postForm('/2/statuses/upload_url_text/biz.json', { status: post.text, pic_id: picIds.join(',') || undefined }, biz);
    return published(s);
  }

  async function publishShare(post: OutgoingPost): Promise<PublishResult> {
    const rip = String(post.extra?.rip ?? ctx.flags?.rip ?? '');
    if (!rip) throw new PermanentError(WEIBO, 'statuses/share needs the user\'s real IP (rip)');
    const image = post.media.find((m) => m.kind === 'image');
    if (!image) return published(await postForm('/2/statuses/share.json', { status: post.text, rip }));
    const form = new FormData();
    form.set('access_token', token());
    form.set('status', post.text);
    form.set('rip', rip);
    form.set('pic', mediaBlob(image), image.filename);
    return published(await call({ url: `${api}/2/statuses/share.json`, body: form }));
  }

  function published(s: any): PublishResult {
    const id = String(s.idstr ?? s.id);
    const uid = String(s.user?.idstr ?? s.user?.id ?? ctx.credentials.accountId ?? '');
    return { status: 'published', platformPostId: id, url: `https://weibo.com/${uid}/${s.mid ?? id}` };
  }

  const connector: Connector = {
    platform: 'weibo',
    capabilities: weiboCapabilities(commercial),
    rules,

    authorizeUrl(state, redirectUri) {
      const u = new URL(`${api}/oauth2/authorize`);
      u.search = new URLSearchParams({ client_id: String(ctx.credentials.appId), redirect_uri: redirectUri, response_type: 'code', state }).toString();
      return u.toString();
    },
    async exchangeCode(code, redirectUri) {
      const b = await call({ url: `${api}/oauth2/access_token`, form: {
        client_id: ctx.credentials.appId, client_secret: ctx.credentials.appSecret, grant_type: 'authorization_code', code, redirect_uri: redirectUri,
      } });
      const t = { accessToken: String(b.access_token), expiresAt: new Date(now().getTime() + Number(b.expires_in) * 1000), accountId: String(b.uid) };
      ctx.credentials.accessToken = t.accessToken;
      await ctx.onTokens?.(t);
      return t;
    },
    async revoke() { await get('/oauth2/revokeoauth2'); },
    async profile() {
      const info = await call({ url: `${api}/oauth2/get_token_info`, form: { access_token: token() } });
      const u = await get('/2/users/show.json', { uid: info.uid });
      return { accountId: String(u.idstr ?? u.id), name: String(u.screen_name), avatarUrl: u.profile_image_url, url: `https://weibo.com/u/${u.idstr ?? u.id}` };
    },

    validate: (post) => validateAgainstRules(post, rules),
    async publish(post) {
      const issues = connector.validate(post);
      if (issues.length) throw new BadContentError(WEIBO, issues.map((i) => i.message).join('; '), { field: issues[0].field });
      return commercial ? publishCommercial(post) : publishShare(post);
    },
    /** Weibo has no idempotency key: match our own recent posts by text (links are rewritten to t.cn). */
    async findPostByKey(_key, since, hint) {
      if (!hint?.text) return null;
      const b = await get('/2/statuses/user_timeline.json', { count: 50, trim_user: 1 });
      const want = strip(hint.text);
      for (const s of b.statuses ?? []) {
        if (weiboDate(s.created_at) < since) continue;
        if (strip(String(s.text)) === want) return { platformPostId: String(s.idstr ?? s.id), text: s.text, createdAt: weiboDate(s.created_at) };
      }
      return null;
    },
    async deletePost(id) { await postForm('/2/statuses/destroy.json', { id }); },

    async listComments(postId, opts) {
      const b = await get('/2/comments/show.json', { id: postId, count: opts?.limit ?? 50, max_id: opts?.cursor });
      const items = (b.comments ?? []).map(toComment);
      const next = b.next_cursor && String(b.next_cursor) !== '0' ? String(b.next_cursor) : undefined;
      return { items, nextCursor: next };
    },
    async listRecentComments(opts) {
      const b = await get('/2/comments/to_me.json', { count: opts?.limit ?? 50, max_id: opts?.cursor });
      const items: PlatformComment[] = (b.comments ?? []).map(toComment);
      const next = b.next_cursor && String(b.next_cursor) !== '0' ? String(b.next_cursor) : undefined;
      return { items: opts?.since ? items.filter((c) => c.createdAt >= opts.since!) : items, nextCursor: next };
    },
    async replyComment(postId, commentId, text) {
      const c = await postForm('/2/comments/reply.json', { cid: commentId, id: postId, comment: text });
      return { platformCommentId: String(c.idstr ?? c.id) };
    },
    async deleteComment(_postId, commentId) { await postForm('/2/comments/destroy.json', { cid: commentId }); },

    async listMentions(opts) {
      const [posts, comments] = await Promise.all([
        get('/2/statuses/mentions.json', { count: opts?.limit ?? 50 }),
        get('/2/comments/mentions.json', { count: opts?.limit ?? 50 }),
      ]);
      const items: Mention[] = [
        ...(posts.statuses ?? []).map((s: any): Mention => ({
          platformMentionId: `status:${s.idstr ?? s.id}`, kind: 'post', platformPostId: String(s.idstr ?? s.id),
          author: { id: String(s.user?.idstr ?? s.user?.id), name: s.user?.screen_name }, text: String(s.text), createdAt: weiboDate(s.created_at),
        })),
        ...(comments.comments ?? []).map((c: any): Mention => {
          const x = toComment(c);
          return { platformMentionId: `comment:${x.platformCommentId}`, kind: 'comment', platformPostId: x.platformPostId, author: x.author, text: x.text, createdAt: x.createdAt };
        }),
      ];
      if (opts?.since) return { items: items.filter((m) => m.createdAt >= opts.since!) };
      return { items };
    },

    /** reposts/comments/attitudes; Weibo's open API reports no views. */
    async postMetrics(ids) {
      const out = [];
      for (let i = 0; i < ids.length; i += 100) {
        const b = await get('/2/statuses/count.json', { ids: ids.slice(i, i + 100).join(',') });
        const byId = new Map<string, any>((b as any[]).map((x) => [String(x.id), x]));
        for (const id of ids.slice(i, i + 100)) {
          const x = byId.get(id);
          out.push({ platformPostId: id, views: null, likes: x ? Number(x.attitudes) : null, comments: x ? Number(x.comments) : null,
            shares: x ? Number(x.reposts) : null, saves: null, clicks: null, asOf: now() });
        }
      }
      return out;
    },
    async accountMetrics() {
      const uid = ctx.credentials.accountId;
      if (!uid) throw new PermanentError(WEIBO, 'accountId (uid) is not set');
      const [u] = await get('/2/users/counts.json', { uids: uid });
      return { followers: Number(u.followers_count), following: Number(u.friends_count), posts: Number(u.statuses_count), newFollowers: null, unfollows: null, asOf: now() };
    },
    webhook: commercial ? createWeiboWebhook(ctx) : undefined,
  };

  if (commercial) {
    connector.sendDM = async (receiverId, text) => {
      const b = await postForm('/2/messages/reply.json', { type: 'text', data: JSON.stringify({ text }), receiver_id: receiverId }, msgApi);
      return { platformMessageId: String(b.id ?? `reply-${now().getTime()}`) };
    };
  }
  return connector;
}

