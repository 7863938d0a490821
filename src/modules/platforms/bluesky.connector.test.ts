import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBlueskyServer } from '../../../test/contract-servers/bluesky.server';
import { makeContext, png } from '../../../test/contract-servers/context';
import { buildFacets, createBlueskyConnector, tidFromKey } from './bluesky.connector';
import { BadContentError, ReauthorizeError, RetryableError, UnconfirmedError } from './errors';
import type { OutgoingPost } from './connector';

const OPTS = { handle: 'chorus.bsky.social', appPassword: 'abcd-efgh-ijkl-mnop' };
const skeet = (over: Partial<OutgoingPost> = {}): OutgoingPost => ({ text: '合声 0.1 发布 https://chorus.example.cn', tags: ['开源'], media: [], idempotencyKey: 'pub-1', ...over });

describe('bluesky connector', () => {
  let server: Awaited<ReturnType<typeof startBlueskyServer>>;
  beforeEach(async () => { server = await startBlueskyServer(OPTS); });
  afterEach(async () => { expect(server.unexpected).toEqual([]); await server.close(); });

  async function session(password = OPTS.appPassword) {
    const { ctx, clock } = makeContext(server.url, { identifier: OPTS.handle, appPassword: password });
    server.state.now = () => clock.now().getTime();
    const c = createBlueskyConnector(ctx);
    return { c, ctx, clock };
  }

  it('derives a valid, stable TID from the idempotency key', () => {
    expect(tidFromKey('pub-1')).toMatch(/^[234567abcdefghij][234567a-z]{12}$/);
    expect(tidFromKey('pub-1')).toBe(tidFromKey('pub-1'));
    expect(tidFromKey('pub-2')).not.toBe(tidFromKey('pub-1'));
  });

  it('computes facets on UTF-8 byte offsets', () => {
    const text = '合声 #开源 https://a.cn @bob.bsky.social';
    const f = buildFacets(text, [{ name: 'bob.bsky.social', platformUserId: 'did:plc:bob' }]) as any[];
    const slice = (i: { byteStart: number; byteEnd: number }) => Buffer.from(text).subarray(i.byteStart, i.byteEnd).toString();
    expect(f.map((x) => slice(x.index))).toEqual(['https://a.cn', '#开源', '@bob.bsky.social']);
  });

  it('creates a session, publishes with an image and facets, and a retry with the same key does not duplicate', async () => {
    const { c } = await session();
    const res = await c.publish(skeet({ media: [png()] }));
    expect(res).toMatchObject({ status: 'published', url: expect.stringMatching(/^https:\/\/bsky\.app\/profile\/chorus\.bsky\.social\/post\//) });
    const rec = server.records.get(res.platformPostId!)!;
    expect(rec.value.text).toBe('合声 0.1 发布 https://chorus.example.cn #开源');
    expect(rec.value.facets).toHaveLength(2);
    expect(rec.value.embed.images).toHaveLength(1);
    const again = await c.publish(skeet());
    expect(again.platformPostId).toBe(res.platformPostId);
    expect(server.records.size).toBe(1);
  });

  it('300 graphemes: emoji count once; over the limit → BadContentError', async () => {
    const { c } = await session();
    expect(c.validate(skeet({ text: '👍🏽'.repeat(290), tags: [] }))).toEqual([]);
    await expect(c.publish(skeet({ text: '字'.repeat(301), tags: [] }))).rejects.toBeInstanceOf(BadContentError);
  });

  it('expired access token → refreshSession once; a wrong app password → ReauthorizeError', async () => {
    const { c } = await session();
    await c.profile();
    server.expireAccessTokens();
    expect(await c.accountMetrics!()).toMatchObject({ followers: 2048, following: 64 });
    expect(server.state.refreshCalls).toBe(1);
    const bad = await session('wrong');
    await expect(bad.c.profile()).rejects.toBeInstanceOf(ReauthorizeError);
  });

  it('429 → RetryableError from RateLimit-Reset', async () => {
    const { c, clock } = await session();
    await c.profile();
    const reset = String(Math.floor(clock.now().getTime() / 1000) + 120);
    server.inject('/xrpc/com.atproto.repo.createRecord', { kind: 'respond', res: { status: 429, headers: { 'ratelimit-reset': reset }, json: { error: 'RateLimitExceeded', message: 'Rate Limit Exceeded' } } });
    const e = await c.publish(skeet()).catch((x) => x);
    expect(e).toBeInstanceOf(RetryableError);
    expect(e.retryAfterMs).toBe(120_000);
  });

  it('lost answer → unconfirmed; findPostByKey finds the record by its derived key', async () => {
    const { c, ctx, clock } = await session();
    await c.profile();
    ctx.timeoutMs = 250; // short, so the hang surfaces quickly
    server.inject('/xrpc/com.atproto.repo.createRecord', { kind: 'hang', afterHandler: true });
    await expect(c.publish(skeet())).rejects.toBeInstanceOf(UnconfirmedError);
    ctx.timeoutMs = 30_000;
    expect(await c.findPostByKey!('pub-1', clock.now())).toMatchObject({ platformPostId: expect.stringContaining(tidFromKey('pub-1')) });
    expect(await c.findPostByKey!('pub-2', clock.now())).toBeNull();
  });

  it('thread replies, reply with root/parent refs, mentions, metrics with views null', async () => {
    const { c } = await session();
    const { platformPostId: uri } = await c.publish(skeet());
    const q = server.addReply(uri!, '支持微博吗？');
    const { platformCommentId } = await c.replyComment!(uri!, q, '支持');
    expect(server.records.get(platformCommentId)!.value.reply).toMatchObject({ root: { uri }, parent: { uri: q } });
    const thread = await c.listComments!(uri!);
    expect(thread.items.map((x) => [x.text, x.parentCommentId ?? null, !!x.own])).toEqual([['支持微博吗？', null, false], ['支持', q, true]]);
    expect((await c.listMentions!()).items).toHaveLength(1);
    expect((await c.postMetrics!([uri!]))[0]).toMatchObject({ views: null, likes: 11, shares: 3, comments: 1 });
    await c.deletePost!(uri!);
    expect(server.records.has(uri!)).toBe(false);
  });
});
