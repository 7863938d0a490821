/** Presenters: allow-lists of fields. Times are ISO instants plus the workspace's wall-clock reading. */
import { contractState, formatInZone, type PublicationState } from './model.js';
import type { AttemptRow, PublicationRow } from './store.js';

const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;

export function presentPublication(p: PublicationRow, timeZone: string) {
  return {
    id: p.id, contentItemId: p.contentItemId, variantId: p.variantId, accountId: p.accountId, platform: p.platform,
    state: p.state as PublicationState, dueAt: p.dueAt.toISOString(), dueAtLocal: formatInZone(p.dueAt, timeZone),
    nextAttemptAt: iso(p.nextAttemptAt), title: p.payload.title ?? null, text: p.payload.text, media: p.payload.media,
    attempts: p.attempts, lastError: p.lastError, lastErrorKind: p.lastErrorKind, platformPostId: p.platformPostId, url: p.url,
    publishedAt: iso(p.publishedAt), confirmedAt: iso(p.confirmedAt), handoff: p.state === 'handoff' ? p.handoff : null,
    metricsFollowUp: p.metricsFollowUp, createdBy: p.createdBy, createdAt: p.createdAt.toISOString(), updatedAt: p.updatedAt.toISOString(),
  };
}

export function presentAttempt(a: AttemptRow) {
  return {
    id: a.id, number: a.number, kind: a.kind, outcome: a.outcome, startedAt: a.startedAt.toISOString(), finishedAt: a.finishedAt.toISOString(),
    durationMs: a.finishedAt.getTime() - a.startedAt.getTime(), worker: a.worker, message: a.message, platformCode: a.platformCode,
    retryAfterMs: a.retryAfterMs, raw: a.raw ?? null,
  };
}

export function presentStatus(p: PublicationRow) {
  return {
    state: contractState(p.state as PublicationState), url: p.url ?? undefined, platformPostId: p.platformPostId ?? undefined,
    publishedAt: p.publishedAt ?? undefined, lastError: p.lastError ?? undefined,
  };
}
