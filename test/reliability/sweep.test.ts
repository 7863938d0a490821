/**
 * The sweep: a due post whose queue job vanished, a row left `publishing` by a worker that died after
 * the platform accepted the post, and tokens refreshed ahead of a due post.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../helpers/database.js';
import { createFixture, publishCounts, type Fixture } from './fixture.js';

describe.each(BACKENDS)('the publishing sweep (%s)', (backend) => {
  let fx: Fixture;
  let account: string;
  const sql = (text: string, values?: unknown[]) => fx.rt.services.database.sql.query(text, values);

  beforeAll(async () => {
    // Tokens live 10 minutes: anything due within the refresh window makes the sweep refresh them.
    fx = await createFixture({ backend, sandbox: { tokenTtlMs: 10 * 60_000 } });
    fx.sb.state.setHonorIdempotencyKey(false);
    account = await fx.account();
  });
  afterAll(async () => {
    await fx?.close();
  });

  it('re-enqueues a due post whose job is gone', async () => {
    const [v] = await fx.schedule([{ accountId: account, dueAt: new Date(Date.now() + 60_000) }]);
    const { rows } = await sql('select id, job_id from publications where variant_id = $1', [v!.variantId]);
    const row = rows[0] as { id: string; job_id: string };
    await fx.rt.services.jobs.cancel(null, 'publish.variant', [row.job_id]);
    // Make it overdue as if its minute came and went with no job to carry it.
    await sql(`update publications set due_at = now() - interval '20 seconds', updated_at = now() - interval '20 seconds' where id = $1`, [row.id]);
    await fx.waitForStates([v!.variantId], (s) => s === 'published', 20_000);
    expect(publishCounts(fx.sb, [row.id])).toEqual([1]);
  });

  it('resolves a row a dead worker left mid-attempt by finding the post on the platform', async () => {
    const [v] = await fx.schedule([{ accountId: account, dueAt: new Date(Date.now() + 60_000) }]);
    const { rows } = await sql('select id, job_id, idempotency_key from publications where variant_id = $1', [v!.variantId]);
    const row = rows[0] as { id: string; job_id: string; idempotency_key: string };
    await fx.rt.services.jobs.cancel(null, 'publish.variant', [row.job_id]);
    // The dead worker's request reached the platform…
    const token = await fx.connect(account);
    const res = await fetch(`${fx.sb.url}/api/posts`, {
      method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': row.idempotency_key },
      body: JSON.stringify({ text: 'posted by a worker that then died' }),
    });
    expect(res.status).toBe(201);
    // …but it died before recording anything, holding a lease that has now run out.
    await sql(`update publications set state = 'publishing', claimed_by = 'dead-worker', attempts = 1, lease_until = now() - interval '1 second', due_at = now() - interval '10 seconds' where id = $1`, [row.id]);
    await fx.waitForStates([v!.variantId], (s) => s === 'published', 20_000);
    expect(publishCounts(fx.sb, [row.id])).toEqual([1]);
    const d = await fx.api('GET', `/publications/${row.id}`);
    expect(d.json.attempts.map((a: { outcome: string }) => a.outcome)).toEqual(['interrupted', 'found_existing']);
  });

  it('refreshes a token that would expire around a due post, ahead of time', async () => {
    const before = (await fx.rt.services.accounts.get(fx.actor, account)).account.connection.tokenExpiresAt!;
    await fx.schedule([{ accountId: account, dueAt: new Date(Date.now() + 5 * 60_000) }]);
    await new Promise((r) => setTimeout(r, 1_100));
    await fx.rt.services.publishing.sweep();
    const after = (await fx.rt.services.accounts.get(fx.actor, account)).account.connection.tokenExpiresAt!;
    expect(new Date(after).getTime()).toBeGreaterThan(new Date(before).getTime());
    const audit = await sql(`select count(*)::int as n from audit_entries where workspace_id = $1 and action = 'accounts.tokens_refreshed'`, [fx.ws]);
    expect(Number((audit.rows[0] as { n: number }).n)).toBeGreaterThanOrEqual(1);
  });
});
