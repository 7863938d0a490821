import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { workspaces } from '../team/tables.js';
import type { AttemptOutcome, PublicationPayload, PublicationState } from './model.js';

const at = (name: string) => timestamp(name, { withTimezone: true });
const workspaceId = () => uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' });

/**
 * One platform variant to publish: the payload snapshot taken at schedule time, its due instant and
 * state. A worker owns a row while `state = 'publishing'` and `lease_until` is in the future; the
 * idempotency key is stable for the row's whole life (every attempt and every retry carry it).
 */
export const publications = pgTable('publications', {
  id: uuid('id').primaryKey(),
  workspaceId: workspaceId(),
  contentItemId: text('content_item_id').notNull(),
  variantId: text('variant_id').notNull(),
  accountId: uuid('account_id').notNull(),
  platform: text('platform').notNull(),
  state: text('state').$type<PublicationState>().notNull(),
  dueAt: at('due_at').notNull(),
  /** When the next attempt may start (retries, Retry-After); null means at dueAt. */
  nextAttemptAt: at('next_attempt_at'),
  textHash: text('text_hash').notNull(),
  payload: jsonb('payload').$type<PublicationPayload>().notNull(),
  idempotencyKey: text('idempotency_key').notNull(),
  /** The queue job expected to dispatch it (cancelled on reschedule/unschedule). */
  jobId: text('job_id'),
  attempts: integer('attempts').notNull().default(0),
  /** Attempts since the last manual retry (the retry budget). */
  budgetUsed: integer('budget_used').notNull().default(0),
  claimedBy: text('claimed_by'),
  leaseUntil: at('lease_until'),
  dispatchedAt: at('dispatched_at'),
  platformPostId: text('platform_post_id'),
  url: text('url'),
  /** Async publishing (video): the platform's job id for publishStatus. */
  publishJobId: text('publish_job_id'),
  publishedAt: at('published_at'),
  confirmedAt: at('confirmed_at'),
  lastError: text('last_error'),
  lastErrorKind: text('last_error_kind'),
  handoff: jsonb('handoff').$type<Record<string, unknown> | null>(),
  /** First metrics collection: 'queued' (job sent) or 'recorded' (no collector registered yet). */
  metricsFollowUp: text('metrics_follow_up'),
  createdBy: uuid('created_by').notNull(),
  createdAt: at('created_at').notNull().defaultNow(),
  updatedAt: at('updated_at').notNull().defaultNow(),
}, (t) => [
  uniqueIndex('publications_ws_variant_uq').on(t.workspaceId, t.variantId),
  index('publications_state_due_idx').on(t.state, t.dueAt),
  index('publications_ws_state_due_idx').on(t.workspaceId, t.state, t.dueAt),
  index('publications_account_state_idx').on(t.accountId, t.state),
]);

/** Every try at publishing, with the platform's raw answer (never credentials). */
export const publishAttempts = pgTable('publish_attempts', {
  id: uuid('id').primaryKey(),
  workspaceId: workspaceId(),
  publicationId: uuid('publication_id').notNull().references(() => publications.id, { onDelete: 'cascade' }),
  number: integer('number').notNull(),
  kind: text('kind').notNull(),
  outcome: text('outcome').$type<AttemptOutcome>().notNull(),
  startedAt: at('started_at').notNull(),
  finishedAt: at('finished_at').notNull(),
  worker: text('worker'),
  message: text('message'),
  platformCode: text('platform_code'),
  retryAfterMs: integer('retry_after_ms'),
  raw: jsonb('raw'),
}, (t) => [index('publish_attempts_pub_idx').on(t.publicationId, t.number)]);
