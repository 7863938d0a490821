/**
 * Bodies and query strings a fuzzer would send: built from each route's own zod schema (through its
 * JSON Schema), so that everything but the hostile part is plausible and the request gets as far in
 * as it can before something must refuse it.
 */
import { z } from 'zod';

type Json = Record<string, unknown>;

export interface Hostility {
  name: string;
  /** The text for string fields without a format; `first` is true for the first such field of a body. */
  text(first: boolean): string;
  /** Numbers and integers. */
  number: number;
  /** Fields in uuid format (ids), by dotted path (`master.mediaIds[]`). */
  id(path: string): string;
}

export const MEGABYTE = 'x'.repeat(1024 * 1024);

export function hostilities(foreignIds: string[], ownIds: string[]): Hostility[] {
  let n = 0;
  const pick = (ids: string[]) => () => ids[n++ % ids.length]!;
  return [
    { name: 'NUL in strings', text: () => 'a\u0000b', number: 1, id: pick(ownIds) },
    { name: 'lone surrogates', text: () => 'x\ud800y', number: 1, id: pick(ownIds) },
    { name: 'a 1 MB string', text: (first) => (first ? MEGABYTE : 'ok'), number: 1, id: pick(ownIds) },
    { name: 'huge numbers', text: () => '99999999999999999999999999999', number: 1e300, id: pick(ownIds) },
    { name: 'unsafe integers', text: () => '9007199254740993', number: 2 ** 63, id: pick(ownIds) },
    { name: "another workspace's ids", text: () => '外部 id', number: 1, id: pick(foreignIds) },
  ];
}

/** A JSON value that matches the schema's shape, with the hostile parts where the kind puts them. */
export function sampleBody(schema: z.ZodType, h: Hostility): unknown {
  const root = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Json;
  let first = true;
  const resolve = (s: Json): Json => (typeof s.$ref === 'string' ? ((root.$defs as Json)?.[s.$ref.split('/').pop()!] as Json) ?? {} : s);
  const gen = (raw: Json, depth: number, path = ''): unknown => {
    const s = resolve(raw);
    if (depth > 8) return null;
    const options = (s.anyOf ?? s.oneOf) as Json[] | undefined;
    if (options) return gen(options.find((o) => o.type !== 'null') ?? options[0]!, depth + 1, path);
    if (s.allOf) return gen((s.allOf as Json[])[0]!, depth + 1, path);
    if ('const' in s) return s.const;
    if (Array.isArray(s.enum)) return s.enum[0];
    switch (s.type) {
      case 'string':
        switch (s.format) {
          case 'uuid': return h.id(path);
          case 'date-time': return new Date().toISOString();
          case 'date': return new Date().toISOString().slice(0, 10);
          case 'time': return '10:00';
          case 'email': return 'hostile@example.cn';
          case 'uri': case 'url': return 'https://example.cn/x';
          default: {
            const t = h.text(first);
            first = false;
            return t;
          }
        }
      case 'number': case 'integer': return h.number;
      case 'boolean': return false;
      case 'null': return null;
      case 'array': return [gen((s.items as Json) ?? {}, depth + 1, `${path}[]`)];
      case 'object': {
        const props = (s.properties ?? {}) as Record<string, Json>;
        const out: Json = {};
        for (const [k, v] of Object.entries(props)) out[k] = gen(v, depth + 1, path ? `${path}.${k}` : k);
        return out;
      }
      default: return h.text(false);
    }
  };
  return gen(root, 0);
}

/** Which kind of id a body field holds, from its name (`master.mediaIds[]` → mediaId). */
export function idKind(path: string): string {
  const last = path.replace(/\[\]/g, '').split('.').pop()!.toLowerCase();
  if (last.includes('media')) return 'mediaId';
  if (last.includes('account')) return 'accountId';
  if (last.includes('channel')) return 'channelId';
  if (last.includes('item')) return 'itemId';
  if (last.includes('variant')) return 'variantId';
  if (last === 'ids') return 'notificationId';
  return 'userId'; // ownerId, userIds, operators, approvers, factOwnerUserId
}

/** Every id the workspace's own, except the one field under test, which names another workspace's. */
export function foreignAt(field: string, own: Record<string, string>, foreign: Record<string, string>): Hostility {
  return { name: `another workspace's ${field}`, text: () => '测试', number: 1, id: (path) => (path === field ? foreign : own)[idKind(path)] ?? own.userId! };
}

/** Query-string values (already URL-encoded) for every declared query field. */
export function queryKeys(schema: z.ZodType): string[] {
  const s = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Json;
  return Object.keys((s.properties ?? {}) as Json);
}

export const HOSTILE_QUERY_VALUES = [
  { name: 'NUL', encoded: 'a%00b' },
  { name: 'lone surrogate (CESU bytes)', encoded: '%ED%A0%80' },
  { name: 'a 40-digit number', encoded: '9'.repeat(40) },
  { name: 'a 20 kB string', encoded: 'x'.repeat(20_000) },
  { name: 'a negative huge number', encoded: '-1e400' },
];

/** Dotted paths of the body fields that hold ids (uuid format), e.g. `master.mediaIds[]`. */
export function idFields(schema: z.ZodType): string[] {
  const found: string[] = [];
  const walk = (s: Json | undefined, path: string) => {
    if (!s || typeof s !== 'object') return;
    if (s.format === 'uuid') found.push(path);
    for (const [k, v] of Object.entries((s.properties ?? {}) as Record<string, Json>)) walk(v, path ? `${path}.${k}` : k);
    if (s.items) walk(s.items as Json, `${path}[]`);
    for (const o of [...((s.anyOf ?? []) as Json[]), ...((s.oneOf ?? []) as Json[]), ...((s.allOf ?? []) as Json[])]) walk(o, path);
  };
  walk(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Json, '');
  return found;
}
