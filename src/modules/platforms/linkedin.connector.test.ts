import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startLinkedinServer } from '../../../test/contract-servers/linkedin.server';
import { expectGolden, fixture, makeContext, png, webhookRequest } from '../../../test/contract-servers/context';
import { createLinkedinConnector } from './linkedin.connector';
import { linkedinSignature } from './linkedin.webhook';
import { hmacSha256Hex } from './webhook-util';
import { BadContentError, PermanentError, ReauthorizeError, RetryableError, UnconfirmedError } from './errors';
import type { OutgoingPost } from './connector';

const OPTS = { clientId: '86abc123', clientSecret: 'li-secret', orgId: '2414183' };
const post = (over: Partial<OutgoingPost> = {}): OutgoingPost => ({ text: 'We are hiring in Shanghai', tags: ['hiring'], media: [], idempotencyKey: 'k1', ...over });

describe('linkedin connector', () => {
  let server: Awaited<ReturnType<typeof startLinkedinServer>>;
  beforeEach(async () => { server = await startLinkedinServer(OPTS); });
  afterEach(async () => { expect(server.unexpected).toEqual([]); await server.close(); });

  async function authorized() {
    const { ctx, clock } = makeContext(server.url, { appId: OPTS.clientId, appSecret: OPTS.clientSecret, accountId: OPTS.orgId });
    server.state.now = () => clock.now().getTime();
    const c = createLinkedinConnector(ctx);
    server.issueCode('lc1');
    await c.exchangeCode!('lc1', 'https://chorus.local/cb');
    return { c, ctx, clock };
  }

  it('authorises and reads the organisation', async () => {
    const { c } = await authorized();
    expect(new URL(c.authorizeUrl!('s', 'https://chorus.local/cb')).searchParams.get('scope')).toContain('w_organization_social');
    expect(await c.profile()).toMatchObject({ accountId: `urn:li:organization:${OPTS.orgId}`, name: '合声科技 Chorus', url: expect.stringContaining('chorus-tech') });
    await expect(c.exchangeCode!('used', 'https://chorus.local/cb')).rejects.toBeInstanceOf(ReauthorizeError);
  });

  it('publishes text with an image; the id comes from x-restli-id', async () => {
    const { c } = await authorized();
    const res = await c.publish(post({ media: [png()] }));
    expect(res).toMatchObject({ status: 'published', platformPostId: expect.stringMatching(/^urn:li:share:\d+$/) });
    expect(server.posts[0]).toMatchObject({ commentary: 'We are hiring in Shanghai #hiring', content: { media: { id: expect.stringMatching(/^urn:li:image:/) } } });
    await c.publish(post({ text: 'two images', media: [png('a.png'), png('b.png')] }));
    expect(server.posts[0].content).toMatchObject({ multiImage: { images: [{}, {}] } });
  });

  it('duplicate commentary 422 → BadContentError; over 3000 chars refused locally', async () => {
    const { c } = await authorized();
    await c.publish(post());
    await expect(c.publish(post())).rejects.toBeInstanceOf(BadContentError);
    expect(c.validate(post({ text: 'x'.repeat(3001) })).map((i) => i.code)).toEqual(['text.too_long']);
  });

  it('429 with Retry-After → RetryableError; revoked token → ReauthorizeError; 403 → PermanentError', async () => {
    const { c, ctx } = await authorized();
    server.inject('/rest/posts', { kind: 'respond', res: { status: 429, headers: { 'retry-after': '30' }, json: { status: 429, message: 'Resource level throttle limit' } } });
    const e = await c.publish(post()).catch((x) => x);
    expect(e).toBeInstanceOf(RetryableError);
    expect(e.retryAfterMs).toBe(30_000);
    ctx.credentials.accountId = '999';
    await expect(c.publish(post())).rejects.toBeInstanceOf(PermanentError);
    ctx.credentials.accountId = OPTS.orgId;
    await c.revoke!();
    await expect(c.publish(post())).rejects.toBeInstanceOf(ReauthorizeError);
  });

  it('lost answer → unconfirmed; findPostByKey finds it among the author’s posts', async () => {
    const { c, ctx, clock } = await authorized();
    const since = clock.now();
    ctx.timeoutMs = 250; // short, so the hang surfaces quickly
    server.inject('/rest/posts', { kind: 'hang', afterHandler: true });
    await expect(c.publish(post())).rejects.toBeInstanceOf(UnconfirmedError);
    ctx.timeoutMs = 30_000;
    expect(await c.findPostByKey!('k1', since, { text: 'We are hiring in Shanghai' })).toMatchObject({ platformPostId: server.posts[0].id });
  });

  it('comments via socialActions: list, reply (nested), delete; mentions', async () => {
    const { c } = await authorized();
    const { platformPostId: urn } = await c.publish(post());
    server.addComment(urn!, 'urn:li:person:p1', 'Is it remote?');
    const spam = server.addComment(urn!, 'urn:li:person:p2', 'buy followers');
    const page = await c.listComments!(urn!);
    expect(page.items.map((x) => x.text)).toEqual(['Is it remote?', 'buy followers']);
    await c.replyComment!(urn!, page.items[0].platformCommentId, 'Hybrid, 3 days on site');
    await c.deleteComment!(urn!, page.items[1].platformCommentId);
    const after = await c.listComments!(urn!);
    expect(after.items.map((x) => [x.text, !!x.own])).toEqual([['Is it remote?', false], ['Hybrid, 3 days on site', true]]);
    expect(after.items[1].parentCommentId).toBe(page.items[0].platformCommentId);
    expect(spam).toBeTruthy();
    expect((await c.listMentions!()).items[0]).toMatchObject({ kind: 'post', text: 'Great work @合声科技' });
  });

  it('share statistics (saves unknown → null) and follower counts', async () => {
    const { c } = await authorized();
    const { platformPostId: urn } = await c.publish(post());
    const [m, missing] = await c.postMetrics!([urn!, 'urn:li:share:1']);
    expect(m).toMatchObject({ views: 5000, likes: 40, comments: 0, shares: 6, clicks: 120, saves: null });
    expect(missing).toMatchObject({ views: null, likes: null });
    expect(await c.accountMetrics!()).toMatchObject({ followers: 4321, newFollowers: null });
    expect(await c.accountMetrics!({ from: new Date('2026-11-01'), to: new Date('2026-11-08') })).toMatchObject({ newFollowers: 15 });
  });

  describe('webhook', () => {
    it('answers challengeCode validation', async () => {
      const { c } = await authorized();
      const res = c.webhook!.handshake!(webhookRequest({ method: 'GET', query: { challengeCode: '890e4665-4dfe-4ab1-b689-ed553bceeed3' } }));
      expect(JSON.parse(res!.body)).toEqual({ challengeCode: '890e4665-4dfe-4ab1-b689-ed553bceeed3', challengeResponse: hmacSha256Hex(OPTS.clientSecret, '890e4665-4dfe-4ab1-b689-ed553bceeed3') });
    });

    it('verifies X-LI-Signature and parses golden notifications', async () => {
      const { c } = await authorized();
      const body = fixture('linkedin', 'social-action-notifications.json');
      const req = webhookRequest({ body, headers: { 'x-li-signature': linkedinSignature(OPTS.clientSecret, body) } });
      expect(c.webhook!.verify(req)).toBe(true);
      expect(c.webhook!.verify({ ...req, headers: { 'x-li-signature': linkedinSignature('other', body) } })).toBe(false);
      expectGolden('linkedin', 'social-action-notifications.expected.json', c.webhook!.parse(req));
    });
  });
});
