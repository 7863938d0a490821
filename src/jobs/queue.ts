import PgBoss from 'pg-boss';
import { driverClientOf, type Database, type DbOrTx, type DriverClient } from '../db/client.js';

interface ExecuteSql {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}


/**
 * pg-boss speaks to both databases through one executeSql adapter. PGlite's query() takes one
 * statement; pg-boss sends multi-statement scripts without parameters, which go through exec().
 */
function adapter(client: DriverClient): ExecuteSql {
  return {
    async executeSql(text, values) {
      if ((!values || values.length === 0) && client.exec) {
        const results = await client.exec(text);
        return { rows: results.at(-1)?.rows ?? [] };
      }
      return client.query(text, values);
    },
  };
}

export interface JobOptions {
  startAfter?: Date | string | number;
  singletonKey?: string;
  /** With singletonKey: at most one job per key in each window of this many seconds. */
  singletonSeconds?: number;
  retryLimit?: number;
  retryDelay?: number;
  retryBackoff?: boolean;
  expireInSeconds?: number;
  priority?: number;
  id?: string;
}

export interface JobHandlerContext<T> {
  id: string;
  name: string;
  data: T;
  retryCount?: number;
}

export interface JobDefinition<T = unknown> {
  name: string;
  /** How many jobs one worker fetches per poll (pg-boss sleeps between polls: batch for throughput). */
  batchSize?: number;
  pollingIntervalSeconds?: number;
  retryLimit?: number;
  retryDelay?: number;
  retryBackoff?: boolean;
  handle(jobs: JobHandlerContext<T>[]): Promise<void>;
}

export interface Jobs {
  boss: PgBoss;
  start(opts?: { maintenance?: boolean }): Promise<void>;
  stop(): Promise<void>;
  /** Enqueue inside the caller's transaction when `handle` is one, so state and job commit together. */
  send<T extends object>(handle: DbOrTx | null, name: string, data: T, options?: JobOptions): Promise<string | null>;
  cancel(handle: DbOrTx | null, name: string, ids: string[]): Promise<void>;
  register(def: JobDefinition<never>): void;
  /** Starts fetching every registered job (the worker role). */
  startWorkers(): Promise<void>;
  healthy(): Promise<boolean>;
}

export function createJobs(database: Database): Jobs {
  const root: DriverClient = database.pglite
    ? (database.pglite as unknown as DriverClient)
    : { query: (t, v) => database.pool!.query(t, v as unknown[]) };
  const boss = new PgBoss({
    db: adapter(root),
    schema: 'pgboss',
    // The embedded database is one connection: keep maintenance light.
    maintenanceIntervalSeconds: 60,
  } as never);
  boss.on('error', (err: Error) => {
    if (!stopping) console.error(`[jobs] ${err.message}`);
  });
  const definitions = new Map<string, JobDefinition<never>>();
  const queues = new Set<string>();
  let stopping = false;
  let started = false;

  async function ensureQueue(name: string) {
    if (queues.has(name)) return;
    const def = definitions.get(name);
    await boss.createQueue(name, {
      name,
      retryLimit: def?.retryLimit ?? 3,
      retryDelay: def?.retryDelay ?? 10,
      retryBackoff: def?.retryBackoff ?? true,
    } as never);
    queues.add(name);
  }

  return {
    boss,
    async start() {
      if (started) return;
      await boss.start();
      started = true;
      for (const name of definitions.keys()) await ensureQueue(name);
    },
    async stop() {
      if (!started) return;
      stopping = true;
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 } as never);
      started = false;
    },
    async send(handle, name, data, options = {}) {
      await ensureQueue(name);
      // pg-boss checks options with `in`: a key that is present but undefined fails its asserts.
      const opts: Record<string, unknown> = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
      if (handle) opts.db = adapter(driverClientOf(handle));
      return boss.send(name, data as object, opts as never);
    },
    async cancel(handle, name, ids) {
      if (ids.length === 0) return;
      await ensureQueue(name);
      await boss.cancel(name, ids, (handle ? { db: adapter(driverClientOf(handle)) } : {}) as never);
    },
    register(def) {
      definitions.set(def.name, def);
    },
    async startWorkers() {
      for (const def of definitions.values()) {
        await ensureQueue(def.name);
        await boss.work(def.name, {
          batchSize: def.batchSize ?? 10,
          pollingIntervalSeconds: def.pollingIntervalSeconds ?? 1,
          includeMetadata: true,
        } as never, async (jobs: Array<{ id: string; name: string; data: never; retryCount?: number }>) => {
          await def.handle(jobs.map((j) => ({ id: j.id, name: j.name, data: j.data, retryCount: j.retryCount })));
        });
      }
    },
    async healthy() {
      try {
        await database.sql.query('select count(*) from pgboss.version');
        return started;
      } catch {
        return false;
      }
    },
  };
}
