/**
 * /_sandbox admin API for tests, benchmarks and drills running in other processes: stats
 * (publish counts per idempotency key), fault rules, simulated time, crises, accounts, tokens.
 * Fault rules never apply to these routes.
 */
import { z } from 'zod';
import { SandboxError } from './auth';
import { faultInputSchema, type FaultRegistry } from './faults';
import { noContent, ok, type Route } from './http';
import { presentAccount } from './present';
import type { SandboxState } from './state';
import type { WebhookDispatcher } from './webhooks';

const DURATION = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)$/;
const UNIT: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** 1500, "90s", "2h", "7d" → milliseconds. */
export function parseDuration(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v) && v >= 0) return v;
  if (typeof v !== 'string') return undefined;
  const m = DURATION.exec(v.trim());
  return m ? Math.round(Number(m[1]) * UNIT[m[2]!]!) : undefined;
}

function parse<T extends z.ZodType>(schema: T, body: unknown): z.output<T> {
  const r = schema.safeParse(body);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw new SandboxError(400, 'invalid_body', `${issue.path.join('.') || 'body'}: ${issue.message}`, { field: issue.path.join('.') });
  }
  return r.data;
}

const tickSchema = z.object({ advance: z.union([z.number(), z.string()]).optional(), to: z.string().optional(), rewind: z.union([z.number(), z.string()]).optional() });
const crisisSchema = z.object({
  account_id: z.string().optional(), topic: z.string().min(1).max(60),
  intensity: z.number().min(0.5).max(10).optional(), duration: z.union([z.number(), z.string()]).optional(),
});
const accountSchema = z.object({ name: z.string().min(1).max(40), handle: z.string().regex(/^[\w.-]{1,40}$/).optional(), followers: z.number().int().min(0).max(1e9) });
const tokenSchema = z.object({ account_id: z.string(), client_id: z.string().optional() });
const configSchema = z.object({ honor_idempotency_key: z.boolean().optional() });

