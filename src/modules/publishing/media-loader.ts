/**
 * Media for a connector, read into memory. Three kinds of reference reach here: `file:` URLs of the
 * workspace's own media library (only inside the media directory), `data:` URLs, and http(s) URLs —
 * media by URL, which go through the guarded outbound client like every user-chosen URL.
 */
import { readFile } from 'node:fs/promises';
import { extname, relative, resolve, isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';
import { guardedFetch } from '../../kernel/outbound.js';
import type { MediaInput } from '../platforms/connector.js';
import type { MediaRef } from './model.js';

const MIME_BY_EXT: Record<string, string> = {
  '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif', '.webp': 'image/webp',
  '.mp4': 'video/mp4', '.mov': 'video/quicktime', '.webm': 'video/webm',
};
/** Platforms take videos of a few hundred MB at most; anything larger is not media. */
const MAX_REMOTE_BYTES = 512 * 1024 * 1024;

export class MediaLoadError extends Error {}

export interface MediaLoaderOptions {
  /** The directory the media library lives in; `file:` references outside it are refused. */
  mediaRoot?: string;
  /** Tests may pass a fetch for http(s) references; by default the guarded client. */
  fetch?: typeof fetch;
}

function decodeDataUrl(url: string): { mimeType: string; data: Uint8Array } {
  const m = /^data:([^,]*?),(.*)$/s.exec(url);
  if (!m) throw new MediaLoadError('malformed data: URL');
  const meta = m[1]!.split(';');
  const data = meta.includes('base64') ? Buffer.from(m[2]!, 'base64') : Buffer.from(decodeURIComponent(m[2]!), 'utf8');
  return { mimeType: meta[0] || 'application/octet-stream', data: new Uint8Array(data) };
}

export function createMediaLoader(opts: MediaLoaderOptions | typeof fetch = {}) {
  const o: MediaLoaderOptions = typeof opts === 'function' ? { fetch: opts } : opts;
  const get = o.fetch ?? ((u: string | URL | Request, init?: RequestInit) => guardedFetch(u as string, init, { timeoutMs: 120_000, maxBytes: MAX_REMOTE_BYTES }));
  return async function loadMedia(ref: MediaRef): Promise<MediaInput> {
    const scheme = ref.url.slice(0, ref.url.indexOf(':') + 1).toLowerCase();
    if (scheme === 'data:') {
      const { mimeType, data } = decodeDataUrl(ref.url);
      return { kind: ref.kind, filename: `${ref.id}.${mimeType.split('/')[1] ?? 'bin'}`, mimeType, data };
    }
    if (scheme === 'file:') {
      const path = resolve(fileURLToPath(ref.url));
      const rel = o.mediaRoot ? relative(resolve(o.mediaRoot), path) : '..';
      if (rel.startsWith('..') || isAbsolute(rel)) throw new MediaLoadError(`media ${ref.id}: not in the media library`);
      const data = new Uint8Array(await readFile(path).catch(() => { throw new MediaLoadError(`media ${ref.id}: file missing`); }));
      const ext = extname(path).toLowerCase();
      return { kind: ref.kind, filename: `${ref.id}${ext}`, mimeType: MIME_BY_EXT[ext] ?? `${ref.kind}/octet-stream`, data };
    }
    if (scheme !== 'http:' && scheme !== 'https:') throw new MediaLoadError(`media ${ref.id}: unsupported URL`);
    const res = await get(ref.url);
    if (!res.ok) throw new MediaLoadError(`media ${ref.id}: HTTP ${res.status}`);
    const data = new Uint8Array(await res.arrayBuffer());
    const mimeType = res.headers.get('content-type')?.split(';')[0] ?? `${ref.kind}/octet-stream`;
    const filename = decodeURIComponent(new URL(ref.url).pathname.split('/').pop() || ref.id) || ref.id;
    return { kind: ref.kind, filename, mimeType, data };
  };
}
