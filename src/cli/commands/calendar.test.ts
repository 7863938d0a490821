import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../test/helpers/cli.js';

const due = (args: string[], env?: Record<string, string>) => runCli(['calendar', 'due', ...args], { env });
const instant = (iso: string) => new Date(iso).getTime();

/** `bin/chorus calendar due …` as a user runs it (the contract's examples on the default calendar). */
describe('chorus calendar due', { timeout: 240_000 }, () => {
  it('adds working hours across 国庆 on the default calendar', () => {
    const r = due(['--from', '2026-09-30T17:00+08:00', '--hours', '4', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['dueAt']);
    expect(instant(out.dueAt)).toBe(instant('2026-10-08T12:00+08:00'));
  });

  it('adds working days and ends on a 调休 Saturday', () => {
    const r = due(['--from', '2026-09-28', '--days', '5', '--json']);
    expect(r.code).toBe(0);
    const { dueAt } = JSON.parse(r.stdout);
    expect(dueAt.slice(0, 10)).toBe('2026-10-10');
    expect(new Date(dueAt).getUTCDay()).toBe(6);
  });

  it('prints a bare ISO time without --json', () => {
    const r = due(['--from', '2026-09-30T17:00+08:00', '--hours', '4']);
    expect(r.code).toBe(0);
    expect(instant(r.stdout.trim())).toBe(instant('2026-10-08T12:00+08:00'));
  });

  it('refuses bad input with one line', () => {
    for (const args of [
      ['--from', 'yesterday', '--hours', '4'],
      ['--from', '2026-09-30T17:00+08:00'],
      ['--from', '2026-09-30T17:00+08:00', '--hours', '4', '--days', '1'],
      ['--from', '2026-09-30T17:00+08:00', '--hours', '-1'],
    ]) {
      const r = due(args);
      expect(r.code, args.join(' ')).not.toBe(0);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it("uses the named workspace's hours and its own days off", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chorus-cli-calendar-'));
    const created = runCli(['admin', 'create', '--email', 'ops@example.cn', '--password', 'Str0ng!Passw0rd', '--name', '运营', '--workspace', '互动组', '--data-dir', dir]);
    expect(created.code).toBe(0);
    const db = await PGlite.create(join(dir, 'pg'));
    await db.query(`update workspaces set working_hours = $1, holidays = $2`, [
      JSON.stringify({ days: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '10:00', end: '19:00' })) }),
      JSON.stringify([{ date: '2026-10-08', name: '团建' }]),
    ]);
    await db.close();
    const r = due(['--from', '2026-09-30T17:00+08:00', '--hours', '4', '--workspace', '互动组', '--json', '--data-dir', dir]);
    expect(r.stderr).toBe('');
    // 17:00–19:00 on 9/30, then 10/8 is the team's day off: 10:00 + 2h on 10/9
    expect(instant(JSON.parse(r.stdout).dueAt)).toBe(instant('2026-10-09T12:00+08:00'));
    const unknown = due(['--from', '2026-09-30', '--hours', '1', '--workspace', '没有这个', '--data-dir', dir]);
    expect(unknown.code).not.toBe(0);
  });
});
