/**
 * Domain events: the one way a module tells others that its state changed. A module calls
 * `emit(tx, name, payload)` inside the transaction that made the change (the event is written to an
 * outbox table and commits or rolls back with it); subscribers in other modules react later through
 * the job queue, at least once, so each must be idempotent. The catalogue below is the contract;
 * the outbox lives in `src/modules/events/`, subscribers are registered in the composition root.
 */
import type { DbOrTx } from '../db/client.js';

interface InWorkspace { workspaceId: string }

export interface DomainEventPayloads {
  /** A post is live on its platform (after publishing, recovery, or a person's confirmed URL). */
  'publication.published': InWorkspace & {
    publicationId: string; contentItemId: string; variantId: string; accountId: string; platform: string;
    url: string | null; platformPostId: string | null; publishedAt: string;
  };
  /** Fresh totals for one published post (analytics collection or import). */
  'post.metrics_collected': InWorkspace & {
    publicationId: string;
    /** The post's cumulative totals as last read (not the day's increase). */
    exposure: number | null; interactions: number | null; conversions: number | null; collectedAt: string;
  };
  /** Every variant of a reviewed subject is approved in its current version. */
  'review.approved': InWorkspace & { subjectType: string; subjectId: string; approvedBy: string; selfReview: boolean };
  /** A reviewer sent a subject back to its author. */
  'review.changes_requested': InWorkspace & { subjectType: string; subjectId: string; rejectedBy: string };
  /** A person left the workspace (removed by a manager or the owner). */
  'member.removed': InWorkspace & { userId: string; role: string; removedBy: string };
}

export type EventName = keyof DomainEventPayloads;
export const EVENT_NAMES = [
  'publication.published', 'post.metrics_collected', 'review.approved', 'review.changes_requested', 'member.removed',
] as const satisfies readonly EventName[];

export interface DomainEvent<N extends EventName = EventName> {
  id: string;
  name: N;
  workspaceId: string;
  payload: DomainEventPayloads[N];
  at: Date;
}

/** Writes the event in the caller's transaction; delivery is queued with it. */
export type Emit = <N extends EventName>(tx: DbOrTx, name: N, payload: DomainEventPayloads[N]) => Promise<void>;

export interface Subscriber<N extends EventName = EventName> {
  /** Stable and unique: it names the subscriber in delivery receipts and job keys. */
  key: string;
  event: N;
  handle(event: DomainEvent<N>): Promise<void>;
}

/** For services built without the outbox (unit tests of one module): the change commits, nobody hears of it. */
export const emitNowhere: Emit = async () => {};
