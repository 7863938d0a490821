/**
 * Weibo fan-service (粉丝服务平台) message push: signature = sha1(sorted(appsecret, timestamp, nonce))
 * in the query, GET echostr handshake, JSON bodies {type, receiver_id, sender_id, created_at, text, data}.
 * Unknown types are ignored, as the docs ask.
 */
import type { ConnectorContext, PlatformEvent, WebhookHandler, WebhookRequest } from './connector';
import { safeEqual, sha1Hex, sortedSha1 } from './webhook-util';

export function weiboSignature(appSecret: string, timestamp: string, nonce: string) {
  return sortedSha1([appSecret, timestamp, nonce]);
}

export function createWeiboWebhook(ctx: ConnectorContext): WebhookHandler {
  const verify = (req: WebhookRequest) => {
    const { signature, timestamp, nonce } = req.query;
    const secret = String(ctx.credentials.appSecret ?? '');
    if (!secret || !timestamp || !nonce) return false;
    return safeEqual(signature, weiboSignature(secret, timestamp, nonce));
  };
  return {
    handshake(req) {
      if (req.method !== 'GET' || req.query.echostr === undefined) return null;
      return verify(req) ? { status: 200, contentType: 'text/plain', body: req.query.echostr } : { status: 403, body: 'bad signature' };
    },
    verify,
    parse(req) {
      let m: any;
      try { m = JSON.parse(req.rawBody.toString('utf8')); } catch { return []; }
      const e = parseWeiboPush(m, sha1Hex(req.rawBody));
      return e ? [e] : [];
    },
    ack: () => ({ status: 200, contentType: 'text/plain', body: '' }),
  };
}

export function parseWeiboPush(m: any, bodyHash: string): PlatformEvent | null {
  const from = String(m.sender_id ?? '');
  const occurredAt = new Date(m.created_at);
  const eventId = `weibo:push:${from}:${occurredAt.getTime() / 1000}:${bodyHash.slice(0, 12)}`;
  switch (m.type) {
    case 'text':
    case 'image':
    case 'voice':
    case 'position':
    case 'mention': {
      const text = m.type === 'text' || m.type === 'mention' ? String(m.text ?? '') : `[${m.type}]`;
      return { type: 'dm', eventId, occurredAt, message: {
        platformMessageId: eventId, conversationId: from, from: { id: from }, text, createdAt: occurredAt, direction: 'in',
      } };
    }
    case 'event': {
      const sub = String(m.data?.subtype ?? '');
      if (sub === 'follow' || sub === 'subscribe') return { type: 'follow', eventId, occurredAt, user: { id: from }, following: true };
      if (sub === 'unfollow' || sub === 'unsubscribe') return { type: 'follow', eventId, occurredAt, user: { id: from }, following: false };
      return null;
    }
    default:
      return null;
  }
}
