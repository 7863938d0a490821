import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { describe, expect, it } from 'vitest';
import { createVault } from '../../src/kernel/vault.js';
import { runCli } from '../helpers/cli.js';

const tmp = (p: string) => mkdtempSync(join(tmpdir(), `chorus-backup-${p}-`));
const oneLine = (s: string) => s.trim().split('\n').length === 1;
const keyOf = (dir: string) => Buffer.from(readFileSync(join(dir, 'secret.key'), 'utf8').trim(), 'base64');
const PASSPHRASE = '运营中心 backup passphrase 2026';
const IMAGE = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** A data directory as a running Chorus leaves it: a workspace, a channel secret sealed with its key, an uploaded file. */
async function installation() {
  const dir = tmp('src');
  const made = runCli(['admin', 'create', '--email', 'ops@example.cn', '--password', 'Str0ng!Passw0rd', '--workspace', '运营中心', '--data-dir', dir]);
  expect(made.code, made.stderr).toBe(0);
  const db = await PGlite.create(join(dir, 'pg'));
  const [{ id }] = (await db.query<{ id: string }>('select id from workspaces')).rows as [{ id: string }];
  const sealed = createVault(keyOf(dir)).encrypt(JSON.stringify({ webhookUrl: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=secret' }));
  await db.query(`insert into notify_channels (id, workspace_id, kind, name, events, secret_config) values (gen_random_uuid(), $1, 'wecom', '值班群', '["*"]', $2)`, [id, sealed]);
  await db.close();
  mkdirSync(join(dir, 'media', id), { recursive: true });
  writeFileSync(join(dir, 'media', id, 'cover.png'), IMAGE);
  return { dir, workspaceId: id, sealed };
}

async function channelSecretOpens(dir: string) {
  const db = await PGlite.create(join(dir, 'pg'));
  const { rows } = await db.query<{ secret_config: string }>('select secret_config from notify_channels');
  await db.close();
  return JSON.parse(createVault(keyOf(dir)).decrypt(rows[0]!.secret_config)).webhookUrl as string;
}

describe('chorus backup / restore carry everything needed to come back', { timeout: 480_000 }, () => {
  it('round-trips the database, media and the key sealed with a passphrase onto a new machine', async () => {
    const src = await installation();
    const file = join(tmp('file'), 'chorus.backup');
    const b = runCli(['backup', '--out', file, '--data-dir', src.dir], { env: { CHORUS_BACKUP_PASSPHRASE: PASSPHRASE } });
    expect(b.code, b.stderr).toBe(0);
    expect(b.stderr).toBe('');
    expect(b.stdout).toMatch(/1 media file.*sealed with your passphrase/);
    expect(readFileSync(file).includes(readFileSync(join(src.dir, 'secret.key')))).toBe(false);

    const wrong = runCli(['restore', file, '--data-dir', tmp('wrong')], { env: { CHORUS_BACKUP_PASSPHRASE: 'not the passphrase at all' } });
    expect(wrong.code).toBe(1);
    expect(oneLine(wrong.stderr)).toBe(true);
    expect(wrong.stderr).toContain('wrong passphrase');
    const none = runCli(['restore', file, '--data-dir', tmp('none')]);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('--passphrase-file');

    const dst = tmp('dst');
    const passFile = join(tmp('pass'), 'passphrase');
    writeFileSync(passFile, `${PASSPHRASE}\n`, { mode: 0o600 });
    const r = runCli(['restore', file, '--data-dir', dst, '--passphrase-file', passFile]);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(dst, 'media', src.workspaceId, 'cover.png'))).toEqual(IMAGE);
    expect(keyOf(dst)).toEqual(keyOf(src.dir));
    expect(await channelSecretOpens(dst)).toContain('key=secret');
    const v = runCli(['audit', 'verify', '--data-dir', dst]);
    expect(v.code, v.stderr).toBe(0);
  });

  it('warns loudly when the key is left out, refuses a restore that could not read the credentials, and takes --key-file', async () => {
    const src = await installation();
    const file = join(tmp('file'), 'chorus.backup');
    const b = runCli(['backup', '--out', file, '--data-dir', src.dir]);
    expect(b.code, b.stderr).toBe(0);
    expect(b.stderr).toMatch(/^WARNING: the key file .* is NOT in this backup/);

    const dst = tmp('dst');
    const refused = runCli(['restore', file, '--data-dir', dst]);
    expect(refused.code).toBe(1);
    expect(oneLine(refused.stderr)).toBe(true);
    expect(refused.stderr).toContain('cannot decrypt the stored credentials');
    expect(existsSync(join(dst, 'pg'))).toBe(false); // nothing was changed

    const r = runCli(['restore', file, '--data-dir', dst, '--key-file', join(src.dir, 'secret.key')]);
    expect(r.code, r.stderr).toBe(0);
    expect(await channelSecretOpens(dst)).toContain('key=secret');
    expect(readFileSync(join(dst, 'media', src.workspaceId, 'cover.png'))).toEqual(IMAGE);
  });
});
