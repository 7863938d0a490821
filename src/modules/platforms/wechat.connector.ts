/**
 * WeChat Official Account (微信公众号). App credentials (client_credential), not user OAuth.
 * Publish = cover → material/add_material (thumb_media_id), body images → media/uploadimg,
 * draft/add, freepublish/submit → publish_id; outcome by freepublish/get or PUBLISHJOBFINISH.
 * Accounts flagged `draftOnly` (unverified) stop at the draft box and hand off to a person.
 * Post ids: `${msg_data_id}_${idx}` (idx from 1, as datacube's msgid) plus `@${article_id}` when known.
 */
import type {
  AccountMetrics, Capabilities, Connector, ConnectorContext, ContentRules, MediaInput, OutgoingPost,
  PlatformComment, PostMetrics, PublishResult, PublishStatus,
} from './connector';
import { validateAgainstRules } from './content-rules';
import { BadContentError, PermanentError } from './errors';
import { mediaBlob } from './http';
import { WECHAT, createWechatApi } from './wechat.api';
import { createWechatWebhook } from './wechat.webhook';

export const wechatCapabilities: Capabilities = {
  publish: { text: 'none', image: 'none', video: 'none', article: 'api' },
  completion: 'poll',
  comments: { list: true, reply: true, delete: true, hide: false, pin: true },
  dms: { receive: true, send: true, replyWindowHours: 48 },
  mentions: false,
  postMetrics: true,
  accountMetrics: true,
  webhooks: true,
};

export const wechatRules: ContentRules = {
  maxText: 20_000, textCounting: 'chars', maxTitle: 64, maxImages: 100, maxImageBytes: 10 * 1024 * 1024,
  hashtagStyle: 'none', mentionStyle: 'none', requiresTitle: true,
};

const FAILED_STATUS: Record<number, string> = {
  2: 'originality_check_failed', 3: 'failed', 4: 'rejected', 5: 'deleted', 6: 'banned',
};

export function parseWechatPostId(id: string) {
  const [key, articleId] = id.split('@');
  const m = /^(.*)_(\d+)$/.exec(key);
  if (!m) throw new PermanentError(WECHAT, `not a WeChat post id: ${id}`);
  return { msgDataId: m[1], idx: Number(m[2]), articleId };
}

function commentKey(id: string) {
  const { msgDataId, idx } = parseWechatPostId(id);
  if (!msgDataId) throw new PermanentError(WECHAT, 'this post has no msg_data_id; its comments cannot be reached');
  return { msg_data_id: Number(msgDataId), index: idx - 1 };
}

const ymd = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function multipart(media: MediaInput): FormData {
  const form = new FormData();
  form.set('media', mediaBlob(media), media.filename);
  return form;
}

