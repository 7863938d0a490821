/**
 * Webhook deliveries from the sandbox: every event for an account goes to each URL the account
 * registered, as JSON signed with HMAC-SHA256 over `${timestamp}.${rawBody}` with the
 * registration's secret. Failed deliveries are retried; a retry or an injected duplicate
 * carries the same event id, so receivers must de-duplicate on it.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FaultRegistry } from './faults';
import { presentComment, presentMention, presentMessage, presentPost } from './present';
import type { SbEvent } from './records';
import type { SandboxState } from './state';

export const SIGNATURE_HEADER = 'x-sandbox-signature';
export const TIMESTAMP_HEADER = 'x-sandbox-timestamp';
export const EVENT_ID_HEADER = 'x-sandbox-event-id';
export const EVENT_TYPE_HEADER = 'x-sandbox-event';

export function signWebhook(secret: string, timestamp: string, rawBody: string | Buffer): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex')}`;
}

/** Constant-time check of a delivery's signature (header names lower-cased). */
export function verifyWebhookSignature(secret: string, headers: Record<string, string | undefined>, rawBody: string | Buffer): boolean {
  const sig = headers[SIGNATURE_HEADER];
  const ts = headers[TIMESTAMP_HEADER];
  if (!sig || !ts) return false;
  const expected = Buffer.from(signWebhook(secret, ts, rawBody));
  const given = Buffer.from(sig);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export interface Delivery { eventId: string; type: string; url: string; attempt: number; copy: number; status: number | 'error' }

export interface WebhookDispatcherOptions {
  state: SandboxState;
  faults: FaultRegistry;
  baseUrl: () => string;
  fetch?: typeof fetch;
  /** Waits between attempts after a failure (real time). */
  retryDelaysMs?: number[];
  timeoutMs?: number;
}

export function createWebhookDispatcher(opts: WebhookDispatcherOptions) {
  const doFetch = opts.fetch ?? fetch;
  const retryDelays = opts.retryDelaysMs ?? [500, 2000, 10_000];
  const deliveries: Delivery[] = [];
  const queue: (() => Promise<void>)[] = [];
  const idleWaiters: (() => void)[] = [];
  let running = 0;
  let closed = false;
  const timers = new Set<NodeJS.Timeout>();

  const pump = (): void => {
    while (running < 4 && queue.length) {
      const job = queue.shift()!;
      running++;
      void job().finally(() => {
        running--;
        pump();
      });
    }
    if (running === 0 && queue.length === 0 && timers.size === 0) idleWaiters.splice(0).forEach((r) => r());
  };

  const payload = (e: SbEvent): Record<string, unknown> => {
    const d = opts.state.data;
    const base = opts.baseUrl();
    const extra: Record<string, unknown> = {};
    if (e.type === 'comment.created') {
      const c = d.comments.find((x) => x.id === e.data.comment_id);
      if (c) extra.comment = presentComment(c);
    } else if (e.type === 'dm.received') {
      const m = d.messages.find((x) => x.id === e.data.message_id);
      if (m) extra.message = presentMessage(m);
    } else if (e.type === 'mention.created') {
      const m = d.mentions.find((x) => x.id === e.data.mention_id);
      if (m) extra.mention = presentMention(m, base);
    } else if (e.type === 'post.published') {
      const p = d.posts.find((x) => x.id === e.data.post_id);
      if (p) extra.post = presentPost(p, base);
    }
    return { id: e.id, type: e.type, account_id: e.accountId, created_at: new Date(e.createdAt).toISOString(), data: { ...e.data, ...extra } };
  };

  const send = (e: SbEvent, url: string, secret: string, body: string, attempt: number, copy: number): (() => Promise<void>) => async () => {
    if (closed) return;
    const ts = String(Math.floor(opts.state.now() / 1000));
    let status: number | 'error' = 'error';
    try {
      const res = await doFetch(url, {
        method: 'POST', body, signal: AbortSignal.timeout(opts.timeoutMs ?? 5000),
        headers: {
          'content-type': 'application/json', [SIGNATURE_HEADER]: signWebhook(secret, ts, body), [TIMESTAMP_HEADER]: ts,
          [EVENT_ID_HEADER]: e.id, [EVENT_TYPE_HEADER]: e.type, 'user-agent': 'chorus-sandbox-webhooks/1',
        },
      });
      status = res.status;
      await res.arrayBuffer().catch(() => undefined);
    } catch {
      status = 'error';
    }
    deliveries.push({ eventId: e.id, type: e.type, url, attempt, copy, status });
    if (deliveries.length > 2000) deliveries.splice(0, deliveries.length - 2000);
    const ok = typeof status === 'number' && status >= 200 && status < 300;
    if (!ok && attempt <= retryDelays.length && !closed) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        queue.push(send(e, url, secret, body, attempt + 1, copy));
        pump();
      }, retryDelays[attempt - 1]);
      timer.unref();
      timers.add(timer);
    }
  };

  const unsubscribe = opts.state.onEvent((e) => {
    const hooks = opts.state.data.webhooks.filter((w) => w.accountId === e.accountId);
    if (hooks.length === 0) return;
    const body = JSON.stringify(payload(e));
    for (const h of hooks) {
      const fault = opts.faults.take('webhooks.deliver');
      const copies = fault?.kind === 'duplicate_webhook' ? fault.copies ?? 2 : 1;
      for (let c = 1; c <= copies; c++) queue.push(send(e, h.url, h.secret, body, 1, c));
    }
    pump();
  });

  return {
    deliveries: (): Delivery[] => [...deliveries],
    /** Resolves when no delivery is queued, in flight or waiting to retry. */
    idle(): Promise<void> {
      if (running === 0 && queue.length === 0 && timers.size === 0) return Promise.resolve();
      return new Promise((r) => idleWaiters.push(r));
    },
    close(): void {
      closed = true;
      unsubscribe();
      for (const t of timers) clearTimeout(t);
      timers.clear();
      queue.length = 0;
      idleWaiters.splice(0).forEach((r) => r());
    },
  };
}

export type WebhookDispatcher = ReturnType<typeof createWebhookDispatcher>;
