/** Smoke run of the dispatch benchmark with a small N (the full run is by hand): one JSON line, nothing lost or doubled. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('bench:dispatch (small N, embedded)', () => {
  it('ends with one JSON line: every post published once', () => {
    const env = { ...process.env, DATABASE_URL: undefined } as NodeJS.ProcessEnv;
    delete env.DATABASE_URL;
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'bench/dispatch/run.ts', '--json', '--posts', '60', '--steady-seconds', '3', '--backend', 'embedded'], {
      cwd: root, env, encoding: 'utf8', timeout: 150_000,
    });
    expect(r.status, r.stderr.slice(-2000)).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const out = JSON.parse(lines[0]!);
    expect(Object.keys(out)).toEqual(expect.arrayContaining(['posts', 'published', 'duplicates', 'lost', 'seconds', 'latenessP50Ms', 'latenessP99Ms']));
    expect(out).toMatchObject({ posts: 60, published: 60, duplicates: 0, lost: 0 });
    expect(out.latenessP99Ms).toBeLessThan(1_000);
    expect(r.stderr).toContain('published');
  }, 160_000);
});