export function createWechatConnector(ctx: ConnectorContext): Connector {
  const api = createWechatApi(ctx);
  const now = () => ctx.clock.now();

  async function uploadCover(media: MediaInput): Promise<string> {
    const body = await api.call('/cgi-bin/material/add_material', { query: { type: 'image' }, body: multipart(media), idempotent: true });
    return String(body.media_id);
  }

  async function uploadBodyImage(media: MediaInput): Promise<string> {
    const body = await api.call('/cgi-bin/media/uploadimg', { body: multipart(media), idempotent: true });
    return String(body.url);
  }

  async function buildContent(post: OutgoingPost, skip?: MediaInput): Promise<string> {
    let html = post.html ?? post.text.split(/\n{2,}/).map((p) => `<p>${escapeHtml(p)}</p>`).join('');
    for (const m of post.media.filter((x) => x.kind === 'image' && x !== skip)) {
      html += `<p><img src="${await uploadBodyImage(m)}"/></p>`;
    }
    return html;
  }

  function publishStatusFrom(body: Record<string, any>, msgDataId?: string): PublishStatus {
    const status = Number(body.publish_status);
    if (status === 1) return { status: 'pending' };
    if (status === 0) {
      const item = body.article_detail?.item?.[0] ?? {};
      const idx = Number(item.idx ?? 1);
      const id = `${msgDataId ?? ''}_${idx}${body.article_id ? `@${body.article_id}` : ''}`;
      return { status: 'published', platformPostId: id, url: item.article_url };
    }
    return { status: 'failed', failure: { code: FAILED_STATUS[status] ?? `status_${status}`, message: `publish_status ${status}` } };
  }

  const connector: Connector = {
    platform: 'wechat',
    capabilities: wechatCapabilities,
    rules: wechatRules,

    async profile() {
      await api.token();
      const appId = ctx.credentials.appId ?? '';
      return { accountId: String(ctx.credentials.accountId ?? appId), name: String(ctx.credentials.name ?? appId) };
    },

    validate(post) {
      const issues = validateAgainstRules(post, wechatRules);
      if (!post.cover && !post.media.some((m) => m.kind === 'image')) {
        issues.push({ field: 'media', code: 'media.cover_required', message: 'an article needs a cover image' });
      }
      return issues;
    },

    async uploadMedia(media) {
      if (media.kind !== 'image') throw new BadContentError(WECHAT, 'only images can be uploaded for articles', { field: 'media' });
      return { kind: 'image', platformMediaId: await uploadCover(media) };
    },

    async publish(post): Promise<PublishResult> {
      const issues = connector.validate(post);
      if (issues.length) throw new BadContentError(WECHAT, issues.map((i) => i.message).join('; '), { field: issues[0].field });
      const cover = post.cover ?? post.media.find((m) => m.kind === 'image')!;
      const thumbMediaId = cover.platformMediaId ?? await uploadCover(cover);
      const content = await buildContent(post, post.cover ? undefined : cover);
      const draft = await api.call('/cgi-bin/draft/add', {
        json: { articles: [{
          title: post.title, author: post.extra?.author, digest: post.html ? post.text.slice(0, 120) : undefined,
          content, content_source_url: post.link, thumb_media_id: thumbMediaId,
          need_open_comment: 1, only_fans_can_comment: 0,
        }] },
      });
      if (ctx.flags?.draftOnly) {
        return { status: 'handoff', handoff: {
          platform: 'wechat', text: post.text, title: post.title, media: [], warnings: [],
          checklist: ['在公众号后台「草稿箱」找到该草稿', '预览并点击「发表」', '复制文章链接粘贴回合声'],
        } };
      }
      const sub = await api.call('/cgi-bin/freepublish/submit', { json: { media_id: draft.media_id } });
      return { status: 'pending', publishJobId: `${sub.publish_id}:${sub.msg_data_id ?? ''}` };
    },

    async publishStatus(jobId) {
      const [publishId, msgDataId] = jobId.split(':');
      const body = await api.call('/cgi-bin/freepublish/get', { json: { publish_id: publishId }, idempotent: true });
      return publishStatusFrom(body, msgDataId || undefined);
    },

    async findPostByKey(_key, since, hint) {
      if (!hint?.title) return null;
      const body = await api.call('/cgi-bin/freepublish/batchget', { json: { offset: 0, count: 20, no_content: 1 }, idempotent: true });
      for (const item of body.item ?? []) {
        if (Number(item.update_time) * 1000 < since.getTime()) continue;
        const news = (item.content?.news_item ?? []) as Record<string, any>[];
        const i = news.findIndex((n) => n.title === hint.title);
        if (i >= 0) return { platformPostId: `_${i + 1}@${item.article_id}`, url: news[i].url, text: news[i].title };
      }
      return null;
    },

    async deletePost(id) {
      const { articleId, idx } = parseWechatPostId(id);
      if (!articleId) throw new PermanentError(WECHAT, 'this post id has no article_id; delete it in the WeChat console');
      await api.call('/cgi-bin/freepublish/delete', { json: { article_id: articleId, index: idx } });
    },

    async listComments(postId, opts) {
      const begin = Number(opts?.cursor ?? 0);
      const count = Math.min(opts?.limit ?? 50, 50);
      const body = await api.call('/cgi-bin/comment/list', {
        json: { ...commentKey(postId), begin, count, type: 0 }, idempotent: true,
      });
      const items: PlatformComment[] = [];
      for (const c of body.comment ?? []) {
        items.push({
          platformCommentId: String(c.user_comment_id), platformPostId: postId,
          author: { id: String(c.openid) }, text: String(c.content), createdAt: new Date(Number(c.create_time) * 1000),
        });
        if (c.reply?.content) {
          items.push({
            platformCommentId: `${c.user_comment_id}-reply`, platformPostId: postId, parentCommentId: String(c.user_comment_id),
            author: { id: 'self' }, text: String(c.reply.content), createdAt: new Date(Number(c.reply.create_time) * 1000), own: true,
          });
        }
      }
      const next = begin + (body.comment?.length ?? 0);
      return { items, nextCursor: next < Number(body.total ?? 0) ? String(next) : undefined };
    },

    async replyComment(postId, commentId, text) {
      await api.call('/cgi-bin/comment/reply/add', { json: { ...commentKey(postId), user_comment_id: Number(commentId), content: text } });
      return { platformCommentId: `${commentId}-reply` };
    },

    async deleteComment(postId, commentId) {
      await api.call('/cgi-bin/comment/delete', { json: { ...commentKey(postId), user_comment_id: Number(commentId) } });
    },

    /** WeChat's 精选 (elect): an elected comment is shown publicly. */
    async pinComment(postId, commentId, pinned) {
      await api.call(pinned ? '/cgi-bin/comment/markelect' : '/cgi-bin/comment/unmarkelect', {
        json: { ...commentKey(postId), user_comment_id: Number(commentId) },
      });
    },

    async sendDM(openId, text) {
      await api.call('/cgi-bin/message/custom/send', { json: { touser: openId, msgtype: 'text', text: { content: text } } });
      return { platformMessageId: `custom-${now().getTime()}` };
    },

    /** Daily figures for the last complete day (datacube is T+1); likes/comments/clicks are not reported. */
    async postMetrics(ids): Promise<PostMetrics[]> {
      const day = ymd(new Date(now().getTime() - 86_400_000));
      const body = await api.call('/datacube/getarticlesummary', { json: { begin_date: day, end_date: day }, idempotent: true });
      const byMsgId = new Map<string, Record<string, any>>((body.list ?? []).map((r: any) => [String(r.msgid), r]));
      return ids.map((id) => {
        const { msgDataId, idx } = parseWechatPostId(id);
        const r = byMsgId.get(`${msgDataId}_${idx}`);
        const n = (v: unknown) => (r && v !== undefined ? Number(v) : null);
        return {
          platformPostId: id, views: n(r?.int_page_read_count), likes: null, comments: null,
          shares: n(r?.share_count), saves: n(r?.add_to_fav_count), clicks: null, asOf: new Date(`${day}T23:59:59+08:00`),
        };
      });
    },

    async accountMetrics(range): Promise<AccountMetrics> {
      const to = range?.to ?? new Date(now().getTime() - 86_400_000);
      const from = range?.from ?? to;
      const span = { json: { begin_date: ymd(from), end_date: ymd(to) }, idempotent: true };
      const summary = await api.call('/datacube/getusersummary', span);
      let added = 0;
      let cancelled = 0;
      for (const r of summary.list ?? []) { added += Number(r.new_user ?? 0); cancelled += Number(r.cancel_user ?? 0); }
      // With a range, followers are as of its end (getusercumulate); without one, the live total (user/get).
      if (range) {
        const cum = ((await api.call('/datacube/getusercumulate', span)).list ?? []) as Record<string, unknown>[];
        const last = cum[cum.length - 1];
        return { followers: last ? Number(last.cumulate_user) : null, following: null, posts: null, newFollowers: added, unfollows: cancelled, asOf: new Date(`${ymd(to)}T23:59:59+08:00`) };
      }
      const users = await api.call('/cgi-bin/user/get', { idempotent: true });
      return { followers: Number(users.total), following: null, posts: null, newFollowers: added, unfollows: cancelled, asOf: now() };
    },

    webhook: createWechatWebhook(ctx),
  };
  return connector;
}
