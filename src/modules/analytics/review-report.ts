/**
 * 周度运营复盘报告 — the weekly review in the manual's four sections, written from the data:
 * 本周核心数据概览, 本周亮点内容分析, 本周问题与不足, 下周优化计划. Returns an editable
 * ReportDocument. Monthly and quarterly reports (with goal attainment): ./period-report.ts.
 */
import { DateTime } from 'luxon';
import {
  type AccountDailyRow, type Count, type PostDailyRow, type PostPeriod, aggregatePosts, interactions,
  round, sumCounts, sumKnown, weekOnWeek,
} from './model.js';
import { type ClassifyOptions, type Recommendation, classifyPosts, describeReason, explainPost, recommendMix } from './performance.js';
import { type Locale, count, fill, formatLabel, pct, platformLabel, signedPct } from './labels.js';
import { type WeeklyTable, buildWeeklyTable, splitWeeks, topItemOf } from './weekly-report.js';
import { type ReportDocument, type ReportSection, platformCharts, platformTable } from './report-document.js';

export interface WeeklyReviewInput {
  week: string;
  posts: readonly PostDailyRow[];
  accounts: readonly AccountDailyRow[];
  locale?: Locale;
  workspaceName?: string;
  classify?: ClassifyOptions;
  topItemMinExposure?: number;
}

const T = {
  'zh-CN': {
    title: '周度运营复盘报告',
    overview: '一、本周核心数据概览', highlights: '二、本周亮点内容分析', problems: '三、本周问题与不足', plan: '四、下周优化计划',
    totals: '曝光总量：{e}（环比{ew}）；互动总量：{i}次（环比{iw}）；粉丝净增：{n}人（环比{nw}）；转化总量：{c}（环比{cw}）。',
    rates: '整体互动率{ir}，转化率{cr}。',
    hit: '爆款内容：{t}（平台：{p}），互动率{r}，成功原因：{why}。',
    conv: '高转化内容：{t}（平台：{p}），转化率{r}，成功原因：{why}。',
    selfWhy: '内容本身表现突出，在同主题、同形式内容中同样领先（建议复用其标题与选题思路）',
    noPosts: '本周没有可分析的内容数据。',
    issue: '问题：{p} — {text}。',
    dud: '问题：低效内容{t}（平台：{p}）互动率{r}，低于基准{b}；原因：{why}。',
    dudSelf: '同类内容表现正常，问题多在标题、开头钩子或选题本身',
    none: '本周各项指标未发现明显问题。',
    content: '内容：{text}。', format: '形式：{text}。', activity: '活动：{text}。',
    addFormat: '{p}增加{k}条{f}',
    act: '策划互动抽奖或话题活动，提升粉丝活跃度与新增关注',
    keep: '延续本周节奏，复用爆款内容的选题与形式',
    period: '{y}年第{w}周（{s}—{e}）',
    sep: '；', list: '、',
  },
  'en-US': {
    title: 'Weekly operations review',
    overview: '1. Key figures this week', highlights: '2. Highlights', problems: '3. Problems and shortfalls', plan: '4. Plan for next week',
    totals: 'Exposure: {e} ({ew} WoW); interactions: {i} ({iw} WoW); net new followers: {n} ({nw} WoW); conversions: {c} ({cw} WoW).',
    rates: 'Overall interaction rate {ir}, conversion rate {cr}.',
    hit: 'Top item: {t} ({p}), interaction rate {r}. Why it worked: {why}.',
    conv: 'Best converting item: {t} ({p}), conversion rate {r}. Why it worked: {why}.',
    selfWhy: 'the item itself stood out, also among items of the same theme and format (reuse its title and angle)',
    noPosts: 'No content data to analyse this week.',
    issue: 'Problem: {p} — {text}.',
    dud: 'Problem: low performer {t} ({p}) at an interaction rate of {r}, under the baseline {b}; cause: {why}.',
    dudSelf: 'similar items did fine, so look at the title, the hook or the topic itself',
    none: 'No notable problems this week.',
    content: 'Content: {text}.', format: 'Format: {text}.', activity: 'Activities: {text}.',
    addFormat: 'add {k} {f} posts on {p}',
    act: 'run a giveaway or topic challenge to lift activity and new follows',
    keep: 'keep this week\'s rhythm and reuse the angle and format of the top item',
    period: 'Week {w}, {y} ({s} – {e})',
    sep: '; ', list: ', ',
  },
} as const;

