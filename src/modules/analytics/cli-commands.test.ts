/**
 * `chorus import metrics` and `chorus report …`, run in-process on an embedded data directory
 * (the commands are registered here because src/cli/main.ts may not list them yet).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../db/client.js';
import { migrateDatabase } from '../../db/migrate.js';
import { fixedClock } from '../../kernel/clock.js';
import { createTeamService } from '../team/service.js';
import { registerImportCommand } from '../../cli/commands/import-metrics.js';
import { registerReportCommand } from '../../cli/commands/report.js';
import { fixturePath } from '../../../test/fixtures/analytics/manual-sample.js';

const fixture = (name: string) => fixturePath(name).pathname;

async function chorus(...args: string[]): Promise<{ stdout: string; stderr: string; error?: Error }> {
  const program = new Command('chorus').exitOverride();
  registerImportCommand(program);
  registerReportCommand(program);
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => { stdout += String(s); return true; });
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => { stderr += String(s); return true; });
  try {
    await program.parseAsync(['node', 'chorus', ...args]);
    return { stdout, stderr };
  } catch (error) {
    return { stdout, stderr, error: error as Error };
  } finally {
    vi.restoreAllMocks();
  }
}

describe('chorus import metrics / report', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'chorus-analytics-cli-'));
  const out = mkdtempSync(join(tmpdir(), 'chorus-analytics-out-'));
  const env = { CHORUS_DATA_DIR: process.env.CHORUS_DATA_DIR, DATABASE_URL: process.env.DATABASE_URL };

  beforeAll(async () => {
    delete process.env.DATABASE_URL; // these commands run on the embedded database in dataDir
    delete process.env.CHORUS_DATA_DIR;
    process.env.CHORUS_SECRET_KEY ??= 'test-secret-key-0123456789';
    const database = await openDatabase({ dataDir });
    await migrateDatabase(database);
    await createTeamService({ database, clock: fixedClock('2026-11-23T02:00:00Z') })
      .adminCreate({ email: 'cli@example.cn', password: 'Str0ng!Passw0rd', workspaceName: '合声' });
    await database.close();
  }, 120_000);
  afterAll(() => {
    for (const [k, v] of Object.entries(env)) if (v === undefined) delete process.env[k]; else process.env[k] = v;
  });

  it('imports posts and accounts and prints a summary', async () => {
    const posts = await chorus('import', 'metrics', fixture('posts-sample.csv'), '--workspace', '合声', '--data-dir', dataDir);
    expect(posts.error).toBeUndefined();
    expect(posts.stdout).toMatch(/^已导入 13 行内容数据到「合声」：2026-11-12 至 2026-11-22，平台 wechat、xiaohongshu，2 个账号/);
    const accounts = await chorus('import', 'metrics', fixture('accounts-sample.csv'), '--workspace', '合声', '--data-dir', dataDir, '--locale', 'en-US');
    expect(accounts.stdout).toMatch(/^imported 16 account rows into "合声"/);
  });

  it('lists every problem with file:line and imports nothing', async () => {
    const r = await chorus('import', 'metrics', fixture('posts-errors.csv'), '--workspace', '合声', '--data-dir', dataDir);
    expect(r.error?.message).toBe('文件有 9 处问题，未导入任何数据');
    expect(r.stderr.split('\n')[0]).toBe(`${fixture('posts-errors.csv')}:3: date: 日期格式错误：“2026-11-31”（应为 YYYY-MM-DD）`);
    const missing = await chorus('import', 'metrics', fixture('posts-sample.csv'), '--workspace', 'nope', '--data-dir', dataDir);
    expect(missing.error?.message).toBe('no workspace "nope" (known: 合声)');
  });

  it('prints the weekly table contract as JSON', async () => {
    const r = await chorus('report', 'weekly', '--workspace', '合声', '--week', '2026-W47', '--format', 'json', '--data-dir', dataDir);
    expect(r.error).toBeUndefined();
    const table = JSON.parse(r.stdout);
    expect(Object.keys(table)).toEqual(['week', 'rows', 'totals']);
    expect(table.rows[1]).toMatchObject({
      platform: 'xiaohongshu', exposure: 500_000, exposureWoW: 30, interactions: 8000, interactionRate: 1.6,
      newFollowers: 2000, newFollowersWoW: 50, conversions: 300, conversionRate: 0.06, topItem: { title: '职场穿搭笔记', interactionRate: 3 },
    });
  });

  it('writes xlsx and pdf files, and markdown to stdout', async () => {
    const xlsx = join(out, 'w47.xlsx');
    expect((await chorus('report', 'weekly', '--workspace', '合声', '--week', '2026-W47', '--format', 'xlsx', '--out', xlsx, '--data-dir', dataDir)).error).toBeUndefined();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(xlsx) as unknown as ArrayBuffer);
    expect(wb.worksheets[0].getCell('B4').value).toBe(200_000);
    const pdf = join(out, 'w47.pdf');
    await chorus('report', 'weekly', '--workspace', '合声', '--week', '2026-W47', '--format', 'pdf', '--out', pdf, '--data-dir', dataDir);
    if (spawnSync('pdftotext', ['-v']).error === undefined) {
      expect(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' })).toContain('本周核心数据概览');
    } else {
      expect(readFileSync(pdf).subarray(0, 4).toString()).toBe('%PDF');
    }
    const md = await chorus('report', 'weekly', '--workspace', '合声', '--week', '2026-W47', '--format', 'md', '--data-dir', dataDir);
    expect(md.stdout).toContain('# 合声 · 周度运营复盘报告 · 2026-W47');
    const month = await chorus('report', 'monthly', '--workspace', '合声', '--period', '2026-11', '--format', 'md', '--data-dir', dataDir);
    expect(month.stdout).toContain('## 二、目标达成情况');
  });

  it('refuses bad options with one line', async () => {
    expect((await chorus('report', 'weekly', '--workspace', '合声', '--format', 'docx', '--data-dir', dataDir)).error?.message).toBe('--format: expected one of json, md, xlsx, pdf, got docx');
    expect((await chorus('report', 'weekly', '--workspace', '合声', '--week', '47', '--data-dir', dataDir)).error?.message).toBe('--week: expected YYYY-Www, got 47');
  });
});
