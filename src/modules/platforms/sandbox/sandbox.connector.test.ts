import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../kernel/clock';
import type { ConnectorContext, OutgoingPost, TokenSet, WebhookRequest } from '../connector';
import { BadContentError, PermanentError, ReauthorizeError, RetryableError, UnconfirmedError } from '../errors';
import { createSandboxConnector, type SandboxPostMetrics } from './sandbox.connector';
import { startSandboxServer, type SandboxServer } from './server';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
});

async function setup(opts: { refresh?: boolean; timeoutMs?: number; tokenTtlMs?: number } = {}) {
  const clock = fixedClock('2026-03-04T20:00:00+08:00');
  const sb: SandboxServer = await startSandboxServer({ seed: 'connector', clock, tokenTtlMs: opts.tokenTtlMs ?? 30 * 86_400_000, videoProcessingMs: 60_000, webhookRetryDelaysMs: [] });
  cleanups.push(() => sb.close());
  const account = sb.state.accounts()[0]!;
  const t = sb.state.auth.issue(account.id, 'chorus');
  const saved: TokenSet[] = [];
  const ctx: ConnectorContext = {
    credentials: { accessToken: t.accessToken, refreshToken: opts.refresh === false ? undefined : t.refreshToken, appId: 'chorus', appSecret: 'app-secret', webhookToken: 'whsec' },
    baseUrl: sb.url, fetch, clock, timeoutMs: opts.timeoutMs ?? 5_000, onTokens: (x) => { saved.push(x); },
  };
  const c = createSandboxConnector(ctx);
  const fault = (rule: Parameters<SandboxServer['faults']['add']>[0]) => sb.faults.add(rule);
  return { sb, clock, c, ctx, saved, fault, account };
}

const post = (key: string, over: Partial<OutgoingPost> = {}): OutgoingPost => ({ text: '星河咖啡春季新品 樱花拿铁今日上市', media: [], idempotencyKey: key, ...over });

describe('sandbox connector: publishing', () => {
  it('publishes once per idempotency key and finds the post by key', async () => {
    const { sb, c } = await setup();
    const a = await c.publish(post('k1', { tags: ['春季新品'] }));
    const b = await c.publish(post('k1'));
    expect(a.status).toBe('published');
    expect(b.platformPostId).toBe(a.platformPostId);
    expect(sb.state.publishCountByKey('k1')).toBe(1);
    expect(sb.state.data.posts[0]!.text).toContain('#春季新品#');
    const found = await c.findPostByKey!('k1', new Date('2026-03-01T00:00:00Z'));
    expect(found?.platformPostId).toBe(a.platformPostId);
    expect(await c.findPostByKey!('nope', new Date('2026-03-01T00:00:00Z'))).toBeNull();
    expect((await c.fetchPost!(a.platformPostId!)).text).toContain('樱花拿铁');
  });

  it('maps 429 to RetryableError with retryAfterMs, 5xx to RetryableError', async () => {
    const { c, fault } = await setup();
    fault({ kind: 'rate_limit', endpoint: 'posts.create', times: 1, retryAfterSec: 7 });
    const e = await c.publish(post('r1')).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(RetryableError);
    expect((e as RetryableError).retryAfterMs).toBe(7000);
    fault({ kind: 'server_error', endpoint: 'posts.create', times: 1 });
    await expect(c.publish(post('r1'))).rejects.toBeInstanceOf(RetryableError);
    expect((await c.publish(post('r1'))).status).toBe('published');
  });

  it('maps 422 to BadContentError naming the field, and catches rule breaks before sending', async () => {
    const { c } = await setup();
    const e = await c.publish(post('b1', { text: '这里有违禁词测试' })).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(BadContentError);
    expect((e as BadContentError).field).toBe('text');
    await expect(c.publish(post('b2', { text: '长'.repeat(2001) }))).rejects.toBeInstanceOf(BadContentError);
    expect(c.validate(post('b3', { title: '题'.repeat(81) }))[0]?.field).toBe('title');
  });

  it('a timeout after sending is unconfirmed; findPostByKey then shows the post exists', async () => {
    const { sb, c, fault } = await setup({ timeoutMs: 500 });
    fault({ kind: 'timeout', endpoint: 'posts.create', times: 1, delayMs: 5_000 });
    await expect(c.publish(post('t1'))).rejects.toBeInstanceOf(UnconfirmedError);
    expect(sb.state.publishCountByKey('t1')).toBe(1);
    expect(await c.findPostByKey!('t1', new Date('2026-03-04T00:00:00Z'))).not.toBeNull();
  });

  it('a timeout on a read is retryable', async () => {
    const { c, fault } = await setup({ timeoutMs: 100 });
    fault({ kind: 'timeout', endpoint: 'me.get', times: 1, delayMs: 5_000 });
    await expect(c.profile()).rejects.toBeInstanceOf(RetryableError);
  });

  it('publishes video asynchronously: pending, then published by publishStatus', async () => {
    const { sb, c } = await setup();
    const video = { kind: 'video' as const, filename: '开箱.mp4', mimeType: 'video/mp4', data: new Uint8Array(2048) };
    const r = await c.publish(post('v1', { media: [video] }));
    expect(r.status).toBe('pending');
    expect(sb.state.data.media[0]!.filename).toBe('开箱.mp4');
    expect((await c.publishStatus!(r.publishJobId!)).status).toBe('pending');
    sb.state.advance(61_000);
    expect(await c.publishStatus!(r.publishJobId!)).toMatchObject({ status: 'published', platformPostId: r.platformPostId });
  });

  it('maps unknown posts to PermanentError', async () => {
    const { c } = await setup();
    await expect(c.fetchPost!('post_999999')).rejects.toBeInstanceOf(PermanentError);
    expect((await c.publishStatus!('post_999999')).status).toBe('failed');
  });
});

