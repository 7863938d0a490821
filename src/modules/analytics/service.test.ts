import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { fixedClock } from '../../kernel/clock.js';
import { createTeamService } from '../team/service.js';
import { BACKENDS, createTestDatabase } from '../../../test/helpers/database.js';
import { readFixture } from '../../../test/fixtures/analytics/manual-sample.js';
import { createAnalyticsService } from './service.js';

describe.each(BACKENDS)('analytics service on %s', (backend) => {
  let database: Database;
  let service: ReturnType<typeof createAnalyticsService>;
  let team: ReturnType<typeof createTeamService>;
  let caller: { workspaceId: string; userId: string };
  // Monday 2026-11-23 01:00 in Shanghai is still Sunday 22 Nov (W47) in UTC.
  const clock = fixedClock('2026-11-22T17:00:00Z');

  beforeAll(async () => {
    database = await createTestDatabase(backend);
    team = createTeamService({ database, clock });
    service = createAnalyticsService({ database, clock, team });
    const { userId, workspaceId } = await team.adminCreate({ email: `a${Date.now()}@example.cn`, password: 'Str0ng!Passw0rd', workspaceName: '合声' });
    caller = { workspaceId, userId };
    await service.importMetrics(caller, { data: readFixture('posts-sample.csv'), filename: 'posts-sample.csv' });
    await service.importMetrics(caller, { data: readFixture('accounts-sample.csv'), filename: 'accounts-sample.csv' });
  });
  afterAll(async () => { await database?.close(); });

  it('imports, and builds the weekly table of the current week in the workspace zone', async () => {
    const t = await service.weeklyTable(caller);
    expect(t.week).toBe('2026-W48'); // Asia/Shanghai is already Monday
    const w47 = await service.weeklyTable(caller, '2026-W47');
    expect(w47.rows.map((r) => [r.platform, r.exposure, r.exposureWoW, r.interactionRate, r.newFollowers, r.newFollowersWoW, r.topItem?.title]))
      .toEqual([['wechat', 200_000, 15, 1, 800, 20, '《行业避坑指南》'], ['xiaohongshu', 500_000, 30, 1.6, 2000, 50, '职场穿搭笔记']]);
  });

  it('keeps re-imports idempotent and writes rollups and an audit entry', async () => {
    const summary = await service.importMetrics(caller, { data: readFixture('posts-sample.csv') });
    expect(summary).toEqual({ kind: 'posts', rows: 13, from: '2026-11-12', to: '2026-11-22', platforms: ['wechat', 'xiaohongshu'], accounts: 2 });
    const { rows } = await database.sql.query<{ n: number; e: string | number }>(
      `select count(*)::int as n, sum(exposure)::bigint as e from analytics_daily_rollups where workspace_id = $1 and day between '2026-11-16' and '2026-11-22'`, [caller.workspaceId]);
    expect(rows[0].n).toBe(14); // 7 days × 2 accounts
    expect(Number(rows[0].e)).toBe(700_000);
    const audit = await team.listAudit({ ...caller, via: 'session', role: 'owner' }, { action: 'analytics.imported' });
    expect(audit.items.length).toBe(3);
  });

  it('imports nothing when any row is bad', async () => {
    const err = await service.importMetrics(caller, { data: readFixture('posts-errors.csv') }).catch((e) => e);
    expect(err.code).toBe('analytics.import_invalid');
    expect(err.details.errors).toHaveLength(9);
    const { rows } = await database.sql.query<{ n: number }>(`select count(*)::int as n from analytics_post_snapshots where workspace_id = $1 and platform = 'weibo'`, [caller.workspaceId]);
    expect(rows[0].n).toBe(0);
  });

  it('writes the weekly review and renders it', async () => {
    const doc = await service.weeklyReview(caller, '2026-W47');
    expect(doc.title).toBe('合声 · 周度运营复盘报告 · 2026-W47');
    const pdf = await service.render(doc, 'pdf');
    expect((pdf.body as Buffer).subarray(0, 4).toString()).toBe('%PDF');
    expect((await service.render(doc, 'md')).body).toContain('## 四、下周优化计划');
  });

  it('tracks goals and competitors into the monthly report', async () => {
    const { goal } = await service.createGoal(caller, {
      name: '小红书曝光 500 万', metric: 'exposure', target: 5_000_000, scope: { platforms: ['xiaohongshu'] }, start: '2026-11-01', end: '2027-01-31',
    });
    expect(goal.progress).toMatchObject({ actual: 884_615, progress: 17.7, status: 'off_track' });
    const { competitor } = await service.createCompetitor(caller, { name: '竞品A', platform: 'xiaohongshu' });
    await service.recordCompetitorSnapshot(caller, competitor.id, { date: '2026-11-01', followers: 79_000, posts: 3, interactionRate: 1.1 });
    await service.recordCompetitorSnapshot(caller, competitor.id, { date: '2026-11-22', followers: 80_000, posts: 7, interactionRate: 1.3 });
    const doc = await service.periodReport(caller, 'monthly', '2026-11');
    const goals = doc.sections.find((s) => s.key === 'goals')!;
    expect(goals.table!.rows[0]).toMatchObject({ name: '小红书曝光 500 万', actual: 884_615 });
    const comp = doc.sections.find((s) => s.key === 'competitors')!;
    expect(comp.table!.rows.map((r) => r.name).sort()).toEqual(['chorus_red（我方）', '竞品A']);
    await service.deleteGoal(caller, goal.id);
    expect((await service.listGoals(caller)).items).toEqual([]);
    await expect(service.deleteGoal(caller, goal.id)).rejects.toMatchObject({ code: 'analytics.goal_not_found' });
  });

  it('flags the day’s hits and duds, judged as of that day', async () => {
    // As of 16 Nov each account has two posts: the own median (the default) flags nothing…
    expect((await service.dailyReview(caller, '2026-11-16')).accounts).toEqual([]);
    // …an industry baseline of 1.2 % does (hit: above 1.8 %).
    const d = await service.dailyReview(caller, '2026-11-16', { baseline: { kind: 'industry', rate: 1.2 } });
    expect(d.accounts.map((a) => [a.platform, a.baselineRate, a.hits.map((h) => [h.title, h.interactionRate]), a.duds.length])).toEqual([
      ['wechat', 1.2, [['《行业避坑指南》', 2]], 0],
      ['xiaohongshu', 1.2, [['职场穿搭笔记', 3]], 0],
    ]);
    const strict = await service.dailyReview(caller, '2026-11-21', { dud: { kind: 'absolute', rate: 5 }, locale: 'en-US' });
    expect(strict.accounts.map((a) => a.duds.map((x) => [x.title, x.interactionRate]))).toEqual([[['#我的职场成长记# 话题互动', 0.63]]]);
    expect((await service.dailyReview(caller, '2026-10-01')).accounts).toEqual([]);
  });

  it('rejects a bad week', async () => {
    await expect(service.weeklyTable(caller, '2026-W99')).rejects.toMatchObject({ code: 'analytics.invalid_week' });
  });
});
