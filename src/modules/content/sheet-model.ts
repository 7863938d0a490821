/**
 * 内容策划与排期表 as a sheet: the manual's columns, one row per item, and reading a row back with
 * per-cell problems. Pure: names of people and platforms are passed in.
 */
import { DateTime } from 'luxon';
import { CONTENT_PLATFORMS, PLATFORM_LABELS, type ContentPlatform } from './adapt.js';

export const SHEET_COLUMNS = [
  '日期', '星期', '发布平台', '内容主题', '内容形式', '核心目标', '负责人', '文案摘要', '配图/视频说明', '互动引导话术', '预期数据(曝光/互动)', '实际数据', '备注',
] as const;
export type SheetColumn = (typeof SHEET_COLUMNS)[number];
export type SheetRow = Record<SheetColumn, string>;

export interface SheetItem {
  plannedAt: Date | null; platforms: string[]; topic: string; format: string | null; goal: string | null; ownerName: string | null;
  summary: string | null; mediaNotes: string | null; engagementPrompt: string | null;
  expectedExposure: number | null; expectedInteractions: number | null; actualExposure: number | null; actualInteractions: number | null; notes: string | null;
}

const pair = (a: number | null, b: number | null) => (a === null && b === null ? '' : `${a ?? ''}/${b ?? ''}`);
const WEEKDAYS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'];

export function itemToRow(i: SheetItem, timeZone: string): SheetRow {
  const d = i.plannedAt ? DateTime.fromJSDate(i.plannedAt, { zone: timeZone }) : null;
  return {
    日期: d ? d.toFormat('yyyy-MM-dd HH:mm') : '', 星期: d ? WEEKDAYS[d.weekday - 1]! : '',
    发布平台: i.platforms.map((p) => PLATFORM_LABELS[p as ContentPlatform] ?? p).join('、'), 内容主题: i.topic, 内容形式: i.format ?? '',
    核心目标: i.goal ?? '', 负责人: i.ownerName ?? '', 文案摘要: i.summary ?? '', '配图/视频说明': i.mediaNotes ?? '',
    互动引导话术: i.engagementPrompt ?? '', '预期数据(曝光/互动)': pair(i.expectedExposure, i.expectedInteractions),
    实际数据: pair(i.actualExposure, i.actualInteractions), 备注: i.notes ?? '',
  };
}

const BY_LABEL = new Map<string, ContentPlatform>([
  ...CONTENT_PLATFORMS.map((p) => [p, p] as [string, ContentPlatform]),
  ...CONTENT_PLATFORMS.map((p) => [PLATFORM_LABELS[p], p] as [string, ContentPlatform]),
  ['公众号', 'wechat'], ['微信', 'wechat'], ['B站', 'bilibili'], ['b站', 'bilibili'], ['红书', 'xiaohongshu'], ['新浪微博', 'weibo'],
]);

function parseNumber(t: string): number | null | undefined {
  const s = t.trim().replace(/,/g, '');
  if (!s) return null;
  const m = /^(\d+(?:\.\d+)?)(万|w|W|k|K|千)?$/.exec(s);
  if (!m) return undefined;
  const mult = m[2] === '万' || m[2] === 'w' || m[2] === 'W' ? 10_000 : m[2] ? 1000 : 1;
  return Math.round(Number(m[1]) * mult);
}

/** "50000/1200", "5万/1200", "50000" → numbers; undefined when it is not that shape. */
export function parsePair(raw: string): [number | null, number | null] | undefined {
  const parts = raw.trim() ? raw.split(/[/／]/) : [];
  if (parts.length > 2) return undefined;
  const a = parts[0] !== undefined ? parseNumber(parts[0]) : null;
  const b = parts[1] !== undefined ? parseNumber(parts[1]) : null;
  return a === undefined || b === undefined ? undefined : [a, b];
}

/** "2026-11-01 10:00", "2026/11/1 9:30", "2026-11-01" (10:00) in the workspace zone. */
export function parseSheetDate(raw: string, timeZone: string): Date | null | undefined {
  const s = raw.trim().replace(/\//g, '-').replace('T', ' ');
  if (!s) return null;
  for (const fmt of ['yyyy-M-d H:mm', 'yyyy-M-d H:mm:ss', 'yyyy-M-d']) {
    const d = DateTime.fromFormat(s, fmt, { zone: timeZone });
    if (d.isValid) return (fmt === 'yyyy-M-d' ? d.set({ hour: 10 }) : d).toJSDate();
  }
  return undefined;
}

export interface ParsedRow {
  line: number;
  item: Omit<SheetItem, 'ownerName'> & { ownerId: string | null };
}

/**
 * Reads data rows (header excluded; `firstLine` is the sheet line of the first one). Returns the items
 * or, when any cell is wrong, every problem keyed `line <n> · <column>`.
 */
export function readRows(
  rows: ReadonlyArray<Partial<Record<string, string>>>, firstLine: number, timeZone: string, members: ReadonlyMap<string, string>,
): { items: ParsedRow[]; problems: Record<string, string> } {
  const problems: Record<string, string> = {};
  const items: ParsedRow[] = [];
  rows.forEach((r, idx) => {
    const line = firstLine + idx;
    const cell = (c: SheetColumn) => (r[c] ?? '').toString().trim();
    const bad = (c: SheetColumn, msg: string) => { problems[`line ${line} · ${c}`] = msg; };
    if (SHEET_COLUMNS.every((c) => !cell(c))) return;
    const plannedAt = parseSheetDate(cell('日期'), timeZone);
    if (plannedAt === undefined) bad('日期', `无法识别的日期「${cell('日期')}」，请用 2026-11-01 10:00`);
    const platforms: string[] = [];
    for (const name of cell('发布平台').split(/[、,，/\s]+/).filter(Boolean)) {
      const p = BY_LABEL.get(name) ?? BY_LABEL.get(name.toLowerCase());
      if (p) platforms.push(p);
      else bad('发布平台', `未知平台「${name}」`);
    }
    if (!cell('内容主题')) bad('内容主题', '内容主题不能为空');
    if (cell('内容主题').length > 200) bad('内容主题', '内容主题最多 200 字');
    let ownerId: string | null = null;
    if (cell('负责人')) {
      ownerId = members.get(cell('负责人')) ?? members.get(cell('负责人').toLowerCase()) ?? null;
      if (!ownerId) bad('负责人', `「${cell('负责人')}」不是工作区成员`);
    }
    const expected = parsePair(cell('预期数据(曝光/互动)'));
    if (!expected) bad('预期数据(曝光/互动)', '请写成 曝光/互动，如 50000/1200');
    const actual = parsePair(cell('实际数据'));
    if (!actual) bad('实际数据', '请写成 曝光/互动，如 48000/1350');
    const text = (c: SheetColumn) => cell(c) || null;
    if (plannedAt !== undefined && expected && actual) {
      items.push({ line, item: {
        plannedAt, platforms: [...new Set(platforms)], topic: cell('内容主题'), format: text('内容形式'), goal: text('核心目标'), ownerId,
        summary: text('文案摘要'), mediaNotes: text('配图/视频说明'), engagementPrompt: text('互动引导话术'),
        expectedExposure: expected[0], expectedInteractions: expected[1], actualExposure: actual[0], actualInteractions: actual[1], notes: text('备注'),
      } });
    }
  });
  return { items, problems };
}
