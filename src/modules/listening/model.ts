/** Listening: monitors and mentions as plain types and rules (no I/O). */
import { createHash } from 'node:crypto';
import { normalizeTerm } from '../../kernel/normalize.js';

export const MONITOR_KINDS = ['brand', 'product', 'person', 'industry', 'competitor'] as const;
export type MonitorKind = (typeof MONITOR_KINDS)[number];

/** How often sources are checked for a monitor: by risk class (DOMAIN §10). */
export const FREQUENCIES = ['realtime', 'hourly', 'daily'] as const;
export type Frequency = (typeof FREQUENCIES)[number];
export const FREQUENCY_MS: Record<Frequency, number> = { realtime: 5 * 60_000, hourly: 3_600_000, daily: 86_400_000 };

/** Where a mention came from when the caller does not say: the push API, a JSONL import, a feed, a platform. */
export const SOURCE_PATTERN = /^[a-z0-9][a-z0-9._:-]{0,63}$/;

/**
 * Near-duplicates share a key: reposts ("转发微博", "//@某人:" chains), links, @names, hashtags'
 * marks, punctuation, spaces and emoji do not make a text new.
 */
export function duplicateKey(text: string): string {
  const core = text
    .replace(/\/\/@[^:：]{1,30}[:：]/g, ' ')
    .replace(/^(转发微博|转发|repost)\s*/i, '')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/@[\p{L}\p{N}_-]{1,30}/gu, ' ');
  const folded = normalizeTerm(core).replace(/[\p{P}\p{S}\s]/gu, '');
  return createHash('sha1').update(folded || text).digest('base64url').slice(0, 20);
}

/** The sources a monitor listens to: empty means every source. */
export const monitorWantsSource = (sources: readonly string[], source: string) =>
  sources.length === 0 || sources.some((s) => s === source || (s.endsWith(':*') && source.startsWith(s.slice(0, -1))));
