/** The analytics API, one function per endpoint; types come from the server's schemas. */
import type { z } from 'zod';
import { CSRF_COOKIE, CSRF_HEADER, ApiError, http, readCookie, request, ws } from '../../api/request';
import type * as s from '../../../../src/modules/analytics/schema';
import type * as o from '../../../../src/modules/analytics/operations.schema';

export type Dashboard = z.infer<typeof o.dashboardResponse>;
export type DashboardQuery = z.input<typeof o.dashboardQuery>;
export type CompetitorBoard = z.infer<typeof o.competitorBoardResponse>;
export type WeeklyTable = z.infer<typeof s.weeklyTableSchema>;
export type ReportDocument = z.infer<typeof s.reportDocumentSchema>;
export type Preview = z.infer<typeof s.previewResponse>;
export type ImportSummary = z.infer<typeof s.importResponse>;
export type ImportBody = z.input<typeof s.importBody>;
export type Goal = z.infer<typeof s.goalSchema>;
export type GoalBody = z.input<typeof s.goalBody>;
export type Competitor = z.infer<typeof s.competitorSchema>;
export type CompetitorBody = z.input<typeof s.competitorBody>;
export type SnapshotBody = z.input<typeof s.competitorSnapshotBody>;
export type Schedule = z.infer<typeof o.scheduleSchema>;
export type ScheduleBody = z.input<typeof o.scheduleBody>;
export type FileFormat = 'xlsx' | 'pdf' | 'md' | 'csv';

const a = (workspaceId: string, path: string) => ws(workspaceId, `/analytics${path}`);

export const getDashboard = (w: string, q: DashboardQuery) => http.get<Dashboard>(a(w, '/dashboard'), q);
export const getCompetitorBoard = (w: string, from: string, to: string) => http.get<CompetitorBoard>(a(w, '/competitors/board'), { from, to });
export const getWeeklyTable = (w: string, week?: string) => http.get<WeeklyTable>(a(w, '/weekly'), { week });
export const getWeeklyReview = (w: string, week?: string) => http.get<ReportDocument>(a(w, '/reports/weekly'), { week, format: 'json' });
export const previewImport = (w: string, body: ImportBody) => http.post<Preview>(a(w, '/imports/preview'), body);
export const importMetrics = (w: string, body: ImportBody) => http.post<ImportSummary>(a(w, '/imports'), body);
export const listGoals = (w: string) => http.get<{ items: Goal[] }>(a(w, '/goals'));
export const createGoal = (w: string, body: GoalBody) => http.post<{ goal: Goal }>(a(w, '/goals'), body);
export const deleteGoal = (w: string, id: string) => http.del(a(w, `/goals/${id}`));
export const listCompetitors = (w: string) => http.get<{ items: Competitor[] }>(a(w, '/competitors'));
export const createCompetitor = (w: string, body: CompetitorBody) => http.post<{ competitor: Competitor }>(a(w, '/competitors'), body);
export const recordSnapshot = (w: string, id: string, body: SnapshotBody) =>
  request<void>(a(w, `/competitors/${id}/snapshots`), { method: 'PUT', body });
export const listSchedules = (w: string) => http.get<{ items: Schedule[] }>(a(w, '/schedules'));
export const createSchedule = (w: string, body: ScheduleBody) => http.post<{ schedule: Schedule }>(a(w, '/schedules'), body);
export const updateSchedule = (w: string, id: string, body: Partial<ScheduleBody>) => http.patch<{ schedule: Schedule }>(a(w, `/schedules/${id}`), body);
export const deleteSchedule = (w: string, id: string) => http.del(a(w, `/schedules/${id}`));
export const sendSchedule = (w: string, id: string) => http.post<{ sent: boolean; period: string }>(a(w, `/schedules/${id}/send`), {});
export const listChannels = (w: string) => http.get<{ items: Array<{ id: string; kind: string; name: string }> }>(ws(w, '/notify/channels'));

/** Render the (edited) report in a format and save it in the browser. */
export async function downloadReport(w: string, document: ReportDocument, format: FileFormat): Promise<string> {
  const res = await fetch(a(w, '/reports/render'), {
    method: 'POST', credentials: 'include',
    headers: { 'content-type': 'application/json', [CSRF_HEADER]: readCookie(CSRF_COOKIE) ?? '' },
    body: JSON.stringify({ document, format }),
  });
  if (!res.ok) throw new ApiError(res.status, ((await res.json().catch(() => ({}))) as { error?: { code: string } }).error ?? { code: `http.${res.status}` });
  const blob = await res.blob();
  const filename = `weekly-report-${document.period.start}.${format}`;
  const link = window.document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = filename;
  window.document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  return filename;
}

/** A File as base64 (for the import endpoints). */
export function fileToBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}
