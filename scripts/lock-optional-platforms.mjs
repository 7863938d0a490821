#!/usr/bin/env node
// The npm registry this project is built from serves only the linux builds of @node-rs/jieba, so npm leaves
// the other platforms' optional packages out of package-lock.json and `npm ci` then refuses the lock.
// This adds them back as optional, os/cpu-filtered entries (what npm writes when the registry has them);
// npm ci skips them on a platform they do not match. Run it after changing dependencies.
import { readFileSync, writeFileSync } from 'node:fs';

const file = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(file, 'utf8'));
const platform = (suffix) => {
  const [os, cpu, abi] = suffix.split('-');
  const entry = { os: [os], cpu: [cpu === 'arm' ? 'arm' : cpu] };
  if (abi === 'gnu' || abi === 'gnueabihf') entry.libc = ['glibc'];
  if (abi === 'musl') entry.libc = ['musl'];
  return entry;
};
let added = 0;
for (const [path, pkg] of Object.entries(lock.packages)) {
  for (const [dep, version] of Object.entries(pkg.optionalDependencies ?? {})) {
    const key = `${path ? `${path}/` : ''}node_modules/${dep}`.replace(/^node_modules\/(.*)\/node_modules\//, 'node_modules/$1/node_modules/');
    const hoisted = `node_modules/${dep}`;
    if (lock.packages[key] || lock.packages[hoisted]) continue;
    const suffix = dep.split('/').pop().replace(/^[^-]+-/, '');
    lock.packages[hoisted] = { version, ...platform(suffix), optional: true };
    added += 1;
  }
}
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`added ${added} optional platform entries`);
