import { AsyncLocalStorage } from 'node:async_hooks';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgTransaction } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema.js';
import { acquireDataDirLock } from './data-dir-lock.js';

// node-postgres returns int8 as strings; counts and sums fit in a double for our sizes.
pg.types.setTypeParser(20, (v) => Number(v));

export type Schema = typeof schema;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Db = PgDatabase<any, Schema>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Tx = PgTransaction<any, Schema, any>;
export type DbOrTx = Db | Tx;

export interface SqlRunner {
  query<T = Record<string, unknown>>(text: string, values?: unknown[]): Promise<{ rows: T[] }>;
}

export interface Database {
  kind: 'pglite' | 'postgres';
  db: Db;
  /** Raw SQL on the pool / embedded instance (not inside a transaction). */
  sql: SqlRunner;
  /** Where the embedded database lives, for backups. */
  dataDir?: string;
  pglite?: PGlite;
  pool?: pg.Pool;
  close(): Promise<void>;
}

export interface OpenOptions {
  databaseUrl?: string;
  dataDir: string;
  /** Skip the data-directory lock (tests that own a private directory). */
  noLock?: boolean;
  /** Keep the embedded database in memory (tests). */
  inMemory?: boolean;
  /** Start from a dumped data directory (tests use a migrated template). */
  loadDataDir?: Blob;
  poolSize?: number;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 10 });
    pool.on('error', () => { /* an idle client died; the pool replaces it */ });
    await pool.query('select 1');
    return {
      kind: 'postgres',
      db: drizzlePg({ client: pool, schema }) as unknown as Db,
      sql: { query: (text, values) => pool.query(text, values as unknown[]) as never },
      pool,
      close: () => pool.end(),
    };
  }
  const release = opts.noLock || opts.inMemory ? () => {} : acquireDataDirLock(opts.dataDir);
  try {
    const pgDir = join(opts.dataDir, 'pg');
    const pglite = opts.inMemory
      ? await PGlite.create({ loadDataDir: opts.loadDataDir })
      : await PGlite.create(pgDir, { loadDataDir: existsSync(join(pgDir, 'PG_VERSION')) ? undefined : opts.loadDataDir });
    guardAgainstSelfDeadlock(pglite);
    return {
      kind: 'pglite',
      db: drizzlePglite({ client: pglite, schema }) as unknown as Db,
      sql: { query: (text, values) => pglite.query(text, values as unknown[]) as never },
      dataDir: opts.dataDir,
      pglite,
      async close() {
        try { await pglite.close(); } finally { release(); }
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}

/** The driver's own client behind a drizzle handle: the PGlite instance/transaction or the pg Pool/PoolClient. */
export interface DriverClient {
  query(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
  /** PGlite only: several statements without parameters. */
  exec?(text: string): Promise<Array<{ rows: unknown[] }>>;
}

export function driverClientOf(handle: DbOrTx): DriverClient {
  // drizzle keeps the driver's client on the session.
  return (handle as unknown as { session: { client: DriverClient } }).session.client;
}

/** Raw SQL on whatever handle a caller holds — inside its transaction when it is one. */
export function sqlOf(handle: DbOrTx): SqlRunner {
  const client = driverClientOf(handle);
  return { query: (text, values) => client.query(text, values) as never };
}

export class EmbeddedDeadlockError extends Error {}

/**
 * PGlite is one connection: while a transaction is open, a query on the top-level handle waits for it,
 * and if the transaction is waiting for that query, both wait forever. Inside a transaction, use its
 * handle (tx). This turns the silent hang into an error that names the mistake.
 */
function guardAgainstSelfDeadlock(pglite: PGlite) {
  const inTransaction = new AsyncLocalStorage<boolean>();
  const transaction = pglite.transaction.bind(pglite);
  const query = pglite.query.bind(pglite);
  const exec = pglite.exec.bind(pglite);
  const fail = () => new EmbeddedDeadlockError('query on the database handle inside an open transaction: pass the transaction (tx) instead (PGlite would wait forever)');
  Object.assign(pglite, {
    transaction: (cb: Parameters<PGlite['transaction']>[0]) => transaction((tx) => inTransaction.run(true, () => cb(tx))),
    query: (...args: Parameters<PGlite['query']>) => (inTransaction.getStore() ? Promise.reject(fail()) : query(...args)),
    exec: (...args: Parameters<PGlite['exec']>) => (inTransaction.getStore() ? Promise.reject(fail()) : exec(...args)),
  });
}
