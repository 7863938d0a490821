import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { dingtalkSignedUrl, feishuPayload, releaseAt, webhookSignature, wecomPayload } from './model.js';

describe('robot formats and signatures', () => {
  const msg = { event: 'publish.failed', severity: 'critical' as const, title: '发布失败', body: '微博「双11预告」发布失败', link: 'http://x/y' };

  it('builds 企业微信 markdown', () => {
    const p = wecomPayload(msg);
    expect(p.msgtype).toBe('markdown');
    expect(p.markdown.content).toContain('发布失败');
    expect(p.markdown.content).toContain('[查看详情](http://x/y)');
  });

  it('signs 钉钉 URLs with timestamp + "\\n" + secret', () => {
    const url = new URL(dingtalkSignedUrl('https://oapi.dingtalk.com/robot/send?access_token=abc', 'SECxyz', 1700000000000));
    expect(url.searchParams.get('access_token')).toBe('abc');
    expect(url.searchParams.get('timestamp')).toBe('1700000000000');
    const expected = createHmac('sha256', 'SECxyz').update('1700000000000\nSECxyz').digest('base64');
    expect(url.searchParams.get('sign')).toBe(expected);
  });

  it('signs 飞书 payloads with the key "timestamp\\nsecret" over an empty message', () => {
    const p = feishuPayload(msg, 'fs-secret', 1700000000) as { timestamp: string; sign: string; msg_type: string; content: { text: string } };
    expect(p.timestamp).toBe('1700000000');
    expect(p.sign).toBe(createHmac('sha256', '1700000000\nfs-secret').update('').digest('base64'));
    expect(p.msg_type).toBe('text');
    expect(p.content.text).toContain('发布失败');
    expect(feishuPayload(msg, undefined, 1)).not.toHaveProperty('sign');
  });

  it('signs generic webhooks over timestamp.body', () => {
    expect(webhookSignature('k'.repeat(16), 10, '{"a":1}')).toBe(`sha256=${createHmac('sha256', 'k'.repeat(16)).update('10.{"a":1}').digest('hex')}`);
  });
});

describe('quiet hours', () => {
  const quiet = { start: '22:00', end: '08:00' };
  it.each([
    ['2026-11-23T15:00:00Z', 'info', '2026-11-24T00:00:00.000Z'], // 23:00 Shanghai → held to 08:00
    ['2026-11-23T17:30:00Z', 'warning', '2026-11-24T00:00:00.000Z'], // 01:30 → 08:00 same morning
    ['2026-11-23T03:00:00Z', 'info', '2026-11-23T03:00:00.000Z'], // 11:00 → now
    ['2026-11-23T15:00:00Z', 'critical', '2026-11-23T15:00:00.000Z'], // critical is never held
  ] as const)('%s (%s) in Asia/Shanghai goes out at %s', (now, severity, expected) => {
    expect(releaseAt(new Date(now), quiet, 'Asia/Shanghai', severity).toISOString()).toBe(expected);
  });

  it('honours daylight saving time in the workspace zone', () => {
    // 2026-03-29 Europe/Berlin springs forward; 07:00 local that day is 05:00 UTC.
    expect(releaseAt(new Date('2026-03-28T23:30:00Z'), { start: '23:00', end: '07:00' }, 'Europe/Berlin', 'info').toISOString()).toBe('2026-03-29T05:00:00.000Z');
  });

  it('sends at once without quiet hours', () => {
    const now = new Date('2026-11-23T15:00:00Z');
    expect(releaseAt(now, null, 'Asia/Shanghai', 'info')).toBe(now);
  });
});
