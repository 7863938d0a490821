/**
 * Bluesky (AT Protocol). App password → com.atproto.server.createSession (access + refresh JWT;
 * refreshSession on ExpiredToken). Posts are app.bsky.feed.post records with facets (UTF-8 byte
 * ranges) for links, #tags and @mentions, ≤ 300 graphemes, ≤ 4 images via uploadBlob.
 * Idempotency: the record key is a TID derived from the idempotency key, so a retry either
 * creates the same record or finds it (getRecord) — never a second post.
 */
import { createHash } from 'node:crypto';
import type { Capabilities, Connector, ConnectorContext, ContentRules, OutgoingPost, PlatformComment, TokenSet } from './connector';
import { validateAgainstRules, withHashtags } from './content-rules';
import { BadContentError, PermanentError, ReauthorizeError, RetryableError, parseRetryAfter } from './errors';
import { checkHttpStatus, httpRequest, obj, toRaw, type HttpRequest, type HttpResult } from './http';

const BS = 'bluesky';
const POST = 'app.bsky.feed.post';
const S32 = '234567abcdefghijklmnopqrstuvwxyz';

export const blueskyCapabilities: Capabilities = {
  publish: { text: 'api', image: 'api', video: 'none', article: 'none' },
  completion: 'sync',
  comments: { list: true, reply: true, delete: false, hide: false, pin: false },
  dms: { receive: false, send: false, replyWindowHours: null },
  mentions: true, postMetrics: true, accountMetrics: true, webhooks: false,
};

export const blueskyRules: ContentRules = {
  maxText: 300, textCounting: 'graphemes', maxImages: 4, maxImageBytes: 1_000_000, hashtagStyle: 'facet', mentionStyle: 'facet',
};

/** A valid TID (13 chars, base32-sortable, top bit clear) derived from the idempotency key. */
export function tidFromKey(key: string): string {
  let n = createHash('sha256').update(key).digest().readBigUInt64BE(0) & 0x7fffffffffffffffn;
  let out = '';
  for (let i = 0; i < 13; i++) { out = S32[Number(n & 31n)] + out; n >>= 5n; }
  return out;
}

/** Facets for links, #tags and @mentions (mentions need the DID in post.mentions). */
export function buildFacets(text: string, mentions: OutgoingPost['mentions'] = []) {
  const facets: unknown[] = [];
  const byteAt = (i: number) => Buffer.byteLength(text.slice(0, i), 'utf8');
  const add = (start: number, end: number, feature: Record<string, string>) =>
    facets.push({ index: { byteStart: byteAt(start), byteEnd: byteAt(end) }, features: [feature] });
  for (const m of text.matchAll(/https?:\/\/[^\s]+[^\s.,;:!?，。）)]/g)) add(m.index!, m.index! + m[0].length, { $type: 'app.bsky.richtext.facet#link', uri: m[0] });
  for (const m of text.matchAll(/(^|\s)#([^\s#]+)/g)) {
    const start = m.index! + m[1].length;
    add(start, start + 1 + m[2].length, { $type: 'app.bsky.richtext.facet#tag', tag: m[2] });
  }
  for (const who of mentions ?? []) {
    if (!who.platformUserId) continue;
    const at = text.indexOf(`@${who.name}`);
    if (at >= 0) add(at, at + who.name.length + 1, { $type: 'app.bsky.richtext.facet#mention', did: who.platformUserId });
  }
  return facets;
}

export function checkBluesky(r: HttpResult, now: Date): any {
  if (r.status === 429) {
    const reset = Number(r.headers['ratelimit-reset']);
    const retryAfterMs = parseRetryAfter(r.headers['retry-after'], now) ?? (reset ? Math.max(0, reset * 1000 - now.getTime()) : 60_000);
    throw new RetryableError(BS, 'rate limited', { platformCode: 429, raw: toRaw(r), retryAfterMs });
  }
  const b = obj(r.body);
  if (r.status < 400) return r.body;
  const msg = `${b.error ?? r.status}: ${b.message ?? ''}`;
  const opts = { platformCode: String(b.error ?? r.status), raw: toRaw(r) };
  if (['ExpiredToken', 'InvalidToken', 'AuthenticationRequired', 'AccountTakedown'].includes(b.error) || r.status === 401) throw new ReauthorizeError(BS, msg, opts);
  checkHttpStatus(BS, r, now);
  if (b.error === 'InvalidRequest' && !/already exists/i.test(msg)) throw new BadContentError(BS, msg, opts);
  throw new PermanentError(BS, msg, opts);
}

