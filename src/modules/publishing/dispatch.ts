/**
 * The dispatcher: takes a batch of due publication ids from the queue, holds them until their due
 * instant (jobs are fetched a little early), claims the rows that are due with ONE conditional
 * UPDATE (… WHERE state = 'scheduled' RETURNING — two workers never both get a row), then runs the
 * attempts outside any transaction within the per-account, per-platform and process limits,
 * round-robin across workspaces. The queue job completes once its row is claimed; the lease and
 * the sweep cover a worker that dies after that. Claiming waits while this process has plenty
 * queued already, so nothing sits claimed for long without being worked on.
 */
import { newId } from '../../kernel/ids.js';
import { runAttempt, type AttemptResult } from './attempt.js';
import type { PublishingContext } from './context.js';
import { createPublishBuffer } from './finalize.js';
import { createKeyedLimiter } from './limiter.js';
import { ACCOUNT_CONCURRENCY, DEFAULT_ACCOUNT_CONCURRENCY, DEFAULT_PLATFORM_CONCURRENCY, PLATFORM_CONCURRENCY, interleave } from './model.js';
import { JOB_OPTIONS, PUBLISH_JOB, type Outcomes } from './outcome.js';
import type { PublicationRow } from './store.js';

const PROCESS_CONCURRENCY = 128;
/** Claimed-but-waiting attempts this process may hold before it stops claiming more. */
const MAX_WAITING = 400;
/** A job fetched more than this before its row is due is stale (the row moved): the row's own job will come. */
const MAX_HOLD_MS = 15_000;
const SINCE_SKEW_MS = 10 * 60_000;

export function createDispatcher(ctx: PublishingContext, outcomes: Outcomes) {
  const { db, store, clock } = ctx;
  const buffer = createPublishBuffer(ctx, outcomes);
  const limiter = createKeyedLimiter((key) => {
    if (key === '*') return PROCESS_CONCURRENCY;
    if (key.startsWith('account:')) return ACCOUNT_CONCURRENCY[key.split(':')[1]!] ?? DEFAULT_ACCOUNT_CONCURRENCY;
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
      result.credentialsLoadedAt = lookup.loadedAt;
    }
    if (result.error?.kind === 'retryable' && result.error.retryAfterMs) {
      blockedUntil.set(row.accountId, clock.now().getTime() + result.error.retryAfterMs);
    }
    if (result.outcome === 'published' || result.outcome === 'found_existing') await buffer.add(row, result);
    else await outcomes.applyAttempt(row, result);
  }

  function launch(row: PublicationRow) {
    const p = limiter.run(['*', `platform:${row.platform}`, `account:${row.platform}:${row.accountId}`], () => execute(row))
      .catch((e: unknown) => console.error(`[publishing] attempt for ${row.id} failed to record: ${(e as Error).message}`));
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p));
  }

  /** Claims the rows that are due now (skipping rate-limited accounts) and starts their attempts. */
  async function claimDue(ready: PublicationRow[]) {
    const now = clock.now().getTime();
    const go: PublicationRow[] = [];
    for (const r of ready) {
      const blocked = blockedUntil.get(r.accountId);
      if (blocked && blocked > now) await defer(r, blocked);
      else go.push(r);
    }
    while (limiter.load().waiting > MAX_WAITING) await sleep(20);
    const at = clock.now();
    const claimed = await store.claimMany(db, go.map((r) => r.id), ctx.worker, at, new Date(at.getTime() + ctx.options.leaseMs));
    const order = new Map(go.map((r, i) => [r.id, i]));
    claimed.sort((a, b) => order.get(a.id)! - order.get(b.id)!).forEach(launch);
  }

  return {
    /** Job handler for publish.variant: a batch of publication ids. Returns once every due row is claimed. */
    async handleBatch(ids: string[]) {
      const rows = (await store.findManyByIds(db, [...new Set(ids)])).filter((r) => r.state === 'scheduled');
      let pending = interleave(interleave(rows, (r) => r.accountId), (r) => r.workspaceId);
      while (pending.length > 0) {
        const next = Math.min(...pending.map(dueOf));
        const wait = next - clock.now().getTime();
        if (wait > MAX_HOLD_MS) return;
        if (wait > 0) await sleep(wait);
        const cut = clock.now().getTime() + 50;
        await claimDue(pending.filter((r) => dueOf(r) <= cut));
        pending = pending.filter((r) => dueOf(r) > cut);
      }
    },
    /** Waits for attempts running in this process (tests, graceful shutdown). */
    async drain() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
      await buffer.flush();
    },
    load: () => limiter.load(),
  };
}

export type Dispatcher = ReturnType<typeof createDispatcher>;
