import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { createVault, loadVaultKey } from '../../kernel/vault.js';
import { isArchive, listFiles, openKey, readArchive, sealKey, writeArchive, type Manifest, type SealedKey } from '../backup-archive.js';
import { CliError } from '../errors.js';
import { configFrom, withDataDir } from '../shared.js';

const PG_DUMP_HINT = 'on PostgreSQL use pg_dump/pg_restore (see docs/operations.md)';
const PASSPHRASE_ENV = 'CHORUS_BACKUP_PASSPHRASE';

/** The operator's passphrase from --passphrase-file or CHORUS_BACKUP_PASSPHRASE (never from the command line, where `ps` shows it). */
function passphrase(opts: { passphraseFile?: string }): string | undefined {
  if (opts.passphraseFile) {
    if (!existsSync(opts.passphraseFile)) throw new CliError(`passphrase file not found: ${opts.passphraseFile}`);
    const p = readFileSync(opts.passphraseFile, 'utf8').replace(/\r?\n$/, '');
    if (p.length < 12) throw new CliError('the backup passphrase must be at least 12 characters');
    return p;
  }
  const env = process.env[PASSPHRASE_ENV];
  if (env !== undefined && env !== '' && env.length < 12) throw new CliError(`${PASSPHRASE_ENV} must be at least 12 characters`);
  return env || undefined;
}

/** One sealed value from the restored database, to prove the key in force can open it (null: nothing is sealed). */
async function sealedSample(db: { query<T>(sql: string): Promise<{ rows: T[] }> }): Promise<string | null> {
  const { rows } = await db.query<{ v: string }>(`
    (select credentials as v from accounts where credentials is not null limit 1)
    union all (select secret_config as v from notify_channels limit 1) limit 1`);
  return rows[0]?.v ?? null;
}

