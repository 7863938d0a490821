/**
 * The sandbox injects what real platforms do — 429 with Retry-After, 5xx bursts, timeouts after the
 * post was accepted, duplicated job deliveries, revoked tokens, slow video processing — with its own
 * idempotency turned OFF, so every duplicate we caused would show in its per-key publish counts.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../helpers/database.js';
import { createFixture, publishCounts, type Fixture } from './fixture.js';

const soon = (ms = 500) => new Date(Date.now() + ms);

describe.each(BACKENDS)('publishing under platform faults (%s)', (backend) => {
  let fx: Fixture;
  let account: string;
  const history = async (id: string) => (await fx.api('GET', `/publications/${id}`)).json as { publication: any; attempts: any[] };
  const one = async (ms?: number) => {
    const [v] = await fx.schedule([{ accountId: account, dueAt: soon(ms) }]);
    return v!.variantId;
  };
  const idOf = async (variantId: string) => (await fx.states()).get(variantId)!.id;
  const failures = async () => (await fx.notifications()).filter((n) => n.event === 'publish.failed').length;

  beforeAll(async () => {
    fx = await createFixture({ backend });
    fx.sb.state.setHonorIdempotencyKey(false);
    account = await fx.account();
  });
  afterEach(() => fx.sb.faults.clear());
  afterAll(async () => {
    await fx?.close();
  });

  it('waits out 429 Retry-After, checks the platform before each retry, and posts once', async () => {
    fx.sb.faults.add({ kind: 'rate_limit', endpoint: 'posts.create', times: 2, retryAfterSec: 1 });
    const v = await one();
    await fx.waitForStates([v], (s) => s === 'published');
    const id = await idOf(v);
    expect(publishCounts(fx.sb, [id])).toEqual([1]);
    const { attempts } = await history(id);
    expect(attempts.map((a) => a.outcome)).toEqual(['retryable', 'retryable', 'published']);
    expect(attempts[0]).toMatchObject({ retryAfterMs: 1000, platformCode: '429' });
    expect(attempts[0].raw).toMatchObject({ status: 429 });
    expect(new Date(attempts[1].startedAt).getTime() - new Date(attempts[0].finishedAt).getTime()).toBeGreaterThanOrEqual(950);
    // The 429s were answered before the platform looked at the post: one create request reached it.
    expect(fx.sb.state.requestCountByKey(`chorus-pub-${id}`)).toBe(1);
  });

  it('rides out a 5xx burst across several posts with zero duplicates', async () => {
    fx.sb.faults.add({ kind: 'server_error', endpoint: 'posts.create', times: 4, status: 502 });
    const vs = await fx.schedule([0, 1, 2].map(() => ({ accountId: account, dueAt: soon() })));
    await fx.waitForStates(vs.map((v) => v.variantId), (s) => s === 'published');
    const states = await fx.states();
    expect(publishCounts(fx.sb, vs.map((v) => states.get(v.variantId)!.id))).toEqual([1, 1, 1]);
    expect(await failures()).toBe(0);
  });

  it('gives up after its retry budget, notifies the owner, and a one-click retry posts exactly once', async () => {
    fx.sb.faults.add({ kind: 'server_error', endpoint: 'posts.create', times: 50 });
    const v = await one();
    await fx.waitForStates([v], (s) => s === 'failed');
    const id = await idOf(v);
    expect((await history(id)).attempts).toHaveLength(fx.rt.services.publishing.options.retry.maxAttempts);
    expect(await failures()).toBe(1);
    const tab = await fx.api('GET', '/monitor?tab=failed');
    expect(tab.json.items.map((i: { id: string }) => i.id)).toContain(id);
    fx.sb.faults.clear();
    const [r1, r2] = await Promise.all([fx.api('POST', `/publications/${id}/retry`), fx.api('POST', `/publications/${id}/retry`)]);
    expect([r1.status, r2.status]).toEqual([200, 200]);
    await fx.waitForStates([v], (s) => s === 'published');
    const again = await fx.api('POST', `/publications/${id}/retry`);
    expect(again.json.publication.state).toBe('published');
    expect(publishCounts(fx.sb, [id])).toEqual([1]);
  });

  it('marks a timeout after the post was accepted unconfirmed, then finds the post by key instead of posting again', async () => {
    fx.sb.faults.add({ kind: 'timeout', endpoint: 'posts.create', times: 1, phase: 'after', delayMs: 400 });
    const v = await one();
    await fx.waitForStates([v], (s) => s === 'published');
    const id = await idOf(v);
    expect(publishCounts(fx.sb, [id])).toEqual([1]);
    expect((await history(id)).attempts.map((a) => a.outcome)).toEqual(['unconfirmed', 'found_existing']);
  });

  it('retries a timed-out request the platform never acted on, only after looking twice', async () => {
    fx.sb.faults.add({ kind: 'timeout', endpoint: 'posts.create', times: 1, phase: 'before', delayMs: 400 });
    const v = await one();
    await fx.waitForStates([v], (s) => s === 'published');
    const id = await idOf(v);
    expect(publishCounts(fx.sb, [id])).toEqual([1]);
    expect((await history(id)).attempts.map((a) => a.outcome)).toEqual(['unconfirmed', 'not_found', 'not_found', 'published']);
  });

  it('claims a publication once however often its job is delivered', async () => {
    const v = await one(800);
    const id = await idOf(v);
    const { jobs, publishing } = fx.rt.services;
    for (let i = 0; i < 3; i++) await jobs.send(null, 'publish.variant', { publicationId: id });
    await Promise.all([publishing.dispatch([id, id]), publishing.dispatch([id]), publishing.dispatch([id])]);
    await fx.waitForStates([v], (s) => s === 'published');
    await publishing.drain();
    expect(publishCounts(fx.sb, [id])).toEqual([1]);
    expect((await history(id)).attempts).toHaveLength(1);
  });

  it('pauses an account whose token was revoked; its posts wait, then go once it is re-authorised', async () => {
    const acc = await fx.account({ sandboxIndex: 1 });
    const token = await fx.connect(acc, 1);
    fx.sb.state.auth.revoke(token);
    const vs = await fx.schedule([{ accountId: acc, dueAt: soon() }]);
    await fx.waitForStates(vs.map((x) => x.variantId), (s) => s === 'waiting_auth');
    const { account: paused } = await fx.rt.services.accounts.get(fx.actor, acc);
    expect(paused.status).toBe('paused');
    expect((await fx.notifications()).map((n) => n.event)).toContain('publish.waiting_auth');
    expect((await fx.api('GET', '/monitor?tab=failed')).json.waitingAuth).toBeGreaterThanOrEqual(1);
    const [late] = await fx.schedule([{ accountId: acc, dueAt: soon(200) }]);
    await fx.waitForStates([late!.variantId], (s) => s === 'waiting_auth');
    await fx.rt.services.accounts.resume(fx.actor, acc);
    await fx.connect(acc, 1);
    await fx.waitForStates([...vs.map((x) => x.variantId), late!.variantId], (s) => s === 'published');
    const states = await fx.states();
    expect(publishCounts(fx.sb, [vs[0]!.variantId, late!.variantId].map((x) => states.get(x)!.id))).toEqual([1, 1]);
  });

  it('follows an async video upload from pending to published', async () => {
    const video = `data:video/mp4;base64,${Buffer.from('fake mp4 bytes').toString('base64')}`;
    const [v] = await fx.schedule([{ accountId: account, dueAt: soon(), payload: { title: '手冲教程', text: '30 秒学会一杯手冲', media: [{ id: 'v1', kind: 'video', url: video }] } }]);
    await fx.waitForStates([v!.variantId], (s) => s === 'pending' || s === 'published');
    await fx.waitForStates([v!.variantId], (s) => s === 'published');
    const id = await idOf(v!.variantId);
    const { attempts, publication } = await history(id);
    expect(attempts[0].outcome).toBe('pending');
    expect(attempts.at(-1).outcome).toBe('published');
    expect(publication.url).toBeTruthy();
    expect(publishCounts(fx.sb, [id])).toEqual([1]);
  });
});
