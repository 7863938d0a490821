/**
 * Two `chorus worker` processes on one PostgreSQL dispatch posts to the sandbox (its own
 * idempotency OFF, each publish slowed so some are in flight); one worker is killed with SIGKILL
 * mid-dispatch and started again. Every due post must be published exactly once.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCli } from '../helpers/cli.js';
import { BACKENDS } from '../helpers/database.js';
import { createFixture, publishCounts, type Fixture } from './fixture.js';

const HAS_PG = BACKENDS.includes('postgres');
if (!HAS_PG) console.log('\n[chorus] kill -9 multi-worker publishing test SKIPPED: it needs DATABASE_URL (PostgreSQL; runs in CI).\n');

describe.skipIf(!HAS_PG)('publishing survives kill -9 of a worker (postgres, 2 processes)', () => {
  let fx: Fixture;
  const children: ChildProcess[] = [];
  let env: Record<string, string>;

  const startWorker = async () => {
    const w = await startCli(['worker'], /chorus worker \d+ started/, env);
    children.push(w.child);
    return w;
  };

  beforeAll(async () => {
    fx = await createFixture({ backend: 'postgres', worker: false });
    fx.sb.state.setHonorIdempotencyKey(false);
    const url = (fx.rt.services.database.pool as unknown as { options: { connectionString: string } }).options.connectionString;
    env = {
      DATABASE_URL: url, CHORUS_SECRET_KEY: 'test-secret-key-0123456789', CHORUS_DATA_DIR: mkdtempSync(join(tmpdir(), 'chorus-kill-')),
      CHORUS_LOG_LEVEL: 'silent', CHORUS_PUBLISH_TIMINGS: 'fast', CHORUS_PUBLISH_BATCH: '20', CHORUS_ALLOW_PRIVATE_HOSTS: 'true',
    };
  });
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    await fx?.close();
  });

  it('publishes every due post exactly once', async () => {
    const accounts = [await fx.account({ sandboxIndex: 0 }), await fx.account({ sandboxIndex: 1 }), await fx.account({ sandboxIndex: 2 })];
    const [a] = await Promise.all([startWorker(), startWorker()]);
    // Each create takes 250 ms at the platform, which carries it out even if the caller has died meanwhile.
    fx.sb.faults.add({ kind: 'slow', endpoint: 'posts.create', delayMs: 250 });
    const due = new Date(Date.now() + 1_500);
    const vs = await fx.schedule(Array.from({ length: 60 }, (_, i) => ({ accountId: accounts[i % 3]!, dueAt: due })));
    const published = async () => [...(await fx.states()).values()].filter((s) => s.state === 'published').length;
    await expect.poll(published, { timeout: 30_000, interval: 100 }).toBeGreaterThanOrEqual(8);
    a.child.kill('SIGKILL');
    await new Promise((r) => a.child.once('exit', r));
    const inFlight = [...(await fx.states()).values()].filter((s) => s.state === 'publishing').length;
    await startWorker();
    await fx.waitForStates(vs.map((v) => v.variantId), (s) => s === 'published', 90_000);
    const states = await fx.states();
    const ids = vs.map((v) => states.get(v.variantId)!.id);
    expect(publishCounts(fx.sb, ids).every((n) => n === 1)).toBe(true);
    expect(fx.sb.state.stats().duplicateKeys).toEqual([]);
    expect(fx.sb.state.stats().posts.total).toBe(60);
    // The kill left work behind that only recovery could finish (rows mid-attempt or jobs held by the dead worker).
    const recovered = await fx.rt.services.database.sql.query<{ n: number }>(
      `select count(*)::int as n from publish_attempts where outcome in ('interrupted', 'found_existing', 'not_found') and workspace_id = $1`, [fx.ws]);
    console.log(`[kill-worker] in flight at kill: ${inFlight}; recovery attempts recorded: ${recovered.rows[0]!.n}`);
  }, 150_000);
});