export function registerBackupCommands(program: Command) {
  withDataDir(program.command('backup'))
    .description('write a backup of the embedded database, the media files and the key to FILE (stop the server first)')
    .requiredOption('--out <file>', 'backup file to write')
    .option('--passphrase-file <file>', `seal the key file with this passphrase (or set ${PASSPHRASE_ENV})`)
    .action(async (opts: { out: string; dataDir?: string; passphraseFile?: string }) => {
      const config = configFrom(opts);
      if (config.databaseUrl) throw new CliError(`backup is for the embedded database; ${PG_DUMP_HINT}`);
      if (!existsSync(join(config.dataDir, 'pg', 'PG_VERSION'))) throw new CliError(`no embedded database in ${config.dataDir}`);
      const pass = passphrase(opts);
      const keyFile = join(config.dataDir, 'secret.key');
      const { openDatabase } = await import('../../db/client.js');
      const database = await openDatabase({ dataDir: config.dataDir });
      try {
        const blob = await database.pglite!.dumpDataDir('gzip');
        const media = listFiles(join(config.dataDir, 'media'), config.dataDir);
        let key: Manifest['key'] = 'excluded';
        const entries: Parameters<typeof writeArchive>[1] = [];
        if (config.secretKey) key = 'environment';
        else if (existsSync(keyFile) && pass) {
          key = 'sealed';
          entries.push({ name: 'secret.key.sealed', data: Buffer.from(JSON.stringify(sealKey(readFileSync(keyFile), pass))) });
        }
        const manifest: Manifest = { version: 2, createdAt: new Date().toISOString(), key, mediaFiles: media.length };
        entries.unshift({ name: 'manifest.json', data: Buffer.from(JSON.stringify(manifest)) }, { name: 'database.tar.gz', data: Buffer.from(await blob.arrayBuffer()) });
        for (const rel of media) entries.push({ name: rel, file: join(config.dataDir, rel) });
        const out = resolve(opts.out);
        mkdirSync(dirname(out), { recursive: true });
        writeArchive(`${out}.partial`, entries);
        renameSync(`${out}.partial`, out); // never leave a half-written backup under the real name
        process.stdout.write(`backup written to ${out}: the database, ${media.length} media file(s), the key ${key === 'sealed' ? 'sealed with your passphrase' : key === 'environment' ? 'from CHORUS_SECRET_KEY (not in the file: keep it)' : 'NOT included'}\n`);
        if (key === 'excluded' && existsSync(keyFile)) {
          process.stderr.write(
            `WARNING: the key file ${keyFile} is NOT in this backup, and without it the stored platform credentials and channel secrets cannot be read.\n`
            + `         Keep a copy of that file somewhere safe and restore with --key-file, or back up with --passphrase-file (or ${PASSPHRASE_ENV}) to seal it inside.\n`,
          );
        }
      } finally {
        await database.close();
      }
    });

  withDataDir(program.command('restore'))
    .description('replace the embedded database (and media, and key) with a backup FILE (the current ones are kept aside)')
    .argument('<file>', 'backup file written by `chorus backup`')
    .option('--passphrase-file <file>', `the passphrase the key was sealed with (or set ${PASSPHRASE_ENV})`)
    .option('--key-file <file>', 'the key file to use when the backup does not hold one')
    .action(async (file: string, opts: { dataDir?: string; passphraseFile?: string; keyFile?: string }) => {
      const config = configFrom(opts);
      if (config.databaseUrl) throw new CliError(`restore is for the embedded database; ${PG_DUMP_HINT}`);
      if (!existsSync(file)) throw new CliError(`backup file not found: ${file}`);
      if (opts.keyFile && !existsSync(opts.keyFile)) throw new CliError(`key file not found: ${opts.keyFile}`);
      const { acquireDataDirLock } = await import('../../db/data-dir-lock.js');
      const { PGlite } = await import('@electric-sql/pglite');
      const release = acquireDataDirLock(config.dataDir);
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      const staging = join(config.dataDir, `pg.restoring-${process.pid}`);
      const keyFile = join(config.dataDir, 'secret.key');
      try {
        // Older backups are the database alone; new ones are an archive of named entries.
        const entries = isArchive(file) ? readArchive(file) : new Map([['database.tar.gz', readFileSync(file)]]);
        const manifest = entries.has('manifest.json') ? (JSON.parse(entries.get('manifest.json')!.toString('utf8')) as Manifest) : null;
        const dump = entries.get('database.tar.gz');
        if (!dump) throw new CliError(`not a Chorus backup: ${file} (no database inside)`);

        // The key that will be in force after the restore.
        let key: Buffer | null = null;
        if (opts.keyFile) key = readFileSync(opts.keyFile);
        else if (entries.has('secret.key.sealed')) {
          const pass = passphrase(opts);
          if (!pass) throw new CliError(`this backup's key is sealed with a passphrase: give --passphrase-file or set ${PASSPHRASE_ENV}`);
          key = openKey(JSON.parse(entries.get('secret.key.sealed')!.toString('utf8')) as SealedKey, pass);
          if (!key) throw new CliError('wrong passphrase: the key in this backup cannot be opened; nothing was changed');
        } else if (!config.secretKey && existsSync(keyFile)) key = readFileSync(keyFile);

        // Load into a staging directory first: a bad file or a wrong key leaves the current data untouched.
        const db = await PGlite.create(staging, { loadDataDir: new Blob([new Uint8Array(dump)]) }).catch((err: Error) => {
          throw new CliError(`not a Chorus backup: ${file} (${err.message.split('\n')[0]})`);
        });
        try {
          const sample = await sealedSample(db).catch(() => null);
          if (sample) {
            const vaultKey = config.secretKey ? loadVaultKey(config.secretKey, keyFile) : key ? loadVaultKeyFrom(key) : null;
            let opens = false;
            try {
              if (vaultKey) createVault(vaultKey).decrypt(sample);
              opens = !!vaultKey;
            } catch {
              opens = false;
            }
            if (!opens) {
              throw new CliError(`the key ${manifest?.key === 'excluded' || !manifest ? '(not in this backup) ' : ''}cannot decrypt the stored credentials: restore with the backup's key (--key-file, or the passphrase it was sealed with${config.secretKey ? ', or the CHORUS_SECRET_KEY of the old server' : ''}); nothing was changed`);
            }
          }
        } finally {
          await db.close();
        }

        const pgDir = join(config.dataDir, 'pg');
        if (existsSync(pgDir)) renameSync(pgDir, join(config.dataDir, `pg.before-restore-${stamp}`));
        renameSync(staging, pgDir);
        const mediaNames = [...entries.keys()].filter((n) => n.startsWith('media/') && !n.includes('..'));
        if (mediaNames.length || manifest) {
          const mediaDir = join(config.dataDir, 'media');
          if (existsSync(mediaDir)) renameSync(mediaDir, join(config.dataDir, `media.before-restore-${stamp}`));
          for (const name of mediaNames) {
            const target = join(config.dataDir, name);
            mkdirSync(dirname(target), { recursive: true });
            writeFileSync(target, entries.get(name)!);
          }
        }
        if (key && !config.secretKey) {
          if (existsSync(keyFile) && !readFileSync(keyFile).equals(key)) renameSync(keyFile, join(config.dataDir, `secret.key.before-restore-${stamp}`));
          writeFileSync(keyFile, key, { mode: 0o600 });
        }
        process.stdout.write(`restored ${file} into ${config.dataDir} (${mediaNames.length} media file(s)${key && !config.secretKey ? ', key file' : ''})\n`);
      } finally {
        if (existsSync(staging)) rmSync(staging, { recursive: true, force: true });
        release();
      }
    });
}

/** The key file's text (base64 of 32 bytes) as the vault reads it. */
function loadVaultKeyFrom(fileBytes: Buffer): Buffer {
  return Buffer.from(fileBytes.toString('utf8').trim(), 'base64');
}
