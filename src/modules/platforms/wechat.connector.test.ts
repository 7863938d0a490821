import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startWechatServer } from '../../../test/contract-servers/wechat.server';
import { expectGolden, fixture, makeContext, png, webhookRequest } from '../../../test/contract-servers/context';
import { createWechatConnector } from './wechat.connector';
import { wechatSignature } from './wechat.webhook';
import { BadContentError, ReauthorizeError, RetryableError, UnconfirmedError } from './errors';
import type { OutgoingPost } from './connector';

const APP = { appId: 'wx1234567890abcdef', appSecret: 'secret-abc', webhookToken: 'chorus-token' };
const article = (over: Partial<OutgoingPost> = {}): OutgoingPost => ({
  title: '行业避坑指南', text: '第一段。\n\n第二段。', media: [png('cover.png'), png('body.png')], idempotencyKey: 'k1', ...over,
});

describe('wechat connector', () => {
  let server: Awaited<ReturnType<typeof startWechatServer>>;
  beforeEach(async () => { server = await startWechatServer({ appId: APP.appId, appSecret: APP.appSecret }); });
  afterEach(async () => { expect(server.unexpected).toEqual([]); await server.close(); });

  const connect = (creds = APP) => {
    const { ctx, clock } = makeContext(server.url, { ...creds });
    return { c: createWechatConnector(ctx), clock, ctx };
  };

  it('publishes an article: cover, body image, draft, submit, then polls to published', async () => {
    const { c } = connect();
    const res = await c.publish(article());
    expect(res.status).toBe('pending');
    expect(server.countCalls('/cgi-bin/material/add_material')).toBe(1);
    expect(server.countCalls('/cgi-bin/media/uploadimg')).toBe(1);
    expect(await c.publishStatus!(res.publishJobId!)).toEqual({ status: 'pending' });
    const done = await c.publishStatus!(res.publishJobId!);
    expect(done.status).toBe('published');
    expect(done.url).toMatch(/^https:\/\/mp\.weixin\.qq\.com\/s\//);
    expect(done.platformPostId).toMatch(/^\d+_1@ART_/);
    expect(server.state.tokensIssued).toBe(1); // the token is cached across calls
  });

  it('reports a rejected publish as failed with the platform reason', async () => {
    server.state.nextPublishStatus = 4;
    server.state.publishPollsBeforeDone = 0;
    const { c } = connect({ ...APP, appId: APP.appId });
    const res = await c.publish(article());
    expect(await c.publishStatus!(res.publishJobId!)).toMatchObject({ status: 'failed', failure: { code: 'rejected' } });
  });

  it('refetches the token once when it expired (42001), then succeeds', async () => {
    const { c } = connect();
    await c.profile();
    server.expireAllTokens();
    await c.publish(article());
    expect(server.state.tokensIssued).toBe(2);
  });

  it('bad app secret → ReauthorizeError', async () => {
    const { c } = connect({ ...APP, appSecret: 'wrong' });
    await expect(c.profile()).rejects.toBeInstanceOf(ReauthorizeError);
  });

  it('daily quota 45009 → RetryableError until Beijing midnight', async () => {
    const { c } = connect();
    server.inject('/cgi-bin/draft/add', { kind: 'respond', res: { json: { errcode: 45009, errmsg: 'reach max api daily quota limit' } } });
    const e = await c.publish(article()).catch((x) => x);
    expect(e).toBeInstanceOf(RetryableError);
    expect(e.retryAfterMs).toBe(12 * 3600_000); // clock is 12:00 Beijing
    expect(e.raw.body.errcode).toBe(45009);
  });

  it('system busy -1 → RetryableError', async () => {
    const { c } = connect();
    server.inject('/cgi-bin/freepublish/submit', { kind: 'respond', res: { json: { errcode: -1, errmsg: 'system error' } } });
    await expect(c.publish(article())).rejects.toBeInstanceOf(RetryableError);
  });

  it('content rejected by the platform → BadContentError; local rules catch a missing cover first', async () => {
    const { c } = connect();
    await expect(c.publish(article({ text: '这里有违禁内容' }))).rejects.toBeInstanceOf(BadContentError);
    await expect(c.publish(article({ media: [] }))).rejects.toBeInstanceOf(BadContentError);
  });

  it('submit timing out after the platform acted → UnconfirmedError, then findPostByKey finds it', async () => {
    const { c, ctx, clock } = connect();
    const since = clock.now();
    server.state.publishPollsBeforeDone = 0;
    server.state.now = () => clock.now().getTime();
    ctx.timeoutMs = 250; // short, so the hang surfaces quickly
    server.inject('/cgi-bin/freepublish/submit', { kind: 'hang', afterHandler: true });
    await expect(c.publish(article())).rejects.toBeInstanceOf(UnconfirmedError);
    ctx.timeoutMs = 30_000;
    const found = await c.findPostByKey!('k1', since, { title: '行业避坑指南' });
    expect(found?.url).toMatch(/mp\.weixin\.qq\.com/);
    expect(await c.findPostByKey!('k2', since, { title: '别的标题' })).toBeNull();
  });

  it('lists, replies to, elects and deletes comments', async () => {
    const { c } = connect();
    const res = await c.publish(article());
    server.state.publishPollsBeforeDone = 0;
    const { platformPostId } = await c.publishStatus!(res.publishJobId!);
    const msgDataId = Number(platformPostId!.split('_')[0]);
    server.addComment(msgDataId, 0, { user_comment_id: 1, openid: 'oA', content: '写得好' });
    server.addComment(msgDataId, 0, { user_comment_id: 2, openid: 'oB', content: '广告' });
    const page = await c.listComments!(platformPostId!);
    expect(page.items.map((x) => x.text)).toEqual(['写得好', '广告']);
    await c.replyComment!(platformPostId!, '1', '谢谢支持');
    await c.pinComment!(platformPostId!, '1', true);
    await c.deleteComment!(platformPostId!, '2');
    const after = await c.listComments!(platformPostId!);
    expect(after.items.map((x) => [x.text, x.own ?? false])).toEqual([['写得好', false], ['谢谢支持', true]]);
  });

  it('sends a DM inside the 48 h window and refuses outside it', async () => {
    const { c, clock } = connect();
    server.state.now = () => clock.now().getTime();
    server.receiveMessage('oUser', clock.now().getTime() - 3600_000);
    await expect(c.sendDM!('oUser', '您好')).resolves.toBeTruthy();
    server.receiveMessage('oOld', clock.now().getTime() - 49 * 3600_000);
    await expect(c.sendDM!('oOld', '您好')).rejects.toMatchObject({ platformCode: '45015' });
  });

  it('reads metrics: unknown ones are null, never 0', async () => {
    const { c } = connect();
    server.state.articleSummary = [{ ref_date: '2026-11-19', msgid: '2247484001_1', int_page_read_count: 900, share_count: 12, add_to_fav_count: 3 }];
    server.state.userSummary = [{ ref_date: '2026-11-19', user_source: 0, new_user: 40, cancel_user: 5 }];
    const [m, missing] = await c.postMetrics!(['2247484001_1', '999_1']);
    expect(m).toMatchObject({ views: 900, shares: 12, saves: 3, likes: null, comments: null });
    expect(missing).toMatchObject({ views: null, shares: null });
    expect(await c.accountMetrics!()).toMatchObject({ followers: 1234, newFollowers: 40, unfollows: 5, following: null });
    server.state.userCumulate = [{ ref_date: '2026-11-18', cumulate_user: 1190 }, { ref_date: '2026-11-19', cumulate_user: 1225 }];
    const day = new Date('2026-11-19T04:00:00Z');
    expect(await c.accountMetrics!({ from: day, to: day })).toMatchObject({ followers: 1225, newFollowers: 40 });
  });

  describe('webhook', () => {
    const signed = (body: string, token = APP.webhookToken) => {
      const query = { timestamp: '1763611200', nonce: '8842', signature: wechatSignature(token, '1763611200', '8842') };
      return webhookRequest({ query, body });
    };

    it('answers the echostr handshake only with a good signature', () => {
      const { c } = connect();
      const good = signed('');
      expect(c.webhook!.handshake!({ ...good, method: 'GET', query: { ...good.query, echostr: 'e123' } })).toEqual({ status: 200, contentType: 'text/plain', body: 'e123' });
      const bad = signed('', 'other');
      expect(c.webhook!.handshake!({ ...bad, method: 'GET', query: { ...bad.query, echostr: 'e123' } })?.status).toBe(403);
    });

    it('verifies and parses golden payloads', () => {
      const { c } = connect();
      for (const name of ['publishjobfinish', 'publish-failed', 'text-message', 'subscribe']) {
        const req = signed(fixture('wechat', `${name}.xml`).toString());
        expect(c.webhook!.verify(req)).toBe(true);
        expectGolden('wechat', `${name}.expected.json`, c.webhook!.parse(req));
      }
      expect(c.webhook!.verify(signed('<xml/>', 'forged'))).toBe(false);
      expect(c.webhook!.verify({ ...signed('<xml/>'), query: { ...signed('').query, encrypt_type: 'aes' } })).toBe(false);
    });
  });
});
