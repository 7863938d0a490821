/**
 * LinkedIn webhooks. Validation: GET ?challengeCode=… → {challengeCode, challengeResponse:
 * hex(HMAC-SHA256(client secret, challengeCode))}. Deliveries: X-LI-Signature =
 * "hmacsha256=" + hex(HMAC-SHA256(client secret, raw body)). Organisation social-action
 * notifications become comment / mention events (the comment text is fetched separately when absent).
 */
import type { ConnectorContext, PlatformEvent, WebhookHandler, WebhookRequest } from './connector';
import { hmacSha256Hex, safeEqual } from './webhook-util';

export function linkedinSignature(secret: string, body: Buffer | string): string {
  return `hmacsha256=${hmacSha256Hex(secret, body)}`;
}

export function createLinkedinWebhook(ctx: ConnectorContext): WebhookHandler {
  const secret = () => String(ctx.credentials.webhookToken ?? ctx.credentials.appSecret ?? '');
  return {
    handshake(req) {
      const code = req.query.challengeCode;
      if (req.method !== 'GET' || !code) return null;
      return { status: 200, contentType: 'application/json', body: JSON.stringify({ challengeCode: code, challengeResponse: hmacSha256Hex(secret(), code) }) };
    },
    verify(req: WebhookRequest) {
      if (!secret()) return false;
      const got = req.headers['x-li-signature'] ?? '';
      const want = linkedinSignature(secret(), req.rawBody);
      return safeEqual(got.startsWith('hmacsha256=') ? got : `hmacsha256=${got}`, want);
    },
    parse(req) {
      let b: any;
      try { b = JSON.parse(req.rawBody.toString('utf8')); } catch { return []; }
      return ((b.notifications ?? []) as any[]).map(parseNotification).filter((e): e is PlatformEvent => e !== null);
    },
  };
}

function parseNotification(n: any): PlatformEvent | null {
  const eventId = `linkedin:${n.notificationId}`;
  const occurredAt = new Date(Number(n.lastModifiedAt ?? n.createdAt ?? 0));
  const actor = { id: String(n.decoratedGeneratedActivity?.comment?.actor ?? n.actor ?? '') };
  switch (n.action) {
    case 'COMMENT':
      return { type: 'comment', eventId, occurredAt, comment: {
        platformCommentId: String(n.generatedActivity), platformPostId: String(n.sourcePost), author: actor,
        text: String(n.decoratedGeneratedActivity?.comment?.text ?? ''), createdAt: occurredAt,
      } };
    case 'SHARE_MENTION':
    case 'COMMENT_MENTION':
      return { type: 'mention', eventId, occurredAt, mention: {
        platformMentionId: String(n.generatedActivity ?? n.notificationId), kind: n.action === 'SHARE_MENTION' ? 'post' : 'comment',
        platformPostId: n.sourcePost ? String(n.sourcePost) : undefined, author: actor,
        text: String(n.decoratedGeneratedActivity?.share?.text ?? n.decoratedGeneratedActivity?.comment?.text ?? ''), createdAt: occurredAt,
      } };
    default:
      return null;
  }
}
