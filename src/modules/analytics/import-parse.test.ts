import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { readFixture } from '../../../test/fixtures/analytics/manual-sample.js';
import { matchHeader, suggestColumnMapping } from './column-mapping.js';
import { parseDate, parseMetricsFile, readCsv, validateTable } from './import-parse.js';

describe('parseMetricsFile (CSV)', () => {
  it('reads the sample files without errors', async () => {
    const posts = await parseMetricsFile(readFixture('posts-sample.csv'));
    expect(posts.kind).toBe('posts');
    expect(posts.errors).toEqual([]);
    expect(posts.rows).toHaveLength(13);
    expect(posts.rows[2]).toEqual({
      date: '2026-11-16', platform: 'wechat', account: 'chorus_official', postId: 'wx-1', postTitle: '《行业避坑指南》',
      theme: 'industry', format: 'article', exposure: 30000, likes: 360, comments: 90, shares: 90, saves: 60, clicks: 600, conversions: 36,
    });
    const accounts = await parseMetricsFile(readFixture('accounts-sample.csv'));
    expect(accounts).toMatchObject({ kind: 'accounts', errors: [] });
    expect(accounts.rows).toHaveLength(16);
  });

  it('reports every bad row with its line, field and a zh-CN message, and keeps the good rows', async () => {
    const r = await parseMetricsFile(readFixture('posts-errors.csv'));
    expect(r.errors.map((e) => [e.line, e.field, e.code])).toEqual([
      [3, 'date', 'bad_date'],
      [4, 'platform', 'unknown_platform'],
      [5, 'exposure', 'negative'],
      [6, 'likes', 'not_integer'],
      [6, 'conversions', 'not_integer'],
      [7, 'post_id', 'duplicate'],
      [8, 'date', 'required'],
      [8, 'account', 'required'],
      [8, 'theme', 'unknown_theme'],
    ]);
    expect(r.errors.find((e) => e.line === 5)!.message).toBe('曝光量（exposure）不能为负数：-5');
    expect(r.errors.find((e) => e.code === 'duplicate')!.message).toBe('与第 2 行重复（日期、平台、账号、内容相同）');
    // Line 9 is blank; line 10 uses 2026/11/17, 小红书, 热点, 图文笔记, "1,200" and empty (unknown) counts.
    expect(r.rows.map((x) => ('postId' in x ? x.postId : null))).toEqual(['wb-1', 'xhs-1']);
    expect(r.rows[1]).toMatchObject({
      date: '2026-11-17', platform: 'xiaohongshu', postTitle: '逗号,标题', theme: 'trending', format: 'note',
      exposure: 1200, saves: null, clicks: null, conversions: null,
    });
  });

  it('speaks en-US when asked', async () => {
    const r = await parseMetricsFile(readFixture('posts-errors.csv'), { locale: 'en-US' });
    expect(r.errors[0].message).toBe('bad date "2026-11-31" (expected YYYY-MM-DD)');
    expect(r.errors[2].message).toBe('exposure cannot be negative: -5');
  });

  it('reports missing columns on line 1', async () => {
    const r = await parseMetricsFile(readFixture('posts-missing-columns.csv'));
    expect(r.rows).toEqual([]);
    expect(r.errors.map((e) => [e.line, e.field, e.code])).toEqual(
      ['post_title', 'theme', 'format', 'comments', 'shares', 'saves', 'clicks', 'conversions'].map((f) => [1, f, 'missing_column']),
    );
    expect(r.errors[0].message).toBe('缺少列：标题（post_title）');
  });

  it('reads Chinese headers with a BOM and CRLF as account rows', async () => {
    const r = await parseMetricsFile(readFixture('accounts-zh.csv'));
    expect(r).toEqual({
      kind: 'accounts', errors: [],
      rows: [
        { date: '2026-11-16', platform: 'weibo', account: 'brand_main', followers: 10250, newFollowers: 300, unfollows: 50 },
        { date: '2026-11-17', platform: 'douyin', account: 'brand_dy', followers: 5000, newFollowers: null, unfollows: null },
      ],
    });
  });

  it('counts lines through quoted cells that span lines', () => {
    const t = readCsv('a,b\r\n1,"two\r\nlines"\r\n\r\n3,x\r\n');
    expect(t.rows.map((r) => [r.line, r.cells[0]])).toEqual([[2, '1'], [5, '3']]);
    expect(readCsv('a,b\n1,2\n3,4').rows.map((r) => r.line)).toEqual([2, 3]);
  });

  it('reports an empty file', async () => {
    const r = await parseMetricsFile(Buffer.from(''));
    expect(r.errors.map((e) => e.code)).toEqual(['empty_file']);
  });
});

