import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../test/helpers/cli.js';

const shipped = readFileSync(fileURLToPath(new URL('../../modules/compliance/packs/industry-education.json', import.meta.url)), 'utf8');

describe('chorus packs import', () => {
  it('validates the file, adds or updates the pack in the workspace, and says what changed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'chorus-packs-'));
    expect(runCli(['admin', 'create', '--email', 'cco@example.cn', '--password', 'Str0ng!Passw0rd', '--workspace', '合规部', '--data-dir', dir]).code).toBe(0);

    const broken = JSON.parse(shipped);
    broken.rules[1].basis.date = '2021年4月';
    writeFileSync(join(dir, 'broken.json'), JSON.stringify(broken));
    const refused = runCli(['packs', 'import', join(dir, 'broken.json'), '--workspace', '合规部', '--data-dir', dir]);
    expect(refused.code).toBe(2);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(refused.stderr).toContain('rules.1.basis.date');

    const next = JSON.parse(shipped);
    next.version = '2026.3.0';
    writeFileSync(join(dir, 'education.json'), JSON.stringify(next));
    const ok = runCli(['packs', 'import', join(dir, 'education.json'), '--workspace', '合规部', '--data-dir', dir]);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('education@2026.3.0');

    const verify = runCli(['audit', 'verify', '--data-dir', dir]);
    expect(verify.code).toBe(0);
    expect(verify.stdout).toMatch(/ok\s+合规部 \(2 entries\)/);
  }, 400_000);
});
