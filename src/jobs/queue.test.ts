import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { createJobs, type Jobs } from './queue.js';
import { BACKENDS, createTestDatabase } from '../../test/helpers/database.js';

async function countJobs(database: Database, name: string) {
  const r = await database.sql.query<{ n: number }>('select count(*)::int as n from pgboss.job where name = $1', [name]);
  return r.rows[0]!.n;
}

describe.each(BACKENDS)('job queue (%s)', (backend) => {
  let database: Database;
  let jobs: Jobs;
  const handled: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase(backend);
    jobs = createJobs(database);
    jobs.register({
      name: 'test.echo', batchSize: 5, pollingIntervalSeconds: 0.5,
      handle: async (batch) => { for (const j of batch) handled.push((j.data as { word: string }).word); },
    });
    await jobs.start();
    await jobs.startWorkers();
  });
  afterAll(async () => {
    await jobs?.stop();
    await database?.close();
  });

  it('commits a job together with the state change that made it', async () => {
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`create table if not exists probe (v text)`);
      await tx.execute(sql`insert into probe values ('committed')`);
      await jobs.send(tx, 'test.echo', { word: 'committed' });
    });
    await expect.poll(() => handled, { timeout: 15_000, interval: 200 }).toContain('committed');
  });

  it('loses the job when the transaction rolls back', async () => {
    const before = await countJobs(database, 'test.echo');
    await expect(database.db.transaction(async (tx) => {
      await jobs.send(tx, 'test.echo', { word: 'rolled-back' });
      throw new Error('boom');
    })).rejects.toThrow('boom');
    expect(await countJobs(database, 'test.echo')).toBe(before);
  });

  it('cancels a delayed job inside a transaction', async () => {
    const id = await jobs.send(null, 'test.echo', { word: 'cancelled' }, { startAfter: new Date(Date.now() + 60_000) });
    await database.db.transaction(async (tx) => jobs.cancel(tx, 'test.echo', [id!]));
    const r = await database.sql.query<{ state: string }>('select state::text as state from pgboss.job where id = $1', [id]);
    expect(r.rows[0]!.state).toBe('cancelled');
  });

  it('reports itself healthy', async () => {
    expect(await jobs.healthy()).toBe(true);
  });
});

describe('the embedded database', () => {
  it('names the mistake instead of hanging when a transaction queries the top-level handle', async () => {
    const database = await createTestDatabase('pglite');
    try {
      await expect(database.db.transaction(async () => {
        await database.db.execute(sql`select 1`);
      })).rejects.toSatisfy((e: unknown) => /inside an open transaction/.test(String((e as Error).cause ?? e)));
      expect((await database.sql.query<{ one: number }>('select 1 as one')).rows[0]!.one).toBe(1);
    } finally {
      await database.close();
    }
  });
});
