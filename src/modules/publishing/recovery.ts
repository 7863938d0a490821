/**
 * Getting every publication to a known end: the resolver for unknown outcomes (ask the platform by
 * key, never retry blind), status polling for async uploads, and the sweep that finds what a dead
 * worker or a lost job left behind, refreshes tokens ahead of due posts and releases posts that
 * waited for re-authorisation.
 */
import { newId } from '../../kernel/ids.js';
import { confirmPost, lookUpByKey, type AttemptResult } from './attempt.js';
import { systemActor, type PublishingContext } from './context.js';
import { classifyError, type PublicationState } from './model.js';
import { CHECK_JOB, JOB_OPTIONS, PUBLISH_JOB, RESOLVE_JOB, SWEEP_JOB, label, type Outcomes } from './outcome.js';
import type { PublicationRow } from './store.js';

const RESOLVE_LOOKS_BEFORE_RETRY = 2;
const RESOLVE_NOTIFY_AFTER = 3;
const RESOLVE_MAX = 30;
const CHECK_MAX = 400;
const SINCE_SKEW_MS = 10 * 60_000;

export function createRecovery(ctx: PublishingContext, outcomes: Outcomes) {
  const { db, store, clock, jobs, options } = ctx;
  const now = () => clock.now();
  const result = (r: Omit<AttemptResult, 'startedAt' | 'finishedAt'>, startedAt: Date): AttemptResult => ({ ...r, startedAt, finishedAt: now() });

  async function requeue(row: PublicationRow, name: string, data: object, delayMs: number, patch: Partial<PublicationRow> = {}) {
    const jobId = newId();
    await db.transaction(async (tx) => {
      const moved = await store.transition(tx, row.id, [row.state], { ...patch, jobId, updatedAt: now() });
      if (moved) await jobs.send(tx, name, data, { id: jobId, startAfter: new Date(now().getTime() + delayMs), ...JOB_OPTIONS });
    });
  }

  /** publish.resolve: an attempt's outcome is unknown. Found by key → published; twice not found → safe to retry. */
  async function resolve(publicationId: string, n: number) {
    const [row] = await store.findManyByIds(db, [publicationId]);
    if (!row || row.state !== 'unconfirmed') return;
    const startedAt = now();
    const lookup = await ctx.connectorFor(row);
    if (!lookup.ok || !lookup.connector.findPostByKey) {
      if (n === 0) {
        await db.transaction(async (tx) => {
          await outcomes.recordAttempt(tx, row, result({ outcome: 'check_failed', kind: 'check', error: { kind: 'unconfirmed', message: lookup.ok ? 'the platform cannot look posts up by key: a person decides' : lookup.message } }, startedAt));
          await ctx.notifyOwner(tx, row, 'publish.unconfirmed', 'warning', `发布结果待确认：${label(row)}`,
            `${row.platform} 发布请求已发出但没有收到结果，且无法自动核对。请到平台确认：已发布则粘贴链接，未发布则点「重试」。`);
        });
      }
      return;
    }
    const input = { idempotencyKey: row.idempotencyKey, payload: row.payload, checkFirst: true, since: new Date(row.createdAt.getTime() - SINCE_SKEW_MS) };
    try {
      const found = await lookUpByKey(lookup.connector, input);
      if (found) {
        const c = await confirmPost(lookup.connector, found.platformPostId, found.url);
        await outcomes.markPublished(row, result({ outcome: 'found_existing', kind: 'check', ...c, raw: { found } }, startedAt), ['unconfirmed']);
        return;
      }
      if (n + 1 < RESOLVE_LOOKS_BEFORE_RETRY) {
        await recordOnly(row, result({ outcome: 'not_found', kind: 'check', raw: { look: n + 1 } }, startedAt));
        await requeue(row, RESOLVE_JOB, { publicationId: row.id, n: n + 1 }, options.resolveDelayMs);
        return;
      }
      // Looked twice, some seconds apart: the platform never made it. Retry with the same key (it checks again first).
      const jobId = newId();
      await db.transaction(async (tx) => {
        await outcomes.recordAttempt(tx, row, result({ outcome: 'not_found', kind: 'check', raw: { look: n + 1, decision: 'retry' } }, startedAt));
        const moved = await store.transition(tx, row.id, ['unconfirmed'], { state: 'scheduled', nextAttemptAt: now(), jobId, updatedAt: now() });
        if (moved) await jobs.send(tx, PUBLISH_JOB, { publicationId: row.id }, { id: jobId, ...JOB_OPTIONS });
      });
    } catch (e) {
      const c = classifyError(e);
      await db.transaction(async (tx) => {
        await outcomes.recordAttempt(tx, row, result({ outcome: 'check_failed', kind: 'check', error: c, raw: c.raw }, startedAt));
        if (n + 1 === RESOLVE_NOTIFY_AFTER) {
          await ctx.notifyOwner(tx, row, 'publish.unconfirmed', 'warning', `发布结果待确认：${label(row)}`,
            `${row.platform} 暂时无法核对这条内容是否已发布（${c.message}）。合声会继续核对，不会重复发布。`);
        }
      });
      if (n + 1 < RESOLVE_MAX) await requeue(row, RESOLVE_JOB, { publicationId: row.id, n: n + 1 }, Math.min(60_000, options.resolveDelayMs * 2 ** Math.min(n, 6)));
    }
  }

  async function recordOnly(row: PublicationRow, r: AttemptResult) {
    await db.transaction((tx) => outcomes.recordAttempt(tx, row, r));
  }

  /** publish.check: an async upload (video) is processing; poll publishStatus until it ends. */
  async function check(publicationId: string, n: number) {
    const [row] = await store.findManyByIds(db, [publicationId]);
    if (!row || row.state !== 'pending') return;
    const startedAt = now();
    const lookup = await ctx.connectorFor(row);
    const delay = Math.min(60_000, options.checkDelayMs * 1.5 ** Math.min(n, 12));
    if (!lookup.ok || !lookup.connector.publishStatus || !row.publishJobId) {
      if (n < CHECK_MAX) await requeue(row, CHECK_JOB, { publicationId, n: n + 1 }, delay);
      return;
    }
    try {
      const s = await lookup.connector.publishStatus(row.publishJobId);
      if (s.status === 'published') {
        const c = await confirmPost(lookup.connector, s.platformPostId ?? row.platformPostId ?? undefined, s.url ?? row.url ?? undefined);
        await outcomes.markPublished(row, result({ outcome: 'published', kind: 'status', ...c, raw: { ...s } }, startedAt), ['pending']);
      } else if (s.status === 'failed') {
        const r = result({ outcome: 'permanent', kind: 'status', error: { kind: 'permanent', message: s.failure?.message ?? 'the platform failed the upload', platformCode: s.failure?.code }, raw: { ...s } }, startedAt);
        await db.transaction(async (tx) => {
          await outcomes.recordAttempt(tx, row, r);
          await outcomes.markFailed(tx, row, r, ['pending']);
        });
      } else if (n < CHECK_MAX) {
        await requeue(row, CHECK_JOB, { publicationId, n: n + 1 }, delay);
      }
    } catch (e) {
      const c = classifyError(e);
      await recordOnly(row, result({ outcome: 'check_failed', kind: 'status', error: c, raw: c.raw }, startedAt));
      if (n < CHECK_MAX) await requeue(row, CHECK_JOB, { publicationId, n: n + 1 }, delay);
    }
  }

  /** Leases that ran out: the worker died mid-attempt, so the outcome is unknown → the resolver decides. */
  async function recoverLeases(limit: number) {
    const rows = await store.expiredLeases(db, now(), limit);
    for (const row of rows) {
      const jobId = newId();
      await db.transaction(async (tx) => {
        const moved = await store.transition(tx, row.id, ['publishing'], {
          state: 'unconfirmed', lastError: `worker ${row.claimedBy ?? '?'} stopped during the attempt`, lastErrorKind: 'unconfirmed',
          claimedBy: null, leaseUntil: null, jobId, updatedAt: now(),
        });
        if (!moved) return;
        await outcomes.recordAttempt(tx, row, result({ outcome: 'interrupted', kind: 'publish', error: { kind: 'unconfirmed', message: 'lease expired: the worker stopped during the attempt' } }, row.leaseUntil ?? now()));
        await jobs.send(tx, RESOLVE_JOB, { publicationId: row.id, n: 0 }, { id: jobId, ...JOB_OPTIONS });
      });
    }
    return rows.length;
  }

  /** Rows whose job is gone or held by a dead worker get a fresh job (the claim keeps doubles harmless). */
  async function requeueOrphans(limit: number) {
    const ids = await store.withoutLiveJob(db, now(), options.stuckGraceMs, options.activeStaleMs, limit);
    const rows = await store.findManyByIds(db, ids);
    const jobOf: Partial<Record<PublicationState, [string, object]>> = {};
    for (const row of rows) {
      jobOf.scheduled = [PUBLISH_JOB, { publicationId: row.id }];
      jobOf.pending = [CHECK_JOB, { publicationId: row.id, n: 0 }];
      jobOf.unconfirmed = [RESOLVE_JOB, { publicationId: row.id, n: 0 }];
      const job = jobOf[row.state];
      if (job) await requeue(row, job[0], job[1], 0);
    }
    return rows.length;
  }

  /** Posts waiting for re-authorisation go again once their account is active and connected. */
  async function releaseWaiting(limit: number) {
    const rows = await store.listWaitingAuth(db, limit);
    const ready = new Map<string, boolean>();
    let released = 0;
    for (const row of rows) {
      if (!ready.has(row.accountId)) {
        const a = await ctx.accounts.get(systemActor(row.workspaceId), row.accountId).then((x) => x.account, () => null);
        ready.set(row.accountId, Boolean(a && a.status === 'active' && (a.connection.connected || a.platform === 'xiaohongshu' || a.platform === 'zhihu')
          && (!a.updatedAt || new Date(a.updatedAt) > row.updatedAt)));
        ctx.forget(row.accountId);
      }
      if (!ready.get(row.accountId)) continue;
      await requeue(row, PUBLISH_JOB, { publicationId: row.id }, 0, { state: 'scheduled', nextAttemptAt: now(), budgetUsed: 0 });
      released++;
    }
    return released;
  }

  /** Tokens that would expire before (or just after) a due post are refreshed now, not at the last second. */
  async function refreshTokens() {
    const soon = new Date(now().getTime() + options.refreshAheadMs);
    let refreshed = 0;
    for (const a of await store.accountsDueBefore(db, soon)) {
      const acc = await ctx.accounts.get(systemActor(a.workspaceId), a.accountId).then((x) => x.account, () => null);
      const exp = acc?.connection.tokenExpiresAt ? new Date(acc.connection.tokenExpiresAt) : null;
      if (!acc || acc.status !== 'active' || !exp || exp.getTime() > soon.getTime() + 5 * 60_000) continue;
      const lookup = await ctx.connectorFor({ workspaceId: a.workspaceId, accountId: a.accountId, platform: acc.platform });
      if (!lookup.ok || !lookup.connector.refresh) continue;
      try {
        await lookup.connector.refresh();
        refreshed++;
      } catch (e) {
        if (classifyError(e).kind === 'reauthorize') await ctx.pauseAccount(a.workspaceId, a.accountId, lookup.loadedAt);
      }
    }
    return refreshed;
  }

  let cronInstalled = false;
  /** publish.sweep: every minute (cron), and chained sooner when the options say so. */
  async function sweep(opts: { chain?: boolean } = {}) {
    const report = {
      leases: await recoverLeases(500), orphans: await requeueOrphans(2000), released: await releaseWaiting(500),
      refreshed: await refreshTokens().catch(() => 0),
    };
    if (!cronInstalled) {
      await jobs.boss.schedule(SWEEP_JOB, '* * * * *', {}, { singletonKey: SWEEP_JOB } as never).catch(() => {});
      cronInstalled = true;
    }
    if (opts.chain && options.sweepIntervalMs < 60_000) {
      const slot = Math.max(1, Math.round(options.sweepIntervalMs / 1000));
      await jobs.send(null, SWEEP_JOB, { chain: true }, { startAfter: new Date(now().getTime() + options.sweepIntervalMs), singletonKey: 'chain', singletonSeconds: slot } as never);
    }
    return report;
  }

  return { resolve, check, sweep, recoverLeases, requeueOrphans, releaseWaiting, refreshTokens };
}

export type Recovery = ReturnType<typeof createRecovery>;
