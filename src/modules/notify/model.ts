import { createHmac } from 'node:crypto';
import { DateTime } from 'luxon';

export const CHANNEL_KINDS = ['wecom', 'dingtalk', 'feishu', 'webhook', 'email'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];
export type Severity = 'info' | 'warning' | 'critical';

export interface Message {
  event: string;
  severity: Severity;
  title: string;
  body: string;
  link?: string | null;
}

/** 企业微信 group robot: markdown message (https://developer.work.weixin.qq.com — 群机器人配置说明). */
export function wecomPayload(m: Message) {
  const color = m.severity === 'critical' ? 'warning' : m.severity === 'warning' ? 'comment' : 'info';
  const link = m.link ? `\n[查看详情](${m.link})` : '';
  return { msgtype: 'markdown', markdown: { content: `**<font color="${color}">${m.title}</font>**\n${m.body}${link}` } };
}

/** 钉钉 custom robot: markdown message. */
export function dingtalkPayload(m: Message) {
  const link = m.link ? `\n\n[查看详情](${m.link})` : '';
  return { msgtype: 'markdown', markdown: { title: m.title, text: `### ${m.title}\n\n${m.body}${link}` } };
}

/** 钉钉 signing: sign = urlencode(base64(HmacSHA256(secret, `${timestamp}\n${secret}`))), added to the query. */
export function dingtalkSignedUrl(webhookUrl: string, secret: string, timestampMs: number): string {
  const sign = createHmac('sha256', secret).update(`${timestampMs}\n${secret}`).digest('base64');
  const url = new URL(webhookUrl);
  url.searchParams.set('timestamp', String(timestampMs));
  url.searchParams.set('sign', sign);
  return url.toString();
}

/** 飞书 custom robot: the key is `${timestamp}\n${secret}` and the signed message is empty; timestamp in seconds. */
export function feishuSign(secret: string, timestampSec: number): string {
  return createHmac('sha256', `${timestampSec}\n${secret}`).update('').digest('base64');
}

export function feishuPayload(m: Message, secret: string | undefined, timestampSec: number) {
  const text = `${m.title}\n${m.body}${m.link ? `\n${m.link}` : ''}`;
  const base = { msg_type: 'text', content: { text } };
  return secret ? { timestamp: String(timestampSec), sign: feishuSign(secret, timestampSec), ...base } : base;
}

/** Generic webhook: HMAC-SHA256 over `${timestamp}.${body}`, hex, sent as X-Chorus-Signature: sha256=… */
export function webhookSignature(secret: string, timestampSec: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestampSec}.${body}`).digest('hex')}`;
}

/**
 * When a delivery to a person may go out: at once, or at the end of their quiet hours
 * (critical messages are never held). Quiet hours may wrap midnight (22:00–08:00).
 */
export function releaseAt(now: Date, quiet: { start: string; end: string } | null | undefined, timeZone: string, severity: Severity): Date {
  if (!quiet || severity === 'critical' || quiet.start === quiet.end) return now;
  const local = DateTime.fromJSDate(now, { zone: timeZone });
  const [sh, sm] = quiet.start.split(':').map(Number) as [number, number];
  const [eh, em] = quiet.end.split(':').map(Number) as [number, number];
  const minutes = local.hour * 60 + local.minute;
  const start = sh * 60 + sm;
  const end = eh * 60 + em;
  const inQuiet = start < end ? minutes >= start && minutes < end : minutes >= start || minutes < end;
  if (!inQuiet) return now;
  let release = local.set({ hour: eh, minute: em, second: 0, millisecond: 0 });
  if (release <= local) release = release.plus({ days: 1 });
  return release.toJSDate();
}

/** Retry plan for outgoing deliveries: a dead receiver is tried 5 times over ~15 minutes. */
export interface RetryPlan { retryLimit: number; retryDelay: number; retryBackoff: boolean }
export const DELIVERY_RETRY: RetryPlan = { retryLimit: 5, retryDelay: 30, retryBackoff: true };