describe('sandbox connector: tokens', () => {
  it('401 token expired without a refresh token → ReauthorizeError', async () => {
    const { c, clock } = await setup({ refresh: false, tokenTtlMs: 3_600_000 });
    clock.advance(3_600_001);
    await expect(c.profile()).rejects.toBeInstanceOf(ReauthorizeError);
  });

  it('refreshes an expired token once, retries, and hands the new tokens over', async () => {
    const { c, clock, ctx, saved } = await setup({ tokenTtlMs: 3_600_000 });
    const old = ctx.credentials.accessToken;
    clock.advance(3_600_001);
    expect((await c.profile()).name).toBe('星河咖啡');
    expect(saved).toHaveLength(1);
    expect(saved[0]!.accessToken).not.toBe(old);
    expect(ctx.credentials.accessToken).toBe(saved[0]!.accessToken);
  });

  it('the token_expired fault is healed by refresh; a dead refresh token means reauthorise', async () => {
    const { c, ctx, fault } = await setup();
    fault({ kind: 'token_expired', endpoint: 'me.get', times: 1 });
    await expect(c.profile()).resolves.toMatchObject({ name: '星河咖啡' });
    ctx.credentials.refreshToken = 'srt_revoked';
    fault({ kind: 'token_expired', endpoint: 'me.get', times: 1 });
    await expect(c.profile()).rejects.toBeInstanceOf(ReauthorizeError);
  });

  it('runs the OAuth code flow', async () => {
    const { c, account } = await setup();
    const redirect = 'http://127.0.0.1:9/api/v1/oauth/sandbox/callback';
    const res = await fetch(c.authorizeUrl!('st-1', redirect), { redirect: 'manual' });
    const code = new URL(res.headers.get('location')!).searchParams.get('code')!;
    const t = await c.exchangeCode!(code, redirect);
    expect(t.accountId).toBe(account.id);
    expect(t.expiresAt!.getTime()).toBeGreaterThan(Date.parse('2026-03-04T12:00:00Z'));
    await expect(c.exchangeCode!(code, redirect)).rejects.toBeInstanceOf(ReauthorizeError);
  });
});

