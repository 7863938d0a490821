/**
 * Douyin (抖音). Publishing on a user's behalf is restricted: accounts flagged `publishApproved`
 * upload (upload_video) and create (create_video) through the API; all others get the H5 share
 * hand-off — a prepared package plus a share_id whose create_video webhook confirms the post.
 * Comments on own videos (list/reply/top), video_data metrics, fans data, signed webhooks.
 */
import type { Capabilities, Connector, ConnectorContext, ContentRules, OutgoingPost, PublishResult } from './connector';
import { validateAgainstRules, withHashtags } from './content-rules';
import { BadContentError, PermanentError } from './errors';
import { DOUYIN, createDouyinApi } from './douyin.api';
import { createDouyinWebhook } from './douyin.webhook';
import { mediaBlob } from './http';

export function douyinCapabilities(approved: boolean, imApproved = false): Capabilities {
  return {
    publish: { text: 'none', image: 'restricted', video: approved ? 'api' : 'restricted', article: 'none' },
    completion: approved ? 'sync' : 'handoff',
    comments: { list: true, reply: true, delete: false, hide: false, pin: true },
    dms: { receive: imApproved, send: false, replyWindowHours: null },
    mentions: false, postMetrics: true, accountMetrics: true, webhooks: true,
  };
}

export const douyinRules: ContentRules = {
  maxText: 1000, textCounting: 'chars', maxTitle: 55, maxImages: 35, maxVideoBytes: 4 * 1024 ** 3,
  hashtagStyle: '#x', mentionStyle: 'field', requiresMedia: 'video',
};

const HANDOFF_CHECKLIST = [
  '用抖音 App 扫码或在手机上打开分享链接', '确认视频、文案、话题与 @ 对象无误', '不要在文案中留联系方式（电话、微信号）', '发布后回到合声确认（或等待平台回调）',
];

export function createDouyinConnector(ctx: ConnectorContext): Connector {
  const approved = ctx.flags?.publishApproved === true;
  const api = createDouyinApi(ctx);
  const now = () => ctx.clock.now();
  const text = (post: OutgoingPost) => withHashtags(post.text, post.tags, '#x');

  async function upload(post: OutgoingPost): Promise<string> {
    const video = post.media.find((m) => m.kind === 'video')!;
    if (video.platformMediaId) return video.platformMediaId;
    const form = new FormData();
    form.set('video', mediaBlob(video), video.filename);
    const b = await api.call('/api/douyin/v1/video/upload_video/', { body: form, idempotent: true });
    return String(b.data.video.video_id);
  }

  async function handoff(post: OutgoingPost): Promise<PublishResult> {
    const clientToken = await api.getClientToken();
    const r = await api.call('/share-id/', { query: { need_callback: 'true', open_id: undefined }, headers: { 'access-token': clientToken } });
    const shareId = String(r.data.share_id);
    return {
      status: 'handoff', publishJobId: shareId,
      handoff: {
        platform: 'douyin', text: text(post), title: post.title, checklist: HANDOFF_CHECKLIST,
        media: post.media.map((m) => ({ kind: m.kind, filename: m.filename })), warnings: [],
        shareUrl: `https://open.douyin.com/share/h5?client_key=${encodeURIComponent(String(ctx.credentials.appId))}&share_id=${shareId}`,
      },
    };
  }

  const connector: Connector = {
    platform: 'douyin',
    capabilities: douyinCapabilities(approved, ctx.flags?.imApproved === true),
    rules: douyinRules,
    authorizeUrl: (state, redirectUri) => api.auth.authorizeUrl(state, redirectUri),
    exchangeCode: (code) => api.auth.exchangeCode(code),
    refresh: () => api.auth.refresh(),
    async profile() {
      const b = await api.call('/oauth/userinfo/', { form: { access_token: ctx.credentials.accessToken, open_id: ctx.credentials.accountId }, idempotent: true });
      return { accountId: String(b.data.open_id), name: String(b.data.nickname), avatarUrl: b.data.avatar };
    },
    validate: (post) => validateAgainstRules(post, douyinRules),

    async publish(post) {
      const issues = connector.validate(post);
      if (issues.length) throw new BadContentError(DOUYIN, issues.map((i) => i.message).join('; '), { field: issues[0].field });
      if (!approved) return handoff(post);
      const videoId = await upload(post);
      const b = await api.call('/api/douyin/v1/video/create_video/', { json: {
        video_id: videoId, text: text(post),
        at_users: post.mentions?.map((m) => m.platformUserId).filter(Boolean),
        poi_id: post.extra?.poiId, cover_tsp: post.extra?.coverTsp,
      } });
      const itemId = String(b.data.item_id);
      return { status: 'published', platformPostId: itemId };
    },

    /** Douyin has no key: match the newest videos by caption. */
    async findPostByKey(_key, since, hint) {
      if (!hint?.text) return null;
      const b = await api.call('/api/douyin/v1/video/video_list/', { query: { cursor: 0, count: 20 } });
      for (const v of b.data?.list ?? []) {
        if (Number(v.create_time) * 1000 < since.getTime()) continue;
        if (String(v.title).startsWith(hint.text.slice(0, 30))) return { platformPostId: String(v.item_id), url: v.share_url, text: v.title };
      }
      return null;
    },

    async listComments(itemId, opts) {
      const b = await api.call('/item/comment/list/', { query: { item_id: itemId, cursor: opts?.cursor ?? 0, count: opts?.limit ?? 20, sort_type: 'time' } });
      const d = b.data ?? {};
      return {
        items: (d.list ?? []).map((c: any) => ({
          platformCommentId: String(c.comment_id), platformPostId: itemId, author: { id: String(c.comment_user_id) },
          text: String(c.content), createdAt: new Date(Number(c.create_time) * 1000),
        })),
        nextCursor: d.has_more ? String(d.cursor) : undefined,
      };
    },
    async replyComment(itemId, commentId, content) {
      const b = await api.call('/item/comment/reply/', { json: { item_id: itemId, comment_id: commentId, content } });
      return { platformCommentId: String(b.data.comment_id) };
    },
    async pinComment(itemId, commentId, top) {
      await api.call('/item/comment/top/', { json: { item_id: itemId, comment_id: commentId, top } });
    },

    async postMetrics(ids) {
      if (!ids.length) return [];
      const b = await api.call('/api/douyin/v1/video/video_data/', { json: { item_ids: ids }, idempotent: true });
      const byId = new Map<string, any>((b.data?.list ?? []).map((v: any) => [String(v.item_id), v.statistics ?? {}]));
      return ids.map((id) => {
        const s = byId.get(id);
        const n = (v: unknown) => (s && v !== undefined ? Number(v) : null);
        return { platformPostId: id, views: n(s?.play_count), likes: n(s?.digg_count), comments: n(s?.comment_count),
          shares: n(s?.share_count), saves: null, clicks: null, asOf: now() };
      });
    },
    async accountMetrics() {
      const b = await api.call('/data/external/user/fans/', { query: { date_type: 7 } });
      const list = (b.data?.result_list ?? []) as any[];
      if (!list.length) return { followers: null, following: null, posts: null, newFollowers: null, unfollows: null, asOf: now() };
      const last = list[list.length - 1];
      const added = list.reduce((sum, x) => sum + Number(x.new_fans ?? 0), 0);
      return { followers: Number(last.total_fans), following: null, posts: null, newFollowers: added, unfollows: null, asOf: now() };
    },
    webhook: createDouyinWebhook(ctx),
  };
  return connector;
}

