import type { z } from 'zod';
import { http, ws } from '../../api/request';
import type * as content from '../../../../src/modules/content/schema';

export type Item = z.infer<typeof content.itemSchema>;
export type Variant = z.infer<typeof content.variantSchema>;
export type ItemWithVariants = z.infer<typeof content.itemWithVariants>;
export type CreateItemBody = z.input<typeof content.createItemBody>;
export type UpdateItemBody = z.input<typeof content.updateItemBody>;
export type ListFilter = z.input<typeof content.listQuery>;

export interface CalendarNode { date: string; name: string; kind: string; id: string | null }
export interface CadenceRow {
  accountId: string; accountName: string; platform: string; rule: { minPosts: number; per: string };
  gaps: Array<{ periodStart: string; periodEnd: string; planned: number; required: number }>;
  planAhead: { thin: boolean; planned: number; expected: number };
}
export interface CalendarData { timeZone: string; items: Item[]; nodes: CalendarNode[]; upcoming: CalendarNode[]; cadence: CadenceRow[]; thinWeek: boolean }
export interface Adapted { platform: string; text: string; title?: string; digest?: string; tags: string[]; length: number; limit: number; warnings: Array<{ code: string; severity: string; message: string }> }
export interface Preview { checklist: Array<{ key: string; ok: boolean; hint: string }>; platforms: Adapted[] }
export interface BestTimes {
  accountId: string; platform: string; timeZone: string; confidence: number; source: string; samples: number;
  cells: Array<{ weekday: number; hour: number; score: number; samples: number }>;
  top: Array<{ weekday: number; hour: number; score: number }>; suggestions: Array<{ at: string; score: number }>;
}
export interface Account { id: string; platform: string; displayName: string; status: string }
export interface Member { userId: string; name: string }
export interface Finding { rule: string; severity: 'block' | 'warn'; field: string; start: number; end: number; message: string }

const c = (w: string, p: string) => ws(w, `/content${p}`);

export const listItems = (w: string, f: ListFilter = {}) => http.get<{ items: Item[] }>(c(w, '/items'), f as Record<string, string>);
export const getItem = (w: string, id: string) => http.get<ItemWithVariants>(c(w, `/items/${id}`));
export const createItem = (w: string, body: CreateItemBody) => http.post<ItemWithVariants>(c(w, '/items'), body);
export const updateItem = (w: string, id: string, body: UpdateItemBody) => http.patch<ItemWithVariants>(c(w, `/items/${id}`), body);
export const updateVariant = (w: string, id: string, vid: string, body: { text?: string; title?: string | null; reset?: boolean }) =>
  http.patch<ItemWithVariants>(c(w, `/items/${id}/variants/${vid}`), body);
export const submitItem = (w: string, id: string, factOwnerUserId?: string | null) => http.post<ItemWithVariants>(c(w, `/items/${id}/submit`), { factOwnerUserId });
export const scheduleItem = (w: string, id: string, at: string) => http.post<ItemWithVariants>(c(w, `/items/${id}/schedule`), { at });
export const unscheduleItem = (w: string, id: string) => http.post<ItemWithVariants>(c(w, `/items/${id}/unschedule`));
export const moveItem = (w: string, id: string, date: string) => http.post<ItemWithVariants>(c(w, `/items/${id}/move`), { date });
export const cancelItem = (w: string, id: string) => http.post<ItemWithVariants>(c(w, `/items/${id}/cancel`));
export const fetchCalendar = (w: string, q: Record<string, string | undefined>) => http.get<CalendarData>(c(w, '/calendar'), q);
export const preview = (w: string, master: { text: string; title?: string | null; hashtags?: string[] }, platforms: string[]) =>
  http.post<Preview>(c(w, '/preview'), { master, platforms });
export const fetchBestTimes = (w: string, accountId: string) => http.get<BestTimes>(c(w, '/best-times'), { accountId });
export const importSheet = (w: string, format: 'xlsx' | 'csv', data: string) => http.post<{ created: number }>(c(w, '/sheet/import'), { format, data });
export const sheetUrl = (w: string, kind: 'xlsx' | 'csv', from: string, to: string) => `${c(w, `/sheet.${kind}`)}?from=${from}&to=${to}`;
export const fetchAccounts = (w: string) => http.get<{ items: Account[] }>(ws(w, '/accounts'));
export const fetchMembers = (w: string) => http.get<{ items: Member[] }>(ws(w, '/members'));
/** The compliance module's live check (the editor underlines what it finds). */
export const complianceCheck = (w: string, body: { text: string; platform: string; title?: string }) =>
  http.post<{ findings: Finding[]; blocked: boolean }>(ws(w, '/compliance/check'), body);
