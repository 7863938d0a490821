/**
 * Recording what an attempt did and moving the row on, in one transaction with its follow-ups:
 * the attempt row, the state change, the next job (retry, status check, resolver), the first
 * metrics collection, the first-reply reminder and the owner's notification.
 */
import type { DbOrTx } from '../../db/client.js';
import type { Emit } from '../../kernel/events.js';
import { newId } from '../../kernel/ids.js';
import type { AttemptResult } from './attempt.js';
import type { PublishingContext } from './context.js';
import { afterFailure, type PublicationState } from './model.js';
import type { PublicationRow } from './store.js';

export const PUBLISH_JOB = 'publish.variant';
export const CHECK_JOB = 'publish.check';
export const RESOLVE_JOB = 'publish.resolve';
export const SWEEP_JOB = 'publish.sweep';
export const FIRST_REPLY_JOB = 'publish.first_reply';
/** The analytics module's collector, enqueued only when some process registered it. */
export const COLLECT_POST_JOB = 'analytics.collect_post';

export const JOB_OPTIONS = { retryLimit: 2, retryDelay: 5, expireInSeconds: 600 } as const;

export const label = (row: Pick<PublicationRow, 'payload'>) => {
  const t = (row.payload.title || row.payload.text || '').replace(/\s+/g, ' ').trim();
  return t.length > 24 ? `${t.slice(0, 24)}…` : t;
};

/** `publication.published` for each row that just became published, in the transaction that made it so. */
export async function announcePublished(
  tx: DbOrTx, emit: Emit | undefined,
  rows: Array<Pick<PublicationRow, 'id' | 'workspaceId' | 'contentItemId' | 'variantId' | 'accountId' | 'platform' | 'url' | 'platformPostId' | 'publishedAt'>>,
) {
  if (!emit) return;
  for (const r of rows) {
    await emit(tx, 'publication.published', {
      workspaceId: r.workspaceId, publicationId: r.id, contentItemId: r.contentItemId, variantId: r.variantId, accountId: r.accountId,
      platform: r.platform, url: r.url ?? null, platformPostId: r.platformPostId ?? null, publishedAt: (r.publishedAt ?? new Date()).toISOString(),
    });
  }
}

