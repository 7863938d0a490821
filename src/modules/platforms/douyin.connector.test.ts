import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startDouyinServer } from '../../../test/contract-servers/douyin.server';
import { expectGolden, fixture, makeContext, mp4, webhookRequest } from '../../../test/contract-servers/context';
import { createDouyinConnector } from './douyin.connector';
import { douyinSignature } from './douyin.webhook';
import { BadContentError, ReauthorizeError, RetryableError, UnconfirmedError } from './errors';
import type { OutgoingPost, TokenSet } from './connector';

const OPTS = { clientKey: 'awx1234567890', clientSecret: 'dy-secret', openId: '_000QadFMhmU1jNCI3JdPnyVDL6XavC70dFy' };
const video = (over: Partial<OutgoingPost> = {}): OutgoingPost => ({ text: '三分钟学会冲咖啡', tags: ['咖啡'], media: [mp4()], idempotencyKey: 'k1', ...over });

describe('douyin connector', () => {
  let server: Awaited<ReturnType<typeof startDouyinServer>>;
  beforeEach(async () => { server = await startDouyinServer(OPTS); });
  afterEach(async () => { expect(server.unexpected).toEqual([]); await server.close(); });

  async function authorized(flags: Record<string, boolean> = { publishApproved: true }) {
    const saved: TokenSet[] = [];
    const { ctx, clock } = makeContext(server.url, { appId: OPTS.clientKey, appSecret: OPTS.clientSecret }, { flags, onTokens: (t) => { saved.push(t); } });
    server.state.now = () => clock.now().getTime();
    const c = createDouyinConnector(ctx);
    server.issueCode('code1');
    await c.exchangeCode!('code1', 'https://chorus.local/cb');
    return { c, clock, saved, ctx };
  }

  it('authorises via connect + access_token and reads the profile', async () => {
    const { c, saved } = await authorized();
    expect(new URL(c.authorizeUrl!('s1', 'https://chorus.local/cb')).pathname).toBe('/platform/oauth/connect/');
    expect(saved[0]).toMatchObject({ accountId: OPTS.openId, refreshToken: expect.stringMatching(/^rft\./) });
    expect(await c.profile()).toMatchObject({ accountId: OPTS.openId, name: '合声抖音号' });
  });

  it('approved accounts upload and create the video; tags inline as #x', async () => {
    const { c } = await authorized();
    const res = await c.publish(video());
    expect(res).toMatchObject({ status: 'published', platformPostId: expect.stringMatching(/^@9VwKzuu/) });
    expect(server.items[0].title).toBe('三分钟学会冲咖啡 #咖啡');
  });

  it('other accounts get the H5 share hand-off with a share_id', async () => {
    const { c } = await authorized({});
    expect(c.capabilities.publish.video).toBe('restricted');
    const res = await c.publish(video());
    expect(res.status).toBe('handoff');
    expect(res.publishJobId).toMatch(/^\d+$/);
    expect(res.handoff).toMatchObject({ platform: 'douyin', text: '三分钟学会冲咖啡 #咖啡', media: [{ kind: 'video' }] });
    expect(res.handoff!.shareUrl).toContain(`share_id=${res.publishJobId}`);
    expect(server.countCalls('/api/douyin/v1/video/create_video/')).toBe(0);
  });

  it('needs a video; contact details rejected by the platform → BadContentError', async () => {
    const { c } = await authorized();
    await expect(c.publish(video({ media: [] }))).rejects.toBeInstanceOf(BadContentError);
    await expect(c.publish(video({ text: '加微信号 abc' }))).rejects.toMatchObject({ kind: 'bad_content', platformCode: '28001007' });
  });

  it('an expired access token is refreshed once (2190008) and the call retried', async () => {
    const { c, saved } = await authorized();
    server.expireAccessTokens();
    await c.publish(video());
    expect(server.state.refreshCalls).toBe(1);
    expect(saved).toHaveLength(2);
  });

  it('a refresh token close to expiry is renewed before refreshing', async () => {
    const { c, ctx, clock } = await authorized();
    clock.advance(26 * 86_400_000);
    const before = ctx.credentials.refreshToken;
    await c.refresh!();
    expect(server.countCalls('/oauth/renew_refresh_token/')).toBe(1);
    expect(ctx.credentials.refreshToken).not.toBe(before);
    expect(ctx.credentials.refreshExpiresAt!.getTime()).toBeGreaterThan(clock.now().getTime() + 5 * 86_400_000);
  });

  it('expired token with a dead refresh token → ReauthorizeError', async () => {
    const { c, ctx } = await authorized();
    server.expireAccessTokens();
    ctx.credentials.refreshToken = 'rft.gone';
    await expect(c.publish(video())).rejects.toBeInstanceOf(ReauthorizeError);
  });

  it('frequency limit 28003018 → RetryableError', async () => {
    const { c } = await authorized();
    server.inject('/api/douyin/v1/video/create_video/', { kind: 'respond', res: { json: { data: { error_code: 28003018, description: '请求频率过高' } } } });
    const e = await c.publish(video()).catch((x) => x);
    expect(e).toBeInstanceOf(RetryableError);
    expect(e.retryAfterMs).toBeGreaterThan(0);
  });

  it('create_video lost after sending → unconfirmed; findPostByKey matches the caption', async () => {
    const { c, ctx, clock } = await authorized();
    const since = clock.now();
    ctx.timeoutMs = 250; // short, so the hang surfaces quickly
    server.inject('/api/douyin/v1/video/create_video/', { kind: 'hang', afterHandler: true });
    await expect(c.publish(video())).rejects.toBeInstanceOf(UnconfirmedError);
    ctx.timeoutMs = 30_000;
    expect(await c.findPostByKey!('k1', since, { text: '三分钟学会冲咖啡' })).toMatchObject({ platformPostId: server.items[0].item_id });
  });

  it('comments: list, reply, pin; metrics with unknowns as null', async () => {
    const { c } = await authorized();
    const { platformPostId: id } = await c.publish(video());
    const cid = server.addComment(id!, 'fan1', '求教程');
    expect((await c.listComments!(id!)).items.map((x) => x.text)).toEqual(['求教程']);
    await c.replyComment!(id!, cid, '主页有完整教程');
    await c.pinComment!(id!, cid, true);
    expect(server.comments.get(id!)![0].top).toBe(true);
    const [m] = await c.postMetrics!([id!]);
    expect(m).toMatchObject({ views: 0, likes: 88, comments: 2, shares: 5, saves: null, clicks: null });
    expect(await c.accountMetrics!()).toMatchObject({ followers: null });
    server.state.fans = [{ date: '2026-11-18', total_fans: 100, new_fans: 3 }, { date: '2026-11-19', total_fans: 104, new_fans: 4 }];
    expect(await c.accountMetrics!()).toMatchObject({ followers: 104, newFollowers: 7 });
  });

  describe('webhook', () => {
    const signed = (name: string, secret = OPTS.clientSecret) => {
      const body = fixture('douyin', `${name}.json`);
      return webhookRequest({ body, headers: { 'x-douyin-signature': douyinSignature(secret, body), 'msg-id': `msg-${name}` } });
    };

    it('answers verify_webhook with the challenge; refuses a bad signature', async () => {
      const { c } = await authorized();
      expect(c.webhook!.handshake!(signed('verify_webhook'))).toMatchObject({ status: 200, body: '{"challenge":12345}' });
      expect(c.webhook!.handshake!(signed('verify_webhook', 'wrong'))?.status).toBe(403);
      expect(c.webhook!.handshake!(signed('create_video'))).toBeNull();
    });

    it('verifies and parses golden events; eventId from Msg-Id for de-duplication', async () => {
      const { c } = await authorized();
      for (const name of ['create_video', 'item_comment_reply', 'receive_msg', 'new_follow_action']) {
        const req = signed(name);
        expect(c.webhook!.verify(req)).toBe(true);
        expectGolden('douyin', `${name}.expected.json`, c.webhook!.parse(req));
      }
      const tampered = signed('create_video');
      tampered.rawBody = Buffer.from(tampered.rawBody.toString().replace('7002', '7003'));
      expect(c.webhook!.verify(tampered)).toBe(false);
    });
  });
});
