/**
 * ReportDocument → Markdown, and rows → CSV through the one CSV writer (src/kernel/csv.ts: BOM,
 * formula-like cells neutralised).
 */
import { writeCsv, type CsvCell } from '../../../kernel/csv.js';
import { type ReportDocument, type ReportTable, formatCell } from '../report-document.js';

/** Titles and names come from people and platforms: raw HTML in them is shown as text, never rendered. */
const noHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const mdCell = (s: string) => noHtml(s).replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');

export function tableToMarkdown(table: ReportTable, locale: ReportDocument['locale']): string {
  const head = `| ${table.columns.map((c) => mdCell(c.header)).join(' | ')} |`;
  const rule = `| ${table.columns.map((c) => (c.kind === 'text' ? '---' : '---:')).join(' | ')} |`;
  const last = table.rows.length - 1;
  const body = table.rows.map((r, i) => {
    const cells = table.columns.map((c) => {
      const s = mdCell(formatCell(r[c.key] ?? null, c, locale));
      return table.hasTotal && i === last && s !== '—' ? `**${s}**` : s;
    });
    return `| ${cells.join(' | ')} |`;
  });
  return [head, rule, ...body].join('\n');
}

export function toMarkdown(doc: ReportDocument): string {
  const out = [`# ${noHtml(doc.title)}`, '', `*${noHtml(doc.period.label)} · ${doc.period.start} – ${doc.period.end}*`, ''];
  for (const s of doc.sections) {
    out.push(`## ${noHtml(s.heading)}`, '');
    if (s.table) out.push(tableToMarkdown(s.table, doc.locale), '');
    for (const p of s.paragraphs) out.push(noHtml(p), '');
  }
  return out.join('\n');
}

/** Flatten nested values: { topItem: { title } } → topItem.title; issues [{text}] → joined text. */
function flatten(rec: Record<string, unknown>, prefix = '', out: Record<string, unknown> = {}): Record<string, unknown> {
  for (const [k, v] of Object.entries(rec)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (Array.isArray(v)) {
      out[key] = v.map((x) => (x && typeof x === 'object' && 'text' in x ? (x as { text: unknown }).text : typeof x === 'object' ? JSON.stringify(x) : x)).join('；');
    } else if (v && typeof v === 'object' && !(v instanceof Date)) {
      flatten(v as Record<string, unknown>, key, out);
    } else {
      out[key] = v;
    }
  }
  return out;
}

export interface CsvOptions {
  /** Column keys (after flattening) in order, with optional headers; default: every key seen. */
  columns?: { key: string; header?: string }[];
}

/** Rows → CSV text with a BOM; null stays an empty cell (unknown, not 0). */
export function toCsv(rows: readonly object[], opts: CsvOptions = {}): string {
  const flat = rows.map((r) => flatten(r as Record<string, unknown>));
  const keys = opts.columns?.map((c) => c.key) ?? [...new Set(flat.flatMap((r) => Object.keys(r)))];
  const headers = opts.columns?.map((c) => c.header ?? c.key) ?? keys;
  return writeCsv(headers, flat.map((r) => keys.map((k) => r[k] as CsvCell)));
}

/** A report table → CSV with its headers (numbers raw, percentages in percent). */
export function tableToCsv(table: ReportTable): string {
  return toCsv(table.rows, { columns: table.columns.map((c) => ({ key: c.key, header: c.header })) });
}
