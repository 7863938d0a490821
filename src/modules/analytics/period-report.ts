/**
 * Monthly and quarterly reports (月度/季度运营报告): the period's figures against the period
 * before, goal attainment (目标达成), highlights, content mix, competitors and next steps.
 * Returns the same editable ReportDocument as the weekly review. Pure.
 */
import { DateTime } from 'luxon';
import { DomainError } from '../../kernel/errors.js';
import { type AccountDailyRow, type PostDailyRow, aggregatePosts } from './model.js';
import { contentMix, recommendMix } from './performance.js';
import { type Goal, goalActual, goalProgress } from './goals.js';
import { type CompetitorInput, compareCompetitors } from './competitors.js';
import { type Locale, fill, platformLabel, valueLabel } from './labels.js';
import { type WeekRange, buildPeriodTable, splitRanges } from './weekly-report.js';
import { type ReportDocument, type ReportSection, type ReportTable, platformCharts, platformTable } from './report-document.js';
import { highlightParagraphs, planParagraphs, totalsParagraphs } from './review-report.js';

export type PeriodKind = 'monthly' | 'quarterly';

export interface PeriodReportInput {
  kind: PeriodKind;
  period: string; // 2026-11 or 2026-Q4
  posts: readonly PostDailyRow[];
  accounts: readonly AccountDailyRow[];
  goals?: readonly (Goal & { name: string })[];
  competitors?: readonly CompetitorInput[];
  /** The day the data runs through (for goal projections); the period's end by default. */
  asOf?: string;
  locale?: Locale;
  workspaceName?: string;
}

/** The date range of 2026-11 or 2026-Q4; throws analytics.invalid_period. */
export function periodRange(kind: PeriodKind, period: string): WeekRange {
  const m = kind === 'monthly' ? /^(\d{4})-(\d{2})$/.exec(period) : /^(\d{4})-Q([1-4])$/.exec(period);
  const month = m ? (kind === 'monthly' ? Number(m[2]) : (Number(m[2]) - 1) * 3 + 1) : 0;
  const start = m ? DateTime.fromObject({ year: Number(m[1]), month, day: 1 }, { zone: 'utc' }) : null;
  if (!start || !start.isValid) {
    throw new DomainError('analytics.invalid_period', { message: `bad period "${period}"`, fields: { period: kind === 'monthly' ? 'YYYY-MM' : 'YYYY-Qn' } });
  }
  const end = start.plus(kind === 'monthly' ? { months: 1 } : { months: 3 }).minus({ days: 1 });
  return { week: period, start: start.toISODate()!, end: end.toISODate()! };
}

export function previousPeriod(kind: PeriodKind, period: string): string {
  const start = DateTime.fromISO(periodRange(kind, period).start, { zone: 'utc' });
  const prev = start.minus(kind === 'monthly' ? { months: 1 } : { months: 3 });
  return kind === 'monthly' ? prev.toFormat('yyyy-MM') : `${prev.year}-Q${Math.ceil(prev.month / 3)}`;
}

