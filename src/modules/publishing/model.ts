/** Publishing: states, the error classification, back-off, due-time arithmetic and fairness. No I/O. */
import { DateTime } from 'luxon';

export const PUBLICATION_STATES = [
  'scheduled', 'publishing', 'pending', 'published', 'failed', 'unconfirmed', 'handoff', 'waiting_auth', 'cancelled',
] as const;
export type PublicationState = (typeof PUBLICATION_STATES)[number];

/** The states the content module sees (statusOf): `pending` is still publishing, `waiting_auth` still scheduled. */
export type ContractState = 'scheduled' | 'publishing' | 'published' | 'failed' | 'unconfirmed' | 'handoff' | 'cancelled';

export function contractState(s: PublicationState): ContractState {
  if (s === 'pending') return 'publishing';
  if (s === 'waiting_auth') return 'scheduled';
  return s;
}

export interface MediaRef {
  id: string;
  kind: 'image' | 'video';
  url: string;
  bytes?: number;
  width?: number;
  height?: number;
  durationSec?: number;
}

export interface PublicationPayload { text: string; title?: string; media: MediaRef[] }

export const ATTEMPT_OUTCOMES = [
  'published', 'pending', 'handoff', 'found_existing', 'not_found', 'retryable', 'reauthorize', 'bad_content',
  'permanent', 'unconfirmed', 'interrupted', 'confirmed_by_url', 'still_pending', 'check_failed', 'account_unavailable',
] as const;
export type AttemptOutcome = (typeof ATTEMPT_OUTCOMES)[number];

/** Monitor tabs: 即将发布 / 发布中 / 失败 / 待确认 / 人工发布任务. */
export const MONITOR_TABS = ['due', 'in_flight', 'failed', 'unconfirmed', 'handoff'] as const;
export type MonitorTab = (typeof MONITOR_TABS)[number];

export const TAB_STATES: Record<MonitorTab, PublicationState[]> = {
  due: ['scheduled'],
  in_flight: ['publishing', 'pending'],
  failed: ['failed', 'waiting_auth'],
  unconfirmed: ['unconfirmed'],
  handoff: ['handoff'],
};

/** States a person may retry from; states a publication may be cancelled from. */
export const RETRYABLE_STATES: PublicationState[] = ['failed', 'unconfirmed', 'waiting_auth'];
export const CANCELLABLE_STATES: PublicationState[] = ['scheduled', 'waiting_auth', 'handoff', 'failed'];
/** States in which the content module may move or drop the schedule. */
export const MOVABLE_STATES: PublicationState[] = ['scheduled', 'waiting_auth', 'failed', 'cancelled'];

