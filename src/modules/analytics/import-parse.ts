/**
 * Parse and validate metric import files (CSV or XLSX) for `chorus import metrics FILE`.
 * Post rows: date,platform,account,post_id,post_title,theme,format,exposure,likes,comments,
 * shares,saves,clicks,conversions (counts for that day). Account rows:
 * date,platform,account,followers,new_followers,unfollows.
 * Every problem is reported with its line (the header is line 1) and field; nothing is thrown
 * for bad data. An empty count cell means "unknown" and stays null.
 */
import Papa from 'papaparse';
import { decodeText } from '../../kernel/text-decode.js';
import ExcelJS from 'exceljs';
import { DateTime } from 'luxon';
import type { AccountDailyRow, PostDailyRow } from './model.js';
import { type Locale, THEMES, fill, normaliseFormat, normalisePlatform, normaliseTheme } from './labels.js';
import {
  type ImportKind, type MetricColumn, CORE, REQUIRED, applyColumnMapping, suggestColumnMapping,
} from './column-mapping.js';

export interface ImportError {
  line: number;
  field: string;
  code: ImportErrorCode;
  message: string;
}

export type ImportErrorCode =
  | 'empty_file' | 'missing_column' | 'required' | 'bad_date' | 'unknown_platform'
  | 'unknown_theme' | 'negative' | 'not_integer' | 'duplicate' | 'unreadable' | 'too_long';

export type ParsedImport =
  | { kind: 'posts'; rows: PostDailyRow[]; errors: ImportError[] }
  | { kind: 'accounts'; rows: AccountDailyRow[]; errors: ImportError[] };

export interface ParseOptions {
  locale?: Locale;
  /**
   * Our column → header index, as chosen in the console; by default guessed from the header
   * row, and then every column of the contract must be present.
   */
  mapping?: Partial<Record<MetricColumn, number | null>>;
  kind?: ImportKind;
}

const MESSAGES: Record<Locale, Record<ImportErrorCode, string>> = {
  'zh-CN': {
    empty_file: '文件为空或没有表头',
    missing_column: '缺少列：{field}',
    required: '{field}不能为空',
    bad_date: '日期格式错误：“{value}”（应为 YYYY-MM-DD）',
    unknown_platform: '未知平台：“{value}”（可用：weibo、wechat、douyin、kuaishou、xiaohongshu、bilibili、zhihu、linkedin、mastodon、bluesky、telegram、sandbox）',
    unknown_theme: '未知主题：“{value}”（可用：品牌/产品/行业/互动/热点 或 {themes}）',
    negative: '{field}不能为负数：{value}',
    not_integer: '{field}必须是整数：“{value}”',
    duplicate: '与第 {other} 行重复（日期、平台、账号{post}相同）',
    unreadable: '无法读取文件：{value}',
    too_long: '{field}过长：{length} 个字符（最多 {max} 个）',
  },
  'en-US': {
    empty_file: 'the file is empty or has no header row',
    missing_column: 'missing column: {field}',
    required: '{field} is required',
    bad_date: 'bad date "{value}" (expected YYYY-MM-DD)',
    unknown_platform: 'unknown platform "{value}" (one of weibo, wechat, douyin, kuaishou, xiaohongshu, bilibili, zhihu, linkedin, mastodon, bluesky, telegram, sandbox)',
    unknown_theme: 'unknown theme "{value}" (one of {themes})',
    negative: '{field} cannot be negative: {value}',
    not_integer: '{field} must be a whole number: "{value}"',
    duplicate: 'duplicates line {other} (same date, platform, account{post})',
    unreadable: 'cannot read the file: {value}',
    too_long: '{field} is too long: {length} characters (at most {max})',
  },
};

const FIELD_ZH: Record<string, string> = {
  date: '日期', platform: '平台', account: '账号', post_id: '内容ID', post_title: '标题', theme: '主题', format: '形式',
  exposure: '曝光量', likes: '点赞', comments: '评论', shares: '转发', saves: '收藏', clicks: '点击', conversions: '转化',
  followers: '粉丝数', new_followers: '新增粉丝', unfollows: '取关', file: '文件',
};
const fieldName = (field: string, locale: Locale) => (locale === 'zh-CN' && FIELD_ZH[field] ? `${FIELD_ZH[field]}（${field}）` : field);

/** A grid of cells with the file's line number of each row. */
export interface CellTable {
  headers: string[];
  rows: { line: number; cells: unknown[] }[];
}

