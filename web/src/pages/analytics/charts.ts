/**
 * Option builders for the analytics charts. Each page registers only the ECharts parts it draws (from the
 * tree-shaken `echarts/core`; the CommonJS build crashes in production), so no page downloads them all.
 */
import type { CompetitorBoard, Dashboard } from './api';

type T = (key: string, opts?: Record<string, unknown>) => string;

export function trendOption(d: Dashboard, t: T) {
  const series: object[] = [
    { name: t('analytics.metric.exposure'), type: 'line', smooth: true, data: d.trend.map((p) => p.exposure) },
    { name: t('analytics.metric.interactions'), type: 'line', smooth: true, yAxisIndex: 1, data: d.trend.map((p) => p.interactions) },
  ];
  if (d.compareTrend) {
    series.push(
      { name: t('analytics.metric.exposurePrev'), type: 'line', smooth: true, lineStyle: { type: 'dashed' }, data: d.compareTrend.map((p) => p.exposure) },
      { name: t('analytics.metric.interactionsPrev'), type: 'line', smooth: true, yAxisIndex: 1, lineStyle: { type: 'dashed' }, data: d.compareTrend.map((p) => p.interactions) },
    );
  }
  return {
    tooltip: { trigger: 'axis' }, legend: { top: 0 }, grid: { left: 56, right: 56, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: d.trend.map((p) => p.day.slice(5)) },
    yAxis: [{ type: 'value', name: t('analytics.metric.exposure') }, { type: 'value', name: t('analytics.metric.interactions') }],
    series,
  };
}

export function breakdownOption(d: Dashboard, label: (key: string) => string, t: T) {
  return {
    tooltip: { trigger: 'axis' }, legend: { top: 0 }, grid: { left: 56, right: 56, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: d.breakdown.map((b) => label(b.key)) },
    yAxis: [{ type: 'value' }, { type: 'value', axisLabel: { formatter: '{value}%' } }],
    series: [
      { name: t('analytics.metric.exposure'), type: 'bar', data: d.breakdown.map((b) => b.exposure) },
      { name: t('analytics.metric.interactions'), type: 'bar', data: d.breakdown.map((b) => b.interactions) },
      { name: t('analytics.metric.interactionRate'), type: 'line', yAxisIndex: 1, data: d.breakdown.map((b) => b.interactionRate) },
    ],
  };
}

export function heatmapOption(d: Dashboard, t: T) {
  const days = [1, 2, 3, 4, 5, 6, 7].map((n) => t(`analytics.weekday.${n}`));
  const max = Math.max(1, ...d.heatmap.map((c) => c.interactionRate ?? 0));
  return {
    tooltip: { formatter: (p: { value: [number, number, number | null, number] }) => t('analytics.dashboard.heatTip', { hour: p.value[0], rate: p.value[2] ?? '—', posts: p.value[3] }) },
    grid: { left: 56, right: 16, top: 8, bottom: 88 },
    xAxis: { type: 'category', data: Array.from({ length: 24 }, (_, h) => `${h}`), splitArea: { show: true } },
    yAxis: { type: 'category', data: days, splitArea: { show: true } },
    visualMap: { min: 0, max, calculable: true, orient: 'horizontal', left: 'center', bottom: 0, text: [`${max}%`, '0%'] },
    series: [{ type: 'heatmap', data: d.heatmap.map((c) => [c.hour, c.weekday - 1, c.interactionRate, c.posts]) }],
  };
}

export function themeOption(d: Dashboard, label: (theme: string | null) => string) {
  return {
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' }, legend: { bottom: 0 },
    series: [{ type: 'pie', radius: ['35%', '65%'], data: d.themes.map((x) => ({ name: label(x.theme), value: x.posts })) }],
  };
}

export function competitorOption(b: CompetitorBoard, metric: 'followers' | 'interactionRate', t: T) {
  const days = [...new Set(b.series.flatMap((s) => s.points.map((p) => p.day)))].sort();
  return {
    tooltip: { trigger: 'axis' }, legend: { top: 0 }, grid: { left: 64, right: 24, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: days.map((d) => d.slice(5)) },
    yAxis: { type: 'value', axisLabel: metric === 'interactionRate' ? { formatter: '{value}%' } : {} },
    series: b.series.map((s) => ({
      name: s.own ? `${s.name}（${t('analytics.competitors.own')}）` : s.name, type: 'line', smooth: true, connectNulls: true,
      data: days.map((d) => s.points.find((p) => p.day === d)?.[metric] ?? null),
    })),
  };
}

export function rankingOption(b: CompetitorBoard, t: T) {
  return {
    tooltip: { trigger: 'axis' }, legend: { top: 0 }, grid: { left: 120, right: 24, top: 36, bottom: 28 },
    yAxis: { type: 'category', data: b.ranking.map((r) => r.name), inverse: true },
    xAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
    series: [
      { name: t('analytics.metric.interactionRate'), type: 'bar', data: b.ranking.map((r) => r.interactionRate) },
      { name: t('analytics.competitors.growth'), type: 'bar', data: b.ranking.map((r) => r.growth) },
    ],
  };
}
