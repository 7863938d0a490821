/**
 * Douyin webhooks: X-Douyin-Signature = sha1(client_secret + raw body); `verify_webhook` answers
 * {challenge}; the platform retries (5 s timeout, 3 retries), so eventId is the Msg-Id header
 * (log_id as a fallback) and consumers de-duplicate on it.
 */
import type { ConnectorContext, PlatformEvent, WebhookHandler, WebhookRequest } from './connector';
import { safeEqual, sha1Hex } from './webhook-util';

export function douyinSignature(clientSecret: string, rawBody: Buffer | string): string {
  return sha1Hex(Buffer.concat([Buffer.from(clientSecret), Buffer.isBuffer(rawBody) ? rawBody : Buffer.from(rawBody)]));
}

function body(req: WebhookRequest): any {
  try { return JSON.parse(req.rawBody.toString('utf8')); } catch { return {}; }
}

export function createDouyinWebhook(ctx: ConnectorContext): WebhookHandler {
  const verify = (req: WebhookRequest) => {
    const secret = String(ctx.credentials.appSecret ?? '');
    return !!secret && safeEqual(req.headers['x-douyin-signature'], douyinSignature(secret, req.rawBody));
  };
  return {
    handshake(req) {
      const b = body(req);
      if (b.event !== 'verify_webhook') return null;
      if (!verify(req)) return { status: 403, body: 'bad signature' };
      const content = typeof b.content === 'string' ? JSON.parse(b.content) : b.content;
      return { status: 200, contentType: 'application/json', body: JSON.stringify({ challenge: content?.challenge }) };
    },
    verify,
    parse(req) {
      const e = parseDouyinEvent(body(req), req.headers['msg-id']);
      return e ? [e] : [];
    },
    ack: () => ({ status: 200, contentType: 'application/json', body: '{}' }),
  };
}

export function parseDouyinEvent(b: any, msgId: string | undefined): PlatformEvent | null {
  const c = typeof b.content === 'string' ? safeJson(b.content) : b.content ?? {};
  const eventId = `douyin:${msgId ?? b.log_id ?? `${b.event}:${b.from_user_id}:${c.create_time ?? ''}`}`;
  const at = (sec: unknown) => new Date(Number(sec ?? 0) * 1000);
  switch (b.event) {
    case 'create_video':
      return { type: 'publish_result', eventId, occurredAt: at(c.create_time), status: 'published',
        publishJobId: c.share_id ? String(c.share_id) : undefined, platformPostId: String(c.item_id) };
    case 'item_comment_reply':
      return { type: 'comment', eventId, occurredAt: at(c.create_time), comment: {
        platformCommentId: String(c.comment_id), platformPostId: String(c.item_id),
        parentCommentId: c.reply_to_comment_id ? String(c.reply_to_comment_id) : undefined,
        author: { id: String(c.comment_user_id ?? b.from_user_id), name: c.nick_name, avatarUrl: c.avatar },
        text: String(c.content ?? ''), createdAt: at(c.create_time),
      } };
    case 'receive_msg': {
      const text = c.message_type === 'text' ? String(c.text ?? '') : `[${c.message_type}]`;
      return { type: 'dm', eventId, occurredAt: at(c.create_time), message: {
        platformMessageId: String(c.server_message_id ?? eventId), conversationId: String(c.conversation_short_id ?? b.from_user_id),
        from: { id: String(b.from_user_id), name: c.user_infos?.[0]?.nick_name }, text, createdAt: at(c.create_time), direction: 'in',
      } };
    }
    case 'new_follow_action':
      return { type: 'follow', eventId, occurredAt: at(c.create_time ?? b.create_time), user: { id: String(b.from_user_id) }, following: true };
    default:
      return null;
  }
}

function safeJson(s: string): any {
  try { return JSON.parse(s); } catch { return {}; }
}
