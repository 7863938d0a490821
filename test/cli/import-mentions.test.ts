import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const line = (id: string, text: string) => JSON.stringify({ source: 'vendor-x', externalId: id, text, author: { name: '网友', followers: 12 }, publishedAt: '2026-12-06T08:00:00+08:00' });

describe('chorus import mentions', () => {
  it('imports a JSONL export through the batch intake, names bad lines, and stores nothing twice', { timeout: 300_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'chorus-mentions-'));
    const admin = runCli(['admin', 'create', '--email', 'ops@example.cn', '--password', 'Str0ng!Passw0rd', '--workspace', '舆情部', '--data-dir', dir]);
    expect(admin.code, admin.stderr).toBe(0);
    const file = join(dir, 'vendor.jsonl');
    writeFileSync(file, [
      line('v1', '星河咖啡新品不错'),
      line('v2', '星河咖啡排队太久了'),
      '{not json',
      '',
      JSON.stringify({ source: 'vendor-x', externalId: 'v3', author: { name: 'x' }, publishedAt: '2026-12-06T08:00:00Z' }),
      line('v1', '同一条重复导出'),
      line('v4', '星河咖啡的杯子好看'),
    ].join('\n'));

    const first = runCli(['import', 'mentions', file, '--workspace', '舆情部', '--data-dir', dir]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout.trim()).toBe('accepted 3, duplicates 1, rejected 2');
    expect(first.stderr).toContain(`${file}:3: not a JSON object`);
    expect(first.stderr).toMatch(new RegExp(`${file}:5: text`));

    const again = runCli(['import', 'mentions', file, '--workspace', '舆情部', '--data-dir', dir]);
    expect(again.stdout.trim()).toBe('accepted 0, duplicates 4, rejected 2');

    const missing = runCli(['import', 'mentions', join(dir, 'nope.jsonl'), '--workspace', '舆情部', '--data-dir', dir]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('file not found');
  });
});