export function adminRoutes(state: SandboxState, faults: FaultRegistry, webhooks: WebhookDispatcher, baseUrl: () => string): Route[] {
  const admin = { auth: false, admin: true } as const;
  return [
    {
      method: 'GET', path: '/_sandbox/stats', id: 'admin.stats', ...admin,
      handle: ({ query }) => {
        const key = query.get('key');
        const byKey = key ? { key, publish_count: state.publishCountByKey(key), request_count: state.requestCountByKey(key) } : undefined;
        return ok({ ...state.stats(), ...(byKey ? { by_key: byKey } : {}), faults_fired: faults.firedByKind(), webhook_deliveries: webhooks.deliveries().length });
      },
    },
    { method: 'GET', path: '/_sandbox/faults', id: 'admin.faults.list', ...admin, handle: () => ok({ data: faults.list() }) },
    {
      method: 'POST', path: '/_sandbox/faults', id: 'admin.faults.add', ...admin,
      handle: ({ body }) => {
        const inputs = Array.isArray(body.rules) ? body.rules : [body];
        const parsed = inputs.map((x) => parse(faultInputSchema, x));
        return ok({ data: parsed.map((p) => faults.add(p)) }, 201);
      },
    },
    { method: 'DELETE', path: '/_sandbox/faults', id: 'admin.faults.clear', ...admin, handle: () => { faults.clear(); return noContent(); } },
    {
      method: 'DELETE', path: '/_sandbox/faults/:id', id: 'admin.faults.remove', ...admin,
      handle: ({ params }) => {
        if (!faults.remove(params.id!)) throw new SandboxError(404, 'fault_not_found', 'no such fault rule');
        return noContent();
      },
    },
    {
      method: 'POST', path: '/_sandbox/tick', id: 'admin.tick', ...admin,
      handle: ({ body }) => {
        const b = parse(tickSchema, body);
        if (b.rewind !== undefined) {
          const back = parseDuration(b.rewind);
          if (back === undefined) throw new SandboxError(400, 'invalid_body', 'rewind must be milliseconds or like "36h"', { field: 'rewind' });
          state.rewind(back);
          return ok({ now: new Date(state.now()).toISOString(), rewound_ms: back });
        }
        let ms = b.advance === undefined ? 0 : parseDuration(b.advance);
        if (ms === undefined) throw new SandboxError(400, 'invalid_body', 'advance must be milliseconds or like "2h"', { field: 'advance' });
        if (b.to) {
          const to = Date.parse(b.to);
          if (Number.isNaN(to)) throw new SandboxError(400, 'invalid_body', 'to must be an ISO date-time', { field: 'to' });
          ms = Math.max(0, to - state.now());
        }
        const added = state.advance(ms);
        return ok({ now: new Date(state.now()).toISOString(), advanced_ms: ms, added });
      },
    },
    {
      method: 'POST', path: '/_sandbox/crisis', id: 'admin.crisis', ...admin,
      handle: ({ body }) => {
        const b = parse(crisisSchema, body);
        const durationMs = b.duration === undefined ? undefined : parseDuration(b.duration);
        const c = state.triggerCrisis({ accountId: b.account_id, topic: b.topic, intensity: b.intensity, durationMs });
        return ok({ id: c.id, account_id: c.accountId, topic: c.topic, intensity: c.intensity, started_at: new Date(c.startedAt).toISOString(), duration_ms: c.durationMs }, 201);
      },
    },
    { method: 'GET', path: '/_sandbox/accounts', id: 'admin.accounts.list', ...admin, handle: () => ok({ data: state.accounts().map((a) => presentAccount(a, baseUrl())) }) },
    {
      method: 'POST', path: '/_sandbox/accounts', id: 'admin.accounts.create', ...admin,
      handle: ({ body }) => ok(presentAccount(state.createAccount(parse(accountSchema, body)), baseUrl()), 201),
    },
    {
      method: 'POST', path: '/_sandbox/tokens', id: 'admin.tokens.issue', ...admin,
      handle: ({ body }) => {
        const b = parse(tokenSchema, body);
        state.account(b.account_id);
        const t = state.auth.issue(b.account_id, b.client_id ?? 'sandbox-admin');
        return ok({ access_token: t.accessToken, refresh_token: t.refreshToken, expires_at: new Date(t.expiresAt).toISOString(), refresh_expires_at: new Date(t.refreshExpiresAt).toISOString(), account_id: t.accountId }, 201);
      },
    },
    {
      method: 'POST', path: '/_sandbox/tokens/expire', id: 'admin.tokens.expire', ...admin,
      handle: ({ body }) => ok({ expired: state.auth.expireAll(typeof body.account_id === 'string' ? body.account_id : undefined) }),
    },
    {
      method: 'POST', path: '/_sandbox/config', id: 'admin.config', ...admin,
      handle: ({ body }) => {
        const b = parse(configSchema, body);
        if (b.honor_idempotency_key !== undefined) state.setHonorIdempotencyKey(b.honor_idempotency_key);
        return ok({ honor_idempotency_key: state.data.honorIdempotencyKey });
      },
    },
    {
      // Ground truth for evaluating intent/sentiment models: what each generated text was written as.
      method: 'GET', path: '/_sandbox/labels', id: 'admin.labels', ...admin,
      handle: ({ query }) => {
        const limit = Math.min(10_000, Number(query.get('limit')) || 1000);
        const label = (x: { id: string; text: string; intent?: string; createdAt: number }) => ({ id: x.id, text: x.text, intent: x.intent ?? null, created_at: new Date(x.createdAt).toISOString() });
        const d = state.data;
        return ok({
          comments: d.comments.filter((c) => !c.own).slice(-limit).map(label),
          messages: d.messages.filter((m) => m.direction === 'in').slice(-limit).map(label),
          mentions: d.mentions.slice(-limit).map(label),
        });
      },
    },
    { method: 'GET', path: '/_sandbox/webhooks/deliveries', id: 'admin.webhooks.deliveries', ...admin, handle: () => ok({ data: webhooks.deliveries() }) },
  ];
}
