import nodemailer from 'nodemailer';
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

async function postJson(url: string, body: unknown, headers: Record<string, string> = {}) {
  const text = JSON.stringify(body);
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: text, signal: AbortSignal.timeout(10_000) });
  const answer = await res.text();
  if (!res.ok) throw new DeliveryError(`HTTP ${res.status}: ${answer.slice(0, 200)}`, res.status);
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
      const res = await fetch(c.url, {
        method: 'POST', body, signal: AbortSignal.timeout(10_000),
        headers: { 'content-type': 'application/json', 'x-chorus-event': message.event, 'x-chorus-timestamp': String(ts), 'x-chorus-signature': webhookSignature(c.secret, ts, body) },
      });
      if (!res.ok) throw new DeliveryError(`HTTP ${res.status}`, res.status);
      return res.status;
    }
    case 'email': {
      const c = config as EmailConfig;
      const transport = nodemailer.createTransport({
        host: c.host, port: c.port, secure: c.secure ?? false, ignoreTLS: !c.secure && c.port !== 587,
        auth: c.user ? { user: c.user, pass: c.pass ?? '' } : undefined, connectionTimeout: 10_000,
      });
      try {
        await transport.sendMail({
          from: c.from, to: recipient, subject: `【合声】${message.title}`,
          text: `${message.body}${message.link ? `\n\n${message.link}` : ''}`,
          attachments: message.attachments?.map((a) => ({ filename: a.filename, contentType: a.contentType, content: Buffer.from(a.contentBase64, 'base64') })),
        });
      } catch (err) {
        throw new DeliveryError(`SMTP: ${(err as Error).message}`);
      } finally {
        transport.close();
      }
      return 250;
    }
  }
}