export function createOutcomes(ctx: PublishingContext) {
  const { db, store, jobs, clock, options } = ctx;
  let collector: { known: boolean; until: number } = { known: false, until: 0 };

  /** Is an analytics collector registered (its queue exists)? Asked outside transactions, cached a minute. */
  async function hasCollector(): Promise<boolean> {
    if (collector.until > Date.now()) return collector.known;
    const q = await jobs.boss.getQueue(COLLECT_POST_JOB).catch(() => null);
    collector = { known: Boolean(q), until: Date.now() + 60_000 };
    return collector.known;
  }

  async function sendJob(tx: DbOrTx, name: string, data: object, startAfter?: Date) {
    const id = newId();
    await jobs.send(tx, name, data, { id, startAfter: startAfter && startAfter > clock.now() ? startAfter : undefined, ...JOB_OPTIONS });
    return id;
  }

  async function recordAttempt(tx: DbOrTx, row: PublicationRow, r: AttemptResult) {
    await store.insertAttempt(tx, {
      id: newId(), workspaceId: row.workspaceId, publicationId: row.id, number: row.attempts, kind: r.kind, outcome: r.outcome,
      startedAt: r.startedAt, finishedAt: r.finishedAt, worker: ctx.worker, message: r.error?.message ?? null,
      platformCode: r.error?.platformCode ?? null, retryAfterMs: r.error?.retryAfterMs ?? null, raw: (r.raw ?? r.error?.raw ?? null) as never,
    });
  }

  /** The post exists on the platform: store where, schedule metrics and the first-reply reminder. */
  async function markPublished(row: PublicationRow, r: AttemptResult, from: PublicationState[]) {
    const collect = await hasCollector();
    return db.transaction(async (tx) => {
      await recordAttempt(tx, row, r);
      const now = clock.now();
      const done = await store.transition(tx, row.id, from, {
        state: 'published', platformPostId: r.platformPostId ?? null, url: r.url ?? null, publishedAt: r.finishedAt,
        confirmedAt: r.confirmed ? now : null, leaseUntil: null, claimedBy: null, jobId: null, lastError: null, lastErrorKind: null,
        metricsFollowUp: collect ? 'queued' : 'recorded', updatedAt: now,
      });
      if (!done) return undefined;
      await announcePublished(tx, ctx.emit, [done]);
      if (collect) await jobs.send(tx, COLLECT_POST_JOB, { publicationId: row.id, workspaceId: row.workspaceId }, { startAfter: new Date(now.getTime() + 60_000) });
      await sendJob(tx, FIRST_REPLY_JOB, { publicationId: row.id }, new Date(now.getTime() + options.firstReplyReminderMs));
      return done;
    });
  }

  async function markFailed(tx: DbOrTx, row: PublicationRow, r: AttemptResult, from: PublicationState[], worker?: string) {
    const done = await store.transition(tx, row.id, from, {
      state: 'failed', lastError: r.error?.message ?? 'failed', lastErrorKind: r.error?.kind ?? r.outcome,
      leaseUntil: null, claimedBy: null, jobId: null, updatedAt: clock.now(),
    }, worker);
    if (done) {
      await ctx.notifyOwner(tx, done, 'publish.failed', 'critical', `发布失败：${label(done)}`,
        `${done.platform} 发布失败（${r.error?.kind ?? r.outcome}）：${r.error?.message ?? ''}。可在发布监控中一键重试。`);
    }
    return done;
  }

  /** Applies the result of an attempt on a row this worker claimed. */
  async function applyAttempt(row: PublicationRow, r: AttemptResult): Promise<PublicationRow | undefined> {
    const mine: PublicationState[] = ['publishing'];
    switch (r.outcome) {
      case 'published':
      case 'found_existing':
        // Also from 'unconfirmed': the sweep may have given up on our lease while the platform answered.
        return markPublished(row, r, ['publishing', 'unconfirmed']);
      case 'pending':
        return db.transaction(async (tx) => {
          await recordAttempt(tx, row, r);
          const jobId = newId();
          const done = await store.transition(tx, row.id, ['publishing', 'unconfirmed'], {
            state: 'pending', publishJobId: r.publishJobId ?? null, platformPostId: r.platformPostId ?? null, url: r.url ?? null,
            leaseUntil: null, claimedBy: null, jobId, updatedAt: clock.now(),
          });
          if (done) await jobs.send(tx, CHECK_JOB, { publicationId: row.id, n: 0 }, { id: jobId, startAfter: new Date(clock.now().getTime() + options.checkDelayMs), ...JOB_OPTIONS });
          return done;
        });
      case 'handoff':
        return db.transaction(async (tx) => {
          await recordAttempt(tx, row, r);
          const done = await store.transition(tx, row.id, mine, {
            state: 'handoff', handoff: { ...r.handoff, media: row.payload.media }, leaseUntil: null, claimedBy: null, jobId: null, updatedAt: clock.now(),
          }, ctx.worker);
          if (done) {
            await ctx.notifyOwner(tx, done, 'publish.handoff', 'warning', `人工发布任务：${label(done)}`,
              `${done.platform} 需要人工发布：文案与素材已备好，发布后请把帖子链接粘贴回合声。`);
          }
          return done;
        });
      default:
        return applyFailure(row, r);
    }
  }

  async function applyFailure(row: PublicationRow, r: AttemptResult) {
    let c = r.error ?? { kind: 'permanent' as const, message: r.outcome };
    if (r.outcome === 'account_unavailable') {
      return db.transaction(async (tx) => {
        await recordAttempt(tx, row, r);
        if (c.kind === 'permanent') return markFailed(tx, row, r, ['publishing'], ctx.worker);
        return waitForAuth(tx, row, c.message, ['publishing'], false);
      });
    }
    if (c.kind === 'reauthorize' && (await ctx.pauseAccount(row.workspaceId, row.accountId, r.credentialsLoadedAt)) === 'stale') {
      c = { ...c, kind: 'retryable', retryAfterMs: 1_000, message: `${c.message} (the account's credentials changed meanwhile: trying again)` };
    }
    const next = afterFailure(c, row.budgetUsed, options.retry);
    return db.transaction(async (tx) => {
      await recordAttempt(tx, row, r);
      if (next.state === 'failed') return markFailed(tx, row, r, ['publishing'], ctx.worker);
      if (next.state === 'waiting_auth') return waitForAuth(tx, row, c.message, ['publishing'], true);
      const now = clock.now();
      if (next.state === 'unconfirmed') {
        const jobId = newId();
        const done = await store.transition(tx, row.id, ['publishing'], {
          state: 'unconfirmed', lastError: c.message, lastErrorKind: 'unconfirmed', leaseUntil: null, claimedBy: null, jobId, updatedAt: now,
        }, ctx.worker);
        if (done) await jobs.send(tx, RESOLVE_JOB, { publicationId: row.id, n: 0 }, { id: jobId, startAfter: new Date(now.getTime() + options.resolveDelayMs), ...JOB_OPTIONS });
        return done;
      }
      const at = new Date(now.getTime() + (next.retryInMs ?? 0));
      const jobId = newId();
      const done = await store.transition(tx, row.id, ['publishing'], {
        state: 'scheduled', nextAttemptAt: at, lastError: c.message, lastErrorKind: c.kind, leaseUntil: null, claimedBy: null, jobId, updatedAt: now,
      }, ctx.worker);
      if (done) await jobs.send(tx, PUBLISH_JOB, { publicationId: row.id }, { id: jobId, startAfter: new Date(at.getTime() - options.leadMs), ...JOB_OPTIONS });
      return done;
    });
  }

  async function waitForAuth(tx: DbOrTx, row: PublicationRow, message: string, from: PublicationState[], tokenFailed: boolean) {
    const done = await store.transition(tx, row.id, from, {
      state: 'waiting_auth', lastError: message, lastErrorKind: 'reauthorize', leaseUntil: null, claimedBy: null, jobId: null, updatedAt: clock.now(),
    });
    if (done) {
      await ctx.notifyOwner(tx, done, 'publish.waiting_auth', 'critical', `账号需重新授权：${label(done)}`,
        tokenFailed
          ? `${done.platform} 账号授权失效，账号已暂停，待发内容将等待重新授权后再发布（不会丢失）。`
          : `${done.platform} 账号已暂停或未启用，待发内容在等待；恢复账号并完成授权后自动继续。`);
    }
    return done;
  }

  return { applyAttempt, markPublished, markFailed, recordAttempt, sendJob, waitForAuth, hasCollector };
}

export type Outcomes = ReturnType<typeof createOutcomes>;