type Texts = (typeof T)[Locale];

const quote = (title: string, locale: Locale) =>
  locale === 'zh-CN' ? (/^《.*》$/.test(title) ? title : `《${title}》`) : `"${title}"`;

interface Overview { exposure: Count; interactions: Count; net: Count; conversions: Count }

function overviewOf(posts: readonly PostDailyRow[], accounts: readonly AccountDailyRow[]): Overview {
  const s = sumCounts(posts);
  const nf = sumKnown(accounts.map((a) => a.newFollowers));
  const uf = sumKnown(accounts.map((a) => a.unfollows));
  return { exposure: s.exposure, interactions: interactions(s), net: nf === null || uf === null ? null : nf - uf, conversions: s.conversions };
}

/** The totals paragraph shared by weekly and period reports. */
export function totalsParagraphs(
  cur: { posts: readonly PostDailyRow[]; accounts: readonly AccountDailyRow[] },
  prev: { posts: readonly PostDailyRow[]; accounts: readonly AccountDailyRow[] } | null,
  table: WeeklyTable, locale: Locale,
): string[] {
  const t = T[locale];
  const c = overviewOf(cur.posts, cur.accounts);
  const p = prev && prev.posts.length + prev.accounts.length ? overviewOf(prev.posts, prev.accounts) : null;
  const w = (k: keyof Overview) => signedPct(round(weekOnWeek(c[k], p?.[k] ?? null), 0), 0);
  return [
    fill(t.totals, {
      e: count(c.exposure, locale), ew: w('exposure'), i: count(c.interactions, locale), iw: w('interactions'),
      n: count(c.net, locale), nw: w('net'), c: count(c.conversions, locale), cw: w('conversions'),
    }),
    fill(t.rates, { ir: pct(table.totals.interactionRate), cr: pct(table.totals.conversionRate, 3) }),
  ];
}

/** Highlights: the top item by interaction rate and the best converter, each with reasons. */
export function highlightParagraphs(posts: readonly PostPeriod[], locale: Locale, minExposure?: number): string[] {
  const t = T[locale];
  const best = topItemOf(posts, minExposure);
  if (!best) return [t.noPosts];
  const why = (p: PostPeriod, metric: 'interactionRate' | 'conversionRate') => {
    const rs = explainPost(p, posts, 1, 1.2, metric);
    return rs.length ? rs.map((r) => describeReason(r, locale)).join(t.sep) : t.selfWhy;
  };
  const out = [fill(t.hit, { t: quote(best.title, locale), p: platformLabel(best.platform, locale), r: pct(best.interactionRate), why: why(best, 'interactionRate') })];
  const enough = posts.filter((p) => p.conversionRate !== null && (p.exposure ?? 0) >= (minExposure ?? 100));
  const conv = [...enough].sort((a, b) => b.conversionRate! - a.conversionRate! || (b.conversions ?? 0) - (a.conversions ?? 0))[0];
  if (conv && (conv.conversions ?? 0) > 0) {
    out.push(fill(t.conv, { t: quote(conv.title, locale), p: platformLabel(conv.platform, locale), r: pct(conv.conversionRate, 3), why: why(conv, 'conversionRate') }));
  }
  return out;
}