describe('parseMetricsFile (XLSX)', () => {
  async function xlsx(rows: unknown[][]): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('数据');
    for (const r of rows) ws.addRow(r);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  it('reads date cells, numbers, formulas and Chinese headers', async () => {
    const file = await xlsx([
      ['日期', '平台', '账号', '内容ID', '标题', '主题', '形式', '曝光量', '点赞', '评论', '转发', '收藏', '点击', '转化'],
      [new Date(Date.UTC(2026, 10, 16)), '抖音', 'brand_dy', 'dy-1', '30秒学会', '产品', '短视频', 500000, 15000, 3000, 1500, 500, 4000, 2000],
      ['2026-11-17', 'douyin', 'brand_dy', 'dy-2', '公式', 'product', 'short_video', { formula: '1000*2', result: 2000 }, 20, 0, 0, 0, null, null],
      ['2026-11-18', 'douyin', 'brand_dy', 'dy-3', '坏', 'product', 'short_video', 100, -1, 0, 0, 0, 0, 0],
    ]);
    const r = await parseMetricsFile(file, { filename: 'metrics.xlsx' });
    expect(r.kind).toBe('posts');
    expect(r.errors.map((e) => [e.line, e.field, e.code])).toEqual([[4, 'likes', 'negative']]);
    expect(r.rows[0]).toMatchObject({ date: '2026-11-16', platform: 'douyin', theme: 'product', format: 'short_video', exposure: 500000, conversions: 2000 });
    expect(r.rows[1]).toMatchObject({ exposure: 2000, clicks: null, conversions: null });
  });

  it('detects XLSX by its signature and reports a broken file', async () => {
    const good = await xlsx([['date', 'platform', 'account', 'followers', 'new_followers', 'unfollows'], ['2026-11-16', 'zhihu', 'z', 10, 1, 0]]);
    expect((await parseMetricsFile(good)).rows).toHaveLength(1);
    const broken = await parseMetricsFile(Buffer.from('PK\u0003\u0004garbage'));
    expect(broken.errors[0]).toMatchObject({ line: 1, field: 'file', code: 'unreadable' });
  });
});

describe('column mapping', () => {
  it.each([
    ['曝光量', 'exposure'], ['阅读量', 'exposure'], ['曝光量(次)', 'exposure'], ['点赞数', 'likes'], ['评论', 'comments'],
    ['转发', 'shares'], ['收藏', 'saves'], ['点击', 'clicks'], ['转化量', 'conversions'], ['日期', 'date'], ['平台', 'platform'],
    ['账号', 'account'], ['Post ID', 'post_id'], [' New-Followers ', 'new_followers'], ['取关', 'unfollows'], ['心情', null],
  ])('%j → %s', (h, want) => expect(matchHeader(h)).toBe(want));

  it('suggests a mapping and lists what is left', () => {
    const s = suggestColumnMapping(['日期', '平台', '账号', '作品ID', '播放量', '点赞', '备注']);
    expect(s.kind).toBe('posts');
    expect(s.mapping).toMatchObject({ date: 0, platform: 1, account: 2, post_id: 3, exposure: 4, likes: 5, comments: null });
    expect(s.unmapped).toEqual(['备注']);
    expect(s.missing).toEqual(['post_title', 'theme', 'format', 'comments', 'shares', 'saves', 'clicks', 'conversions']);
  });

  it('imports with a person-chosen mapping, unmapped counts unknown', () => {
    const table = readCsv('日期,渠道,号,阅读,赞\n2026-11-16,微博,a,100,5\n');
    const r = validateTable(table, { kind: 'posts', mapping: { date: 0, platform: 1, account: 2, post_id: 2, exposure: 3, likes: 4 } });
    expect(r.errors).toEqual([]);
    expect(r.rows[0]).toMatchObject({ platform: 'weibo', exposure: 100, likes: 5, comments: null, conversions: null });
  });

  it.each([['2026-11-16', '2026-11-16'], ['2026/1/5', '2026-01-05'], ['2026-02-29', null], ['16/11/2026', null], ['', null]])(
    'parseDate(%j) → %s', (v, want) => expect(parseDate(v)).toBe(want),
  );
});

describe('metrics files as Excel on Chinese Windows saves them', () => {
  const csv = readFixture('posts-sample.csv').toString('utf8');

  it.each([
    ['GBK', () => iconv.encode(csv, 'gbk')],
    ['UTF-16 LE with a BOM', () => Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(csv, 'utf-16le')])],
    ['UTF-16 BE with a BOM', () => Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(csv, 'utf-16be')])],
  ])('reads %s like UTF-8', async (_name, bytes) => {
    const utf8 = await parseMetricsFile(Buffer.from(csv, 'utf8'));
    const other = await parseMetricsFile(bytes());
    expect(other.errors).toEqual([]);
    expect(other.rows).toEqual(utf8.rows);
  });

  it('names the encoding it cannot read instead of a missing column', async () => {
    const r = await parseMetricsFile(iconv.encode('日付,プラットフォーム,アカウント,タイトル\r\n2026-11-01,ツイッター,コーヒー,冬の限定ラテが新登場しました\r\n'.repeat(5), 'shift_jis'));
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ line: 1, field: 'file', code: 'unreadable' });
    expect(r.errors[0]!.message).toMatch(/Shift_JIS|EUC-JP|ISO-2022/);
  });

  it('refuses over-long fields with their line numbers', async () => {
    const lines = csv.trimEnd().split(/\r?\n/);
    const cells = Papa.parse<string[]>(lines[2]!).data[0]!;
    cells[lines[0]!.split(',').indexOf('post_title')] = '长'.repeat(10_000);
    const r = await parseMetricsFile(Buffer.from([lines[0], lines[1], Papa.unparse([cells])].join('\n')));
    expect(r.errors.map((e) => [e.line, e.field, e.code])).toEqual([[3, 'post_title', 'too_long']]);
    expect(r.errors[0]!.message).toContain('10000');
  });
});
