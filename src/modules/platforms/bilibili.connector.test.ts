import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBilibiliServer } from '../../../test/contract-servers/bilibili.server';
import { expectGolden, fixture, makeContext, mp4, png, webhookRequest } from '../../../test/contract-servers/context';
import { createBilibiliConnector } from './bilibili.connector';
import { biliSignedHeaders } from './bilibili.api';
import { BadContentError, PermanentError, ReauthorizeError, RetryableError, UnconfirmedError } from './errors';
import type { OutgoingPost, TokenSet } from './connector';

const OPTS = { clientId: '34c0f583f0414123', clientSecret: 'abc7736bb78947d5a4a90690c861c456', openId: 'b1a2c3d4' };
const archive = (over: Partial<OutgoingPost> = {}): OutgoingPost => ({
  title: '三分钟看懂新品', text: '新品功能全解析', tags: ['科技', '测评'], media: [mp4('v.mp4', 2500)], cover: png(), idempotencyKey: 'k1', ...over,
});

describe('bilibili connector', () => {
  let server: Awaited<ReturnType<typeof startBilibiliServer>>;
  beforeEach(async () => { server = await startBilibiliServer(OPTS); });
  afterEach(async () => { expect(server.unexpected).toEqual([]); expect(server.state.badSignatures).toBe(0); await server.close(); });

  async function authorized(flags: Record<string, string> = { chunkBytes: '1000' }) {
    const saved: TokenSet[] = [];
    const { ctx, clock } = makeContext(server.url, { appId: OPTS.clientId, appSecret: OPTS.clientSecret }, { flags, onTokens: (t) => { saved.push(t); } });
    server.state.now = () => clock.now().getTime();
    const c = createBilibiliConnector(ctx);
    server.issueCode('bc1');
    await c.exchangeCode!('bc1', 'https://chorus.local/cb');
    return { c, ctx, clock, saved };
  }

  it('authorises with gourl and reads the profile through signed calls', async () => {
    const { c } = await authorized();
    const u = new URL(c.authorizeUrl!('s1', 'https://chorus.local/cb'));
    expect(u.searchParams.get('gourl')).toBe('https://chorus.local/cb');
    expect(u.searchParams.has('scope')).toBe(false);
    expect(await c.profile()).toMatchObject({ accountId: OPTS.openId, name: '合声B站号' });
  });

  it('uploads in parts, completes, uploads the cover, submits and polls review to open', async () => {
    const { c } = await authorized();
    const res = await c.publish(archive());
    expect(res).toMatchObject({ status: 'pending', publishJobId: expect.stringMatching(/^BV1/) });
    expect(server.countCalls('/video/v2/part/upload')).toBe(3);
    expect(server.archives[0]).toMatchObject({ tag: '科技,测评', cover: expect.stringContaining('biliimg') });
    expect(await c.publishStatus!(res.publishJobId!)).toEqual({ status: 'pending' });
    expect(await c.publishStatus!(res.publishJobId!)).toMatchObject({ status: 'published', url: `https://www.bilibili.com/video/${res.publishJobId}` });
  });

  it('review rejection → failed with the reason', async () => {
    const { c } = await authorized();
    server.state.finalState = -2;
    server.state.reviewPolls = 0;
    const res = await c.publish(archive());
    expect(await c.publishStatus!(res.publishJobId!)).toEqual({ status: 'failed', failure: { code: 'rejected', message: '标题党' } });
  });

  it('title required and ≤ 80; platform content codes → BadContentError', async () => {
    const { c } = await authorized();
    expect(c.validate(archive({ title: '' })).map((i) => i.code)).toContain('title.required');
    await expect(c.publish(archive({ title: '标'.repeat(81) }))).rejects.toBeInstanceOf(BadContentError);
    await expect(c.publish(archive({ text: '违规' }))).rejects.toMatchObject({ kind: 'bad_content', platformCode: '21017' });
  });

  it('expired token → one refresh with the single-use refresh token, stored at once', async () => {
    const { c, saved, ctx } = await authorized();
    const firstRefresh = ctx.credentials.refreshToken;
    server.expireAccessTokens();
    await c.profile();
    expect(server.state.refreshCalls).toBe(1);
    expect(saved[1].refreshToken).not.toBe(firstRefresh);
    server.expireAccessTokens();
    ctx.credentials.refreshToken = firstRefresh; // reusing a spent refresh token fails
    await expect(c.profile()).rejects.toBeInstanceOf(ReauthorizeError);
  });

  it('concurrent calls share one refresh', async () => {
    const { c } = await authorized();
    server.expireAccessTokens();
    await Promise.all([c.profile(), c.accountMetrics!(), c.profile()]);
    expect(server.state.refreshCalls).toBe(1);
  });

  it('overload -503 → RetryableError; a wrong secret → signature refused (PermanentError)', async () => {
    const { c, ctx } = await authorized();
    server.inject('/arcopen/fn/data/user/stat', { kind: 'respond', res: { json: { code: -503, message: '调用速度过快' } } });
    await expect(c.accountMetrics!()).rejects.toBeInstanceOf(RetryableError);
    ctx.credentials.appSecret = 'wrong';
    await expect(c.profile()).rejects.toBeInstanceOf(PermanentError);
    server.state.badSignatures = 0;
  });

  it('submit lost after sending → unconfirmed; found by title', async () => {
    const { c, ctx, clock } = await authorized();
    const since = clock.now();
    ctx.timeoutMs = 250; // short, so the hang surfaces quickly
    server.inject('/arcopen/fn/archive/add-by-utoken', { kind: 'hang', afterHandler: true });
    await expect(c.publish(archive())).rejects.toBeInstanceOf(UnconfirmedError);
    ctx.timeoutMs = 30_000;
    expect(await c.findPostByKey!('k1', since, { title: '三分钟看懂新品' })).toMatchObject({ platformPostId: server.archives[0].resource_id });
  });

  it('stats: views/likes/comments/shares/saves; account followers', async () => {
    const { c } = await authorized();
    const { platformPostId: id } = await c.publish(archive());
    expect((await c.postMetrics!([id!]))[0]).toMatchObject({ views: 1024, likes: 99, comments: 8, shares: 4, saves: 30, clicks: null });
    expect(await c.accountMetrics!()).toMatchObject({ followers: 777, following: 12, posts: 1 });
  });

  describe('webhook', () => {
    const signed = (name: string, secret = OPTS.clientSecret, at = 1763611200) => {
      const body = fixture('bilibili', `${name}.json`);
      return webhookRequest({ body, headers: biliSignedHeaders(OPTS.clientId, secret, body, at, `nonce-${name}`) });
    };

    it('verify_webhooks handshake; signature, md5 and age checked', async () => {
      const { c, clock } = await authorized();
      clock.set(new Date(1763611200_000));
      expect(c.webhook!.handshake!(signed('verify_webhooks'))).toMatchObject({ status: 200, body: '{"code":0}' });
      expect(c.webhook!.verify(signed('video_open', 'wrong'))).toBe(false);
      expect(c.webhook!.verify(signed('video_open', OPTS.clientSecret, 1763611200 - 3600))).toBe(false);
      const tampered = signed('video_open');
      tampered.rawBody = Buffer.from(tampered.rawBody.toString().replace('BV1', 'BV2'));
      expect(c.webhook!.verify(tampered)).toBe(false);
    });

    it('parses golden events', async () => {
      const { c, clock } = await authorized();
      clock.set(new Date(1763611200_000));
      for (const name of ['video_open', 'video_fail']) {
        const req = signed(name);
        expect(c.webhook!.verify(req)).toBe(true);
        expectGolden('bilibili', `${name}.expected.json`, c.webhook!.parse(req));
      }
    });
  });
});
