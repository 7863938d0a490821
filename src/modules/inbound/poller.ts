/**
 * Ingestion that runs by itself: a sweep every minute enqueues one collect job per connected account whose turn
 * has come; each job asks the platform for what is new since its cursor (with an overlap — duplicates are
 * dropped by the event key) and moves the cursor, or backs off after a rate limit or failure.
 */
import type { Database } from '../../db/client.js';
import type { JobDefinition, Jobs } from '../../jobs/queue.js';
import type { Actor } from '../../kernel/access.js';
import type { Clock } from '../../kernel/clock.js';
import { DomainError } from '../../kernel/errors.js';
import type { AccountsService } from '../accounts/service.js';
import { PlatformError, RetryableError } from '../platforms/errors.js';
import type { TeamService } from '../team/service.js';
import { COLLECT_JOB, type InboundService } from './service.js';
import { createInboundStore } from './store.js';

export const POLL_SWEEP_JOB = 'inbound.poll_sweep';
/** Between two polls of one account. */
export const POLL_INTERVAL_MS = 2 * 60_000;
/** Ask again from this long before the newest item seen (platforms index late). */
const OVERLAP_MS = 10 * 60_000;
const MAX_BACKOFF_MS = 60 * 60_000;
const SYSTEM_USER = '00000000-0000-0000-0000-000000000000';

/** Exponential back-off after the n-th failure in a row (1, 2, 4 … 60 minutes), or the platform's Retry-After. */
export function backoffMs(failures: number, retryAfterMs?: number): number {
  const exp = Math.min(MAX_BACKOFF_MS, 60_000 * 2 ** Math.max(0, failures - 1));
  return Math.max(exp, retryAfterMs ?? 0);
}

export function createInboundPoller(deps: { database: Database; jobs: Jobs; clock: Clock; team: TeamService; accounts: AccountsService; inbound: InboundService }) {
  const { database, jobs, clock, team, accounts, inbound } = deps;
  const db = database.db;
  const store = createInboundStore();

  return {
    /** Enqueues the accounts whose turn has come; returns how many. */
    async sweep() {
      const now = clock.now();
      let queued = 0;
      for (const w of await team.listAllWorkspaces()) {
        const actor: Actor = { userId: SYSTEM_USER, via: 'session', workspaceId: w.id, role: 'owner' } as Actor;
        const { items } = await accounts.list(actor, { status: 'active' });
        for (const a of items.filter((x) => x.connection.connected)) {
          const cursor = await store.findCursor(db, w.id, a.id);
          if (cursor && cursor.nextAt > now) continue;
          await jobs.send(null, COLLECT_JOB, { workspaceId: w.id, accountId: a.id }, { singletonKey: a.id, singletonSeconds: 60, retryLimit: 0 });
          queued += 1;
        }
      }
      return { queued };
    },

    /** One scheduled poll of one account. Failures are recorded on the cursor, never thrown (the cursor is the retry). */
    async poll(workspaceId: string, accountId: string) {
      const cursor = await store.findCursor(db, workspaceId, accountId);
      const now = clock.now();
      const since = cursor?.since ? new Date(cursor.since.getTime() - OVERLAP_MS) : undefined;
      try {
        const r = await inbound.collect(workspaceId, accountId, since);
        const newest = r.newest && (!cursor?.since || r.newest > cursor.since) ? r.newest : cursor?.since ?? null;
        await store.saveCursor(db, { accountId, workspaceId, since: newest, nextAt: new Date(now.getTime() + POLL_INTERVAL_MS), failures: 0, lastError: null, updatedAt: now });
        return { ok: true as const, stored: r.stored };
      } catch (err) {
        const failures = (cursor?.failures ?? 0) + 1;
        const wait = err instanceof RetryableError ? backoffMs(failures, err.retryAfterMs)
          : err instanceof PlatformError || err instanceof DomainError ? Math.max(backoffMs(failures), 30 * 60_000) : backoffMs(failures);
        const message = err instanceof DomainError ? err.code : (err as Error).message;
        await store.saveCursor(db, { accountId, workspaceId, since: cursor?.since ?? null, nextAt: new Date(now.getTime() + wait), failures, lastError: message.slice(0, 300), updatedAt: now });
        return { ok: false as const, error: message, retryInMs: wait };
      }
    },
  };
}

export type InboundPoller = ReturnType<typeof createInboundPoller>;

export function inboundJobs(poller: InboundPoller): JobDefinition<never>[] {
  const sweep: JobDefinition<object> = { name: POLL_SWEEP_JOB, batchSize: 1, pollingIntervalSeconds: 15, retryLimit: 1, retryDelay: 30, async handle() { await poller.sweep(); } };
  const collect: JobDefinition<{ workspaceId: string; accountId: string }> = {
    name: COLLECT_JOB, batchSize: 4, pollingIntervalSeconds: 5, retryLimit: 0,
    async handle(batch) { for (const j of batch) await poller.poll(j.data.workspaceId, j.data.accountId); },
  };
  return [sweep, collect] as unknown as JobDefinition<never>[];
}

export async function scheduleInboundPolling(jobs: Jobs) {
  await jobs.boss.createQueue(POLL_SWEEP_JOB).catch(() => {});
  await jobs.boss.schedule(POLL_SWEEP_JOB, '* * * * *', {});
}
