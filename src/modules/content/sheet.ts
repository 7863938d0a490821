/** The schedule table as XLSX/CSV: export in the manual's layout, import all-or-nothing with line numbers. */
import ExcelJS from 'exceljs';
import { DateTime } from 'luxon';
import Papa from 'papaparse';
import { unescapeCsvCell, writeCsv } from '../../kernel/csv.js';
import { DomainError } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import type { Actor } from '../team/service.js';
import type { ContentContext } from './context.js';
import { hashOf } from './items.js';
import { SHEET_COLUMNS, itemToRow, readRows, type SheetRow } from './model.js';

export function createSheetOps(ctx: ContentContext) {
  const { db, store, clock, team } = ctx;

  /** Rows planned between two local dates (inclusive) in the workspace time zone. */
  async function rows(workspaceId: string, fromDate: string, toDate: string): Promise<SheetRow[]> {
    const tz = await ctx.timeZoneOf(workspaceId);
    const from = DateTime.fromISO(fromDate, { zone: tz }).startOf('day').toJSDate();
    const to = DateTime.fromISO(toDate, { zone: tz }).plus({ days: 1 }).startOf('day').toJSDate();
    const items = await store.listItems(db, workspaceId, { from, to });
    const names = await store.userNames(db, [...new Set(items.map((i) => i.ownerId).filter((x): x is string => !!x))]);
    return items.filter((i) => i.status !== 'cancelled').map((i) => itemToRow({ ...i, ownerName: i.ownerId ? names.get(i.ownerId) ?? null : null }, tz));
  }

  async function toXlsx(data: SheetRow[]): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    wb.creator = 'Chorus 合声';
    const ws = wb.addWorksheet('内容策划与排期表', { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = SHEET_COLUMNS.map((c) => ({ header: c, key: c, width: ['文案摘要', '配图/视频说明', '互动引导话术'].includes(c) ? 36 : c === '日期' ? 18 : 14 }));
    ws.getRow(1).font = { bold: true };
    for (const r of data) ws.addRow(r);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  function cellText(v: ExcelJS.CellValue): string {
    if (v === null || v === undefined) return '';
    if (v instanceof Date) {
      // Excel stores wall-clock time: the UTC parts are the local date and time as typed.
      const iso = v.toISOString();
      return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
    }
    if (typeof v === 'object') {
      if ('richText' in v) return v.richText.map((t) => t.text).join('');
      if ('text' in v) return String(v.text);
      if ('result' in v) return String(v.result ?? '');
      return '';
    }
    return String(v);
  }

  async function readXlsx(data: Buffer): Promise<Array<Record<string, string>>> {
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(data as never);
    } catch {
      throw new DomainError('content.import_invalid', { fields: { data: '不是有效的 XLSX 文件' } });
    }
    const ws = wb.worksheets[0];
    if (!ws) throw new DomainError('content.import_invalid', { fields: { data: '工作簿没有工作表' } });
    const header: string[] = [];
    ws.getRow(1).eachCell((c, n) => { header[n] = cellText(c.value).trim(); });
    const out: Array<Record<string, string>> = [];
    for (let n = 2; n <= ws.rowCount; n++) {
      const row = ws.getRow(n);
      const rec: Record<string, string> = {};
      header.forEach((h, i) => { if (h) rec[h] = cellText(row.getCell(i).value); });
      out.push(rec);
    }
    return checkHeader(header.filter(Boolean), out);
  }

  function readCsv(text: string): Array<Record<string, string>> {
    const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: false });
    const [header = [], ...body] = parsed.data;
    const trimmed = body.length && body.at(-1)!.every((c) => !c) ? body.slice(0, -1) : body;
    return checkHeader(header.map((h) => h.trim()), trimmed.map((r) => Object.fromEntries(header.map((h, i) => [h.trim(), unescapeCsvCell(r[i] ?? '')]))));
  }

  function checkHeader(header: string[], data: Array<Record<string, string>>) {
    const missing = SHEET_COLUMNS.filter((c) => c !== '星期' && c !== '实际数据' && !header.includes(c));
    if (missing.length) throw new DomainError('content.import_invalid', { message: `missing columns: ${missing.join(', ')}`, fields: { 'line 1': `缺少列：${missing.join('、')}` } });
    return data;
  }

  return {
    async exportXlsx(actor: Pick<Actor, 'workspaceId'>, from: string, to: string) {
      return toXlsx(await rows(actor.workspaceId, from, to));
    },

    async exportCsv(actor: Pick<Actor, 'workspaceId'>, from: string, to: string) {
      const data = await rows(actor.workspaceId, from, to);
      return writeCsv(SHEET_COLUMNS, data.map((r) => SHEET_COLUMNS.map((c) => r[c])));
    },

    /** Every row is checked first; one bad row and nothing is written. */
    async importSheet(actor: Actor, input: { format: 'xlsx' | 'csv'; data: string; dryRun?: boolean }) {
      const records = input.format === 'xlsx' ? await readXlsx(Buffer.from(input.data, 'base64')) : readCsv(input.data);
      const tz = await ctx.timeZoneOf(actor.workspaceId);
      const { items: members } = await team.listMembers(actor);
      const byName = new Map<string, string>();
      for (const m of members) { byName.set(m.name, m.userId); byName.set(m.email.toLowerCase(), m.userId); }
      const { items, problems } = readRows(records, 2, tz, byName);
      if (Object.keys(problems).length) {
        throw new DomainError('content.import_invalid', { message: `${Object.keys(problems).length} problem(s); nothing was imported`, fields: problems });
      }
      if (input.dryRun) return { created: 0, valid: items.length };
      await db.transaction(async (tx) => {
        const now = clock.now();
        for (const { item } of items) {
          const id = newId();
          await store.insertItem(tx, {
            ...item, id, workspaceId: actor.workspaceId, accountIds: [], status: 'idea', master: { text: '', hashtags: [], mentions: [], mediaIds: [] },
            createdBy: actor.userId, createdAt: now, updatedAt: now,
          });
          for (const platform of item.platforms) {
            await store.insertVariant(tx, { id: newId(), workspaceId: actor.workspaceId, itemId: id, platform, text: '', textHash: hashOf({ title: null, text: '', mediaIds: [] }), createdAt: now, updatedAt: now });
          }
        }
        await team.record(tx, actor, { action: 'content.imported', targetType: 'workspace', targetId: actor.workspaceId, details: { rows: items.length, format: input.format } });
      });
      return { created: items.length, valid: items.length };
    },
  };
}
