/**
 * The one CSV writer of Chorus. UTF-8 with a BOM so that Excel on Chinese Windows opens 中文 correctly,
 * CRLF line ends, and every text cell that a spreadsheet would run as a formula (starting with
 * = + - @, a tab, CR or LF — checked on the whole cell, multi-line ones too) is prefixed with an
 * apostrophe, which Excel and WPS show as text. Numbers stay numbers (-5 is a value, not a formula).
 */
import Papa from 'papaparse';

const FORMULA_START = /^[=+\-@\t\r\n]/;

export type CsvCell = string | number | boolean | null | undefined | Date;

function cell(v: CsvCell): string | number | boolean {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString();
  return v;
}

export function writeCsv(header: readonly string[], rows: ReadonlyArray<readonly CsvCell[]>): string {
  const body = Papa.unparse({ fields: [...header], data: rows.map((r) => r.map(cell)) }, { escapeFormulae: FORMULA_START, newline: '\r\n' });
  return `\uFEFF${body}`;
}

/** Reading our own exports back: the apostrophe the writer put before a formula-like cell comes off again. */
export function unescapeCsvCell(s: string): string {
  return s.startsWith("'") && FORMULA_START.test(s.slice(1)) ? s.slice(1) : s;
}
