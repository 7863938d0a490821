/**
 * Bilibili (B站). Publish a video: archive/video/init → part upload (openupos) →
 * archive/video/complete → archive/cover/upload → archive/add-by-utoken → resource_id (BV…),
 * then review: archive/view `state` 0 = open, negative terminal states = failed, others pending.
 * Stats from data/arc/stat and data/user/stat. Webhook events confirm or fail the archive.
 */
import type { Capabilities, Connector, ConnectorContext, ContentRules, OutgoingPost, PublishStatus } from './connector';
import { validateAgainstRules } from './content-rules';
import { BadContentError, ReauthorizeError } from './errors';
import { BILI, checkBili, createBiliApi } from './bilibili.api';
import { createBiliWebhook } from './bilibili.webhook';
import { baseUrl, buildMultipart, httpRequest } from './http';

export const bilibiliCapabilities: Capabilities = {
  publish: { text: 'none', image: 'none', video: 'api', article: 'none' },
  completion: 'poll',
  comments: { list: false, reply: false, delete: false, hide: false, pin: false },
  dms: { receive: false, send: false, replyWindowHours: null },
  mentions: false, postMetrics: true, accountMetrics: true, webhooks: true,
};

export const bilibiliRules: ContentRules = {
  maxText: 250, textCounting: 'chars', maxTitle: 80, maxImages: 0, maxVideoBytes: 8 * 1024 ** 3,
  hashtagStyle: 'field', mentionStyle: 'none', requiresMedia: 'video', requiresTitle: true,
};

/** archive/view states that end the review without the video going public. */
const FAILED: Record<number, string> = { [-2]: 'rejected', [-4]: 'locked', [-16]: 'transcode_failed', [-100]: 'deleted' };
const CHUNK = 8 * 1024 * 1024;

export function createBilibiliConnector(ctx: ConnectorContext): Connector {
  const api = createBiliApi(ctx);
  const now = () => ctx.clock.now();
  const chunk = Number(ctx.flags?.chunkBytes ?? CHUNK);
  const upos = baseUrl(ctx, 'bilibiliUpload', 'https://openupos.bilivideo.com');

  /** Calls arcopen; on an invalid/expired token, uses the (single-use) refresh token once. */
  const call: typeof api.call = async (path, req) => {
    const used = ctx.credentials.accessToken;
    try {
      return await api.call(path, req);
    } catch (e) {
      if (!(e instanceof ReauthorizeError) || !ctx.credentials.refreshToken) throw e;
      // Another call may already have refreshed (the refresh token is single-use): then just retry.
      if (ctx.credentials.accessToken === used) await api.auth.refresh();
      return api.call(path, req);
    }
  };

  async function uploadVideo(post: OutgoingPost): Promise<string> {
    const video = post.media.find((m) => m.kind === 'video')!;
    const init = await call('/arcopen/fn/archive/video/init', { json: { name: video.filename, utype: '0' }, idempotent: true });
    const token = String(init.data.upload_token);
    for (let off = 0, part = 1; off < video.data.byteLength; off += chunk, part++) {
      const r = await httpRequest(ctx, BILI, {
        method: 'POST', url: `${upos}/video/v2/part/upload`, query: { upload_token: token, part_number: part },
        body: video.data.subarray(off, off + chunk), headers: { 'content-type': 'application/octet-stream' }, idempotent: true,
      });
      checkBili(r, now());
    }
    await call('/arcopen/fn/archive/video/complete', { query: { upload_token: token }, body: '', idempotent: true });
    return token;
  }

  async function uploadCover(post: OutgoingPost): Promise<string | undefined> {
    const cover = post.cover ?? post.media.find((m) => m.kind === 'image');
    if (!cover) return undefined;
    const mp = buildMultipart({}, { file: cover });
    const r = await call('/arcopen/fn/archive/cover/upload', { body: mp.body, contentType: mp.contentType, idempotent: true });
    return String(r.data.url);
  }

  const videoUrl = (bvid: string) => `https://www.bilibili.com/video/${bvid}`;

  const connector: Connector = {
    platform: 'bilibili',
    capabilities: bilibiliCapabilities,
    rules: bilibiliRules,
    authorizeUrl: (state, redirectUri) => api.auth.authorizeUrl(state, redirectUri),
    exchangeCode: (code) => api.auth.exchangeCode(code),
    refresh: () => api.auth.refresh(),
    async profile() {
      const d = (await call('/arcopen/fn/user/account/info')).data ?? {};
      return { accountId: String(d.openid), name: String(d.name), avatarUrl: d.face };
    },
    validate: (post) => validateAgainstRules(post, bilibiliRules),

    async publish(post) {
      const issues = connector.validate(post);
      if (issues.length) throw new BadContentError(BILI, issues.map((i) => i.message).join('; '), { field: issues[0].field });
      const token = await uploadVideo(post);
      const cover = await uploadCover(post);
      const r = await call('/arcopen/fn/archive/add-by-utoken', { query: { upload_token: token }, json: {
        title: post.title, cover, tid: Number(post.extra?.tid ?? ctx.flags?.tid ?? 21), no_reprint: 1,
        desc: post.text, tag: (post.tags ?? []).join(','), copyright: 1,
      } });
      const bvid = String(r.data.resource_id);
      return { status: 'pending', publishJobId: bvid, platformPostId: bvid };
    },
    async publishStatus(bvid): Promise<PublishStatus> {
      const d = (await call('/arcopen/fn/archive/view', { query: { resource_id: bvid } })).data ?? {};
      const state = Number(d.state);
      if (state === 0) return { status: 'published', platformPostId: bvid, url: videoUrl(bvid) };
      if (FAILED[state]) return { status: 'failed', failure: { code: FAILED[state], message: String(d.reject_reason ?? `state ${state}`) } };
      return { status: 'pending' };
    },
    async findPostByKey(_key, since, hint) {
      if (!hint?.title) return null;
      const d = (await call('/arcopen/fn/archive/viewlist', { query: { pn: 1, ps: 20, status: 'all' } })).data ?? {};
      const hit = (d.list ?? []).find((a: any) => a.title === hint.title && Number(a.ctime) * 1000 >= since.getTime());
      return hit ? { platformPostId: String(hit.resource_id), url: videoUrl(String(hit.resource_id)), text: hit.title } : null;
    },

    async postMetrics(ids) {
      const out = [];
      for (const id of ids) {
        const d = (await call('/arcopen/fn/data/arc/stat', { query: { resource_id: id } })).data ?? {};
        const n = (v: unknown) => (v === undefined || v === null ? null : Number(v));
        out.push({ platformPostId: id, views: n(d.view), likes: n(d.like), comments: n(d.reply), shares: n(d.share), saves: n(d.favorite), clicks: null, asOf: now() });
      }
      return out;
    },
    async accountMetrics() {
      const d = (await call('/arcopen/fn/data/user/stat')).data ?? {};
      const n = (v: unknown) => (v === undefined || v === null ? null : Number(v));
      return { followers: n(d.follower), following: n(d.following), posts: n(d.arc_passed_total), newFollowers: null, unfollows: null, asOf: now() };
    },
    webhook: createBiliWebhook(ctx),
  };
  return connector;
}
