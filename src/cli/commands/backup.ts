import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { CliError } from '../errors.js';
import { configFrom, withDataDir } from '../shared.js';

const PG_DUMP_HINT = 'on PostgreSQL use pg_dump/pg_restore (see docs/operations.md)';

export function registerBackupCommands(program: Command) {
  withDataDir(program.command('backup'))
    .description('write a backup of the embedded database to FILE (stop the server first)')
    .requiredOption('--out <file>', 'backup file to write (.tar.gz)')
    .action(async (opts: { out: string; dataDir?: string }) => {
      const config = configFrom(opts);
      if (config.databaseUrl) throw new CliError(`backup is for the embedded database; ${PG_DUMP_HINT}`);
      if (!existsSync(join(config.dataDir, 'pg', 'PG_VERSION'))) throw new CliError(`no embedded database in ${config.dataDir}`);
      const { openDatabase } = await import('../../db/client.js');
      const database = await openDatabase({ dataDir: config.dataDir });
      try {
        const blob = await database.pglite!.dumpDataDir('gzip');
        const out = resolve(opts.out);
        mkdirSync(dirname(out), { recursive: true });
        writeFileSync(`${out}.partial`, Buffer.from(await blob.arrayBuffer()));
        renameSync(`${out}.partial`, out); // never leave a half-written backup under the real name
        process.stdout.write(`backup written to ${out} (${blob.size} bytes)\n`);
      } finally {
        await database.close();
      }
    });

  withDataDir(program.command('restore'))
    .description('replace the embedded database with a backup FILE (the current one is kept aside)')
    .argument('<file>', 'backup file written by `chorus backup`')
    .action(async (file: string, opts: { dataDir?: string }) => {
      const config = configFrom(opts);
      if (config.databaseUrl) throw new CliError(`restore is for the embedded database; ${PG_DUMP_HINT}`);
      if (!existsSync(file)) throw new CliError(`backup file not found: ${file}`);
      const { acquireDataDirLock } = await import('../../db/data-dir-lock.js');
      const { PGlite } = await import('@electric-sql/pglite');
      const release = acquireDataDirLock(config.dataDir);
      const pgDir = join(config.dataDir, 'pg');
      const staging = join(config.dataDir, `pg.restoring-${process.pid}`);
      try {
        const blob = new Blob([readFileSync(file)]);
        // Load into a staging directory first: a bad file leaves the current database untouched.
        const db = await PGlite.create(staging, { loadDataDir: blob }).catch((err: Error) => {
          throw new CliError(`not a Chorus backup: ${file} (${err.message.split('\n')[0]})`);
        });
        await db.query('select 1');
        await db.close();
        if (existsSync(pgDir)) renameSync(pgDir, join(config.dataDir, `pg.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`));
        renameSync(staging, pgDir);
        process.stdout.write(`restored ${file} into ${config.dataDir}\n`);
      } finally {
        if (existsSync(staging)) rmSync(staging, { recursive: true, force: true });
        release();
      }
    });
}