export function createBlueskyConnector(ctx: ConnectorContext): Connector {
  const creds = ctx.credentials;
  const base = String(ctx.baseUrl ?? 'https://bsky.social').replace(/\/+$/, '');
  const now = () => ctx.clock.now();
  const did = () => { if (!creds.accountId) throw new ReauthorizeError(BS, 'no session'); return creds.accountId; };

  async function session(path: string, bearer?: string, json?: unknown): Promise<TokenSet> {
    const r = await httpRequest(ctx, BS, { method: 'POST', url: `${base}/xrpc/${path}`, json, headers: bearer ? { authorization: `Bearer ${bearer}` } : {}, idempotent: true });
    const b = checkBluesky(r, now());
    const t: TokenSet = { accessToken: b.accessJwt, refreshToken: b.refreshJwt, accountId: b.did };
    Object.assign(creds, t, { handle: b.handle });
    await ctx.onTokens?.(t);
    return t;
  }
  const refresh = () => session('com.atproto.server.refreshSession', String(creds.refreshToken ?? ''));
  const login = () => session('com.atproto.server.createSession', undefined, { identifier: creds.identifier ?? creds.appId, password: creds.appPassword ?? creds.appSecret });
  const ensure = async () => { if (!creds.accessToken || !creds.accountId) await login(); };

  async function xrpc(nsid: string, req: Omit<HttpRequest, 'url'> = {}, retried = false): Promise<any> {
    await ensure();
    const r = await httpRequest(ctx, BS, { ...req, url: `${base}/xrpc/${nsid}`, headers: { authorization: `Bearer ${creds.accessToken}`, ...req.headers } });
    if (!retried && obj(r.body).error === 'ExpiredToken' && creds.refreshToken) { await refresh(); return xrpc(nsid, req, true); }
    return checkBluesky(r, now());
  }
  const rkeyOf = (uri: string) => uri.split('/').pop()!;
  const postUrl = (uri: string) => `https://bsky.app/profile/${creds.handle ?? did()}/post/${rkeyOf(uri)}`;
  const getRecord = async (rkey: string) => {
    try { return await xrpc('com.atproto.repo.getRecord', { query: { repo: did(), collection: POST, rkey } }); } catch (e) {
      if (e instanceof PermanentError && e.platformCode === 'RecordNotFound') return null;
      throw e;
    }
  };
  const strongRef = async (uri: string) => {
    const [, , repo, collection, rkey] = uri.split('/');
    const r = await xrpc('com.atproto.repo.getRecord', { query: { repo, collection, rkey } });
    return { uri: r.uri, cid: r.cid, reply: r.value?.reply };
  };

  const connector: Connector = {
    platform: 'bluesky',
    capabilities: blueskyCapabilities,
    rules: blueskyRules,
    /** Bluesky uses app passwords: "code" is unused; creates the session from credentials. */
    exchangeCode: () => login(),
    refresh,
    async profile() {
      await ensure();
      const p = await xrpc('app.bsky.actor.getProfile', { query: { actor: did() } });
      return { accountId: String(p.did), name: String(p.displayName || p.handle), avatarUrl: p.avatar, url: `https://bsky.app/profile/${p.handle}` };
    },
    validate: (post) => validateAgainstRules({ ...post, text: withHashtags(post.text, post.tags, 'facet') }, blueskyRules),

    async publish(post) {
      const issues = connector.validate(post);
      if (issues.length) throw new BadContentError(BS, issues.map((i) => i.message).join('; '), { field: issues[0].field });
      const text = withHashtags(post.text, post.tags, 'facet');
      const images = [];
      for (const m of post.media.filter((x) => x.kind === 'image')) {
        const b = await xrpc('com.atproto.repo.uploadBlob', { body: m.data, headers: { 'content-type': m.mimeType }, idempotent: true });
        images.push({ alt: String(post.extra?.alt ?? ''), image: b.blob });
      }
      await ensure();
      const rkey = tidFromKey(post.idempotencyKey);
      const record = {
        $type: POST, text, createdAt: now().toISOString(), langs: [String(ctx.flags?.lang ?? 'zh')],
        facets: buildFacets(text, post.mentions), ...(images.length ? { embed: { $type: 'app.bsky.embed.images', images } } : {}),
      };
      try {
        const r = await xrpc('com.atproto.repo.createRecord', { json: { repo: did(), collection: POST, rkey, record } });
        return { status: 'published', platformPostId: String(r.uri), url: postUrl(String(r.uri)) };
      } catch (e) {
        const existing = e instanceof PermanentError && /already exists/i.test(e.message) ? await getRecord(rkey) : null;
        if (!existing) throw e;
        return { status: 'published', platformPostId: String(existing.uri), url: postUrl(String(existing.uri)) };
      }
    },
    async findPostByKey(key) {
      await ensure();
      const r = await getRecord(tidFromKey(key));
      return r ? { platformPostId: String(r.uri), url: postUrl(String(r.uri)), text: r.value?.text } : null;
    },
    async deletePost(uri) { await ensure(); await xrpc('com.atproto.repo.deleteRecord', { json: { repo: did(), collection: POST, rkey: rkeyOf(uri) } }); },

    async listComments(uri) {
      const t = await xrpc('app.bsky.feed.getPostThread', { query: { uri, depth: 6 } });
      const items: PlatformComment[] = [];
      const walk = (node: any, parent?: string) => {
        for (const r of node?.replies ?? []) {
          const p = r.post;
          items.push({ platformCommentId: p.uri, platformPostId: uri, parentCommentId: parent, author: { id: p.author.did, name: p.author.handle, avatarUrl: p.author.avatar },
            text: String(p.record?.text ?? ''), createdAt: new Date(p.record?.createdAt ?? p.indexedAt), own: p.author.did === creds.accountId });
          walk(r, p.uri);
        }
      };
      walk(t.thread);
      return { items };
    },
    async replyComment(postUri, commentUri, text) {
      await ensure();
      const parent = await strongRef(commentUri);
      const root = parent.reply?.root ?? (commentUri === postUri ? parent : await strongRef(postUri));
      const r = await xrpc('com.atproto.repo.createRecord', { json: { repo: did(), collection: POST, record: {
        $type: POST, text, createdAt: now().toISOString(), facets: buildFacets(text), reply: { root: { uri: root.uri, cid: root.cid }, parent: { uri: parent.uri, cid: parent.cid } },
      } } });
      return { platformCommentId: String(r.uri) };
    },
    async listMentions(opts) {
      const r = await xrpc('app.bsky.notification.listNotifications', { query: { limit: opts?.limit ?? 50, cursor: opts?.cursor } });
      return { nextCursor: r.cursor, items: (r.notifications ?? []).filter((n: any) => n.reason === 'mention').map((n: any) => ({
        platformMentionId: String(n.uri), kind: 'post' as const, platformPostId: String(n.uri), author: { id: n.author.did, name: n.author.handle },
        text: String(n.record?.text ?? ''), createdAt: new Date(n.indexedAt),
      })) };
    },
    async postMetrics(uris) {
      const r = uris.length ? await xrpc('app.bsky.feed.getPosts', { query: { uris: uris.join(',') } }) : { posts: [] };
      const by = new Map<string, any>((r.posts ?? []).map((p: any) => [p.uri, p]));
      return uris.map((u) => {
        const p = by.get(u);
        const n = (v: unknown) => (p && v !== undefined ? Number(v) : null);
        return { platformPostId: u, views: null, likes: n(p?.likeCount), comments: n(p?.replyCount), shares: p ? Number(p.repostCount ?? 0) + Number(p.quoteCount ?? 0) : null, saves: null, clicks: null, asOf: now() };
      });
    },
    async accountMetrics() {
      await ensure();
      const p = await xrpc('app.bsky.actor.getProfile', { query: { actor: did() } });
      return { followers: Number(p.followersCount), following: Number(p.followsCount), posts: Number(p.postsCount), newFollowers: null, unfollows: null, asOf: now() };
    },
  };
  return connector;
}

