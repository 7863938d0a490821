/**
 * The backup file: everything a data directory needs to come back on another machine — the embedded
 * database, the uploaded media and the vault key (sealed with the operator's passphrase, or left out
 * on purpose). A small container of named entries, read back exactly; no third-party archive format.
 *
 *   "CHORUS-BACKUP 2\n"  then per entry: u32 BE header length, JSON {name, size}, `size` bytes.
 */
import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync, statSync, writeSync } from 'node:fs';
import { join, relative } from 'node:path';

export const MAGIC = Buffer.from('CHORUS-BACKUP 2\n');

export interface Manifest {
  version: 2;
  createdAt: string;
  /** sealed: the key file is inside, encrypted with a passphrase; excluded: it is not; environment: CHORUS_SECRET_KEY is the key. */
  key: 'sealed' | 'excluded' | 'environment';
  mediaFiles: number;
}

export interface SealedKey { kdf: 'scrypt'; N: number; r: number; p: number; salt: string; iv: string; tag: string; data: string }

const SCRYPT = { N: 2 ** 15, r: 8, p: 1 };
const derive = (passphrase: string, salt: Buffer, k: { N: number; r: number; p: number }) =>
  scryptSync(passphrase, salt, 32, { N: k.N, r: k.r, p: k.p, maxmem: 256 * k.N * k.r });

/** The key file's bytes under a passphrase: scrypt stretches it, AES-256-GCM seals and authenticates. */
export function sealKey(key: Buffer, passphrase: string): SealedKey {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', derive(passphrase, salt, SCRYPT), iv);
  const data = Buffer.concat([cipher.update(key), cipher.final()]);
  const b64 = (b: Buffer) => b.toString('base64');
  return { kdf: 'scrypt', ...SCRYPT, salt: b64(salt), iv: b64(iv), tag: b64(cipher.getAuthTag()), data: b64(data) };
}

/** The key back, or null when the passphrase is not the one it was sealed with. */
export function openKey(sealed: SealedKey, passphrase: string): Buffer | null {
  try {
    const d = createDecipheriv('aes-256-gcm', derive(passphrase, Buffer.from(sealed.salt, 'base64'), sealed), Buffer.from(sealed.iv, 'base64'));
    d.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    return Buffer.concat([d.update(Buffer.from(sealed.data, 'base64')), d.final()]);
  } catch {
    return null;
  }
}

/** Every file under dir, as paths relative to base ('media/<workspace>/<file>'). */
export function listFiles(dir: string, base: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return listFiles(p, base);
    return e.isFile() ? [relative(base, p)] : [];
  });
}

/** Writes entries one after another; file entries are read one at a time, never all held at once. */
export function writeArchive(path: string, entries: Array<{ name: string; data: Buffer } | { name: string; file: string }>) {
  const fd = openSync(path, 'w', 0o600);
  try {
    writeSync(fd, MAGIC);
    for (const e of entries) {
      const data = 'data' in e ? e.data : readFileSync(e.file);
      const header = Buffer.from(JSON.stringify({ name: e.name, size: data.length }));
      const len = Buffer.alloc(4);
      len.writeUInt32BE(header.length);
      writeSync(fd, len);
      writeSync(fd, header);
      writeSync(fd, data);
    }
  } finally {
    closeSync(fd);
  }
}

export function isArchive(path: string): boolean {
  if (statSync(path).size < MAGIC.length) return false;
  const head = Buffer.alloc(MAGIC.length);
  const fd = openSync(path, 'r');
  try {
    return readSync(fd, head, 0, head.length, 0) === head.length && head.equals(MAGIC);
  } finally {
    closeSync(fd);
  }
}

/** The entries of an archive by name; a truncated or foreign file is an error naming what is wrong. */
export function readArchive(path: string): Map<string, Buffer> {
  const all = readFileSync(path);
  if (!all.subarray(0, MAGIC.length).equals(MAGIC)) throw new Error('not a Chorus backup');
  const out = new Map<string, Buffer>();
  let at = MAGIC.length;
  while (at < all.length) {
    if (at + 4 > all.length) throw new Error('the backup is truncated');
    const len = all.readUInt32BE(at);
    const header = JSON.parse(all.subarray(at + 4, at + 4 + len).toString('utf8')) as { name: string; size: number };
    const start = at + 4 + len;
    if (start + header.size > all.length) throw new Error(`the backup is truncated in ${header.name}`);
    out.set(header.name, all.subarray(start, start + header.size));
    at = start + header.size;
  }
  return out;
}
