import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { unescapeCsvCell, writeCsv } from './csv.js';

const read = (csv: string) => Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;

describe('the CSV writer', () => {
  it('neutralises every cell a spreadsheet would run as a formula, multi-line ones too', () => {
    const hostile = ['=HYPERLINK("http://evil","点我")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1', '=1\n第二行', '\n=1'];
    const [, row] = read(writeCsv(['x', ...hostile.map((_, i) => `c${i}`)], [['正常', ...hostile]]));
    expect(row![0]).toBe('正常');
    for (const [i, h] of hostile.entries()) {
      expect(row![i + 1]!.startsWith("'"), JSON.stringify(h)).toBe(true);
      expect(unescapeCsvCell(row![i + 1]!)).toBe(h);
    }
  });

  it('writes a BOM, CRLF, empty cells for unknown values and numbers as numbers', () => {
    const csv = writeCsv(['日期', '曝光', '备注'], [['2026-11-01', -5, null], ['2026-11-02', 12000, undefined]]);
    expect(csv.startsWith('\uFEFF日期,曝光,备注\r\n')).toBe(true);
    expect(read(csv).slice(1)).toEqual([['2026-11-01', '-5', ''], ['2026-11-02', '12000', '']]);
  });

  it('leaves ordinary text with an apostrophe alone when read back', () => {
    expect(unescapeCsvCell("'星河'")).toBe("'星河'");
  });
});