const T = {
  'zh-CN': {
    monthly: '月度运营报告', quarterly: '季度运营报告',
    overview: '一、核心数据概览', goals: '二、目标达成情况', highlights: '三、亮点内容', mix: '四、内容结构分析',
    competitors: '五、竞品对比', plan: '六、下阶段计划',
    goalSummary: '共{n}个目标：进度正常{on}个，有风险{risk}个，落后{off}个，暂无数据{none}个。',
    goalLine: '「{name}」：完成{p}，按当前进度预计完成{pp}（{s}）。',
    noGoals: '本期未设置目标。', noMix: '本期没有可分析的内容数据。',
    on_track: '正常', at_risk: '有风险', off_track: '落后', nodata: '无数据',
    g: { name: '目标', metric: '指标', scope: '范围', target: '目标值', actual: '实际值', progress: '完成率', projected: '预计完成率', status: '状态' },
    m: { dimension: '维度', value: '类别', posts: '条数', share: '占比', exposure: '曝光量', interactionRate: '互动率', conversionRate: '转化率' },
    c: { overallRank: '综合排名', name: '账号', platform: '平台', followers: '粉丝数', postsPerWeek: '周发布量', interactionRate: '互动率', growth: '粉丝增长率' },
    dims: { theme: '主题', format: '形式' }, all: '全部', ours: '（我方）',
    period: { monthly: '{y}年{m}月', quarterly: '{y}年第{q}季度' },
  },
  'en-US': {
    monthly: 'Monthly operations report', quarterly: 'Quarterly operations report',
    overview: '1. Key figures', goals: '2. Goal attainment', highlights: '3. Highlights', mix: '4. Content mix',
    competitors: '5. Competitors', plan: '6. Next steps',
    goalSummary: '{n} goals: {on} on track, {risk} at risk, {off} off track, {none} without data.',
    goalLine: '"{name}": {p} done, projected {pp} at the current pace ({s}).',
    noGoals: 'No goals were set for this period.', noMix: 'No content data to analyse in this period.',
    on_track: 'on track', at_risk: 'at risk', off_track: 'off track', nodata: 'no data',
    g: { name: 'Goal', metric: 'Metric', scope: 'Scope', target: 'Target', actual: 'Actual', progress: 'Progress', projected: 'Projected', status: 'Status' },
    m: { dimension: 'Dimension', value: 'Category', posts: 'Posts', share: 'Share', exposure: 'Exposure', interactionRate: 'Interaction rate', conversionRate: 'Conversion rate' },
    c: { overallRank: 'Rank', name: 'Account', platform: 'Platform', followers: 'Followers', postsPerWeek: 'Posts / week', interactionRate: 'Interaction rate', growth: 'Follower growth' },
    dims: { theme: 'Theme', format: 'Format' }, all: 'all', ours: ' (ours)',
    period: { monthly: '{m}/{y}', quarterly: 'Q{q} {y}' },
  },
} as const;

function goalsSection(input: PeriodReportInput, range: WeekRange, locale: Locale): ReportSection {
  const t = T[locale];
  const goals = input.goals ?? [];
  if (!goals.length) return { key: 'goals', heading: t.goals, paragraphs: [t.noGoals] };
  const asOf = input.asOf ?? range.end;
  const rows = goals.map((g) => {
    const actual = goalActual(g, input.posts, input.accounts, asOf);
    return { g, actual, pr: goalProgress(g, actual, asOf) };
  });
  const tally = (s: string | null) => rows.filter((r) => r.pr.status === s).length;
  const paragraphs = [fill(t.goalSummary, { n: rows.length, on: tally('on_track'), risk: tally('at_risk'), off: tally('off_track'), none: tally(null) })];
  for (const r of rows.filter((x) => x.pr.status && x.pr.status !== 'on_track')) {
    paragraphs.push(fill(t.goalLine, { name: r.g.name, p: `${r.pr.progress ?? '—'}%`, pp: `${r.pr.projectedProgress ?? '—'}%`, s: t[r.pr.status!] }));
  }
  const scope = (g: Goal) => [
    ...(g.scope.platforms ?? []).map((p) => platformLabel(p, locale)), ...(g.scope.accounts ?? []),
  ].join('/') || t.all;
  const table: ReportTable = {
    columns: [
      { key: 'name', header: t.g.name, kind: 'text' }, { key: 'metric', header: t.g.metric, kind: 'text' },
      { key: 'scope', header: t.g.scope, kind: 'text' }, { key: 'target', header: t.g.target, kind: 'int' },
      { key: 'actual', header: t.g.actual, kind: 'int' }, { key: 'progress', header: t.g.progress, kind: 'percent', digits: 1 },
      { key: 'projected', header: t.g.projected, kind: 'percent', digits: 1 }, { key: 'status', header: t.g.status, kind: 'text' },
    ],
    rows: rows.map(({ g, actual, pr }) => ({
      name: g.name, metric: g.metric, scope: scope(g), target: g.target, actual, progress: pr.progress,
      projected: pr.projectedProgress, status: pr.status ? t[pr.status] : t.nodata,
    })),
  };
  return { key: 'goals', heading: t.goals, paragraphs, table };
}