describe('sandbox connector: inbox and metrics', () => {
  it('reads comments, DMs, mentions and metrics; replies, hides, deletes', async () => {
    const { sb, c } = await setup();
    const p = await c.publish(post('i1', { text: '评论区聊聊你最爱的口味，抽3位送券', extra: { theme: 'interactive' } }));
    sb.state.advance(36 * 3_600_000);
    const comments = await c.listComments!(p.platformPostId!, { limit: 5 });
    expect(comments.items).toHaveLength(5);
    expect(comments.nextCursor).toBeDefined();
    const more = await c.listComments!(p.platformPostId!, { limit: 5, cursor: comments.nextCursor });
    expect(more.items[0]!.platformCommentId).not.toBe(comments.items[0]!.platformCommentId);
    const first = comments.items[0]!;
    const reply = await c.replyComment!(p.platformPostId!, first.platformCommentId, '谢谢喜欢！');
    await c.hideComment!(p.platformPostId!, more.items[0]!.platformCommentId);
    await c.deleteComment!(p.platformPostId!, more.items[1]!.platformCommentId);
    const recent = await c.listRecentComments!({ limit: 200 });
    expect(recent.items.some((x) => x.platformCommentId === reply.platformCommentId && x.own)).toBe(true);

    const dms = await c.listDMs!({ limit: 50 });
    expect(dms.items.length).toBeGreaterThan(0);
    await c.sendDM!(dms.items.at(-1)!.conversationId, '您好，已帮您登记');
    expect((await c.listMentions!()).items.length).toBeGreaterThan(0);

    const [m] = (await c.postMetrics!([p.platformPostId!])) as SandboxPostMetrics[];
    expect(m!.views).toBeGreaterThan(0);
    expect(m!.impressions).toBe(m!.views);
    expect(m!.reads).toBeLessThanOrEqual(m!.impressions);
    const acct = await c.accountMetrics!({ from: new Date('2026-03-04T00:00:00+08:00'), to: new Date('2026-03-06T00:00:00+08:00') });
    expect(acct.followers).toBeGreaterThan(0);
    expect(acct.newFollowers).not.toBeNull();
  });
});

describe('sandbox connector: webhooks', () => {
  it('verifies signed deliveries and parses them; a duplicate carries the same event id', async () => {
    const { sb, c, ctx, fault } = await setup();
    const got: WebhookRequest[] = [];
    const rx = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (x: Buffer) => chunks.push(x));
      req.on('end', () => {
        got.push({ method: req.method!, query: {}, headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)])), rawBody: Buffer.concat(chunks) });
        res.end('ok');
      });
    });
    await new Promise<void>((r) => rx.listen(0, '127.0.0.1', r));
    cleanups.push(() => new Promise((r) => rx.close(() => r())));
    await fetch(`${sb.url}/api/webhooks`, {
      method: 'POST', body: JSON.stringify({ url: `http://127.0.0.1:${(rx.address() as AddressInfo).port}/`, secret: 'whsec' }),
      headers: { authorization: `Bearer ${ctx.credentials.accessToken}`, 'content-type': 'application/json' },
    });
    fault({ kind: 'duplicate_webhook', endpoint: 'webhooks.deliver', times: 1 });
    const p = await c.publish(post('w1'));
    sb.state.triggerCrisis({ topic: '外卖洒漏', intensity: 1 });
    await sb.webhooks.idle();
    expect(got.every((r) => c.webhook!.verify(r))).toBe(true);
    expect(c.webhook!.verify({ ...got[0]!, rawBody: Buffer.from('{}') })).toBe(false);
    const events = got.flatMap((r) => c.webhook!.parse(r));
    const published = events.filter((e) => e.type === 'publish_result');
    expect(published).toHaveLength(2);
    expect(published[0]!.eventId).toBe(published[1]!.eventId);
    expect(published[0]).toMatchObject({ status: 'published', platformPostId: p.platformPostId });
    const mention = events.find((e) => e.type === 'mention');
    expect(mention && mention.type === 'mention' && mention.mention.text).toContain('外卖洒漏');
    expect(events.some((e) => e.type === 'comment')).toBe(true);
  });
});
