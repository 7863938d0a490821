import { mkdtempSync, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { describe, expect, it } from 'vitest';
import { runCli, startCli } from '../helpers/cli.js';

const tmp = (p: string) => mkdtempSync(join(tmpdir(), `chorus-cli-${p}-`));
const oneLine = (s: string) => s.trim().split('\n').length === 1;

async function snapshot(dataDir: string) {
  const db = await PGlite.create(join(dataDir, 'pg'));
  const out: Record<string, unknown[]> = {};
  for (const t of ['users', 'workspaces', 'memberships', 'audit_entries']) {
    out[t] = (await db.query(`select * from ${t} order by 1`)).rows;
  }
  await db.close();
  return out;
}

// Each command starts Node, tsx and (for most) the embedded database: allow for a busy machine.
describe('chorus CLI', { timeout: 240_000 }, () => {
  it('prints help for the program and for every command', () => {
    const top = runCli(['--help']);
    expect(top.code).toBe(0);
    for (const cmd of ['serve', 'worker', 'migrate', 'admin', 'backup', 'restore']) expect(top.stdout).toContain(cmd);
    for (const cmd of [['serve'], ['worker'], ['migrate'], ['admin', 'create'], ['backup'], ['restore'], ['audit', 'verify']]) {
      const r = runCli([...cmd, '--help']);
      expect(r.code, cmd.join(' ')).toBe(0);
      expect(r.stdout).toContain('Usage: chorus');
    }
    expect(runCli(['serve', '--help']).stdout).toMatch(/--no-worker[\s\S]*--demo/);
  });

  it('rejects a bad configuration with one line naming the variable', () => {
    const r = runCli(['migrate', '--data-dir', tmp('cfg')], { env: { PORT: 'abc' } });
    expect(r.code).not.toBe(0);
    expect(oneLine(r.stderr)).toBe(true);
    expect(r.stderr).toContain('PORT');
  });

  it('creates an owner before the server has ever run, and refuses a duplicate with one line', () => {
    const dir = tmp('admin');
    const r = runCli(['admin', 'create', '--email', 'boss@example.cn', '--password', 'Str0ng!Passw0rd', '--name', '王总', '--workspace', '总部', '--data-dir', dir]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/created owner boss@example.cn/);
    const again = runCli(['admin', 'create', '--email', 'boss@example.cn', '--password', 'Str0ng!Passw0rd', '--data-dir', dir]);
    expect(again.code).toBe(1);
    expect(oneLine(again.stderr)).toBe(true);
    expect(again.stderr).toContain('already exists');
    const weak = runCli(['admin', 'create', '--email', 'x@example.cn', '--password', 'short', '--data-dir', dir]);
    expect(weak.code).toBe(1);
    expect(oneLine(weak.stderr)).toBe(true);
    const envDir = tmp('env');
    const viaEnv = runCli(['admin', 'create', '--email', 'e@example.cn', '--password', 'Str0ng!Passw0rd'], { env: { CHORUS_DATA_DIR: envDir } });
    expect(viaEnv.code).toBe(0);
    expect(existsSync(join(envDir, 'pg', 'PG_VERSION'))).toBe(true);
  });

  it('lets one process at a time hold an embedded data directory', async () => {
    const dir = tmp('lock');
    const server = await startCli(['serve', '--port', '0', '--no-worker', '--data-dir', dir], /running at/);
    try {
      const r = runCli(['admin', 'create', '--email', 'second@example.cn', '--password', 'Str0ng!Passw0rd', '--data-dir', dir]);
      expect(r.code).toBe(1);
      expect(oneLine(r.stderr)).toBe(true);
      expect(r.stderr).toMatch(/in use by another Chorus process/);
    } finally {
      server.child.kill('SIGTERM');
      await new Promise((res) => server.child.once('exit', res));
    }
    const after = runCli(['admin', 'create', '--email', 'second@example.cn', '--password', 'Str0ng!Passw0rd', '--data-dir', dir]);
    expect(after.code).toBe(0);
  });

  it('backs up and restores the embedded database without losing anything', async () => {
    const dir = tmp('backup');
    expect(runCli(['admin', 'create', '--email', 'a@example.cn', '--password', 'Str0ng!Passw0rd', '--workspace', '备份测试', '--data-dir', dir]).code).toBe(0);
    const before = await snapshot(dir);
    const file = join(tmp('file'), 'chorus.tar.gz');
    const b = runCli(['backup', '--out', file, '--data-dir', dir]);
    expect(b.code, b.stderr).toBe(0);
    expect(existsSync(file)).toBe(true);
    // A change after the backup disappears with the restore; everything before it comes back.
    expect(runCli(['admin', 'create', '--email', 'later@example.cn', '--password', 'Str0ng!Passw0rd', '--data-dir', dir]).code).toBe(0);
    const r = runCli(['restore', file, '--data-dir', dir]);
    expect(r.code, r.stderr).toBe(0);
    expect(await snapshot(dir)).toEqual(before);
    const v = runCli(['audit', 'verify', '--data-dir', dir]);
    expect(v.code, v.stderr).toBe(0);
    expect(v.stdout).toMatch(/ok\s+备份测试/);
    const bad = runCli(['restore', join(dir, 'chorus.lock.nope'), '--data-dir', dir]);
    expect(bad.code).toBe(1);
    expect(oneLine(bad.stderr)).toBe(true);
  });

  it.runIf(process.env.DATABASE_URL)('creates an owner on PostgreSQL when DATABASE_URL is set, winning over --data-dir', async () => {
    const pg = (await import('pg')).default;
    const name = `chorus_cli_${Date.now()}`;
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`create database "${name}"`);
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/${name}`;
    try {
      const dir = tmp('pg');
      const r = runCli(['admin', 'create', '--email', 'pg@example.cn', '--password', 'Str0ng!Passw0rd', '--data-dir', dir], { env: { DATABASE_URL: url.toString() } });
      expect(r.code, r.stderr).toBe(0);
      expect(existsSync(join(dir, 'pg'))).toBe(false);
      const c = new pg.Client({ connectionString: url.toString() });
      await c.connect();
      expect((await c.query('select email from users')).rows).toEqual([{ email: 'pg@example.cn' }]);
      await c.end();
    } finally {
      await admin.query(`drop database if exists "${name}" with (force)`);
      await admin.end();
    }
  });
});

describe('chorus serve --demo', { timeout: 240_000 }, () => {
  it('creates the demo workspace and prints a one-time login on first start only', async () => {
    const dir = tmp('demo');
    const first = await startCli(['serve', '--demo', '--port', '0', '--data-dir', dir], /running at/);
    first.child.kill('SIGTERM');
    await new Promise((res) => first.child.once('exit', res));
    expect(first.output()).toMatch(/admin@demo\.chorus\.local/);
    const password = /密码 Password: (\S+)/.exec(first.output())?.[1];
    expect(password).toBeTruthy();
    const second = await startCli(['serve', '--demo', '--port', '0', '--data-dir', dir], /running at/);
    const port = /running at http:\/\/127\.0\.0\.1:(\d+)/.exec(second.output())![1];
    try {
      expect(second.output()).not.toMatch(/密码 Password/);
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@demo.chorus.local', password }),
      });
      expect(res.status).toBe(200);
      const health = await (await fetch(`http://127.0.0.1:${port}/api/health`)).json();
      expect(health).toMatchObject({ status: 'ok', database: 'ok', queue: 'ok' });
      // The demo connected a sandbox account: its platform tokens and webhook secret never reach the logs.
      const network = JSON.parse(readFileSync(join(dir, 'sandbox-network.json'), 'utf8')) as { tokens: Array<{ accessToken: string; refreshToken: string }>; webhooks: Array<{ secret?: string }> };
      const secrets = [...network.tokens.flatMap((t) => [t.accessToken, t.refreshToken]), ...network.webhooks.map((w) => w.secret).filter(Boolean)] as string[];
      expect(secrets.length).toBeGreaterThan(1);
      const logs = first.output() + second.output();
      for (const secret of secrets) expect(logs).not.toContain(secret);
    } finally {
      second.child.kill('SIGTERM');
      await new Promise((res) => second.child.once('exit', res));
    }
  });
});
