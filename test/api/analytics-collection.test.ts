/**
 * Metrics collection against the sandbox network: a post publishing has published is handed to
 * analytics.collect_post, read through the account's connector, and its readings become daily
 * snapshots and rollups; accounts' followers are read once a day; the dashboard shows them.
 */
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../helpers/database.js';
import { createFixture, type Fixture } from '../reliability/fixture.js';

describe.each(BACKENDS)('analytics collection on the sandbox network (%s)', (backend) => {
  let fx: Fixture;
  let accountId: string;
  let publicationId: string;
  const api = async (method: string, path: string, payload?: unknown) => {
    const res = await fx.rt.app.inject({ method: method as never, url: `/api/v1/workspaces/${fx.ws}/analytics${path}`, headers: fx.headers, payload: payload as never });
    return { status: res.statusCode, json: res.body ? JSON.parse(res.body) : undefined, body: res.body };
  };
  const today = () => DateTime.now().setZone('Asia/Shanghai').toISODate()!;
  const snapshots = async () => (await fx.rt.services.database.sql.query<Record<string, unknown>>(
    `select day::text as day, post_id, account, exposure::int, likes::int, comments::int, saves::int, conversions::int, source, published_hour
       from analytics_post_snapshots where workspace_id = $1`, [fx.ws])).rows;

  beforeAll(async () => {
    fx = await createFixture({ backend });
    accountId = await fx.account();
  });
  afterAll(async () => {
    await fx?.close();
  });

  it('publishing hands the published post to analytics.collect_post', async () => {
    const [v] = await fx.schedule([{ accountId, dueAt: new Date(Date.now() + 300), text: '冬季限定拿铁上市，评论区说说你的口味' }]);
    await fx.waitForStates([v!.variantId], (s) => s === 'published');
    publicationId = (await fx.states()).get(v!.variantId)!.id;
    const d = await fx.api('GET', `/publications/${publicationId}`);
    expect(d.json.publication.metricsFollowUp).toBe('queued');
    const jobs = await fx.rt.services.database.sql.query<{ n: number }>(
      `select count(*)::int as n from pgboss.job where name = 'analytics.collect_post' and data->>'publicationId' = $1`, [publicationId]);
    expect(Number(jobs.rows[0]!.n)).toBe(1);
  });

  it('reads the post through the connector and stores the day’s counts as a snapshot and rollup', async () => {
    fx.sb.state.advance(6 * 3_600_000);
    const first = await fx.rt.services.analytics.collection().collectPublication(publicationId);
    expect(first).toEqual({ read: 1, failed: 0 });
    // The sandbox's counts keep growing with real time: what we stored is at most what it shows now.
    const post = await sandboxMetrics();
    const rows = await snapshots();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ day: today(), source: 'collector', account: expect.stringMatching(/^测试号/) });
    expect(Number(rows[0]!.exposure)).toBeGreaterThan(0);
    expect(Number(rows[0]!.exposure)).toBeLessThanOrEqual(post.impressions);
    expect(Number(rows[0]!.likes)).toBeLessThanOrEqual(post.likes);
    expect(rows[0]!.conversions).not.toBeNull();
    const tracked = (await api('GET', '/collection/posts')).json.items;
    expect(tracked).toHaveLength(1);
    expect(tracked[0]).toMatchObject({ status: 'active', collections: 1, lastError: null });
    expect(new Date(tracked[0].nextCollectAt).getTime()).toBeGreaterThan(Date.now());

    // A later reading the same day replaces the day's row with the new cumulative counts.
    fx.sb.state.advance(12 * 3_600_000);
    await fx.rt.services.analytics.collection().collectPublication(publicationId);
    const again = await snapshots();
    expect(again).toHaveLength(1);
    expect(Number(again[0]!.exposure)).toBeLessThanOrEqual((await sandboxMetrics()).impressions);
    expect(Number(again[0]!.exposure)).toBeGreaterThanOrEqual(Number(rows[0]!.exposure));
    const rollup = await fx.rt.services.database.sql.query<{ posts: number; exposure: string }>(
      'select posts, exposure from analytics_daily_rollups where workspace_id = $1', [fx.ws]);
    expect(rollup.rows).toHaveLength(1);
    expect(Number(rollup.rows[0]!.exposure)).toBe(again[0]!.exposure);
  });

  it('the sweep reads only posts that are due; collecting now through the API reads accounts too', async () => {
    expect(await fx.rt.services.analytics.collection().collectDue({ workspaceId: fx.ws })).toEqual({ read: 0, failed: 0 });
    const run = await api('POST', '/collection/run', { accountsDay: today() });
    expect(run.status, run.body).toBe(200);
    expect(run.json).toEqual({ posts: { read: 0, failed: 0 }, accounts: { read: 1, failed: 0 } });
    const acc = await fx.rt.services.database.sql.query<{ followers: string; source: string }>(
      'select followers, source from analytics_account_snapshots where workspace_id = $1', [fx.ws]);
    expect(acc.rows).toHaveLength(1);
    expect(Number(acc.rows[0]!.followers)).toBeGreaterThan(1000);
    expect(acc.rows[0]!.source).toBe('collector');
  });

  it('a failing platform is retried later and the account’s health records it', async () => {
    await fx.rt.services.database.sql.query(`update analytics_tracked_posts set next_collect_at = now() - interval '1 minute' where workspace_id = $1`, [fx.ws]);
    await fx.rt.services.database.sql.query(`update accounts set credentials = null, connected_at = null where id = $1`, [accountId]);
    expect(await fx.rt.services.analytics.collection().collectDue({ workspaceId: fx.ws })).toEqual({ read: 0, failed: 1 });
    const [t] = (await api('GET', '/collection/posts')).json.items;
    expect(t.lastError).toBe('accounts.not_connected');
    expect(new Date(t.nextCollectAt).getTime()).toBeGreaterThan(Date.now());
    await fx.connect(accountId);
    await fx.rt.services.database.sql.query(`update analytics_tracked_posts set next_collect_at = now() - interval '1 minute' where workspace_id = $1`, [fx.ws]);
    expect(await fx.rt.services.analytics.collection().collectDue({ workspaceId: fx.ws })).toEqual({ read: 1, failed: 0 });
  });

  it('the dashboard shows the collected post', async () => {
    const d = await api('GET', `/dashboard?from=${today()}&to=${today()}`);
    expect(d.status, d.body).toBe(200);
    expect(d.json.totals.posts).toBe(1);
    expect(d.json.breakdown[0]).toMatchObject({ key: 'sandbox' });
    expect(d.json.posts[0].title).toContain('冬季限定拿铁');
    const drill = await api('GET', `/dashboard?from=${today()}&to=${today()}&platform=sandbox&account=${encodeURIComponent(d.json.posts[0].account)}`);
    expect(drill.json.level).toBe('account');
    expect(drill.json.posts).toHaveLength(1);
  });

  async function sandboxMetrics() {
    const postId = (await fx.rt.services.database.sql.query<{ platform_post_id: string }>('select platform_post_id from analytics_tracked_posts where workspace_id = $1', [fx.ws])).rows[0]!.platform_post_id;
    const sbAccount = fx.sb.state.accounts()[0]!;
    return fx.sb.state.postMetrics(sbAccount.id, postId);
  }
});
