/**
 * Bilibili open-platform callbacks (verify_webhooks, video_open, video_fail, publish_video).
 * The signature is reported two ways; Chorus checks the documented header scheme — the same
 * X-Bili-* headers and HMAC-SHA256 Authorization as requests, Content-MD5 equal to md5(raw body),
 * timestamp within 10 minutes — and answers verify_webhooks with {code: 0}.
 */
import { createHash } from 'node:crypto';
import type { ConnectorContext, PlatformEvent, WebhookHandler, WebhookRequest } from './connector';
import { biliSign } from './bilibili.api';
import { safeEqual } from './webhook-util';

function body(req: WebhookRequest): any {
  try { return JSON.parse(req.rawBody.toString('utf8')); } catch { return {}; }
}

export function createBiliWebhook(ctx: ConnectorContext): WebhookHandler {
  const verify = (req: WebhookRequest) => {
    const secret = String(ctx.credentials.appSecret ?? '');
    const h = req.headers;
    if (!secret || h['x-bili-accesskeyid'] !== ctx.credentials.appId) return false;
    if (h['x-bili-content-md5'] !== createHash('md5').update(req.rawBody).digest('hex')) return false;
    const ts = Number(h['x-bili-timestamp']);
    if (!Number.isFinite(ts) || Math.abs(ctx.clock.now().getTime() / 1000 - ts) > 600) return false;
    const signed: Record<string, string> = {};
    for (const [k, v] of Object.entries(h)) if (k.startsWith('x-bili-') && v !== undefined) signed[k] = v;
    return safeEqual(h.authorization, biliSign(secret, signed));
  };
  return {
    handshake(req) {
      if (body(req).event !== 'verify_webhooks') return null;
      return verify(req) ? { status: 200, contentType: 'application/json', body: '{"code":0}' } : { status: 403, body: 'bad signature' };
    },
    verify,
    parse(req) {
      const e = parseBiliEvent(body(req), req.headers['x-bili-signature-nonce']);
      return e ? [e] : [];
    },
    ack: () => ({ status: 200, contentType: 'application/json', body: '{"code":0}' }),
  };
}

export function parseBiliEvent(b: any, nonce: string | undefined): PlatformEvent | null {
  const d = b.data ?? {};
  const bvid = String(d.resource_id ?? '');
  const occurredAt = new Date(Number(b.timestamp ?? d.ctime ?? 0) * 1000);
  const eventId = `bilibili:${b.event}:${bvid}:${b.timestamp ?? nonce ?? ''}`;
  switch (b.event) {
    case 'video_open':
    case 'publish_video':
      return { type: 'publish_result', eventId, occurredAt, publishJobId: bvid, platformPostId: bvid, status: 'published', url: `https://www.bilibili.com/video/${bvid}` };
    case 'video_fail':
      return { type: 'publish_result', eventId, occurredAt, publishJobId: bvid, status: 'failed', failure: { code: String(d.state ?? 'rejected'), message: String(d.reason ?? d.reject_reason ?? '') } };
    default:
      return null;
  }
}
