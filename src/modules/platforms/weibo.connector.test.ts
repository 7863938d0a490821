import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startWeiboServer } from '../../../test/contract-servers/weibo.server';
import { expectGolden, fixture, makeContext, png, webhookRequest } from '../../../test/contract-servers/context';
import { createWeiboConnector } from './weibo.connector';
import { weiboSignature } from './weibo.webhook';
import { BadContentError, ReauthorizeError, RetryableError, UnconfirmedError } from './errors';
import type { ConnectorCredentials, OutgoingPost } from './connector';

const OPTS = { appKey: '3847561290', appSecret: 'wb-secret', safeDomain: 'chorus.example.cn', uid: '1902538057' };
const share = (over: Partial<OutgoingPost> = {}): OutgoingPost => ({
  text: '新品发布会今晚八点 https://chorus.example.cn/live', media: [], idempotencyKey: 'k1', ...over,
});

describe('weibo connector', () => {
  let server: Awaited<ReturnType<typeof startWeiboServer>>;
  beforeEach(async () => { server = await startWeiboServer(OPTS); });
  afterEach(async () => { expect(server.unexpected).toEqual([]); await server.close(); });

  async function authorized(flags: Record<string, string | boolean> = {}) {
    const creds: ConnectorCredentials = { appId: OPTS.appKey, appSecret: OPTS.appSecret, accountId: OPTS.uid };
    const { ctx, clock } = makeContext(server.url, creds, { flags: { safeDomains: OPTS.safeDomain, rip: '203.0.113.9', ...flags } });
    server.state.now = () => clock.now().getTime();
    const c = createWeiboConnector(ctx);
    server.issueCode('CODE1');
    await c.exchangeCode!('CODE1', 'https://chorus.local/cb');
    return { c, clock, ctx };
  }

  it('builds the authorize URL and exchanges a code once', async () => {
    const { c } = await authorized();
    const u = new URL(c.authorizeUrl!('st8', 'https://chorus.local/cb'));
    expect(u.pathname).toBe('/oauth2/authorize');
    expect(u.searchParams.get('client_id')).toBe(OPTS.appKey);
    expect(u.searchParams.get('state')).toBe('st8');
    await expect(c.exchangeCode!('CODE1', 'https://chorus.local/cb')).rejects.toMatchObject({ platformCode: '21325' });
    expect(await c.profile()).toMatchObject({ accountId: OPTS.uid, name: '合声官方' });
  });

  it('shares a post with a safe-domain link and an image', async () => {
    const { c } = await authorized();
    const res = await c.publish(share({ media: [png()] }));
    expect(res).toMatchObject({ status: 'published', url: expect.stringContaining(`weibo.com/${OPTS.uid}/`) });
    expect(server.statuses[0].pics).toBe(1);
  });

  it('refuses locally what share would reject: no safe link, topics, over 140', async () => {
    const { c } = await authorized();
    expect(c.validate(share({ text: '没有链接' })).map((i) => i.code)).toEqual(['link.domain_required']);
    expect(c.validate(share({ text: '#话题# https://chorus.example.cn' })).map((i) => i.code)).toEqual(['tags.not_allowed']);
    expect(c.validate(share({ text: '长'.repeat(141) + ' https://chorus.example.cn' })).map((i) => i.code)).toContain('text.too_long');
    expect(c.validate(share({ text: 'a'.repeat(200) + ' https://chorus.example.cn' }))).toEqual([]); // ASCII counts half
    await expect(c.publish(share({ text: '没有链接' }))).rejects.toBeInstanceOf(BadContentError);
  });

  it('platform content rejection → BadContentError', async () => {
    const { c } = await authorized();
    await expect(c.publish(share({ text: '违禁 https://chorus.example.cn' }))).rejects.toMatchObject({ platformCode: '20021', kind: 'bad_content' });
  });

  it('commercial accounts publish through the biz API with up to 9 images and topics', async () => {
    const { c } = await authorized({ commercial: true });
    expect(c.capabilities.dms.send).toBe(true);
    const res = await c.publish(share({ text: '#新品# 九图来了', media: [png('1.png'), png('2.png'), png('3.png')] }));
    expect(res.status).toBe('published');
    expect(server.countCalls('/2/statuses/upload_pic/biz.json')).toBe(3);
    expect(server.statuses[0].pics).toBe(3);
  });

  it('hourly limit 10023 → RetryableError until the next hour', async () => {
    const { c } = await authorized();
    server.state.postsPerHourLimit = 0;
    const e = await c.publish(share()).catch((x) => x);
    expect(e).toBeInstanceOf(RetryableError);
    expect(e.retryAfterMs).toBe(3600_000); // clock sits on the hour
  });

  it('expired token 21327 → ReauthorizeError', async () => {
    const { c } = await authorized();
    server.expireAll();
    await expect(c.publish(share())).rejects.toBeInstanceOf(ReauthorizeError);
  });

  it('a lost answer is unconfirmed; findPostByKey finds the post by text despite t.cn rewriting', async () => {
    const { c, ctx, clock } = await authorized();
    const since = clock.now();
    ctx.timeoutMs = 250; // short, so the hang surfaces quickly
    server.inject('/2/statuses/share.json', { kind: 'hang', afterHandler: true });
    await expect(c.publish(share())).rejects.toBeInstanceOf(UnconfirmedError);
    ctx.timeoutMs = 30_000;
    expect(await c.findPostByKey!('k1', since, { text: share().text })).toMatchObject({ platformPostId: expect.any(String) });
    expect(await c.findPostByKey!('k2', since, { text: '别的内容' })).toBeNull();
  });

  it('reads, replies to and deletes comments; mentions; counts without views', async () => {
    const { c } = await authorized();
    const { platformPostId } = await c.publish(share());
    const cid = server.addComment(platformPostId!, 42, '什么时候发货？');
    const spam = server.addComment(platformPostId!, 43, '加V看片');
    const page = await c.listComments!(platformPostId!);
    expect(page.items.map((x) => x.text)).toEqual(['什么时候发货？', '加V看片']);
    await c.replyComment!(platformPostId!, cid, '明天发货');
    await c.deleteComment!(platformPostId!, spam);
    const after = await c.listComments!(platformPostId!);
    expect(after.items.map((x) => [x.text, x.parentCommentId ?? null])).toEqual([['什么时候发货？', null], ['明天发货', cid]]);
    expect((await c.listRecentComments!()).items.map((x) => x.text)).toEqual(['什么时候发货？']);
    expect((await c.listMentions!()).items[0]).toMatchObject({ kind: 'post', author: { name: '路人甲' } });
    const [m, unknown] = await c.postMetrics!([platformPostId!, '1']);
    expect(m).toMatchObject({ views: null, comments: 2, shares: 3, likes: 21 });
    expect(unknown).toMatchObject({ views: null, comments: null, likes: null });
    expect(await c.accountMetrics!()).toMatchObject({ followers: 8800, following: 120, posts: 1, newFollowers: null });
  });

  it('fan-service DM reply via messages/reply', async () => {
    const { c } = await authorized({ commercial: true });
    await c.sendDM!('2489518277', '您好，门店22点关门');
    expect(server.state.sentMessages).toEqual([{ to: '2489518277', data: { text: '您好，门店22点关门' } }]);
  });

  describe('fan-service webhook', () => {
    it('matches the documented signature example', () => {
      expect(weiboSignature('xyz123xyz', '1397022061823', '57155157')).toBe('90e4c22c90a58f26526c2dd5b6c56c8822edeaa1');
    });

    it('handshake, verify and golden parse', async () => {
      const { c } = await authorized({ commercial: true });
      const query = { timestamp: '1397022061823', nonce: '57155157', signature: weiboSignature(OPTS.appSecret, '1397022061823', '57155157') };
      expect(c.webhook!.handshake!(webhookRequest({ method: 'GET', query: { ...query, echostr: 'dnPdpTZz85' } }))?.body).toBe('dnPdpTZz85');
      expect(c.webhook!.verify(webhookRequest({ query: { ...query, signature: 'forged' } }))).toBe(false);
      for (const name of ['text-message', 'follow-event']) {
        const req = webhookRequest({ query, body: fixture('weibo', `${name}.json`) });
        expect(c.webhook!.verify(req)).toBe(true);
        expectGolden('weibo', `${name}.expected.json`, c.webhook!.parse(req));
      }
    });
  });
});
