/**
 * Publishing: the contract for the content module (schedule, move, unschedule, status), the
 * monitor's use cases (lists, history, retry, hand-off confirmation, cancel) and the job handlers.
 */
import { DomainError } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import { parsePostUrl, POST_URL_RULES } from '../platforms/assisted.connector.js';
import type { PlatformSlug } from '../platforms/connector.js';
import type { Actor } from '../team/service.js';
import { createPublishingContext, type PublishingDeps } from './context.js';
import { createDispatcher } from './dispatch.js';
import { CANCELLABLE_STATES, RETRYABLE_STATES, TAB_STATES, MONITOR_TABS, type MonitorTab } from './model.js';
import { createOutcomes, JOB_OPTIONS, PUBLISH_JOB, label } from './outcome.js';
import { presentAttempt, presentPublication } from './presenters.js';
import { createRecovery } from './recovery.js';
import { createScheduling } from './schedule.js';

export { PUBLISH_JOB, CHECK_JOB, RESOLVE_JOB, SWEEP_JOB, FIRST_REPLY_JOB, COLLECT_POST_JOB } from './outcome.js';
export type { ScheduleVariantInput } from './schedule.js';

export function createPublishingService(deps: PublishingDeps) {
  const ctx = createPublishingContext(deps);
  const { db, store, clock, team, jobs } = ctx;
  const outcomes = createOutcomes(ctx);
  const dispatcher = createDispatcher(ctx, outcomes);
  const recovery = createRecovery(ctx, outcomes);
  const scheduling = createScheduling(ctx);

  const zoneOf = async (workspaceId: string) => (await team.workspaceSettings(workspaceId)).timeZone;

  async function findOrFail(actor: Actor, id: string) {
    const row = await store.findById(db, actor.workspaceId, id);
    if (!row) throw new DomainError('publishing.not_found');
    return row;
  }

  async function detail(actor: Actor, id: string) {
    const [row, tz] = await Promise.all([findOrFail(actor, id), zoneOf(actor.workspaceId)]);
    const attempts = await store.listAttempts(db, actor.workspaceId, id);
    return { publication: presentPublication(row, tz), attempts: attempts.map(presentAttempt), timeZone: tz };
  }

  return {
    ...scheduling,
    options: ctx.options,
    worker: ctx.worker,

    /** The monitor: one tab's rows plus the count of every tab. */
    async monitor(actor: Actor, q: { tab: MonitorTab; limit?: number; offset?: number }) {
      const limit = q.limit ?? 50;
      const [rows, counts, tz] = await Promise.all([
        store.listByStates(db, actor.workspaceId, TAB_STATES[q.tab], { limit, offset: q.offset ?? 0, newestFirst: q.tab !== 'due' }),
        store.countByState(db, actor.workspaceId), zoneOf(actor.workspaceId),
      ]);
      const tabs = Object.fromEntries(MONITOR_TABS.map((t) => [t, TAB_STATES[t].reduce((s, st) => s + (counts[st] ?? 0), 0)])) as Record<MonitorTab, number>;
      return { items: rows.map((r) => presentPublication(r, tz)), counts: tabs, waitingAuth: counts.waiting_auth ?? 0, timeZone: tz };
    },

    detail,

    /**
     * One-click retry. Idempotent: a row already on its way (or done) is left alone; otherwise it goes
     * back to `scheduled` now with the same idempotency key, and the attempt asks the platform first.
     */
    async retry(actor: Actor, id: string) {
      const row = await findOrFail(actor, id);
      if (RETRYABLE_STATES.includes(row.state)) {
        const jobId = newId();
        await db.transaction(async (tx) => {
          const moved = await store.transition(tx, row.id, RETRYABLE_STATES, { state: 'scheduled', nextAttemptAt: clock.now(), budgetUsed: 0, jobId, updatedAt: clock.now() });
          if (!moved) return;
          // An unknown outcome must be checked before posting again, even on the first attempt number.
          if (row.state === 'unconfirmed') await store.update(tx, row.id, { lastErrorKind: 'unconfirmed' });
          await jobs.send(tx, PUBLISH_JOB, { publicationId: row.id }, { id: jobId, ...JOB_OPTIONS });
          await team.record(tx, actor, { action: 'publishing.retried', targetType: 'publication', targetId: row.id, details: { from: row.state } });
        });
        ctx.forget(row.accountId);
      } else if (row.state === 'cancelled') {
        throw new DomainError('publishing.invalid_state', { message: 'a cancelled publication is scheduled again from its content item' });
      }
      return detail(actor, id);
    },

    /** A person posted it (hand-off, or after an unknown outcome): the pasted URL is checked for the platform. */
    async confirmUrl(actor: Actor, id: string, url: string) {
      const row = await findOrFail(actor, id);
      if (row.state === 'published') return detail(actor, id);
      if (!['handoff', 'unconfirmed', 'failed', 'waiting_auth'].includes(row.state)) {
        throw new DomainError('publishing.invalid_state', { message: `cannot confirm a publication that is ${row.state}` });
      }
      let post: { platformPostId: string | undefined; url: string };
      try {
        if (POST_URL_RULES[row.platform as PlatformSlug]) {
          const p = parsePostUrl(row.platform as PlatformSlug, url);
          post = { platformPostId: p.platformPostId, url: p.url ?? url };
        } else {
          const u = new URL(url);
          if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new Error('scheme');
          post = { platformPostId: undefined, url: u.toString() };
        }
      } catch {
        throw new DomainError('publishing.invalid_url', { message: `not a ${row.platform} post URL`, fields: { url: `not a ${row.platform} post URL` } });
      }
      const now = clock.now();
      const done = await outcomes.markPublished(row, {
        outcome: 'confirmed_by_url', kind: 'confirm', startedAt: now, finishedAt: now, platformPostId: post.platformPostId, url: post.url,
        confirmed: true, raw: { confirmedBy: actor.userId },
      }, ['handoff', 'unconfirmed', 'failed', 'waiting_auth']);
      if (done) await db.transaction((tx) => team.record(tx, actor, { action: 'publishing.confirmed', targetType: 'publication', targetId: id, details: { url: post.url } }));
      return detail(actor, id);
    },

    async cancel(actor: Actor, id: string) {
      const row = await findOrFail(actor, id);
      if (row.state !== 'cancelled') {
        await db.transaction(async (tx) => {
          const moved = await store.transition(tx, row.id, CANCELLABLE_STATES, { state: 'cancelled', jobId: null, updatedAt: clock.now() });
          if (!moved) throw new DomainError('publishing.invalid_state', { message: `cannot cancel a publication that is ${row.state}` });
          if (row.state === 'scheduled' && row.jobId) await jobs.cancel(tx, PUBLISH_JOB, [row.jobId]);
          await team.record(tx, actor, { action: 'publishing.cancelled', targetType: 'publication', targetId: row.id, details: { from: row.state } });
        });
      }
      return detail(actor, id);
    },

    // ---- job handlers ----
    dispatch: (ids: string[]) => dispatcher.handleBatch(ids),
    drain: () => dispatcher.drain(),
    resolve: recovery.resolve,
    check: recovery.check,
    sweep: recovery.sweep,

    /** publish.first_reply: the first comments usually arrive within the half hour; remind the owner to answer. */
    async remindFirstReply(publicationId: string) {
      const [row] = await store.findManyByIds(db, [publicationId]);
      if (!row || row.state !== 'published') return;
      await ctx.notify.notify(null, row.workspaceId, {
        event: 'publish.first_reply', severity: 'info', title: `首评回复提醒：${label(row)}`,
        body: `发布已满 ${Math.round(ctx.options.firstReplyReminderMs / 60_000)} 分钟，去回复第一批评论吧。${row.url ? `帖子：${row.url}` : ''}`,
        link: `/publishing/monitor?publication=${row.id}`, userIds: [row.createdBy],
      });
    },
  };
}

export type PublishingService = ReturnType<typeof createPublishingService>;
