/**
 * ReportDocument → PDF (pdfkit, Noto Sans CJK): title, period, each section's table and
 * paragraphs, and the document's charts (bar and line) drawn with pdfkit's vector API.
 * A4 landscape so the 11-column weekly table fits.
 */
import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { type ReportChart, type ReportDocument, type ReportTable, formatCell } from '../report-document.js';
import { textWidth } from './xlsx.js';

export const CJK_FONT = { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', name: 'NotoSansCJKsc-Regular' };
const CJK_BOLD = { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc', name: 'NotoSansCJKsc-Bold' };
const BLUE = '#1F4E79';
const GRID = '#8EA9C1';

type Doc = PDFKit.PDFDocument;

export interface PdfOptions {
  font?: { path: string; name: string };
}

export async function toPdf(report: ReportDocument, opts: PdfOptions = {}): Promise<Buffer> {
  const font = opts.font ?? CJK_FONT;
  if (!existsSync(font.path)) {
    throw new Error(`CJK font missing at ${font.path} (install the fonts-noto-cjk package)`);
  }
  const doc = new PDFDocument({
    size: 'A4', layout: 'landscape', margin: 40, bufferPages: true,
    info: { Title: report.title, Subject: report.period.label, Creator: 'Chorus 合声' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('body', font.path, font.name);
  doc.registerFont('bold', existsSync(CJK_BOLD.path) && !opts.font ? CJK_BOLD.path : font.path, existsSync(CJK_BOLD.path) && !opts.font ? CJK_BOLD.name : font.name);

  doc.font('bold').fontSize(18).fillColor(BLUE).text(report.title);
  doc.font('body').fontSize(10).fillColor('#666666').text(`${report.period.label}  ${report.period.start} – ${report.period.end}`);
  doc.moveDown(0.8);
  report.sections.forEach((section, i) => {
    ensureSpace(doc, 60);
    doc.font('bold').fontSize(13).fillColor(BLUE).text(section.heading, doc.page.margins.left);
    doc.moveDown(0.3);
    if (section.table) drawTable(doc, section.table, report.locale);
    doc.font('body').fontSize(10).fillColor('#222222');
    for (const p of section.paragraphs) {
      ensureSpace(doc, 30);
      doc.text(p, doc.page.margins.left, doc.y, { width: contentWidth(doc), lineGap: 2 });
      doc.moveDown(0.3);
    }
    if (i === 0 && report.charts?.length) drawCharts(doc, report.charts);
    doc.moveDown(0.8);
  });
  const range = doc.bufferedPageRange();
  for (let p = range.start; p < range.start + range.count; p++) {
    doc.switchToPage(p);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('body').fontSize(8).fillColor('#999999')
      .text(`Chorus 合声 · ${report.title} · ${p + 1}/${range.count}`, 40, doc.page.height - 25, { width: contentWidth(doc), align: 'center', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}

const contentWidth = (doc: Doc) => doc.page.width - doc.page.margins.left - doc.page.margins.right;
const bottomY = (doc: Doc) => doc.page.height - doc.page.margins.bottom;

function ensureSpace(doc: Doc, h: number) {
  if (doc.y + h > bottomY(doc)) doc.addPage();
}

function drawTable(doc: Doc, table: ReportTable, locale: ReportDocument['locale']) {
  const x0 = doc.page.margins.left;
  const total = contentWidth(doc);
  const texts = table.rows.map((r) => table.columns.map((c) => formatCell(r[c.key] ?? null, c, locale)));
  const want = table.columns.map((c, i) => Math.min(40, Math.max(textWidth(c.header) * 0.7, ...texts.map((t) => textWidth(t[i]))) + 2));
  const sum = want.reduce((a, b) => a + b, 0);
  const widths = want.map((w) => (w / sum) * total);
  const pad = 3;
  const fontSize = 8;
  const rowHeight = (cells: string[], f: string) => {
    doc.font(f).fontSize(fontSize);
    return Math.max(...cells.map((t, i) => doc.heightOfString(t, { width: widths[i] - 2 * pad }))) + 2 * pad;
  };
  const drawRow = (cells: string[], y: number, h: number, header: boolean, bold: boolean) => {
    let x = x0;
    cells.forEach((t, i) => {
      const w = widths[i];
      if (header) doc.rect(x, y, w, h).fill(BLUE);
      else if (bold) doc.rect(x, y, w, h).fill('#DDEBF7');
      doc.rect(x, y, w, h).lineWidth(0.5).strokeColor(GRID).stroke();
      const align = header ? 'center' : table.columns[i].kind === 'text' ? 'left' : 'right';
      doc.font(header || bold ? 'bold' : 'body').fontSize(fontSize).fillColor(header ? '#FFFFFF' : '#222222')
        .text(t, x + pad, y + pad, { width: w - 2 * pad, align });
      x += w;
    });
  };
  const headers = table.columns.map((c) => c.header);
  const headerH = rowHeight(headers, 'bold');
  ensureSpace(doc, headerH * 2);
  let y = doc.y;
  drawRow(headers, y, headerH, true, false);
  y += headerH;
  texts.forEach((cells, ri) => {
    const bold = !!table.hasTotal && ri === texts.length - 1;
    const h = rowHeight(cells, bold ? 'bold' : 'body');
    if (y + h > bottomY(doc)) {
      doc.addPage();
      y = doc.y;
      drawRow(headers, y, headerH, true, false);
      y += headerH;
    }
    drawRow(cells, y, h, false, bold);
    y += h;
  });
  doc.x = x0;
  doc.y = y + 8;
}

/** A round axis maximum: 1, 2, 2.5, 5 × 10^n at or above the data. */
export function niceMax(v: number): number {
  if (v <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  return ([1, 2, 2.5, 5, 10].find((m) => m * p >= v) ?? 10) * p;
}

const axisLabel = (v: number, unit: string) =>
  unit === '%' ? `${Number(v.toFixed(2))}%` : v >= 10000 ? `${Number((v / 10000).toFixed(1))}万` : String(Number(v.toFixed(1)));

function drawCharts(doc: Doc, charts: readonly ReportChart[]) {
  const h = 200;
  ensureSpace(doc, h + 20);
  const gap = 20;
  const w = (contentWidth(doc) - gap * (charts.length - 1)) / charts.length;
  const y = doc.y + 6;
  charts.forEach((c, i) => drawChart(doc, c, doc.page.margins.left + i * (w + gap), y, w, h));
  doc.x = doc.page.margins.left;
  doc.y = y + h + 10;
}

function drawChart(doc: Doc, chart: ReportChart, x: number, y: number, w: number, h: number) {
  doc.font('bold').fontSize(10).fillColor(BLUE).text(chart.title, x, y, { width: w, align: 'center' });
  const left = x + 45;
  const top = y + 22;
  const plotW = w - 55;
  const plotH = h - 50;
  const known = chart.values.filter((v): v is number => v !== null);
  const max = niceMax(Math.max(0, ...known));
  doc.font('body').fontSize(7).fillColor('#666666');
  for (let g = 0; g <= 4; g++) {
    const gy = top + plotH - (plotH * g) / 4;
    doc.moveTo(left, gy).lineTo(left + plotW, gy).lineWidth(0.3).strokeColor('#DDDDDD').stroke();
    doc.fillColor('#666666').text(axisLabel((max * g) / 4, chart.unit), x, gy - 4, { width: 40, align: 'right' });
  }
  doc.moveTo(left, top).lineTo(left, top + plotH).lineTo(left + plotW, top + plotH).lineWidth(0.8).strokeColor('#444444').stroke();
  const n = Math.max(1, chart.categories.length);
  const slot = plotW / n;
  const points: [number, number, number][] = [];
  chart.categories.forEach((cat, i) => {
    const cx = left + slot * i + slot / 2;
    doc.fillColor('#333333').fontSize(8).text(cat, cx - slot / 2, top + plotH + 4, { width: slot, align: 'center' });
    const v = chart.values[i];
    if (v === null || v === undefined) return;
    const vy = top + plotH - (plotH * v) / max;
    if (chart.type === 'bar') {
      const bw = Math.min(40, slot * 0.6);
      doc.rect(cx - bw / 2, vy, bw, top + plotH - vy).fill('#2E75B6');
    } else {
      points.push([cx, vy, v]);
    }
    doc.fillColor('#222222').fontSize(7).text(axisLabel(v, chart.unit === '%' ? '%' : ''), cx - slot / 2, vy - 11, { width: slot, align: 'center' });
  });
  if (points.length) {
    points.forEach(([px, py], i) => (i === 0 ? doc.moveTo(px, py) : doc.lineTo(px, py)));
    doc.lineWidth(1.5).strokeColor('#C55A11').stroke();
    for (const [px, py] of points) doc.circle(px, py, 2.5).fill('#C55A11');
  }
}
