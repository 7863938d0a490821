import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startMastodonServer } from '../../../test/contract-servers/mastodon.server';
import { makeContext, png } from '../../../test/contract-servers/context';
import { createMastodonConnector } from './mastodon.connector';
import { BadContentError, ReauthorizeError, RetryableError, UnconfirmedError } from './errors';
import type { OutgoingPost } from './connector';

const OPTS = { clientId: 'mclient', clientSecret: 'msecret' };
const toot = (over: Partial<OutgoingPost> = {}): OutgoingPost => ({ text: 'Chorus 0.1 is out', tags: ['opensource'], media: [], idempotencyKey: 'key-1', ...over });

describe('mastodon connector', () => {
  let server: Awaited<ReturnType<typeof startMastodonServer>>;
  beforeEach(async () => { server = await startMastodonServer(OPTS); });
  afterEach(async () => { expect(server.unexpected).toEqual([]); await server.close(); });

  async function authorized() {
    const { ctx, clock } = makeContext(server.url, { appId: OPTS.clientId, appSecret: OPTS.clientSecret }, { flags: { mediaPollMs: '5' } });
    server.state.now = () => clock.now().getTime();
    const c = createMastodonConnector(ctx);
    server.issueCode('m1');
    await c.exchangeCode!('m1', 'urn:ietf:wg:oauth:2.0:oob');
    return { c, ctx, clock };
  }

  it('authorises per instance and reads the profile', async () => {
    const { c } = await authorized();
    expect(c.authorizeUrl!('s', 'https://chorus.local/cb')).toContain(`${server.url}/oauth/authorize?`);
    expect(await c.profile()).toMatchObject({ accountId: server.me.id, name: '合声 Chorus' });
  });

  it('publishes with media (waits for processing); the Idempotency-Key makes a retry return the same status', async () => {
    const { c } = await authorized();
    const a = await c.publish(toot({ media: [png()] }));
    expect(a).toMatchObject({ status: 'published', url: expect.stringContaining(a.platformPostId!) });
    expect(server.countCalls(`/api/v1/media/${server.statuses[0].media[0]}`)).toBe(1);
    const again = await c.publish(toot({ media: [] }));
    expect(again.platformPostId).toBe(a.platformPostId);
    expect(server.statuses).toHaveLength(1);
  });

  it('over the instance limit → refused locally; platform 422 → BadContentError', async () => {
    const { c } = await authorized();
    expect(c.validate(toot({ text: 'x'.repeat(490) })).map((i) => i.code)).toEqual(['text.too_long']); // tags count too
    server.inject('/api/v1/statuses', { kind: 'respond', res: { status: 422, json: { error: 'Validation failed: Text contains a forbidden word' } } });
    await expect(c.publish(toot())).rejects.toBeInstanceOf(BadContentError);
  });

  it('429 → RetryableError from X-RateLimit-Reset; invalid token → ReauthorizeError', async () => {
    const { c, ctx, clock } = await authorized();
    const reset = new Date(clock.now().getTime() + 90_000).toISOString();
    server.inject('/api/v1/statuses', { kind: 'respond', res: { status: 429, headers: { 'x-ratelimit-reset': reset }, json: { error: 'Too many requests' } } });
    const e = await c.publish(toot()).catch((x) => x);
    expect(e).toBeInstanceOf(RetryableError);
    expect(e.retryAfterMs).toBe(90_000);
    ctx.credentials.accessToken = 'bogus';
    await expect(c.profile()).rejects.toBeInstanceOf(ReauthorizeError);
  });

  it('lost answer → unconfirmed; found by text on our own timeline', async () => {
    const { c, ctx, clock } = await authorized();
    const since = clock.now();
    ctx.timeoutMs = 250; // short, so the hang surfaces quickly
    server.inject('/api/v1/statuses', { kind: 'hang', afterHandler: true });
    await expect(c.publish(toot())).rejects.toBeInstanceOf(UnconfirmedError);
    ctx.timeoutMs = 30_000;
    expect(await c.findPostByKey!('key-1', since, { text: 'Chorus 0.1 is out' })).toMatchObject({ platformPostId: server.statuses[0].id });
  });

  it('replies, DMs, mentions and counts (views unknown → null)', async () => {
    const { c } = await authorized();
    const { platformPostId: id } = await c.publish(toot());
    const q = server.addReply(id!, 'fan@other.example', 'Does it support Weibo?');
    await c.replyComment!(id!, q, 'Yes, since day one');
    const thread = await c.listComments!(id!);
    expect(thread.items.map((x) => [x.text, !!x.own])).toEqual([['Does it support Weibo?', false], ['@fan@other.example Yes, since day one', true]]);
    await c.sendDM!('fan@other.example', 'Thanks for asking!');
    expect((await c.listDMs!()).items[0]).toMatchObject({ conversationId: 'fan@other.example', direction: 'out' });
    expect((await c.listMentions!()).items[0]).toMatchObject({ text: 'Does it support Weibo?' });
    expect((await c.postMetrics!([id!]))[0]).toMatchObject({ views: null, likes: 7, shares: 2, comments: 1 });
    expect(await c.accountMetrics!()).toMatchObject({ followers: 321, following: 12 });
    await c.deletePost!(id!);
  });
});
