import { isIP } from 'node:net';
import nodemailer from 'nodemailer';
import { guardedFetch, OutboundError, resolvePublicHost } from '../../kernel/outbound.js';
import {
  dingtalkPayload, dingtalkSignedUrl, feishuPayload, webhookSignature, wecomPayload, type ChannelKind, type Message,
} from './model.js';

export interface RobotConfig { webhookUrl: string; secret?: string }
export interface WebhookConfig { url: string; secret: string }
export interface EmailConfig { host: string; port: number; secure?: boolean; user?: string; pass?: string; from: string; to?: string[] }
export type ChannelConfig = RobotConfig | WebhookConfig | EmailConfig;
/** A file sent with an e-mail (robots and webhooks get the message and its link only). */
export interface EmailAttachment { filename: string; contentType: string; contentBase64: string }

export class DeliveryError extends Error {
  constructor(message: string, readonly responseStatus?: number) { super(message); }
}

/** Channel URLs are chosen by users: they go through the guarded client, and a failure to reach one reads the same whatever the cause. */
async function post(url: string, body: string, headers: Record<string, string>): Promise<Response> {
  try {
    return await guardedFetch(url, { method: 'POST', headers, body }, { timeoutMs: 10_000, maxBytes: 64 * 1024, maxRedirects: 0 });
  } catch (err) {
    if (err instanceof OutboundError) throw new DeliveryError(err.message);
    throw err;
  }
}

async function postJson(url: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await post(url, JSON.stringify(body), { 'content-type': 'application/json', ...headers });
  const answer = await res.text();
  // The status says whether the receiver took it; its body is not echoed (it is whatever answered there).
  if (!res.ok) throw new DeliveryError(`HTTP ${res.status}`, res.status);
  // The robots answer 200 with an error code in the body when they refuse a message.
  try {
    const json = JSON.parse(answer) as { errcode?: number; errmsg?: string; code?: number; msg?: string; StatusCode?: number };
    const code = json.errcode ?? json.code ?? json.StatusCode ?? 0;
    if (code !== 0) throw new DeliveryError(`refused: ${code} ${json.errmsg ?? json.msg ?? ''}`.trim(), res.status);
  } catch (err) {
    if (err instanceof DeliveryError) throw err;
  }
  return res.status;
}

/** Sends one message through one channel; throws DeliveryError when the receiver did not take it. */
export async function send(kind: ChannelKind, config: ChannelConfig, message: Message & { attachments?: EmailAttachment[] }, recipient: string, now: Date): Promise<number> {
  switch (kind) {
    case 'wecom':
      return postJson((config as RobotConfig).webhookUrl, wecomPayload(message));
    case 'dingtalk': {
      const c = config as RobotConfig;
      const url = c.secret ? dingtalkSignedUrl(c.webhookUrl, c.secret, now.getTime()) : c.webhookUrl;
      return postJson(url, dingtalkPayload(message));
    }
    case 'feishu': {
      const c = config as RobotConfig;
      return postJson(c.webhookUrl, feishuPayload(message, c.secret, Math.floor(now.getTime() / 1000)));
    }
    case 'webhook': {
      const c = config as WebhookConfig;
      const ts = Math.floor(now.getTime() / 1000);
      const body = JSON.stringify({ event: message.event, severity: message.severity, title: message.title, body: message.body, link: message.link ?? null, sentAt: now.toISOString() });
      const res = await post(c.url, body, {
        'content-type': 'application/json', 'x-chorus-event': message.event, 'x-chorus-timestamp': String(ts), 'x-chorus-signature': webhookSignature(c.secret, ts, body),
      });
      if (!res.ok) throw new DeliveryError(`HTTP ${res.status}`, res.status);
      return res.status;
    }
    case 'email': {
      const c = config as EmailConfig;
      // Connect to the address that was checked; TLS still verifies the certificate against the name.
      let address: string;
      try {
        address = await resolvePublicHost(c.host);
      } catch (err) {
        throw new DeliveryError((err as Error).message);
      }
      const transport = nodemailer.createTransport({
        host: address, port: c.port, secure: c.secure ?? false, ignoreTLS: !c.secure && c.port !== 587,
        ...(isIP(c.host) ? {} : { tls: { servername: c.host } }),
        auth: c.user ? { user: c.user, pass: c.pass ?? '' } : undefined, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000,
      });
      try {
        await transport.sendMail({
          from: c.from, to: recipient, subject: `【合声】${message.title}`,
          text: `${message.body}${message.link ? `\n\n${message.link}` : ''}`,
          attachments: message.attachments?.map((a) => ({ filename: a.filename, contentType: a.contentType, content: Buffer.from(a.contentBase64, 'base64') })),
        });
      } catch (err) {
        throw new DeliveryError(smtpFailure(err));
      } finally {
        transport.close();
      }
      return 250;
    }
  }
}

/** Connection-level SMTP failures read like an unreachable HTTP target; the server's own refusals (auth, recipients) are kept. */
function smtpFailure(err: unknown): string {
  const e = err as { code?: string; responseCode?: number; response?: string; message?: string };
  if (e.responseCode) return `SMTP ${e.responseCode}: ${(e.response ?? e.message ?? '').slice(0, 200)}`;
  return new OutboundError('outbound.unreachable', 'the address could not be reached').message;
}