export interface RetryPolicy {
  /** Automatic attempts before a retryable failure becomes `failed`. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 5, baseDelayMs: 10_000, maxDelayMs: 10 * 60_000 };

/**
 * When to try again after a retryable failure: the platform's Retry-After when it gave one (never
 * shorter), otherwise exponential back-off with ±20 % jitter. `attempt` counts from 1.
 */
export function retryDelayMs(attempt: number, retryAfterMs: number | undefined, policy: RetryPolicy, random = Math.random): number {
  const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  const jittered = Math.round(backoff * (0.8 + 0.4 * random()));
  if (retryAfterMs !== undefined && retryAfterMs >= 0) return Math.min(Math.max(retryAfterMs, 0), 6 * 3_600_000);
  return jittered;
}

export type ErrorClass = 'retryable' | 'reauthorize' | 'bad_content' | 'permanent' | 'unconfirmed';

export interface Classified { kind: ErrorClass; message: string; platformCode?: string; retryAfterMs?: number; raw?: unknown }

/**
 * Classifies anything a connector (or the path to it) threw. Platform errors carry their kind;
 * an error we cannot place is treated as retryable when nothing was sent (no kind means our side failed).
 */
export function classifyError(e: unknown): Classified {
  const err = e as { kind?: string; message?: string; platformCode?: string; retryAfterMs?: number; raw?: unknown; code?: string };
  const message = String(err?.message ?? e).slice(0, 1000);
  const kind = err?.kind;
  if (kind === 'retryable' || kind === 'reauthorize' || kind === 'bad_content' || kind === 'permanent' || kind === 'unconfirmed') {
    return { kind, message, platformCode: err.platformCode, retryAfterMs: err.retryAfterMs, raw: err.raw };
  }
  return { kind: 'retryable', message };
}

/** The next state after a classified failure. `attempt` is the attempt number just made. */
export function afterFailure(c: Classified, attempt: number, policy: RetryPolicy): { state: PublicationState; retryInMs?: number } {
  switch (c.kind) {
    case 'retryable':
      return attempt < policy.maxAttempts ? { state: 'scheduled', retryInMs: retryDelayMs(attempt, c.retryAfterMs, policy) } : { state: 'failed' };
    case 'reauthorize': return { state: 'waiting_auth' };
    case 'unconfirmed': return { state: 'unconfirmed' };
    default: return { state: 'failed' };
  }
}

export class InvalidLocalTimeError extends Error {}

/**
 * A wall-clock time in an IANA zone → the instant. In a spring-forward gap (02:30 that never
 * happens) the time moves forward by the gap; in a fall-back overlap the earlier instant wins.
 */
export function dueAtFromLocal(local: string, timeZone: string): Date {
  const dt = DateTime.fromISO(local, { zone: timeZone });
  if (!dt.isValid) throw new InvalidLocalTimeError(dt.invalidExplanation ?? `invalid local time ${local} in ${timeZone}`);
  // luxon pushes a gap forward; in an overlap it may pick the later offset, so look for an earlier twin.
  const wall = dt.toFormat("yyyy-LL-dd'T'HH:mm:ss");
  for (const minutes of [60, 30]) {
    const twin = dt.minus({ minutes });
    if (twin.toFormat("yyyy-LL-dd'T'HH:mm:ss") === wall) return twin.toJSDate();
  }
  return dt.toJSDate();
}

/** The instant shown in a zone, as `YYYY-MM-DD HH:mm` plus the offset. */
export function formatInZone(d: Date, timeZone: string): string {
  return DateTime.fromJSDate(d, { zone: timeZone }).toFormat('yyyy-LL-dd HH:mm ZZ');
}

/** Round-robin across workspaces (then accounts) so one workspace's burst cannot starve the others. */
export function interleave<T>(rows: T[], keyOf: (r: T) => string): T[] {
  const groups = new Map<string, T[]>();
  for (const r of rows) {
    const k = keyOf(r);
    const g = groups.get(k);
    if (g) g.push(r);
    else groups.set(k, [r]);
  }
  const queues = [...groups.values()];
  const out: T[] = [];
  for (let i = 0; out.length < rows.length; i++) {
    for (const q of queues) if (i < q.length) out.push(q[i]!);
  }
  return out;
}

/** Per-platform in-process concurrency (rate limits differ; unknown platforms get the default). */
export const PLATFORM_CONCURRENCY: Record<string, number> = {
  sandbox: 64, weibo: 4, wechat: 4, douyin: 4, kuaishou: 4, bilibili: 2, linkedin: 4, mastodon: 8, bluesky: 8, telegram: 8,
};
export const DEFAULT_PLATFORM_CONCURRENCY = 4;
/** Per account: real platforms throttle each user (Weibo documents 30 posts/h); the sandbox does not. */
export const ACCOUNT_CONCURRENCY: Record<string, number> = { sandbox: 8 };
export const DEFAULT_ACCOUNT_CONCURRENCY = 2;

/** The idempotency key a publication carries on every attempt (≤ 200 chars, stable). */
export const idempotencyKeyOf = (publicationId: string) => `chorus-pub-${publicationId}`;

/** Platforms with no publishing API: always a hand-off task. */
export const ASSISTED_PLATFORMS = new Set(['xiaohongshu', 'zhihu']);
