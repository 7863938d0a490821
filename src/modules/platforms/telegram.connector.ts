/**
 * Telegram channel via a bot (credentials.accessToken = bot token, accountId = channel chat id
 * or @username). Publish: sendMessage (4096), sendPhoto / sendVideo (caption 1024),
 * sendMediaGroup (2–10). Webhook updates are checked with X-Telegram-Bot-Api-Secret-Token.
 * Bots cannot search their own channel, so there is no findPostByKey: an unconfirmed send stays
 * unconfirmed for a person to check. Discussion-group replies arrive as comments.
 */
import type { Capabilities, Connector, ConnectorContext, ContentRules, MediaInput, OutgoingPost, PlatformEvent } from './connector';
import { validateAgainstRules, withHashtags } from './content-rules';
import { BadContentError, PermanentError, ReauthorizeError, RetryableError } from './errors';
import { checkHttpStatus, httpRequest, mediaBlob, obj, toRaw, type HttpResult } from './http';
import { safeEqual } from './webhook-util';

const TG = 'telegram';

export const telegramCapabilities: Capabilities = {
  publish: { text: 'api', image: 'api', video: 'api', article: 'none' },
  completion: 'sync',
  comments: { list: false, reply: true, delete: true, hide: false, pin: true },
  dms: { receive: true, send: true, replyWindowHours: null },
  mentions: false, postMetrics: false, accountMetrics: true, webhooks: true,
};

export const telegramRules: ContentRules = {
  maxText: 4096, textCounting: 'chars', maxImages: 10, maxImageBytes: 10 * 1024 * 1024, maxVideoBytes: 50 * 1024 * 1024,
  hashtagStyle: '#x', mentionStyle: '@name',
};

export function checkTelegram(r: HttpResult, now: Date): any {
  const b = obj(r.body);
  if (b.ok === true) return b.result;
  const code = Number(b.error_code ?? r.status);
  const msg = `${code}: ${b.description ?? ''}`;
  const opts = { platformCode: code, raw: toRaw(r) };
  if (code === 429) throw new RetryableError(TG, msg, { ...opts, retryAfterMs: Number(b.parameters?.retry_after ?? 30) * 1000 });
  if (code === 401 || (code === 404 && /not found/i.test(msg))) throw new ReauthorizeError(TG, msg, opts);
  checkHttpStatus(TG, r, now);
  if (code === 400 && /too long|caption|text|empty|parse entities|MEDIA/i.test(msg)) throw new BadContentError(TG, msg, opts);
  throw new PermanentError(TG, msg, opts);
}

