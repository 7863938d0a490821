import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import pg from 'pg';
import { openDatabase } from '../../src/db/client.js';
import { migrateDatabase } from '../../src/db/migrate.js';
import { createJobs } from '../../src/jobs/queue.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresTemplate: string | null;
  }
}

/** Migrated once per run; every test file starts from a copy (PGlite: a dump; PostgreSQL: a template database). */
async function prepare(database: Awaited<ReturnType<typeof openDatabase>>) {
  await migrateDatabase(database);
  const jobs = createJobs(database);
  await jobs.start();
  await jobs.stop();
}

export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'chorus-test-'));
  const embedded = await openDatabase({ dataDir: dir, inMemory: true });
  await prepare(embedded);
  const dump = await embedded.pglite!.dumpDataDir('none');
  const file = join(dir, 'template.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await embedded.close();
  project.provide('pgliteTemplate', file);

  const url = process.env.DATABASE_URL;
  if (!url) {
    project.provide('postgresTemplate', null);
    if (process.env.CI === 'true') throw new Error('CI=true needs DATABASE_URL: the PostgreSQL half of the suite is mandatory in CI');
    console.log('\n[chorus] DATABASE_URL is not set: PostgreSQL tests are SKIPPED (they run in CI).\n');
    return;
  }
  const template = `${new URL(url).pathname.slice(1) || 'chorus'}_template`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`drop database if exists "${template}" with (force)`);
  await admin.query(`create database "${template}"`);
  await admin.end();
  const tplUrl = new URL(url);
  tplUrl.pathname = `/${template}`;
  const server = await openDatabase({ databaseUrl: tplUrl.toString(), dataDir: dir, poolSize: 2 });
  await prepare(server);
  await server.close();
  project.provide('postgresTemplate', template);
}
