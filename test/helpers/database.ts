import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/db/client.js';

export type Backend = 'pglite' | 'postgres';

/** The backends this run covers: PGlite always, PostgreSQL when DATABASE_URL is set. */
export const BACKENDS: Backend[] = inject('postgresTemplate') ? ['pglite', 'postgres'] : ['pglite'];

/** A fresh, migrated database of its own for one test file or test. */
export async function createTestDatabase(backend: Backend = 'pglite'): Promise<Database> {
  if (backend === 'pglite') {
    const blob = new Blob([readFileSync(inject('pgliteTemplate'))]);
    return openDatabase({ dataDir: '/nonexistent', inMemory: true, loadDataDir: blob });
  }
  const template = inject('postgresTemplate');
  if (!template) throw new Error('PostgreSQL tests need DATABASE_URL');
  const base = new URL(process.env.DATABASE_URL!);
  const name = `chorus_t_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base.toString() });
  await admin.connect();
  await admin.query(`create database "${name}" template "${template}"`);
  await admin.end();
  base.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: base.toString(), dataDir: '/nonexistent', poolSize: 4 });
  const close = database.close;
  database.close = async () => {
    await close();
    const drop = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await drop.connect();
    await drop.query(`drop database if exists "${name}" with (force)`).catch(() => {});
    await drop.end();
  };
  return database;
}
