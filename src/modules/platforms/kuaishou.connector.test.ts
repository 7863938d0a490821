import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startKuaishouServer } from '../../../test/contract-servers/kuaishou.server';
import { makeContext, mp4, png } from '../../../test/contract-servers/context';
import { createKuaishouConnector } from './kuaishou.connector';
import { BadContentError, ReauthorizeError, RetryableError, UnconfirmedError } from './errors';
import type { OutgoingPost } from './connector';

const OPTS = { appId: 'ks680123456789', appSecret: 'ks-secret', openId: 'f0a1b2c3d4' };
const video = (over: Partial<OutgoingPost> = {}): OutgoingPost => ({ text: '周末露营装备清单', tags: ['露营'], media: [mp4()], cover: png('cover.png'), idempotencyKey: 'k1', ...over });

describe('kuaishou connector', () => {
  let server: Awaited<ReturnType<typeof startKuaishouServer>>;
  beforeEach(async () => { server = await startKuaishouServer(OPTS); });
  afterEach(async () => { expect(server.unexpected).toEqual([]); await server.close(); });

  async function authorized(flags: Record<string, string> = {}) {
    const { ctx, clock } = makeContext(server.url, { appId: OPTS.appId, appSecret: OPTS.appSecret }, { flags });
    server.state.now = () => clock.now().getTime();
    const c = createKuaishouConnector(ctx);
    server.issueCode('c1');
    const t = await c.exchangeCode!('c1', 'https://chorus.local/cb');
    return { c, clock, ctx, t };
  }

  it('authorises and reads the profile', async () => {
    const { c, t } = await authorized();
    expect(t.accountId).toBe(OPTS.openId);
    expect(new URL(c.authorizeUrl!('s', 'https://chorus.local/cb')).searchParams.get('app_id')).toBe(OPTS.appId);
    expect(await c.profile()).toMatchObject({ name: '合声快手号' });
  });

  it('start_upload → direct upload → publish, pending until photo/info says done', async () => {
    const { c } = await authorized();
    const res = await c.publish(video());
    expect(res.status).toBe('pending');
    expect(server.photos[0]).toMatchObject({ caption: '周末露营装备清单 #露营', hasCover: true });
    expect(await c.publishStatus!(res.publishJobId!)).toEqual({ status: 'pending' });
    expect(await c.publishStatus!(res.publishJobId!)).toMatchObject({ status: 'published', url: expect.stringContaining(res.publishJobId!) });
  });

  it('large videos go up in fragments, then complete', async () => {
    const { c } = await authorized({ fragmentBytes: '1000' });
    await c.publish(video({ media: [mp4('big.mp4', 2500)] }));
    expect(server.countCalls('/api/upload/fragment')).toBe(3);
    expect(server.countCalls('/api/upload/complete')).toBe(1);
    expect([...server.uploads.values()][0]).toMatchObject({ bytes: 2500, done: true });
  });

  it('a video is required; a rejected publish (120003) → BadContentError', async () => {
    const { c } = await authorized();
    await expect(c.publish(video({ media: [] }))).rejects.toBeInstanceOf(BadContentError);
    await expect(c.publish(video({ text: '违规内容' }))).rejects.toMatchObject({ kind: 'bad_content', platformCode: '120003' });
  });

  it('expired access token is refreshed once; a dead refresh token → ReauthorizeError', async () => {
    const { c, ctx } = await authorized();
    server.expireAccessTokens();
    await c.profile();
    expect(server.state.refreshCalls).toBe(1);
    server.expireAccessTokens();
    ctx.credentials.refreshToken = 'gone';
    await expect(c.profile()).rejects.toBeInstanceOf(ReauthorizeError);
  });

  it('HTTP 429 → RetryableError with Retry-After', async () => {
    const { c } = await authorized();
    server.inject('/openapi/photo/start_upload', { kind: 'respond', res: { status: 429, headers: { 'retry-after': '12' }, json: { result: 0 } } });
    const e = await c.publish(video()).catch((x) => x);
    expect(e).toBeInstanceOf(RetryableError);
    expect(e.retryAfterMs).toBe(12_000);
  });

  it('publish lost after sending → unconfirmed; found again by caption', async () => {
    const { c, ctx, clock } = await authorized();
    const since = clock.now();
    ctx.timeoutMs = 250; // short, so the hang surfaces quickly
    server.inject('/openapi/photo/publish', { kind: 'hang', afterHandler: true });
    await expect(c.publish(video())).rejects.toBeInstanceOf(UnconfirmedError);
    ctx.timeoutMs = 30_000;
    expect(await c.findPostByKey!('k1', since, { text: '周末露营装备清单' })).toMatchObject({ platformPostId: server.photos[0].photo_id });
  });

  it('metrics (shares/saves unknown → null), account counts, delete', async () => {
    const { c } = await authorized();
    const { platformPostId: id } = await c.publish(video());
    const [m] = await c.postMetrics!([id!]);
    expect(m).toMatchObject({ views: 456, likes: 12, comments: 3, shares: null, saves: null });
    expect(await c.accountMetrics!()).toMatchObject({ followers: 5200, following: 30, posts: 1, newFollowers: null });
    await c.deletePost!(id!);
    expect(server.photos).toHaveLength(0);
  });
});
