import type { FastifyInstance } from 'fastify';
import { openDatabase, type Database } from '../db/client.js';
import { migrateDatabase } from '../db/migrate.js';
import { createJobs, type Jobs } from '../jobs/queue.js';
import { systemClock, type Clock } from '../kernel/clock.js';
import type { Config } from '../kernel/config.js';
import { registerJobs, registerSchedules } from './jobs-registry.js';
import { createServices, type Services } from './services.js';

export interface Runtime {
  database: Database;
  jobs: Jobs;
  services: Services;
  close(): Promise<void>;
}

/** Opens the database, applies migrations, starts the queue and builds every service. */
export async function openRuntime(config: Config, opts: { clock?: Clock; worker?: boolean } = {}): Promise<Runtime> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateDatabase(database);
    const jobs = createJobs(database);
    const services = createServices({ database, jobs, clock: opts.clock ?? systemClock, config });
    registerJobs(services);
    await jobs.start();
    await registerSchedules(services);
    if (opts.worker) await jobs.startWorkers();
    return {
      database, jobs, services,
      async close() {
        await jobs.stop().catch(() => {});
        // Attempts already sent to a platform finish and record their outcome before the database closes.
        await services.publishing.drain().catch(() => {});
        await database.close();
      },
    };
  } catch (err) {
    await database.close().catch(() => {});
    throw err;
  }
}

/** Stops taking requests, lets in-flight jobs finish, then closes the database. */
export function closeOnSignals(runtime: Runtime, app?: FastifyInstance) {
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    console.error(`chorus: ${signal} received, shutting down`);
    const force = setTimeout(() => process.exit(1), 20_000);
    force.unref();
    try {
      await app?.close();
      await runtime.close();
    } finally {
      process.exit(0);
    }
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}
