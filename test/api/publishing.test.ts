import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dueAtFromLocal } from '../../src/modules/publishing/model.js';
import { BACKENDS } from '../helpers/database.js';
import { addMember, signUpOwner } from '../helpers/runtime.js';
import { createFixture, publishCounts, type Fixture } from '../reliability/fixture.js';

const soon = (ms = 600) => new Date(Date.now() + ms);

describe.each(BACKENDS)('publishing engine (%s)', (backend) => {
  let fx: Fixture;
  let account: string;

  beforeAll(async () => {
    fx = await createFixture({ backend });
    account = await fx.account();
  });
  afterAll(async () => {
    await fx?.close();
  });

  it('publishes scheduled variants once each, confirms them and schedules the follow-ups', async () => {
    const vs = await fx.schedule([0, 1, 2].map(() => ({ accountId: account, dueAt: soon() })));
    await fx.waitForStates(vs.map((v) => v.variantId), (s) => s === 'published');
    const states = await fx.states();
    const ids = vs.map((v) => states.get(v.variantId)!.id);
    expect(publishCounts(fx.sb, ids)).toEqual([1, 1, 1]);
    const d = await fx.api('GET', `/publications/${ids[0]}`);
    expect(d.status, d.body).toBe(200);
    // The first metrics collection: a job when the analytics collector is registered, otherwise noted on the row.
    const collector = await fx.rt.services.jobs.boss.getQueue('analytics.collect_post');
    expect(d.json.publication).toMatchObject({ state: 'published', metricsFollowUp: collector ? 'queued' : 'recorded' });
    if (collector) {
      const collect = await fx.rt.services.database.sql.query<{ n: number }>(`select count(*)::int as n from pgboss.job where name = 'analytics.collect_post' and data->>'publicationId' = any($1)`, [ids]);
      expect(Number(collect.rows[0]!.n)).toBe(3);
    }
    expect(d.json.publication.url).toMatch(/\/p\/post_/);
    expect(d.json.publication.confirmedAt).not.toBeNull();
    expect(d.json.attempts).toHaveLength(1);
    expect(d.json.attempts[0]).toMatchObject({ number: 1, outcome: 'published', kind: 'publish' });
    const reminders = await fx.rt.services.database.sql.query<{ n: number }>(`select count(*)::int as n from pgboss.job where name = 'publish.first_reply' and (data->>'publicationId' = any($1) or data->'publicationIds' ?| $1)`, [ids]);
    expect(Number(reminders.rows[0]!.n)).toBeGreaterThanOrEqual(1);
    const status = await fx.rt.services.publishing.statusOf(fx.ws, vs.map((v) => v.variantId));
    expect([...status.values()].map((s) => s.state)).toEqual(['published', 'published', 'published']);
    expect(status.get(vs[0]!.variantId)!.publishedAt).toBeInstanceOf(Date);
  });

  it('commits the schedule and its job together, or neither', async () => {
    const before = (await fx.states()).size;
    const jobs = async () => Number((await fx.rt.services.database.sql.query<{ n: number }>(`select count(*)::int as n from pgboss.job where name = 'publish.variant'`)).rows[0]!.n);
    const jobsBefore = await jobs();
    await expect(fx.rt.services.database.db.transaction(async (tx) => {
      await fx.rt.services.publishing.scheduleVariants(tx, fx.actor, [{
        contentItemId: 'rollback', variantId: 'rollback-v', accountId: account, platform: 'sandbox', dueAt: soon(60_000), textHash: 'h', payload: { text: 'x', media: [] },
      }]);
      throw new Error('content failed later');
    })).rejects.toThrow('content failed later');
    expect((await fx.states()).size).toBe(before);
    expect(await jobs()).toBe(jobsBefore);
  });

  it('moves and cancels schedules atomically with their jobs', async () => {
    const [a, b] = await fx.schedule([{ accountId: account, dueAt: soon(60_000) }, { accountId: account, dueAt: soon(60_000) }]);
    const jobOf = async (variantId: string) => {
      const r = await fx.rt.services.database.sql.query<{ state: string; start_after: Date }>(
        `select j.state, j.start_after from publications p join pgboss.job j on j.id = p.job_id::uuid where p.variant_id = $1`, [variantId]);
      return r.rows[0];
    };
    const oldJob = await fx.rt.services.database.sql.query<{ job_id: string }>('select job_id from publications where variant_id = $1', [a!.variantId]);
    await fx.rt.services.database.db.transaction((tx) => fx.rt.services.publishing.rescheduleVariants(tx, fx.actor, [a!.variantId], soon(500)));
    const cancelled = await fx.rt.services.database.sql.query<{ state: string }>('select state from pgboss.job where id = $1', [oldJob.rows[0]!.job_id]);
    expect(cancelled.rows[0]!.state).toBe('cancelled');
    await fx.rt.services.database.db.transaction((tx) => fx.rt.services.publishing.unscheduleVariants(tx, fx.actor, [b!.variantId]));
    expect((await jobOf(b!.variantId))).toBeUndefined();
    await fx.waitForStates([a!.variantId], (s) => s === 'published');
    expect((await fx.states()).get(b!.variantId)!.state).toBe('cancelled');
    await expect(fx.rt.services.database.db.transaction((tx) => fx.rt.services.publishing.rescheduleVariants(tx, fx.actor, [a!.variantId], soon(9_000))))
      .rejects.toMatchObject({ code: 'publishing.already_published' });
  });

  it('stores instants as timestamptz: 09:00 Asia/Shanghai is due at 01:00 UTC and shown in the workspace zone', async () => {
    const due = dueAtFromLocal('2031-05-06T09:00', 'Asia/Shanghai');
    expect(due.toISOString()).toBe('2031-05-06T01:00:00.000Z');
    const [v] = await fx.schedule([{ accountId: account, dueAt: due }]);
    const r = await fx.rt.services.database.sql.query<{ due: string; start_after: Date }>(
      `select to_char(p.due_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI') as due, j.start_after from publications p join pgboss.job j on j.id = p.job_id::uuid where p.variant_id = $1`, [v!.variantId]);
    expect(r.rows[0]!.due).toBe('2031-05-06T01:00');
    expect(new Date(r.rows[0]!.start_after).getTime()).toBe(due.getTime() - fx.rt.services.publishing.options.leadMs);
    const list = await fx.api('GET', '/monitor?tab=due');
    const row = list.json.items.find((i: { variantId: string }) => i.variantId === v!.variantId);
    expect(row).toMatchObject({ dueAt: '2031-05-06T01:00:00.000Z', dueAtLocal: '2031-05-06 09:00 +08:00' });
    expect(list.json.timeZone).toBe('Asia/Shanghai');
  });

  it('hands a Xiaohongshu post to its owner and confirms it by a checked URL', async () => {
    const xhs = await fx.account({ platform: 'xiaohongshu' });
    const [v] = await fx.schedule([{
      accountId: xhs, platform: 'xiaohongshu', dueAt: soon(),
      payload: { title: '樱花拿铁上市', text: '春天的第一杯 #樱花拿铁', media: [{ id: 'm1', kind: 'image', url: 'data:image/png;base64,iVBORw0KGgo=' }] },
    }]);
    await fx.waitForStates([v!.variantId], (s) => s === 'handoff');
    const id = (await fx.states()).get(v!.variantId)!.id;
    const tab = await fx.api('GET', '/monitor?tab=handoff');
    const task = tab.json.items.find((i: { id: string }) => i.id === id);
    expect(task.handoff).toMatchObject({ platform: 'xiaohongshu', title: '樱花拿铁上市' });
    expect(task.handoff.checklist.length).toBeGreaterThan(0);
    expect(tab.json.counts.handoff).toBeGreaterThanOrEqual(1);
    expect((await fx.notifications()).map((n) => n.event)).toContain('publish.handoff');
    const bad = await fx.api('POST', `/publications/${id}/confirm`, { url: 'https://weibo.com/123/abc' });
    expect(bad.status).toBe(400);
    expect(bad.json.error.fields.url).toBeDefined();
    const ok = await fx.api('POST', `/publications/${id}/confirm`, { url: 'https://www.xiaohongshu.com/explore/64a1b2c3d4e5f60718293a4b' });
    expect(ok.status, ok.body).toBe(200);
    expect(ok.json.publication).toMatchObject({ state: 'published', platformPostId: '64a1b2c3d4e5f60718293a4b' });
    expect(ok.json.attempts.at(-1).outcome).toBe('confirmed_by_url');
  });

  it('guards its routes: 401 without auth, 404 across workspaces, 403 without publishing.manage, 400 on a bad body', async () => {
    const id = [...(await fx.states()).values()][0]!.id;
    const base = `/api/v1/workspaces/${fx.ws}/publishing`;
    expect((await fx.rt.app.inject({ method: 'GET', url: `${base}/monitor` })).statusCode).toBe(401);
    const stranger = await signUpOwner(fx.rt, 'stranger');
    expect((await fx.rt.app.inject({ method: 'GET', url: `${base}/publications/${id}`, headers: stranger.headers })).statusCode).toBe(404);
    const otherWs = await fx.rt.app.inject({ method: 'GET', url: `/api/v1/workspaces/${stranger.workspaceId}/publishing/publications/${id}`, headers: stranger.headers });
    expect(otherWs.statusCode).toBe(404);
    const viewer = await addMember(fx.rt, { workspaceId: fx.ws, headers: fx.headers }, 'viewer');
    expect((await fx.rt.app.inject({ method: 'GET', url: `${base}/monitor?tab=failed`, headers: viewer.headers })).statusCode).toBe(200);
    expect((await fx.rt.app.inject({ method: 'POST', url: `${base}/publications/${id}/retry`, headers: viewer.headers })).statusCode).toBe(403);
    expect((await fx.api('POST', `/publications/${id}/confirm`, { link: 'x' })).status).toBe(400);
    expect((await fx.api('GET', '/monitor?tab=nope')).status).toBe(400);
  });
});
