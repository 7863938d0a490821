import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadManualSample } from '../../../../test/fixtures/analytics/manual-sample.js';
import { buildWeeklyReview } from '../review-report.js';
import { buildWeeklyTable } from '../weekly-report.js';
import type { ReportDocument } from '../report-document.js';
import { tableToCsv, toCsv, toMarkdown, toPdf, toXlsx } from './index.js';

let doc: ReportDocument;
let sample: Awaited<ReturnType<typeof loadManualSample>>;
beforeAll(async () => {
  sample = await loadManualSample();
  doc = buildWeeklyReview({ week: '2026-W47', ...sample });
});

describe('toXlsx', () => {
  it('writes a formatted sheet per section that exceljs reads back', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await toXlsx(doc) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['一、本周核心数据概览', '二、本周亮点内容分析', '三、本周问题与不足', '四、下周优化计划']);
    const ws = wb.worksheets[0];
    expect(ws.getCell('A1').value).toBe('一、本周核心数据概览');
    expect(ws.getRow(3).values).toEqual([undefined, '平台', '本周曝光量', '环比增长', '本周互动量', '互动率', '本周新增粉丝', '环比增长', '转化量', '转化率', '爆款内容TOP1(主题/互动率)', '主要问题与改进方向']);
    const row = (r: number) => (ws.getRow(r).values as unknown[]).slice(1, 10);
    expect(row(4)).toEqual(['微信公众号', 200_000, 0.15, 2000, 0.01, 800, 0.2, 150, 0.00075]);
    expect(row(5)).toEqual(['小红书', 500_000, 0.3, 8000, 0.016, 2000, 0.5, 300, 0.0006]);
    expect(ws.getCell('J5').value).toBe('职场穿搭笔记(3%)');
    expect(ws.getCell('E4').numFmt).toBe('0.00%');
    expect(ws.getCell('C4').numFmt).toBe('+0%;-0%;0%');
    expect(ws.getCell('B4').numFmt).toBe('#,##0');
    expect((ws.getCell('A3').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FF1F4E79');
    expect(ws.getCell('A3').border.top?.style).toBe('thin');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(ws.getColumn(11).width).toBeGreaterThan(ws.getColumn(1).width!);
    expect(ws.getCell('A8').value).toMatch(/^曝光总量：70万/);
    expect(wb.worksheets[1].getCell('A4').value).toMatch(/^爆款内容：《职场穿搭笔记》/);
  });
});

describe('toPdf', () => {
  const hasPdftotext = spawnSync('pdftotext', ['-v']).error === undefined;
  it('starts with %PDF and embeds the CJK font', async () => {
    const pdf = await toPdf(doc);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toContain('NotoSansCJKsc-Regular');
  });

  it.skipIf(!hasPdftotext && !process.env.CI)('pdftotext finds the headings, figures and chart titles', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chorus-pdf-'));
    const file = join(dir, 'r.pdf');
    writeFileSync(file, await toPdf(doc));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    for (const s of ['周度运营复盘报告', '一、本周核心数据概览', '二、本周亮点内容分析', '三、本周问题与不足', '四、下周优化计划',
      '微信公众号', '小红书', '200,000', '500,000', '+15%', '1.6%', '0.075%', '《行业避坑指南》(2%)', '职场穿搭笔记(3%)',
      '各平台曝光量', '各平台互动率', '50万']) {
      expect(text).toContain(s);
    }
  });
  if (!hasPdftotext && !process.env.CI) console.warn('SKIPPED: pdftotext (poppler-utils) is not installed; the PDF text check did not run');
});

describe('toMarkdown', () => {
  it('writes title, period, a table with a bold total and the paragraphs', () => {
    const md = toMarkdown(doc);
    expect(md.split('\n').slice(0, 3)).toEqual(['# 周度运营复盘报告 · 2026-W47', '', '*2026年第47周（11月16日—11月22日） · 2026-11-16 – 2026-11-22*']);
    expect(md).toContain('| 微信公众号 | 200,000 | +15% | 2,000 | 1% | 800 | +20% | 150 | 0.075% | 《行业避坑指南》(2%) |');
    expect(md).toContain('| **合计** | **700,000** | **+25%** |');
    expect(md).toContain('## 四、下周优化计划');
  });

  it('escapes pipes in cells', () => {
    const md = toMarkdown({ ...doc, sections: [{ key: 'x', heading: 'X', paragraphs: [], table: { columns: [{ key: 'a', header: 'A', kind: 'text' }], rows: [{ a: 'a|b' }] } }] });
    expect(md).toContain('| a\\|b |');
  });

  it('shows raw HTML from titles as text, never as markup', () => {
    const evil = '<img src=x onerror=alert(1)><script>fetch("//evil")</script>';
    const md = toMarkdown({ ...doc, title: `周报 ${evil}`, sections: [{ key: 'x', heading: `<b>${evil}</b>`, paragraphs: [`最佳内容：${evil}`], table: { columns: [{ key: 'a', header: 'A', kind: 'text' }], rows: [{ a: evil }] } }] });
    expect(md).not.toMatch(/<(img|script|b)\b/);
    expect(md).toContain('&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;');
  });
});

describe('toCsv', () => {
  it('writes a BOM and rows papaparse reads back, nested fields flattened, unknowns empty', () => {
    const table = buildWeeklyTable({ week: '2026-W47', ...sample });
    const csv = toCsv([...table.rows, { ...table.rows[0], platform: 'weibo', conversions: null }]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const parsed = Papa.parse<Record<string, string>>(csv.slice(1), { header: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data[1]).toMatchObject({
      platform: 'xiaohongshu', exposure: '500000', exposureWoW: '30', interactionRate: '1.6',
      'topItem.title': '职场穿搭笔记', 'topItem.interactionRate': '3', issues: expect.stringContaining('视频笔记占比不足'),
    });
    expect(parsed.data[2].conversions).toBe('');
  });

  it('escapes formulae', () => {
    const csv = toCsv([{ title: '=HYPERLINK("http://evil")', n: 1 }, { title: '@SUM(A1)', n: 2 }]);
    const rows = Papa.parse<Record<string, string>>(csv.slice(1), { header: true }).data;
    expect(rows.map((r) => r.title)).toEqual(['\'=HYPERLINK("http://evil")', '\'@SUM(A1)']);
  });

  it('writes a report table with its headers', () => {
    const csv = tableToCsv(doc.sections[0].table!);
    const rows = Papa.parse<string[]>(csv.slice(1)).data;
    expect(rows[0].slice(0, 3)).toEqual(['平台', '本周曝光量', '环比增长']);
    expect(rows[3].slice(0, 3)).toEqual(['合计', '700000', '25']);
  });
});