/** CSV → cells, each row with the line it starts on (quoted cells may span lines). */
export function readCsv(text: string): CellTable {
  const src = text.replace(/^\uFEFF/, '');
  const grid: { line: number; cells: unknown[] }[] = [];
  let line = 1;
  let cursor = 0;
  Papa.parse<string[]>(src, {
    header: false,
    skipEmptyLines: false,
    step: (res) => {
      grid.push({ line, cells: res.data });
      const end = res.meta.cursor;
      for (let i = cursor; i < end; i++) if (src.charCodeAt(i) === 10) line++;
      // The row's own line break is consumed before the next row starts.
      if (src.charCodeAt(end) === 13) { cursor = end + 1; } else cursor = end;
      if (src.charCodeAt(cursor) === 10) { line++; cursor++; }
    },
  });
  const [head, ...rest] = grid;
  return {
    headers: (head?.cells ?? []).map((h) => String(h)),
    rows: rest.filter((r) => r.cells.some((c) => String(c ?? '').trim() !== '')),
  };
}

export async function readXlsx(data: Buffer | ArrayBuffer): Promise<CellTable> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as ArrayBuffer);
  const ws = wb.worksheets[0];
  if (!ws) return { headers: [], rows: [] };
  const cellValue = (v: ExcelJS.CellValue): unknown => {
    if (v && typeof v === 'object' && !(v instanceof Date)) {
      if ('result' in v) return v.result; // formula
      if ('richText' in v) return v.richText.map((t) => t.text).join('');
      if ('text' in v) return v.text; // hyperlink
    }
    return v;
  };
  const grid: { line: number; cells: unknown[] }[] = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    const values = row.values as ExcelJS.CellValue[]; // 1-based
    grid.push({ line: row.number, cells: values.slice(1).map(cellValue) });
  });
  const [head, ...rest] = grid;
  if (!head) return { headers: [], rows: [] };
  return {
    headers: head.cells.map((c) => String(c ?? '')),
    rows: rest.filter((r) => r.cells.some((c) => c !== null && c !== undefined && String(c).trim() !== '')),
  };
}

/** Read a CSV or XLSX file (by name or by its ZIP signature) and validate it. */
export async function parseMetricsFile(data: Buffer, opts: ParseOptions & { filename?: string } = {}): Promise<ParsedImport> {
  const isXlsx = opts.filename ? /\.xlsx$/i.test(opts.filename) : data.subarray(0, 2).toString('latin1') === 'PK';
  try {
    const table = isXlsx ? await readXlsx(data) : readCsv(decodeText(data).text);
    return validateTable(table, opts);
  } catch (e) {
    const msg = fill(MESSAGES[opts.locale ?? 'zh-CN'].unreadable, { value: (e as Error).message });
    return { kind: opts.kind ?? 'posts', rows: [], errors: [{ line: 1, field: 'file', code: 'unreadable', message: msg }] };
  }
}

/** Longest text a column may hold (a 10 MB title is a mistake or an attack, not a title). */
const MAX_LENGTH: Partial<Record<MetricColumn, number>> = { platform: 40, account: 100, post_id: 200, post_title: 500, theme: 40, format: 40 };

