/**
 * ReportDocument → XLSX (exceljs), formatted like the manuals' tables: one sheet per section,
 * a header row with a fill and borders, frozen under the header, percent and thousands
 * formats on real numbers (percent cells hold fractions: 1.6 % is stored as 0.016), column
 * widths from the content, and the section's paragraphs below its table.
 */
import ExcelJS from 'exceljs';
import type { ReportColumn, ReportDocument, ReportSection } from '../report-document.js';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E79' } };
const TOTAL_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin', color: { argb: 'FF8EA9C1' } }, left: { style: 'thin', color: { argb: 'FF8EA9C1' } },
  bottom: { style: 'thin', color: { argb: 'FF8EA9C1' } }, right: { style: 'thin', color: { argb: 'FF8EA9C1' } },
};
const FONT = 'Microsoft YaHei';

/** Display width of text, CJK counting double. */
export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u2E80-\uFFEF]/.test(ch) ? 2 : 1;
  return w;
}

function numFmt(col: ReportColumn): string | undefined {
  const decimals = (n: number) => (n > 0 ? `0.${'0'.repeat(n)}` : '0');
  if (col.kind === 'int') return '#,##0';
  if (col.kind === 'percent') return `${decimals(col.digits ?? 2)}%`;
  if (col.kind === 'change') {
    const d = decimals(col.digits ?? 1);
    return `+${d}%;-${d}%;${d}%`;
  }
  return undefined;
}

/** A sheet name Excel accepts: ≤ 31 chars, none of []:*?/\, unique in the workbook. */
function sheetName(heading: string, used: Set<string>): string {
  const base = heading.replace(/[[\]:*?/\\]/g, ' ').trim().slice(0, 28) || 'Sheet';
  let name = base;
  for (let i = 2; used.has(name); i++) name = `${base.slice(0, 26)} ${i}`;
  used.add(name);
  return name;
}

function writeSection(ws: ExcelJS.Worksheet, doc: ReportDocument, section: ReportSection) {
  const cols = section.table?.columns ?? [];
  const span = Math.max(cols.length, 8);
  ws.getCell(1, 1).value = section.heading;
  ws.getCell(1, 1).font = { name: FONT, bold: true, size: 14, color: { argb: 'FF1F4E79' } };
  ws.getCell(2, 1).value = `${doc.title}｜${doc.period.label}`;
  ws.getCell(2, 1).font = { name: FONT, size: 9, color: { argb: 'FF666666' } };
  let r = 3;
  const widths = cols.map((c) => textWidth(c.header));
  if (section.table) {
    const head = ws.getRow(r);
    cols.forEach((c, i) => {
      const cell = head.getCell(i + 1);
      cell.value = c.header;
      cell.font = { name: FONT, bold: true, color: { argb: 'FFFFFFFF' } };
      cell.fill = HEADER_FILL;
      cell.border = THIN;
      cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    });
    head.height = 22;
    ws.views = [{ state: 'frozen', xSplit: 0, ySplit: r }];
    const last = section.table.rows.length - 1;
    section.table.rows.forEach((rec, ri) => {
      r++;
      const row = ws.getRow(r);
      cols.forEach((c, i) => {
        const cell = row.getCell(i + 1);
        const v = rec[c.key];
        const isNum = typeof v === 'number' && c.kind !== 'text';
        cell.value = v === null || v === undefined ? null : isNum && (c.kind === 'percent' || c.kind === 'change') ? (v as number) / 100 : v;
        const fmt = numFmt(c);
        if (fmt && isNum) cell.numFmt = fmt;
        cell.border = THIN;
        cell.font = { name: FONT, bold: section.table!.hasTotal && ri === last };
        if (section.table!.hasTotal && ri === last) cell.fill = TOTAL_FILL;
        cell.alignment = { vertical: 'middle', horizontal: c.kind === 'text' ? 'left' : 'right', wrapText: c.kind === 'text' };
        const shown = v === null || v === undefined ? '' : isNum ? String(v) + (c.kind === 'int' ? '   ' : '%') : String(v);
        widths[i] = Math.max(widths[i], textWidth(shown));
      });
    });
    r += 2;
  } else {
    ws.views = [{ state: 'frozen', xSplit: 0, ySplit: 2 }];
    r += 1;
  }
  cols.forEach((_, i) => { ws.getColumn(i + 1).width = Math.min(50, Math.max(10, widths[i] + 2)); });
  for (let i = cols.length; i < span; i++) ws.getColumn(i + 1).width = Math.max(ws.getColumn(i + 1).width ?? 0, 12);
  const spanWidth = Array.from({ length: span }, (_, i) => ws.getColumn(i + 1).width ?? 12).reduce((a, b) => a + b, 0);
  for (const p of section.paragraphs) {
    ws.mergeCells(r, 1, r, span);
    const cell = ws.getCell(r, 1);
    cell.value = p;
    cell.font = { name: FONT, size: 11 };
    cell.alignment = { wrapText: true, vertical: 'top' };
    ws.getRow(r).height = Math.max(18, Math.ceil(textWidth(p) / spanWidth) * 16);
    r++;
  }
}

export async function toXlsx(doc: ReportDocument): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Chorus 合声';
  wb.title = doc.title;
  wb.subject = doc.period.label;
  const used = new Set<string>();
  for (const section of doc.sections) {
    const ws = wb.addWorksheet(sheetName(section.heading, used), {
      pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 },
    });
    writeSection(ws, doc, section);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
