/**
 * The weekly report reads per-post weekly totals kept in the database (store.refreshPostWeeks); they
 * must give exactly what the daily rows give (titles that change, unknown counts, themes on some days).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { fixedClock } from '../../kernel/clock.js';
import { createTeamService } from '../team/service.js';
import { BACKENDS, createTestDatabase } from '../../../test/helpers/database.js';
import type { PostDailyRow } from './model.js';
import { buildWeeklyReview } from './review-report.js';
import { createAnalyticsStore } from './store.js';
import { buildWeeklyTable } from './weekly-report.js';

function rows(): PostDailyRow[] {
  let seed = 7;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const out: PostDailyRow[] = [];
  for (let p = 0; p < 40; p++) {
    const platform = ['weibo', 'xiaohongshu', 'wechat'][p % 3]!;
    const first = Math.floor(rnd() * 14);
    for (let d = first; d < 15; d++) {
      const maybe = (v: number) => (rnd() < 0.1 ? null : v);
      out.push({
        date: `2026-11-${String(8 + d).padStart(2, '0')}`, platform, account: `acc${p % 4}`, postId: `p${p}`,
        postTitle: d === 14 && p % 5 === 0 ? '' : `标题${p}${d > 10 && p % 7 === 0 ? '（改）' : ''}`,
        theme: rnd() < 0.3 ? null : ['brand', 'product', 'industry'][p % 3]!, format: d % 2 ? 'note' : null, publishedHour: d === first ? Math.floor(rnd() * 24) : null,
        exposure: maybe(Math.floor(rnd() * 5000)), likes: maybe(Math.floor(rnd() * 200)), comments: maybe(Math.floor(rnd() * 30)),
        shares: maybe(Math.floor(rnd() * 20)), saves: p % 3 === 2 ? null : maybe(Math.floor(rnd() * 40)), clicks: maybe(Math.floor(rnd() * 50)), conversions: maybe(Math.floor(rnd() * 5)),
      });
    }
  }
  return out;
}

describe.each(BACKENDS)('post totals in the database (%s)', (backend) => {
  let database: Database;
  let workspaceId: string;
  const store = createAnalyticsStore();

  beforeAll(async () => {
    database = await createTestDatabase(backend);
    const team = createTeamService({ database, clock: fixedClock('2026-11-23T00:00:00Z') });
    ({ workspaceId } = await team.adminCreate({ email: `t${Date.now()}@example.cn`, password: 'Str0ng!Passw0rd', workspaceName: '合声' }));
    const all = rows();
    await store.upsertPostSnapshots(database.db, workspaceId, all, 'test');
    await store.refreshPostWeeks(database.db, workspaceId, [...new Set(all.map((r) => r.date))]);
  });
  afterAll(async () => { await database?.close(); });

  it('builds the same weekly table and review as the daily rows', async () => {
    const daily = await store.listPostSnapshots(database.db, workspaceId, '2026-11-09', '2026-11-22');
    const totals = await store.listPostWeeks(database.db, workspaceId, ['2026-11-09', '2026-11-16']);
    expect(totals.length).toBeLessThan(daily.length);
    const input = { week: '2026-W47', accounts: [] };
    expect(buildWeeklyTable({ ...input, posts: totals })).toEqual(buildWeeklyTable({ ...input, posts: daily }));
    expect(buildWeeklyReview({ ...input, posts: totals })).toEqual(buildWeeklyReview({ ...input, posts: daily }));
  });
});
