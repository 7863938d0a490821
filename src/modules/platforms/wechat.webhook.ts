/**
 * WeChat server callback (plaintext mode): GET echostr handshake, signature
 * sha1(sorted(token, timestamp, nonce)) in the query, XML messages and events.
 * Safe (AES) mode is not handled: such deliveries fail verification.
 * Note: PUBLISHJOBFINISH carries only publish_id; our publishJobId is `${publish_id}:${msg_data_id}`,
 * so the event's publishJobId is the part before ':'.
 */
import type { ConnectorContext, PlatformEvent, WebhookHandler, WebhookRequest } from './connector';
import { parseSimpleXml, safeEqual, sortedSha1, xmlList, xmlText, type XmlNode } from './webhook-util';

const FAILED: Record<string, string> = { '2': 'originality_check_failed', '3': 'failed', '4': 'rejected', '5': 'deleted', '6': 'banned' };

export function wechatSignature(token: string, timestamp: string, nonce: string): string {
  return sortedSha1([token, timestamp, nonce]);
}

export function createWechatWebhook(ctx: ConnectorContext): WebhookHandler {
  const token = () => String(ctx.credentials.webhookToken ?? '');
  const verify = (req: WebhookRequest) => {
    const { signature, timestamp, nonce, encrypt_type: enc } = req.query;
    if (!token() || !timestamp || !nonce || (enc && enc !== 'raw')) return false;
    return safeEqual(signature, wechatSignature(token(), timestamp, nonce));
  };
  return {
    handshake(req) {
      if (req.method !== 'GET' || req.query.echostr === undefined) return null;
      return verify(req) ? { status: 200, contentType: 'text/plain', body: req.query.echostr } : { status: 403, body: 'bad signature' };
    },
    verify,
    parse(req) {
      const xml = (parseSimpleXml(req.rawBody.toString('utf8')).xml ?? {}) as XmlNode;
      const event = parseWechatXml(xml);
      return event ? [event] : [];
    },
    ack: () => ({ status: 200, contentType: 'text/plain', body: 'success' }),
  };
}

export function parseWechatXml(x: XmlNode): PlatformEvent | null {
  const from = xmlText(x.FromUserName) ?? '';
  const created = xmlText(x.CreateTime) ?? '0';
  const occurredAt = new Date(Number(created) * 1000);
  const msgType = xmlText(x.MsgType);
  if (msgType !== 'event') {
    const msgId = xmlText(x.MsgId) ?? `${from}-${created}`;
    const text = msgType === 'text' ? xmlText(x.Content) ?? '' : `[${msgType}]`;
    return {
      type: 'dm', eventId: `wechat:msg:${msgId}`, occurredAt,
      message: { platformMessageId: msgId, conversationId: from, from: { id: from }, text, createdAt: occurredAt, direction: 'in' },
    };
  }
  const ev = xmlText(x.Event) ?? '';
  const eventId = `wechat:event:${from}:${created}:${ev}`;
  if (ev === 'subscribe' || ev === 'unsubscribe') {
    return { type: 'follow', eventId, occurredAt, user: { id: from }, following: ev === 'subscribe' };
  }
  if (ev === 'PUBLISHJOBFINISH') {
    const info = (x.PublishEventInfo ?? {}) as XmlNode;
    const status = xmlText(info.publish_status) ?? '';
    const detail = (info.article_detail ?? {}) as XmlNode;
    const item = (xmlList(detail.item)[0] ?? {}) as XmlNode;
    const articleId = xmlText(info.article_id);
    const publishId = xmlText(info.publish_id);
    if (status === '0') {
      return {
        type: 'publish_result', eventId: `wechat:publish:${publishId}`, occurredAt, publishJobId: publishId, status: 'published',
        platformPostId: `_${xmlText(item.idx) ?? '1'}@${articleId}`, url: xmlText(item.article_url),
      };
    }
    if (status === '1') return null;
    return {
      type: 'publish_result', eventId: `wechat:publish:${publishId}`, occurredAt, publishJobId: publishId, status: 'failed',
      failure: { code: FAILED[status] ?? `status_${status}`, message: `publish_status ${status}` },
    };
  }
  return null;
}