function problemParagraphs(table: WeeklyTable, posts: readonly PostPeriod[], locale: Locale, opts?: ClassifyOptions): string[] {
  const t = T[locale];
  const out: string[] = [];
  for (const row of table.rows) {
    for (const issue of row.issues) out.push(fill(t.issue, { p: platformLabel(row.platform, locale), text: issue.text }));
  }
  const c = classifyPosts(posts, opts);
  for (const d of c.duds.slice(0, 3)) {
    const why = d.reasons.length ? d.reasons.map((r) => describeReason(r, locale)).join(t.sep) : t.dudSelf;
    out.push(fill(t.dud, { t: quote(d.post.title, locale), p: platformLabel(d.post.platform, locale), r: pct(d.rate), b: pct(c.baselineRate), why }));
  }
  return out.length ? out : [t.none];
}

/** Next steps: recommendations by dimension, under-used formats, and an activity line. */
export function planParagraphs(table: WeeklyTable, recs: readonly Recommendation[], locale: Locale): string[] {
  const t: Texts = T[locale];
  const content = recs.filter((r) => r.dimension === 'theme' || r.dimension === 'platform').map((r) => r.text);
  const format = recs.filter((r) => r.dimension === 'format' || r.dimension === 'timeSlot').map((r) => r.text);
  for (const row of table.rows) {
    for (const i of row.issues.filter((x) => x.code === 'weekly.format_underweight')) {
      format.push(fill(t.addFormat, { p: platformLabel(row.platform, locale), k: i.params.k, f: formatLabel(String(i.params.format), locale) }));
    }
  }
  const slack = (table.totals.newFollowersWoW ?? 0) < 0 || table.rows.some((r) => r.issues.some((i) => i.code === 'weekly.low_interaction' || i.code === 'weekly.followers_down'));
  return [
    fill(t.content, { text: content.length ? content.join(t.sep) : t.keep }),
    ...(format.length ? [fill(t.format, { text: format.join(t.sep) })] : []),
    fill(t.activity, { text: slack ? t.act : t.keep }),
  ];
}

export function weekLabel(week: string, start: string, end: string, locale: Locale): string {
  const s = DateTime.fromISO(start, { zone: 'utc' });
  const e = DateTime.fromISO(end, { zone: 'utc' });
  const [y, w] = week.split('-W');
  return locale === 'zh-CN'
    ? fill(T[locale].period, { y, w: Number(w), s: `${s.month}月${s.day}日`, e: `${e.month}月${e.day}日` })
    : fill(T[locale].period, { y, w: Number(w), s: s.setLocale('en-GB').toFormat('d LLL'), e: e.setLocale('en-GB').toFormat('d LLL') });
}

export function buildWeeklyReview(input: WeeklyReviewInput): ReportDocument {
  const locale = input.locale ?? 'zh-CN';
  const t = T[locale];
  const table = buildWeeklyTable({ ...input, locale });
  const split = splitWeeks(input);
  const posts = aggregatePosts(split.posts);
  const recs = recommendMix(posts, { locale });
  const sections: ReportSection[] = [
    {
      key: 'overview', heading: t.overview, table: platformTable(table, locale),
      paragraphs: totalsParagraphs(split, { posts: split.prevPosts, accounts: split.prevAccounts }, table, locale),
    },
    { key: 'highlights', heading: t.highlights, paragraphs: highlightParagraphs(posts, locale, input.topItemMinExposure) },
    { key: 'problems', heading: t.problems, paragraphs: problemParagraphs(table, posts, locale, input.classify) },
    { key: 'plan', heading: t.plan, paragraphs: planParagraphs(table, recs, locale) },
  ];
  return {
    kind: 'weekly',
    locale,
    title: `${input.workspaceName ? `${input.workspaceName} · ` : ''}${t.title} · ${split.range.week}`,
    period: { label: weekLabel(split.range.week, split.range.start, split.range.end, locale), start: split.range.start, end: split.range.end },
    sections,
    charts: platformCharts(table, locale),
  };
}
