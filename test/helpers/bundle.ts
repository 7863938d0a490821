import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

interface ManifestChunk { file: string; src?: string; isEntry?: boolean; isDynamicEntry?: boolean; imports?: string[]; css?: string[] }
type Manifest = Record<string, ManifestChunk>;

/** Gzip bytes of the JS + CSS a browser fetches on a cold load of each console route, read from Vite's build manifest. */
export function coldLoadBytes(dist: string): Map<string, number> {
  const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8')) as Manifest;
  const gz = (file: string) => {
    const pre = join(dist, `${file}.gz`);
    return existsSync(pre) ? statSync(pre).size : gzipSync(readFileSync(join(dist, file))).length;
  };
  const closure = (key: string, seen = new Set<string>()): Set<string> => {
    const chunk = manifest[key];
    if (!chunk) return seen;
    if (seen.has(chunk.file)) return seen;
    seen.add(chunk.file);
    for (const css of chunk.css ?? []) seen.add(css);
    for (const imp of chunk.imports ?? []) closure(imp, seen);
    return seen;
  };
  const sum = (files: Set<string>) => [...files].reduce((n, f) => n + gz(f), 0);
  const entryKey = Object.keys(manifest).find((k) => manifest[k]!.isEntry)!;
  const shellKey = Object.keys(manifest).find((k) => k.endsWith('app/shell.tsx'))!;
  // The shell fetches the messages of the language in use: count the default one (zh-CN).
  const messagesKey = Object.keys(manifest).find((k) => k.endsWith('locales/zh-CN/index.ts'));
  const routes = new Map<string, number>();
  for (const [key, chunk] of Object.entries(manifest)) {
    if (!chunk.isDynamicEntry || !key.startsWith('src/pages/')) continue;
    const files = closure(entryKey);
    if (!key.startsWith('src/pages/auth/')) {
      closure(shellKey, files);
      if (messagesKey) closure(messagesKey, files);
    }
    closure(key, files);
    routes.set(key.replace(/^src\//, '').replace(/\/index\.tsx$/, ''), sum(files));
  }
  return routes;
}