function mixSection(posts: ReturnType<typeof aggregatePosts>, locale: Locale): ReportSection {
  const t = T[locale];
  if (!posts.length) return { key: 'mix', heading: t.mix, paragraphs: [t.noMix] };
  const rows = (['theme', 'format'] as const).flatMap((d) => contentMix(posts, d).map((g) => ({
    dimension: t.dims[d], value: valueLabel(d, g.value, locale), posts: g.posts, share: g.share,
    exposure: g.exposure, interactionRate: g.interactionRate, conversionRate: g.conversionRate,
  })));
  const recs = recommendMix(posts, { locale });
  return {
    key: 'mix', heading: t.mix, paragraphs: recs.map((r) => r.text),
    table: {
      columns: [
        { key: 'dimension', header: t.m.dimension, kind: 'text' }, { key: 'value', header: t.m.value, kind: 'text' },
        { key: 'posts', header: t.m.posts, kind: 'int' }, { key: 'share', header: t.m.share, kind: 'percent', digits: 1 },
        { key: 'exposure', header: t.m.exposure, kind: 'int' }, { key: 'interactionRate', header: t.m.interactionRate, kind: 'percent', digits: 2 },
        { key: 'conversionRate', header: t.m.conversionRate, kind: 'percent', digits: 3 },
      ],
      rows,
    },
  };
}

function competitorSection(inputs: readonly CompetitorInput[], locale: Locale): ReportSection {
  const t = T[locale];
  const ranked = compareCompetitors(inputs);
  return {
    key: 'competitors', heading: t.competitors, paragraphs: [],
    table: {
      columns: [
        { key: 'overallRank', header: t.c.overallRank, kind: 'int' }, { key: 'name', header: t.c.name, kind: 'text' },
        { key: 'platform', header: t.c.platform, kind: 'text' }, { key: 'followers', header: t.c.followers, kind: 'int' },
        { key: 'postsPerWeek', header: t.c.postsPerWeek, kind: 'text' },
        { key: 'interactionRate', header: t.c.interactionRate, kind: 'percent', digits: 2 },
        { key: 'growth', header: t.c.growth, kind: 'change', digits: 1 },
      ],
      rows: ranked.map((r) => ({
        overallRank: r.overallRank, name: r.own ? `${r.name}${t.ours}` : r.name, platform: platformLabel(r.platform, locale),
        followers: r.followers, postsPerWeek: r.postsPerWeek, interactionRate: r.interactionRate, growth: r.growth,
      })),
    },
  };
}

export function buildPeriodReport(input: PeriodReportInput): ReportDocument {
  const locale = input.locale ?? 'zh-CN';
  const t = T[locale];
  const range = periodRange(input.kind, input.period);
  const split = splitRanges(range, periodRange(input.kind, previousPeriod(input.kind, input.period)), input);
  const table = buildPeriodTable(split, { accounts: input.accounts, locale });
  const posts = aggregatePosts(split.posts);
  const sections: ReportSection[] = [
    {
      key: 'overview', heading: t.overview, table: platformTable(table, locale, false),
      paragraphs: totalsParagraphs(split, { posts: split.prevPosts, accounts: split.prevAccounts }, table, locale),
    },
    goalsSection(input, range, locale),
    { key: 'highlights', heading: t.highlights, paragraphs: highlightParagraphs(posts, locale) },
    mixSection(posts, locale),
    ...(input.competitors?.length ? [competitorSection(input.competitors, locale)] : []),
    { key: 'plan', heading: t.plan, paragraphs: planParagraphs(table, recommendMix(posts, { locale }), locale) },
  ];
  const [y, rest] = input.period.split(/-Q?/);
  const label = fill(t.period[input.kind], { y, m: Number(rest), q: Number(rest) });
  return {
    kind: input.kind, locale,
    title: `${input.workspaceName ? `${input.workspaceName} · ` : ''}${t[input.kind]} · ${input.period}`,
    period: { label, start: range.start, end: range.end },
    sections,
    charts: platformCharts(table, locale),
  };
}
