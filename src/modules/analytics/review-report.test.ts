import { describe, expect, it } from 'vitest';
import { loadManualSample } from '../../../test/fixtures/analytics/manual-sample.js';
import { buildWeeklyReview } from './review-report.js';
import { buildPeriodReport, periodRange, previousPeriod } from './period-report.js';

describe('buildWeeklyReview', () => {
  it('writes the four sections of the manual from the sample week (zh-CN)', async () => {
    const doc = buildWeeklyReview({ week: '2026-W47', ...(await loadManualSample()), workspaceName: '合声示例' });
    expect(doc.title).toBe('合声示例 · 周度运营复盘报告 · 2026-W47');
    expect(doc.period).toEqual({ label: '2026年第47周（11月16日—11月22日）', start: '2026-11-16', end: '2026-11-22' });
    expect(doc.sections.map((s) => [s.key, s.heading])).toEqual([
      ['overview', '一、本周核心数据概览'], ['highlights', '二、本周亮点内容分析'],
      ['problems', '三、本周问题与不足'], ['plan', '四、下周优化计划'],
    ]);
    const [overview, highlights, problems, plan] = doc.sections;
    expect(overview.paragraphs[0]).toBe('曝光总量：70万（环比+25%）；互动总量：10,000次（环比+54%）；粉丝净增：2,590人（环比+41%）；转化总量：450（环比+41%）。');
    expect(overview.table!.rows.map((r) => [r.platform, r.exposure, r.exposureWoW, r.interactionRate, r.topItem])).toEqual([
      ['微信公众号', 200_000, 15, 1, '《行业避坑指南》(2%)'],
      ['小红书', 500_000, 30, 1.6, '职场穿搭笔记(3%)'],
      ['合计', 700_000, 25, 1.43, null],
    ]);
    expect(highlights.paragraphs[0]).toMatch(/^爆款内容：《职场穿搭笔记》（平台：小红书），互动率3%，成功原因：主题「产品服务」/);
    expect(highlights.paragraphs[1]).toMatch(/^高转化内容：《通勤妆容 30 秒》（平台：小红书），转化率0.16%，成功原因：形式「视频笔记」/);
    expect(problems.paragraphs).toContain('问题：小红书 — 视频笔记占比不足（1/5条），互动率2.5%高于其他形式1.5%，下周增加2条。');
    expect(plan.paragraphs[0]).toBe('内容：产品服务转化率（0.105%）高于行业价值（0.05%）→ 加大产品服务投入。');
    expect(plan.paragraphs[1]).toContain('小红书增加2条视频笔记');
    expect(doc.charts!.map((c) => [c.type, c.categories, c.values])).toEqual([
      ['bar', ['微信公众号', '小红书'], [200_000, 500_000]],
      ['line', ['微信公众号', '小红书'], [1, 1.6]],
    ]);
  });

  it('writes en-US too', async () => {
    const doc = buildWeeklyReview({ week: '2026-W47', ...(await loadManualSample()), locale: 'en-US' });
    expect(doc.title).toBe('Weekly operations review · 2026-W47');
    expect(doc.sections[0].paragraphs[0]).toBe('Exposure: 700,000 (+25% WoW); interactions: 10,000 (+54% WoW); net new followers: 2,590 (+41% WoW); conversions: 450 (+41% WoW).');
    expect(doc.sections[1].paragraphs[0]).toMatch(/^Top item: "职场穿搭笔记" \(Xiaohongshu\), interaction rate 3%/);
    expect(doc.sections[0].table!.columns[0].header).toBe('Platform');
  });

  it('says so when a week has no data', () => {
    const doc = buildWeeklyReview({ week: '2026-W10', posts: [], accounts: [] });
    expect(doc.sections[1].paragraphs).toEqual(['本周没有可分析的内容数据。']);
    expect(doc.sections[2].paragraphs).toEqual(['本周各项指标未发现明显问题。']);
    expect(doc.sections[0].paragraphs[0]).toContain('曝光总量：—（环比—）');
  });

  it('names low performers with a cause', async () => {
    const sample = await loadManualSample();
    const doc = buildWeeklyReview({ week: '2026-W47', ...sample, classify: { dud: { kind: 'absolute', rate: 1.05 } } });
    const duds = doc.sections[2].paragraphs.filter((p) => p.startsWith('问题：低效内容'));
    expect(duds[0]).toMatch(/^问题：低效内容《#我的职场成长记# 话题互动》（平台：微信公众号）互动率0.63%，低于基准1.1%；原因：/);
  });
});

describe('period reports', () => {
  it.each([
    ['monthly', '2026-11', '2026-11-01', '2026-11-30', '2026-10'],
    ['monthly', '2026-01', '2026-01-01', '2026-01-31', '2025-12'],
    ['quarterly', '2026-Q4', '2026-10-01', '2026-12-31', '2026-Q3'],
    ['quarterly', '2026-Q1', '2026-01-01', '2026-03-31', '2025-Q4'],
  ] as const)('%s %s is %s – %s, after %s', (kind, period, start, end, prev) => {
    expect(periodRange(kind, period)).toMatchObject({ start, end });
    expect(previousPeriod(kind, period)).toBe(prev);
  });

  it.each([['monthly', '2026-13'], ['quarterly', '2026-Q5'], ['monthly', '2026-Q1']] as const)('rejects %s %s', (kind, p) => {
    expect(() => periodRange(kind, p)).toThrow(expect.objectContaining({ code: 'analytics.invalid_period' }));
  });

  it('reports goal attainment, the mix and competitors for a month', async () => {
    const doc = buildPeriodReport({
      kind: 'monthly', period: '2026-11', ...(await loadManualSample()), asOf: '2026-11-22',
      goals: [
        { name: '小红书曝光 500 万', metric: 'exposure', target: 5_000_000, scope: { platforms: ['xiaohongshu'] }, start: '2026-11-01', end: '2027-01-31' },
        { name: '公众号新增粉丝 1,000', metric: 'new_followers', target: 1000, scope: { platforms: ['wechat'] }, start: '2026-11-01', end: '2026-11-30' },
      ],
      competitors: [
        { name: '合声', platform: 'xiaohongshu', own: true, followers: 31_860, followersAtStart: 30_000, posts: 6, days: 22, interactionRate: 1.6 },
        { name: '竞品A', platform: 'xiaohongshu', followers: 80_000, followersAtStart: 79_000, posts: 10, days: 22, interactionRate: 1.1 },
      ],
    });
    expect(doc.title).toBe('月度运营报告 · 2026-11');
    expect(doc.period).toEqual({ label: '2026年11月', start: '2026-11-01', end: '2026-11-30' });
    expect(doc.sections.map((s) => s.key)).toEqual(['overview', 'goals', 'highlights', 'mix', 'competitors', 'plan']);
    const goals = doc.sections[1];
    expect(goals.paragraphs[0]).toBe('共2个目标：进度正常1个，有风险0个，落后1个，暂无数据0个。');
    expect(goals.table!.rows).toEqual([
      { name: '小红书曝光 500 万', metric: 'exposure', scope: '小红书', target: 5_000_000, actual: 884_615, progress: 17.7, projected: 74, status: '落后' },
      { name: '公众号新增粉丝 1,000', metric: 'new_followers', scope: '微信公众号', target: 1000, actual: 1467, progress: 146.7, projected: 200, status: '正常' },
    ]);
    expect(doc.sections[3].table!.rows[0]).toMatchObject({ dimension: '主题', value: '行业价值', posts: 4 });
    expect(doc.sections[4].table!.rows.map((r) => [r.overallRank, r.name])).toEqual([[1, '合声（我方）'], [2, '竞品A']]);
  });

  it('says so without goals, in en-US', () => {
    const doc = buildPeriodReport({ kind: 'quarterly', period: '2026-Q4', posts: [], accounts: [], locale: 'en-US' });
    expect(doc.title).toBe('Quarterly operations report · 2026-Q4');
    expect(doc.period.label).toBe('Q4 2026');
    expect(doc.sections[1].paragraphs).toEqual(['No goals were set for this period.']);
    expect(doc.sections.map((s) => s.key)).not.toContain('competitors');
  });
});
