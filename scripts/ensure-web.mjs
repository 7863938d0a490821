#!/usr/bin/env node
// `npm start` builds the console once (on a fresh clone) before serving it.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
if (!existsSync(`${root}web/dist/index.html`)) {
  console.log('Building the console (first start only)…');
  const r = spawnSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  process.exit(r.status ?? 1);
}
