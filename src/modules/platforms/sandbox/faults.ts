/**
 * Fault injection for the sandbox. A rule names an endpoint (a route id such as
 * `posts.create`, a prefix such as `posts.*`, or `*` for all), a kind, and when it fires:
 * the next `times` matching requests (counted) and/or with `probability` (seeded, so a
 * run is repeatable). Rules are checked in the order they were added; the first that fires wins.
 *
 * Kinds:
 * - rate_limit       429 with Retry-After: retryAfterSec (default 1)
 * - server_error     status (default 503), nothing done
 * - timeout          phase 'after' (default): the request is carried out, then the response is
 *                    held for delayMs (default 30 s) and the connection dropped ('never', default)
 *                    or answered late ('late'); phase 'before': held and dropped, nothing done
 * - slow             answered normally after delayMs
 * - token_expired    the caller's access token expires now and the request gets 401 token_expired
 * - duplicate_webhook  (endpoint `webhooks.deliver`) each matching event is delivered `copies` times
 */
import { z } from 'zod';
import { createRng } from './rng';

export const ROUTE_IDS = [
  'oauth.authorize', 'oauth.token', 'oauth.revoke', 'me.get',
  'posts.create', 'posts.get', 'posts.search', 'posts.delete', 'posts.metrics',
  'comments.list', 'comments.reply', 'comments.hide', 'comments.delete',
  'dms.list', 'dms.send', 'mentions.list', 'account.metrics',
  'media.upload', 'media.get', 'webhooks.register', 'webhooks.list', 'webhooks.delete', 'webhooks.deliver',
] as const;

export const faultInputSchema = z.object({
  kind: z.enum(['rate_limit', 'server_error', 'timeout', 'slow', 'token_expired', 'duplicate_webhook']),
  endpoint: z.string().min(1).default('*'),
  times: z.number().int().min(1).optional(),
  probability: z.number().min(0).max(1).optional(),
  retryAfterSec: z.number().min(0).optional(),
  status: z.number().int().min(500).max(599).optional(),
  delayMs: z.number().int().min(0).max(600_000).optional(),
  phase: z.enum(['before', 'after']).optional(),
  respond: z.enum(['never', 'late']).optional(),
  copies: z.number().int().min(2).max(10).optional(),
});

export type FaultInput = z.input<typeof faultInputSchema>;
export type FaultRule = z.output<typeof faultInputSchema> & { id: string; fired: number; remaining: number | null };

export interface FaultRegistry {
  add(input: FaultInput): FaultRule;
  remove(id: string): boolean;
  clear(): void;
  list(): FaultRule[];
  /** The rule that fires for this request, if any (counts it). */
  take(routeId: string): FaultRule | undefined;
  /** Faults fired so far, by kind. */
  firedByKind(): Record<string, number>;
}

function matches(pattern: string, routeId: string): boolean {
  if (pattern === '*' || pattern === routeId) return true;
  return pattern.endsWith('.*') && routeId.startsWith(pattern.slice(0, -1));
}

export function createFaults(seed: string): FaultRegistry {
  const rng = createRng(seed, 'faults');
  let rules: FaultRule[] = [];
  let n = 0;
  const fired: Record<string, number> = {};
  return {
    add(input) {
      const parsed = faultInputSchema.parse(input);
      const rule: FaultRule = { ...parsed, id: `fault_${++n}`, fired: 0, remaining: parsed.times ?? null };
      rules.push(rule);
      return rule;
    },
    remove(id) {
      const before = rules.length;
      rules = rules.filter((r) => r.id !== id);
      return rules.length < before;
    },
    clear() {
      rules = [];
    },
    list: () => rules.map((r) => ({ ...r })),
    take(routeId) {
      for (const r of rules) {
        if (!matches(r.endpoint, routeId) || r.remaining === 0) continue;
        // duplicate_webhook only concerns deliveries; request faults never hit deliveries.
        if ((r.kind === 'duplicate_webhook') !== (routeId === 'webhooks.deliver')) continue;
        if (r.probability !== undefined && !rng.chance(r.probability)) continue;
        if (r.remaining !== null) r.remaining--;
        r.fired++;
        fired[r.kind] = (fired[r.kind] ?? 0) + 1;
        return r;
      }
      return undefined;
    },
    firedByKind: () => ({ ...fired }),
  };
}
