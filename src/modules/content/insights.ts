/**
 * Planning aids: the calendar (items, festival and workspace nodes, cadence and plan-ahead warnings),
 * best posting times per account, and the daily cadence check that tells account owners.
 */
import { DateTime } from 'luxon';
import { DomainError } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import type { Actor } from '../team/service.js';
import type { AccountInfo, ContentContext } from './context.js';
import type { ItemOps } from './items.js';
import {
  cadenceFor, cadenceGaps, learnBestTimes, nodesBetween, planAhead, suggestSlots, topCells, type CalendarNode, type Observation,
} from './model.js';

export const CADENCE_CHECK_JOB = 'content.cadence_check';

export function createInsightOps(ctx: ContentContext, items: ItemOps) {
  const { db, store, clock } = ctx;

  async function accountOrFail(workspaceId: string, accountId: string): Promise<AccountInfo> {
    const a = (await ctx.accountsOf(workspaceId)).get(accountId);
    if (!a) throw new DomainError('content.unknown_account', { fields: { accountId: 'unknown account' } });
    return a;
  }

  /** Per-account cadence warnings for a window: periods under the minimum, and a thin next week. */
  async function cadenceWarnings(workspaceId: string, from: Date, to: Date, tz: string) {
    const accounts = [...(await ctx.accountsOf(workspaceId)).values()].filter((a) => a.status === 'active' || a.status === 'filing');
    const posts = await store.plannedPosts(db, workspaceId, accounts.map((a) => a.id), from, to);
    const now = clock.now();
    const ahead = await store.plannedPosts(db, workspaceId, accounts.map((a) => a.id), now, new Date(now.getTime() + 7 * 86_400_000));
    return accounts.map((a) => {
      const rule = cadenceFor(a.platform, a.cadence);
      const mine = posts.filter((p) => p.accountId === a.id && p.plannedAt).map((p) => p.plannedAt!);
      const next = planAhead(rule, ahead.filter((p) => p.accountId === a.id && p.plannedAt).map((p) => p.plannedAt!), now);
      return { accountId: a.id, accountName: a.displayName, platform: a.platform, ownerId: a.ownerId, rule, gaps: cadenceGaps(rule, mine, from, to, tz), planAhead: next };
    });
  }

  async function calendar(actor: Pick<Actor, 'workspaceId'>, range: { from: string; to: string }, filter: Parameters<ItemOps['list']>[1] = {}) {
    const tz = await ctx.timeZoneOf(actor.workspaceId);
    const from = DateTime.fromISO(range.from, { zone: tz }).startOf('day').toJSDate();
    const to = DateTime.fromISO(range.to, { zone: tz }).plus({ days: 1 }).startOf('day').toJSDate();
    const [list, own, cadence] = await Promise.all([
      items.list(actor, { ...filter, from: from.toISOString(), to: to.toISOString() }),
      store.listEvents(db, actor.workspaceId, range.from, range.to),
      cadenceWarnings(actor.workspaceId, from, to, tz),
    ]);
    const extra: CalendarNode[] = own.map((e) => ({ date: e.date, name: e.name, kind: 'workspace' }));
    const nodes = nodesBetween(range.from, range.to, extra).map((n) => ({ ...n, id: own.find((e) => e.date === n.date && e.name === n.name)?.id ?? null }));
    const upcoming = nodesBetween(DateTime.fromJSDate(clock.now(), { zone: tz }).toISODate()!, DateTime.fromJSDate(clock.now(), { zone: tz }).plus({ days: 30 }).toISODate()!, extra);
    return {
      timeZone: tz, items: list.items, nodes, upcoming,
      cadence: cadence.filter((c) => c.gaps.length > 0 || c.planAhead.thin),
      thinWeek: cadence.some((c) => c.planAhead.thin),
    };
  }

  async function bestTimes(actor: Pick<Actor, 'workspaceId'>, accountId: string) {
    const a = await accountOrFail(actor.workspaceId, accountId);
    const tz = await ctx.timeZoneOf(actor.workspaceId);
    const rows = await store.listObservations(db, actor.workspaceId, accountId);
    const grid = learnBestTimes(rows, tz, a.platform);
    return { accountId, platform: a.platform, timeZone: tz, ...grid, top: topCells(grid, 5), suggestions: suggestSlots(grid, clock.now(), tz, 5).map((s) => ({ at: s.at.toISOString(), score: s.score })) };
  }

  /** Results of published posts (from analytics, publishing or by hand) that teach the grid. */
  async function addObservations(actor: Actor, accountId: string, rows: Array<Observation & { key?: string }>, source: string) {
    await accountOrFail(actor.workspaceId, accountId);
    const inserted = await store.insertObservations(db, rows.map((r) => ({
      id: newId(), workspaceId: actor.workspaceId, accountId, publishedAt: r.publishedAt, interactionRate: r.interactionRate, source, externalKey: r.key ?? null,
    })));
    return { inserted, ...(await bestTimes(actor, accountId)) };
  }

  /** The daily job: tells each account's owner once per short period (and once per thin week). */
  async function checkCadence(workspaceId: string) {
    const tz = await ctx.timeZoneOf(workspaceId);
    const today = DateTime.fromJSDate(clock.now(), { zone: tz }).startOf('day');
    const rows = await cadenceWarnings(workspaceId, today.toJSDate(), today.plus({ days: 14 }).toJSDate(), tz);
    let sent = 0;
    for (const r of rows) {
      const gap = r.gaps[0];
      if (!gap && !r.planAhead.thin) continue;
      const periodStart = gap?.periodStart ?? `ahead:${today.toISODate()}`;
      const fresh = await db.transaction(async (tx) => {
        if (!(await store.claimCadenceReport(tx, { id: newId(), workspaceId, accountId: r.accountId, periodStart }))) return false;
        const per = { day: '天', week: '周', month: '月' }[r.rule.per];
        await ctx.notify.notify(tx, workspaceId, {
          event: 'content.cadence_low', severity: 'warning', title: `发布频率不足：${r.accountName}`,
          body: gap ? `${gap.periodStart} 起的这一${per}只排了 ${gap.planned} 条，要求每${per}至少 ${gap.required} 条。`
            : `未来 7 天只排了 ${r.planAhead.planned} 条，按发布频率应有 ${r.planAhead.expected} 条，请提前规划。`,
          link: `/content/calendar?accountId=${r.accountId}`, userIds: [r.ownerId],
        });
        return true;
      });
      if (fresh) sent += 1;
    }
    return { accounts: rows.length, notified: sent };
  }

  return { calendar, cadenceWarnings, bestTimes, addObservations, checkCadence };
}
