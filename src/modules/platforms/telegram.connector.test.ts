import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTelegramServer } from '../../../test/contract-servers/telegram.server';
import { expectGolden, fixture, makeContext, mp4, png, webhookRequest } from '../../../test/contract-servers/context';
import { createTelegramConnector } from './telegram.connector';
import { BadContentError, ReauthorizeError, RetryableError, UnconfirmedError } from './errors';
import type { OutgoingPost } from './connector';

const OPTS = { botToken: '123456:AAH-chorus-test', channel: '@chorus_cn' };
const msg = (over: Partial<OutgoingPost> = {}): OutgoingPost => ({ text: '合声 0.1 发布', tags: ['开源'], media: [], idempotencyKey: 'k1', ...over });

describe('telegram connector', () => {
  let server: Awaited<ReturnType<typeof startTelegramServer>>;
  beforeEach(async () => { server = await startTelegramServer(OPTS); });
  afterEach(async () => { expect(server.unexpected).toEqual([]); await server.close(); });

  const connect = (token = OPTS.botToken) => {
    const { ctx, clock } = makeContext(server.url, { accessToken: token, accountId: OPTS.channel, webhookToken: 'wh-secret-1' });
    return { c: createTelegramConnector(ctx), clock, ctx };
  };

  it('reads the channel and publishes text, a photo, and an album', async () => {
    const { c } = connect();
    expect(await c.profile()).toMatchObject({ name: 'Chorus', url: 'https://t.me/chorus_cn' });
    const a = await c.publish(msg());
    expect(a).toMatchObject({ status: 'published', platformPostId: '88', url: 'https://t.me/chorus_cn/88' });
    expect(server.messages.get('@chorus_cn:88')!.text).toBe('合声 0.1 发布 #开源');
    await c.publish(msg({ media: [png()] }));
    await c.publish(msg({ media: [png(), mp4()] }));
    expect(server.countCalls(`/bot${OPTS.botToken}/sendMediaGroup`)).toBe(1);
    expect([...server.messages.values()].map((m) => m.media.join('+'))).toEqual(['', 'photo', 'photo', 'video']);
  });

  it('captions over 1024 refused locally; platform "too long" → BadContentError', async () => {
    const { c } = connect();
    expect(c.validate(msg({ text: 'x'.repeat(1100), media: [png()] })).map((i) => i.code)).toEqual(['text.caption_too_long']);
    server.inject(`/bot${OPTS.botToken}/sendMessage`, { kind: 'respond', res: { status: 400, json: { ok: false, error_code: 400, description: 'Bad Request: message is too long' } } });
    await expect(c.publish(msg())).rejects.toBeInstanceOf(BadContentError);
  });

  it('429 retry_after → RetryableError; revoked bot token → ReauthorizeError', async () => {
    const { c } = connect();
    server.inject(`/bot${OPTS.botToken}/sendMessage`, { kind: 'respond', res: { status: 429, json: { ok: false, error_code: 429, description: 'Too Many Requests: retry after 17', parameters: { retry_after: 17 } } } });
    const e = await c.publish(msg()).catch((x) => x);
    expect(e).toBeInstanceOf(RetryableError);
    expect(e.retryAfterMs).toBe(17_000);
    await expect(connect('999:revoked').c.publish(msg())).rejects.toBeInstanceOf(ReauthorizeError);
  });

  it('a send lost after reaching Telegram is unconfirmed (no key search exists)', async () => {
    const { c, ctx } = connect();
    ctx.timeoutMs = 250; // short, so the hang surfaces quickly
    server.inject(`/bot${OPTS.botToken}/sendMessage`, { kind: 'hang', afterHandler: true });
    await expect(c.publish(msg())).rejects.toBeInstanceOf(UnconfirmedError);
    ctx.timeoutMs = 30_000;
    expect(c.findPostByKey).toBeUndefined();
    expect(server.messages.size).toBe(1);
  });

  it('replies to, pins and deletes discussion comments; DMs; member count', async () => {
    const { c } = connect();
    const comment = server.addGroupMessage('-1002000000002', '期待 Windows 版');
    const { platformCommentId } = await c.replyComment!('88', comment, '已在路线图上');
    expect(platformCommentId).toMatch(/^-1002000000002:\d+$/);
    await c.pinComment!('88', comment, true);
    expect(server.messages.get(comment)!.pinned).toBe(true);
    await c.deleteComment!('88', platformCommentId);
    await c.sendDM!('7001', '发票请在订单页申请');
    expect(await c.accountMetrics!()).toMatchObject({ followers: 1500, following: null });
  });

  it('webhook: secret-token header checked; golden updates parsed', () => {
    const { c } = connect();
    const req = (name: string, secret = 'wh-secret-1') => webhookRequest({ body: fixture('telegram', `${name}.json`), headers: { 'x-telegram-bot-api-secret-token': secret } });
    expect(c.webhook!.verify(req('private-message', 'nope'))).toBe(false);
    for (const name of ['private-message', 'discussion-reply', 'channel-post']) {
      expect(c.webhook!.verify(req(name))).toBe(true);
      expectGolden('telegram', `${name}.expected.json`, c.webhook!.parse(req(name)));
    }
  });
});
