/**
 * Read views of the analytics service: the 数据看板 dashboard (with comparison period and
 * drill-down) and the competitor board (竞品对比: side-by-side series and ranking), plus the
 * competitor records they read.
 */
import { DateTime } from 'luxon';
import type { Database } from '../../db/client.js';
import { DomainError } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import type { TeamService } from '../team/service.js';
import { type CompetitorInput, compareCompetitors } from './competitors.js';
import { type DashboardScope, buildDashboard } from './dashboard.js';
import { type AccountDailyRow, type PostDailyRow, aggregatePosts, interactionRate, percentOf, round, sumCounts } from './model.js';
import type { AnalyticsStore } from './store.js';

interface Caller { workspaceId: string; userId: string | null }

const MAX_DAYS = 366;
const daysBetween = (from: string, to: string) => DateTime.fromISO(to).diff(DateTime.fromISO(from), 'days').days + 1;

function checkRange(from: string, to: string, field = 'to') {
  const n = daysBetween(from, to);
  if (!(n >= 1 && n <= MAX_DAYS)) throw new DomainError('analytics.invalid_range', { fields: { [field]: `the range must be 1–${MAX_DAYS} days, from before to` } });
}

export function createAnalyticsViews(deps: { database: Database; store: AnalyticsStore; team: TeamService }) {
  const { store, team } = deps;
  const db = deps.database.db;

  async function competitorInputs(workspaceId: string, from: string, to: string, own: { posts: PostDailyRow[]; accounts: AccountDailyRow[] }) {
    const competitors = await store.listCompetitors(db, workspaceId);
    if (!competitors.length) return [];
    const snaps = await store.listCompetitorSnapshots(db, workspaceId, from, to);
    const days = daysBetween(from, to);
    const inputs: CompetitorInput[] = competitors.map((c) => {
      const s = snaps.filter((x) => x.competitorId === c.id && x.followers !== null);
      const rates = snaps.filter((x) => x.competitorId === c.id && x.interactionRate !== null).map((x) => x.interactionRate!);
      const posts = snaps.filter((x) => x.competitorId === c.id && x.posts !== null);
      return {
        name: c.name, platform: c.platform, followers: s.at(-1)?.followers ?? null, followersAtStart: s[0]?.followers ?? null,
        posts: posts.length ? posts.reduce((a, x) => a + x.posts!, 0) : null, days,
        interactionRate: rates.length ? rates.reduce((a, b) => a + b, 0) / rates.length : null,
      };
    });
    const platforms = new Set(competitors.map((c) => c.platform));
    for (const key of new Set(own.accounts.filter((a) => platforms.has(a.platform)).map((a) => `${a.platform}\u0000${a.account}`))) {
      const [platform, account] = key.split('\u0000') as [string, string];
      const acc = own.accounts.filter((a) => a.platform === platform && a.account === account && a.followers !== null);
      const posts = own.posts.filter((p) => p.platform === platform && p.account === account);
      inputs.push({
        name: account, platform, own: true, followers: acc.at(-1)?.followers ?? null, followersAtStart: acc[0]?.followers ?? null,
        posts: aggregatePosts(posts).length, days, interactionRate: interactionRate(sumCounts(posts)),
      });
    }
    return inputs;
  }

  return {
    competitorInputs,

    /** 数据看板 for a range, an optional comparison range and a drill-down scope. */
    async dashboard(caller: Caller, q: { from: string; to: string; compareFrom?: string; compareTo?: string } & DashboardScope) {
      checkRange(q.from, q.to);
      const compare = q.compareFrom && q.compareTo ? { from: q.compareFrom, to: q.compareTo } : undefined;
      if (compare) checkRange(compare.from, compare.to, 'compareTo');
      const [rollups, compareRollups, posts] = await Promise.all([
        store.listRollups(db, caller.workspaceId, q.from, q.to),
        compare ? store.listRollups(db, caller.workspaceId, compare.from, compare.to) : Promise.resolve([]),
        store.listPostSnapshots(db, caller.workspaceId, q.from, q.to),
      ]);
      const options = await store.listRollupKeys(db, caller.workspaceId);
      return { ...buildDashboard({ from: q.from, to: q.to, compare, scope: { platform: q.platform, account: q.account }, rollups, compareRollups, posts }), options };
    },

    /** 竞品对比: per reference account (and our accounts on the same platforms) daily followers and interaction rate, and the ranking. */
    async competitorBoard(caller: Caller, from: string, to: string) {
      checkRange(from, to);
      const [posts, accounts, competitors, snaps, rollups] = await Promise.all([
        store.listPostSnapshots(db, caller.workspaceId, from, to), store.listAccountSnapshots(db, caller.workspaceId, from, to),
        store.listCompetitors(db, caller.workspaceId), store.listCompetitorSnapshots(db, caller.workspaceId, from, to),
        store.listRollups(db, caller.workspaceId, from, to),
      ]);
      const ranking = compareCompetitors(await competitorInputs(caller.workspaceId, from, to, { posts, accounts }));
      const platforms = new Set(competitors.map((c) => c.platform));
      const series = [
        ...competitors.map((c) => ({
          name: c.name, platform: c.platform, own: false,
          points: snaps.filter((s) => s.competitorId === c.id).map((s) => ({ day: s.day, followers: s.followers, interactionRate: s.interactionRate })),
        })),
        ...[...new Set(accounts.filter((a) => platforms.has(a.platform)).map((a) => `${a.platform}\u0000${a.account}`))].map((key) => {
          const [platform, account] = key.split('\u0000') as [string, string];
          const mine = rollups.filter((r) => r.platform === platform && r.account === account);
          return {
            name: account, platform, own: true,
            points: mine.map((r) => ({ day: r.day, followers: r.followers, interactionRate: round(percentOf(r.interactions, r.exposure)) })),
          };
        }),
      ];
      return { from, to, ranking, series };
    },

    async listCompetitors(caller: Caller) {
      const rows = await store.listCompetitors(db, caller.workspaceId);
      return { items: rows.map((c) => ({ id: c.id, name: c.name, platform: c.platform, handle: c.handle, notes: c.notes })) };
    },

    async createCompetitor(caller: Caller, input: { name: string; platform: string; handle?: string; notes?: string }) {
      return db.transaction(async (tx) => {
        const c = await store.insertCompetitor(tx, { id: newId(), workspaceId: caller.workspaceId, ...input });
        if (!c) throw new DomainError('analytics.competitor_exists', { fields: { name: 'already tracked on this platform' } });
        await team.record(tx, caller, { action: 'analytics.competitor_created', targetType: 'competitor', targetId: c.id, details: { name: c.name, platform: c.platform } });
        return { competitor: { id: c.id, name: c.name, platform: c.platform, handle: c.handle, notes: c.notes } };
      });
    },

    async recordCompetitorSnapshot(caller: Caller, id: string, input: { date: string; followers?: number | null; posts?: number | null; interactionRate?: number | null }) {
      const c = await store.findCompetitor(db, caller.workspaceId, id);
      if (!c) throw new DomainError('analytics.competitor_not_found');
      await store.upsertCompetitorSnapshot(db, {
        competitorId: id, workspaceId: caller.workspaceId, day: input.date,
        followers: input.followers ?? null, posts: input.posts ?? null, interactionRate: input.interactionRate ?? null,
      });
    },
  };
}
