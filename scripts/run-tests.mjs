#!/usr/bin/env node
// npm test: builds the console when browser tests can run, runs vitest, and ends with "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const results = join(root, '.vitest-results.json');
const hasChromium = existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium');

function newestMtime(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return t;
}

if (hasChromium) {
  const index = join(root, 'web/dist/index.html');
  const stale = !existsSync(index) || newestMtime(join(root, 'web/src')) > statSync(index).mtimeMs;
  if (stale) {
    console.log('[chorus] building the console for the browser tests…');
    const b = spawnSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
    if (b.status !== 0) { console.log('0 passed, 1 failed'); process.exit(1); }
  }
} else if (process.env.CI !== 'true') {
  console.log('[chorus] /usr/bin/chromium not found: browser tests are SKIPPED (install chromium to run them).');
}

rmSync(results, { force: true });
const args = ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${results}`, ...process.argv.slice(2)];
const run = spawnSync('npx', args, { cwd: root, stdio: 'inherit', env: process.env });

let passed = 0, failed = 0, skipped = 0;
if (existsSync(results)) {
  const r = JSON.parse(readFileSync(results, 'utf8'));
  passed = r.numPassedTests; failed = r.numFailedTests; skipped = r.numPendingTests + (r.numTodoTests ?? 0);
  // A file that fails to load has no tests but is a failure.
  failed += r.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
} else {
  failed = 1;
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(run.status === 0 && failed === 0 ? 0 : 1);
