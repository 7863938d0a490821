/**
 * The editable report document every builder returns and every exporter reads:
 * { title, period, sections: [{ key, heading, paragraphs[], table? }], charts? }.
 * A user may edit headings and paragraphs before sending; exporters never recompute.
 */
import { type Locale, platformLabel } from './labels.js';
import type { WeeklyTable, WeeklyTotals } from './weekly-report.js';

export type ColumnKind = 'text' | 'int' | 'percent' | 'change';

export interface ReportColumn {
  key: string;
  header: string;
  kind: ColumnKind;
  /** Decimal places for percent/change columns. */
  digits?: number;
}

export type Cell = string | number | null;

export interface ReportTable {
  columns: ReportColumn[];
  rows: Record<string, Cell>[];
  /** The last row is a total (drawn bold). */
  hasTotal?: boolean;
}

export interface ReportSection {
  key: string;
  heading: string;
  paragraphs: string[];
  table?: ReportTable;
}

export interface ReportChart {
  key: string;
  title: string;
  type: 'bar' | 'line';
  categories: string[];
  values: (number | null)[];
  unit: '' | '%';
}

export interface ReportDocument {
  kind: 'weekly' | 'monthly' | 'quarterly';
  locale: Locale;
  title: string;
  period: { label: string; start: string; end: string };
  sections: ReportSection[];
  charts?: ReportChart[];
}

const HEADERS: Record<Locale, Record<string, string>> = {
  'zh-CN': {
    platform: '平台', exposure: '本周曝光量', exposureWoW: '环比增长', interactions: '本周互动量',
    interactionRate: '互动率', newFollowers: '本周新增粉丝', newFollowersWoW: '环比增长', conversions: '转化量',
    conversionRate: '转化率', topItem: '爆款内容TOP1(主题/互动率)', issues: '主要问题与改进方向', total: '合计',
    periodExposure: '曝光量', periodInteractions: '互动量', periodNewFollowers: '新增粉丝', change: '环比',
  },
  'en-US': {
    platform: 'Platform', exposure: 'Exposure', exposureWoW: 'WoW', interactions: 'Interactions',
    interactionRate: 'Interaction rate', newFollowers: 'New followers', newFollowersWoW: 'WoW', conversions: 'Conversions',
    conversionRate: 'Conversion rate', topItem: 'Top item (interaction rate)', issues: 'Problems and next steps', total: 'Total',
    periodExposure: 'Exposure', periodInteractions: 'Interactions', periodNewFollowers: 'New followers', change: 'Change',
  },
};

/** The 周度数据监测表 as a report table, with a total row. `weekly` false → period wording. */
export function platformTable(table: WeeklyTable, locale: Locale, weekly = true): ReportTable {
  const h = HEADERS[locale];
  const columns: ReportColumn[] = [
    { key: 'platform', header: h.platform, kind: 'text' },
    { key: 'exposure', header: weekly ? h.exposure : h.periodExposure, kind: 'int' },
    { key: 'exposureWoW', header: weekly ? h.exposureWoW : h.change, kind: 'change', digits: 0 },
    { key: 'interactions', header: weekly ? h.interactions : h.periodInteractions, kind: 'int' },
    { key: 'interactionRate', header: h.interactionRate, kind: 'percent', digits: 2 },
    { key: 'newFollowers', header: weekly ? h.newFollowers : h.periodNewFollowers, kind: 'int' },
    { key: 'newFollowersWoW', header: weekly ? h.newFollowersWoW : h.change, kind: 'change', digits: 0 },
    { key: 'conversions', header: h.conversions, kind: 'int' },
    { key: 'conversionRate', header: h.conversionRate, kind: 'percent', digits: 3 },
    { key: 'topItem', header: h.topItem, kind: 'text' },
    { key: 'issues', header: h.issues, kind: 'text' },
  ];
  const numeric = (t: WeeklyTotals) => ({
    exposure: t.exposure, exposureWoW: t.exposureWoW, interactions: t.interactions, interactionRate: t.interactionRate,
    newFollowers: t.newFollowers, newFollowersWoW: t.newFollowersWoW, conversions: t.conversions, conversionRate: t.conversionRate,
  });
  const rows: Record<string, Cell>[] = table.rows.map((r) => ({
    platform: platformLabel(r.platform, locale),
    ...numeric(r),
    topItem: r.topItem ? `${r.topItem.title}(${r.topItem.interactionRate ?? '—'}%)` : null,
    issues: r.issues.map((i) => i.text).join(locale === 'zh-CN' ? '；' : '; ') || null,
  }));
  rows.push({ platform: h.total, ...numeric(table.totals), topItem: null, issues: null });
  return { columns, rows, hasTotal: true };
}

/** Exposure by platform (bars) and interaction rate by platform (line). */
export function platformCharts(table: WeeklyTable, locale: Locale): ReportChart[] {
  const categories = table.rows.map((r) => platformLabel(r.platform, locale));
  const zh = locale === 'zh-CN';
  return [
    { key: 'exposure_by_platform', title: zh ? '各平台曝光量' : 'Exposure by platform', type: 'bar', categories, values: table.rows.map((r) => r.exposure), unit: '' },
    { key: 'interaction_rate_by_platform', title: zh ? '各平台互动率' : 'Interaction rate by platform', type: 'line', categories, values: table.rows.map((r) => r.interactionRate), unit: '%' },
  ];
}

/** A cell as text, for Markdown, CSV and PDF. */
export function formatCell(v: Cell, col: ReportColumn, locale: Locale): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'string') return v;
  if (col.kind === 'percent') return `${Number(v.toFixed(col.digits ?? 2))}%`;
  if (col.kind === 'change') return `${v > 0 ? '+' : ''}${Number(v.toFixed(col.digits ?? 1))}%`;
  if (col.kind === 'int') return v.toLocaleString(locale);
  return String(v);
}
