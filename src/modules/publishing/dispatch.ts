/**
 * The dispatcher: takes a batch of due publication ids from the queue, holds each until its due
 * instant (jobs are fetched a little early), then — within the per-account, per-platform and
 * process limits, round-robin across workspaces — claims the row with a conditional UPDATE and
 * runs the attempt outside any transaction. A queue job completes once its row is claimed (or
 * found not to need it); the lease and the sweep cover a worker that dies after that.
 */
import { runAttempt, type AttemptResult } from './attempt.js';
import type { PublishingContext } from './context.js';
import { createKeyedLimiter } from './limiter.js';
import { ACCOUNT_CONCURRENCY, DEFAULT_PLATFORM_CONCURRENCY, PLATFORM_CONCURRENCY, interleave } from './model.js';
import { JOB_OPTIONS, PUBLISH_JOB, type Outcomes } from './outcome.js';
import type { PublicationRow } from './store.js';
import { newId } from '../../kernel/ids.js';

const PROCESS_CONCURRENCY = 128;
/** A job fetched more than this before its row is due is stale (the row moved): leave it to the row's own job. */
const MAX_HOLD_MS = 15_000;
const SINCE_SKEW_MS = 10 * 60_000;

export function createDispatcher(ctx: PublishingContext, outcomes: Outcomes) {
  const { db, store, clock } = ctx;
  const limiter = createKeyedLimiter((key) => {
    if (key === '*') return PROCESS_CONCURRENCY;
    if (key.startsWith('account:')) return ACCOUNT_CONCURRENCY;
    return PLATFORM_CONCURRENCY[key.slice('platform:'.length)] ?? DEFAULT_PLATFORM_CONCURRENCY;
  });
  /** Accounts the platform asked us to leave alone (429 Retry-After) until the given time. */
  const blockedUntil = new Map<string, number>();
  const inFlight = new Set<Promise<unknown>>();

  const dueOf = (r: PublicationRow) => (r.nextAttemptAt ?? r.dueAt).getTime();
  const sleep = (ms: number) => new Promise((res) => setTimeout(res, ms));

  /** Moves a row's dispatch to later without an attempt (its account is rate-limited right now). */
  async function defer(row: PublicationRow, until: number) {
    const jobId = newId();
    await db.transaction(async (tx) => {
      const moved = await store.transition(tx, row.id, ['scheduled'], { nextAttemptAt: new Date(until), jobId, updatedAt: clock.now() });
      if (moved) await ctx.jobs.send(tx, PUBLISH_JOB, { publicationId: row.id }, { id: jobId, startAfter: new Date(until), ...JOB_OPTIONS });
    });
  }

  async function execute(row: PublicationRow): Promise<void> {
    const lookup = await ctx.connectorFor(row);
    const now = clock.now();
    let result: AttemptResult;
    if (!lookup.ok) {
      result = {
        outcome: 'account_unavailable', kind: 'publish', startedAt: now, finishedAt: now,
        error: { kind: lookup.reason === 'not_found' ? 'permanent' : 'reauthorize', message: lookup.message },
      };
    } else {
      result = await runAttempt(lookup.connector, {
        idempotencyKey: row.idempotencyKey, payload: row.payload,
        checkFirst: row.attempts > 1 || row.lastErrorKind === 'unconfirmed',
        since: new Date(row.createdAt.getTime() - SINCE_SKEW_MS),
      }, { now: () => clock.now(), loadMedia: ctx.loadMedia });
    }
    if (result.error?.kind === 'retryable' && result.error.retryAfterMs) {
      blockedUntil.set(row.accountId, clock.now().getTime() + result.error.retryAfterMs);
    }
    await outcomes.applyAttempt(row, result);
  }

  /** Resolves once the row is claimed (or needs nothing from us); the attempt goes on in the background. */
  function submit(row: PublicationRow): Promise<void> {
    return new Promise<void>((started) => {
      const go = async () => {
        const wait = dueOf(row) - clock.now().getTime();
        if (wait > MAX_HOLD_MS) return started();
        if (wait > 0) await sleep(wait);
        const blocked = blockedUntil.get(row.accountId);
        if (blocked && blocked > clock.now().getTime()) {
          await defer(row, blocked);
          return started();
        }
        await limiter.run(['*', `platform:${row.platform}`, `account:${row.accountId}`], async () => {
          const now = clock.now();
          let claimed: PublicationRow | undefined;
          try {
            claimed = await store.claim(db, row.id, ctx.worker, now, new Date(now.getTime() + ctx.options.leaseMs));
          } finally {
            started();
          }
          if (claimed) await execute(claimed);
        });
      };
      const p = go().catch((e: unknown) => {
        started();
        console.error(`[publishing] dispatch of ${row.id} failed: ${(e as Error).message}`);
      });
      inFlight.add(p);
      void p.finally(() => inFlight.delete(p));
    });
  }

  return {
    /** Job handler for publish.variant: a batch of publication ids. */
    async handleBatch(ids: string[]) {
      const rows = (await store.findManyByIds(db, [...new Set(ids)])).filter((r) => r.state === 'scheduled');
      const fair = interleave(interleave(rows, (r) => r.accountId), (r) => r.workspaceId);
      await Promise.all(fair.map(submit));
    },
    /** Waits for attempts running in this process (tests, graceful shutdown). */
    async drain() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
    load: () => limiter.load(),
  };
}

export type Dispatcher = ReturnType<typeof createDispatcher>;
