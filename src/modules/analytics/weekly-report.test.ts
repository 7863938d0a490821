import { describe, expect, it } from 'vitest';
import { loadManualSample } from '../../../test/fixtures/analytics/manual-sample.js';
import type { PostDailyRow } from './model.js';
import { type WeeklyRow, buildWeeklyTable, isoWeekOf, isoWeekRange, previousIsoWeek } from './weekly-report.js';

describe('ISO weeks', () => {
  it.each([
    ['2026-W47', '2026-11-16', '2026-11-22', '2026-W46'],
    ['2026-W01', '2025-12-29', '2026-01-04', '2025-W52'],
    ['2026-W53', '2026-12-28', '2027-01-03', '2026-W52'], // 2026 has 53 ISO weeks
  ])('%s is %s – %s, after %s', (week, start, end, prev) => {
    expect(isoWeekRange(week)).toEqual({ week, start, end });
    expect(previousIsoWeek(week)).toBe(prev);
    expect(isoWeekOf(start)).toBe(week);
    expect(isoWeekOf(end)).toBe(week);
  });

  it.each(['2026-47', '2026-W54', '2025-W53', 'W47', ''])('rejects %j', (w) => {
    expect(() => isoWeekRange(w)).toThrow(expect.objectContaining({ code: 'analytics.invalid_week' }));
  });
});

describe('buildWeeklyTable', () => {
  it("reproduces the manual's sample rows", async () => {
    const table = buildWeeklyTable({ week: '2026-W47', ...(await loadManualSample()) });
    const contract = (r: WeeklyRow) => ({
      platform: r.platform, exposure: r.exposure, exposureWoW: r.exposureWoW, interactions: r.interactions,
      interactionRate: r.interactionRate, newFollowers: r.newFollowers, newFollowersWoW: r.newFollowersWoW,
      conversions: r.conversions, conversionRate: r.conversionRate,
      topItem: { title: r.topItem?.title, interactionRate: r.topItem?.interactionRate },
    });
    expect(table.week).toBe('2026-W47');
    expect(table.rows.map(contract)).toEqual([
      {
        platform: 'wechat', exposure: 200_000, exposureWoW: 15, interactions: 2000, interactionRate: 1,
        newFollowers: 800, newFollowersWoW: 20, conversions: 150, conversionRate: 0.075,
        topItem: { title: '《行业避坑指南》', interactionRate: 2 },
      },
      {
        platform: 'xiaohongshu', exposure: 500_000, exposureWoW: 30, interactions: 8000, interactionRate: 1.6,
        newFollowers: 2000, newFollowersWoW: 50, conversions: 300, conversionRate: 0.06,
        topItem: { title: '职场穿搭笔记', interactionRate: 3 },
      },
    ]);
    expect(table.totals).toEqual({
      exposure: 700_000, exposureWoW: 25, interactions: 10_000, interactionRate: 1.43,
      newFollowers: 2800, newFollowersWoW: 40, conversions: 450, conversionRate: 0.064,
    });
    expect(Object.keys(table)).toEqual(['week', 'rows', 'totals']);
  });

  it('writes the problems column from the data, like the manual', async () => {
    const table = buildWeeklyTable({ week: '2026-W47', ...(await loadManualSample()) });
    const [wechat, xhs] = table.rows;
    expect(wechat.issues.map((i) => i.text)).toEqual(['互动率1%低于整体1.43%，标题与开头钩子需更吸引人，结尾增加互动引导']);
    expect(xhs.issues.map((i) => i.text)).toEqual(['视频笔记占比不足（1/5条），互动率2.5%高于其他形式1.5%，下周增加2条']);
    expect(wechat.followerGrowthRate).toBe(1.46); // (800 − 70) / 50,000
    const en = buildWeeklyTable({ week: '2026-W47', locale: 'en-US', ...(await loadManualSample()) });
    expect(en.rows[1].issues[0].text).toContain('video note is under-used (1/5 posts)');
  });

  it('leaves week-on-week null without a previous week and unknowns null', () => {
    const posts: PostDailyRow[] = [{
      date: '2026-11-18', platform: 'weibo', account: 'a', postId: '1', postTitle: 'x', theme: null, format: null,
      exposure: 1000, likes: 10, comments: null, shares: null, saves: null, clicks: null, conversions: null,
    }];
    const t = buildWeeklyTable({ week: '2026-W47', posts, accounts: [] });
    expect(t.rows[0]).toMatchObject({
      exposure: 1000, exposureWoW: null, interactions: 10, interactionRate: 1, newFollowers: null,
      newFollowersWoW: null, conversions: null, conversionRate: null, topItem: { title: 'x', interactionRate: 1 },
    });
    expect(t.totals.exposureWoW).toBeNull();
  });

  it('flags drops week on week', () => {
    const row = (date: string, exposure: number): PostDailyRow => ({
      date, platform: 'douyin', account: 'a', postId: date, postTitle: date, theme: null, format: null,
      exposure, likes: 10, comments: 0, shares: 0, saves: 0, clicks: 0, conversions: 1,
    });
    const t = buildWeeklyTable({ week: '2026-W47', posts: [row('2026-11-10', 10_000), row('2026-11-17', 5000)], accounts: [] });
    expect(t.rows[0].exposureWoW).toBe(-50);
    expect(t.rows[0].issues.map((i) => i.code)).toEqual(['weekly.exposure_down']);
    expect(t.rows[0].issues[0].text).toBe('曝光量环比-50%，检查发布频次与发布时段');
  });

  it('ignores rows outside the two weeks and returns an empty table for an empty week', () => {
    const t = buildWeeklyTable({ week: '2026-W10', posts: [], accounts: [] });
    expect(t).toEqual({
      week: '2026-W10', rows: [],
      totals: { exposure: null, exposureWoW: null, interactions: null, interactionRate: null, newFollowers: null, newFollowersWoW: null, conversions: null, conversionRate: null },
    });
  });
});
