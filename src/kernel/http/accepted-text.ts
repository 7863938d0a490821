/**
 * What text Chorus accepts, decided once at the edge for every JSON body, query string, path
 * parameter and header value: no U+0000 (PostgreSQL cannot store it in text or jsonb), well-formed
 * UTF-16 (a lone surrogate cannot be encoded as UTF-8), and NFC, so that the same words typed on two
 * keyboards compare, hash and match rules alike. Anything else is a 400 naming the field, never a 5xx
 * from the database further in.
 */
import { DomainError } from '../errors.js';

/** Deeper JSON than any of our schemas describe is refused before it can exhaust the stack. */
const MAX_DEPTH = 32;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function problemOf(s: string): string | null {
  if (s.includes('\u0000')) return 'must not contain the NUL character (U+0000)';
  if (LONE_SURROGATE.test(s)) return 'must be well-formed Unicode (it has a lone surrogate)';
  return null;
}

function fail(field: string, message: string): never {
  throw new DomainError('validation_failed', { message: `${field}: ${message}`, fields: { [field]: message } });
}

const join = (prefix: string, key: string) => (prefix ? `${prefix}.${key}` : key);

/**
 * The accepted form of one decoded value (strings NFC-normalised, objects and arrays copied), or a
 * `validation_failed` DomainError whose field is the dotted path, prefixed by `where` unless it is the body.
 */
export function acceptText<T>(value: T, where: 'body' | 'query' | 'params' | 'headers'): T {
  const prefix = where === 'body' ? '' : where;
  const walk = (v: unknown, path: string, depth: number): unknown => {
    if (typeof v === 'string') {
      const p = problemOf(v);
      if (p) fail(path || where, p);
      return v.normalize('NFC');
    }
    if (v === null || typeof v !== 'object' || Buffer.isBuffer(v)) return v;
    if (depth >= MAX_DEPTH) fail(path || where, `is nested more than ${MAX_DEPTH} levels deep`);
    if (Array.isArray(v)) return v.map((x, i) => walk(x, join(path, String(i)), depth + 1));
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      const p = problemOf(k);
      if (p) fail(path || where, `the key ${JSON.stringify(k)} ${p}`);
      out[k.normalize('NFC')] = walk(x, join(path, k), depth + 1);
    }
    return out;
  };
  return walk(value, prefix, 0) as T;
}

/** Header values are Latin-1 on the wire, so only NUL can slip through (in-process injection, proxies). */
export function checkHeaders(headers: Record<string, string | string[] | undefined>): void {
  for (const [name, v] of Object.entries(headers)) {
    for (const s of Array.isArray(v) ? v : v === undefined ? [] : [v]) {
      const p = problemOf(s);
      if (p) fail(`headers.${name}`, p);
    }
  }
}

/**
 * Text from outside systems (platform webhooks and polls) cannot be refused with a 400, so it is made
 * storable instead: NUL removed, lone surrogates replaced by U+FFFD, NFC — objects and arrays deeply.
 */
export function scrubText<T>(value: T): T {
  const walk = (v: unknown, depth: number): unknown => {
    if (typeof v === 'string') return v.replace(/\u0000/g, '').replace(new RegExp(LONE_SURROGATE.source, 'g'), '\uFFFD').normalize('NFC');
    if (v === null || typeof v !== 'object' || depth > MAX_DEPTH || Buffer.isBuffer(v) || v instanceof Date) return v;
    if (Array.isArray(v)) return v.map((x) => walk(x, depth + 1));
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [walk(k, depth + 1) as string, walk(x, depth + 1)]));
  };
  return walk(value, 0) as T;
}