/** Validate a cell table: map headers, check every cell, report errors with line numbers. */
export function validateTable(table: CellTable, opts: ParseOptions = {}): ParsedImport {
  const locale = opts.locale ?? 'zh-CN';
  const t = MESSAGES[locale];
  const errors: ImportError[] = [];
  const err = (line: number, field: string, code: ImportErrorCode, params: Record<string, string | number> = {}) =>
    errors.push({ line, field, code, message: fill(t[code], { field: fieldName(field, locale), themes: THEMES.join(', '), ...params }) });

  if (table.headers.every((h) => h.trim() === '')) {
    err(1, 'file', 'empty_file');
    return { kind: opts.kind ?? 'posts', rows: [], errors };
  }
  const guess = suggestColumnMapping(table.headers);
  const kind = opts.kind ?? guess.kind;
  const mapping = opts.mapping ?? guess.mapping;
  const required = opts.mapping ? CORE[kind] : REQUIRED[kind];
  const missing = required.filter((c) => mapping[c] === null || mapping[c] === undefined);
  for (const c of missing) err(1, c, 'missing_column');
  if (missing.length) return { kind, rows: [], errors } as ParsedImport;

  const records = applyColumnMapping(table.rows.map((r) => r.cells), mapping);
  const seen = new Map<string, number>();
  const dateCache = new Map<string | number, string | null>();
  const posts: PostDailyRow[] = [];
  const accounts: AccountDailyRow[] = [];
  records.forEach((rec, i) => {
    const line = table.rows[i].line;
    const before = errors.length;
    const tooLong = new Set<MetricColumn>();
    const text = (c: MetricColumn) => {
      const v = cellText(rec[c]);
      const max = MAX_LENGTH[c];
      if (max !== undefined && v.length > max) {
        if (!tooLong.has(c)) err(line, c, 'too_long', { length: v.length, max });
        tooLong.add(c);
        return v.slice(0, max);
      }
      return v;
    };
    const need = (c: MetricColumn) => {
      const v = text(c);
      if (v === '') err(line, c, 'required');
      return v;
    };
    const dateKey = rec.date instanceof Date ? rec.date.getTime() : cellText(rec.date);
    const date = dateCache.has(dateKey) ? dateCache.get(dateKey)! : parseDate(rec.date);
    dateCache.set(dateKey, date);
    if (date === null) {
      if (text('date') === '') err(line, 'date', 'required');
      else err(line, 'date', 'bad_date', { value: text('date') });
    }
    const rawPlatform = need('platform');
    const platform = rawPlatform === '' ? null : normalisePlatform(rawPlatform);
    if (rawPlatform !== '' && platform === null) err(line, 'platform', 'unknown_platform', { value: rawPlatform });
    const account = need('account');
    const n = (c: MetricColumn) => parseCount(rec[c], line, c, err);

    if (kind === 'posts') {
      const postId = need('post_id');
      const rawTheme = text('theme');
      const theme = rawTheme === '' ? null : normaliseTheme(rawTheme);
      if (theme !== null && !(THEMES as readonly string[]).includes(theme)) err(line, 'theme', 'unknown_theme', { value: rawTheme });
      const row: PostDailyRow = {
        date: date ?? '', platform: platform ?? '', account, postId, postTitle: text('post_title'),
        theme, format: text('format') === '' ? null : normaliseFormat(text('format')),
        exposure: n('exposure'), likes: n('likes'), comments: n('comments'), shares: n('shares'),
        saves: n('saves'), clicks: n('clicks'), conversions: n('conversions'),
      };
      checkDuplicate(`${row.date}|${row.platform}|${account}|${postId}`, line, true);
      if (errors.length === before) posts.push(row);
    } else {
      const row: AccountDailyRow = {
        date: date ?? '', platform: platform ?? '', account,
        followers: n('followers'), newFollowers: n('new_followers'), unfollows: n('unfollows'),
      };
      checkDuplicate(`${row.date}|${row.platform}|${account}`, line, false);
      if (errors.length === before) accounts.push(row);
    }
  });
  return kind === 'posts' ? { kind, rows: posts, errors } : { kind, rows: accounts, errors };

  function checkDuplicate(key: string, line: number, isPost: boolean) {
    const other = seen.get(key);
    const post = isPost ? (opts.locale === 'en-US' ? ', post' : '、内容') : '';
    if (other !== undefined) err(line, isPost ? 'post_id' : 'account', 'duplicate', { other, post });
    else seen.set(key, line);
  }
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v).trim();
}

/** YYYY-MM-DD or YYYY/M/D, or an Excel date cell → YYYY-MM-DD; null when invalid. */
export function parseDate(v: unknown): string | null {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString().slice(0, 10);
  const s = cellText(v);
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(s);
  if (!m) return null;
  const d = DateTime.fromObject({ year: +m[1], month: +m[2], day: +m[3] }, { zone: 'utc' });
  return d.isValid ? d.toISODate() : null;
}

/** A non-negative whole count; "", "-" and "—" mean unknown (null). Thousands separators allowed. */
function parseCount(
  v: unknown, line: number, field: string,
  err: (line: number, field: string, code: ImportErrorCode, p?: Record<string, string | number>) => void,
): number | null {
  if (typeof v === 'number') {
    if (!Number.isInteger(v)) { err(line, field, 'not_integer', { value: v }); return null; }
    if (v < 0) { err(line, field, 'negative', { value: v }); return null; }
    return v;
  }
  const s = cellText(v).replace(/[,，\s]/g, '');
  if (s === '' || s === '-' || s === '—') return null;
  if (!/^-?\d+(\.\d+)?$/.test(s)) { err(line, field, 'not_integer', { value: cellText(v) }); return null; }
  const x = Number(s);
  if (x < 0) { err(line, field, 'negative', { value: cellText(v) }); return null; }
  if (!Number.isInteger(x) || !Number.isSafeInteger(x)) { err(line, field, 'not_integer', { value: cellText(v) }); return null; }
  return x;
}