export function createTelegramConnector(ctx: ConnectorContext): Connector {
  const creds = ctx.credentials;
  const base = String(ctx.baseUrl ?? 'https://api.telegram.org').replace(/\/+$/, '');
  const now = () => ctx.clock.now();
  const chat = () => { if (!creds.accountId) throw new PermanentError(TG, 'accountId (channel chat id) is not set'); return creds.accountId; };

  async function call(method: string, payload: Record<string, unknown> | FormData, idempotent = false) {
    if (!creds.accessToken) throw new ReauthorizeError(TG, 'no bot token');
    const req = payload instanceof FormData ? { body: payload } : { json: payload };
    const r = await httpRequest(ctx, TG, { method: 'POST', url: `${base}/bot${creds.accessToken}/${method}`, ...req, idempotent });
    return checkTelegram(r, now());
  }
  const fileForm = (fields: Record<string, string>, files: Record<string, MediaInput>) => {
    const f = new FormData();
    for (const [k, v] of Object.entries(fields)) f.set(k, v);
    for (const [k, m] of Object.entries(files)) f.set(k, mediaBlob(m), m.filename);
    return f;
  };
  let username: string | undefined;
  const link = (msg: any) => {
    const u = msg.chat?.username ?? username;
    return u ? `https://t.me/${u}/${msg.message_id}` : undefined;
  };

  async function send(post: OutgoingPost): Promise<any> {
    const text = withHashtags(post.text, post.tags, '#x');
    const media = post.media;
    if (!media.length) return call('sendMessage', { chat_id: chat(), text });
    if (media.length === 1) {
      const m = media[0];
      const method = m.kind === 'image' ? 'sendPhoto' : 'sendVideo';
      return call(method, fileForm({ chat_id: chat(), caption: text }, { [m.kind === 'image' ? 'photo' : 'video']: m }));
    }
    const files: Record<string, MediaInput> = {};
    const group = media.map((m, i) => {
      files[`f${i}`] = m;
      return { type: m.kind === 'image' ? 'photo' : 'video', media: `attach://f${i}`, ...(i === 0 ? { caption: text } : {}) };
    });
    const msgs = await call('sendMediaGroup', fileForm({ chat_id: chat(), media: JSON.stringify(group) }, files));
    return msgs[0];
  }

  const connector: Connector = {
    platform: 'telegram',
    capabilities: telegramCapabilities,
    rules: telegramRules,
    async profile() {
      const c = await call('getChat', { chat_id: chat() }, true);
      username = c.username;
      return { accountId: String(c.id), name: String(c.title ?? c.username), url: c.username ? `https://t.me/${c.username}` : undefined };
    },
    validate(post) {
      const issues = validateAgainstRules(post, telegramRules);
      const text = withHashtags(post.text, post.tags, '#x');
      if (post.media.length && [...text].length > 1024) issues.push({ field: 'text', code: 'text.caption_too_long', message: 'a caption is limited to 1024 characters' });
      return issues;
    },
    async publish(post) {
      const issues = connector.validate(post);
      if (issues.length) throw new BadContentError(TG, issues.map((i) => i.message).join('; '), { field: issues[0].field });
      const msg = await send(post);
      return { status: 'published', platformPostId: String(msg.message_id), url: link(msg) };
    },
    async deletePost(id) { await call('deleteMessage', { chat_id: chat(), message_id: Number(id) }); },
    /** Replies in the linked discussion group: postId is `${groupChatId}:${messageId}` of the comment. */
    async replyComment(_postId, commentId, text) {
      const [groupId, messageId] = commentId.split(':');
      const m = await call('sendMessage', { chat_id: groupId, text, reply_parameters: { message_id: Number(messageId) } });
      return { platformCommentId: `${groupId}:${m.message_id}` };
    },
    async deleteComment(_postId, commentId) {
      const [groupId, messageId] = commentId.split(':');
      await call('deleteMessage', { chat_id: groupId, message_id: Number(messageId) });
    },
    async pinComment(_postId, commentId, pinned) {
      const [groupId, messageId] = commentId.split(':');
      await call(pinned ? 'pinChatMessage' : 'unpinChatMessage', { chat_id: groupId, message_id: Number(messageId) });
    },
    async sendDM(chatId, text) {
      const m = await call('sendMessage', { chat_id: chatId, text });
      return { platformMessageId: String(m.message_id) };
    },
    async accountMetrics() {
      const n = await call('getChatMemberCount', { chat_id: chat() }, true);
      return { followers: Number(n), following: null, posts: null, newFollowers: null, unfollows: null, asOf: now() };
    },
    webhook: {
      verify: (req) => !!creds.webhookToken && safeEqual(req.headers['x-telegram-bot-api-secret-token'], String(creds.webhookToken)),
      parse(req) {
        let u: any;
        try { u = JSON.parse(req.rawBody.toString('utf8')); } catch { return []; }
        const e = parseTelegramUpdate(u);
        return e ? [e] : [];
      },
    },
  };
  return connector;
}

export function parseTelegramUpdate(u: any): PlatformEvent | null {
  const m = u.message;
  if (!m) return null;
  const eventId = `telegram:${u.update_id}`;
  const at = new Date(Number(m.date) * 1000);
  const from = { id: String(m.from?.id), name: m.from?.username ?? [m.from?.first_name, m.from?.last_name].filter(Boolean).join(' ') };
  const text = String(m.text ?? m.caption ?? (m.photo ? '[photo]' : '[message]'));
  if (m.chat?.type === 'private') {
    return { type: 'dm', eventId, occurredAt: at, message: { platformMessageId: String(m.message_id), conversationId: String(m.chat.id), from, text, createdAt: at, direction: 'in' } };
  }
  const root = m.reply_to_message;
  if (root && (root.is_automatic_forward || root.forward_origin?.type === 'channel')) {
    const postId = String(root.forward_origin?.message_id ?? root.forward_from_message_id ?? root.message_id);
    return { type: 'comment', eventId, occurredAt: at, comment: {
      platformCommentId: `${m.chat.id}:${m.message_id}`, platformPostId: postId, author: from, text, createdAt: at,
    } };
  }
  return null;
}
