import type { z } from 'zod';
import { http, ws } from '../../../api/request';
import type * as accounts from '../../../../../src/modules/accounts/schema';

export type Filing = z.infer<typeof accounts.filingSchema>;
export type Reminder = z.infer<typeof accounts.reminderSchema>;
type FilingResponse = z.infer<typeof accounts.filingResponse>;

export const fetchFilings = (workspaceId: string) => http.get<{ items: Filing[] }>(ws(workspaceId, '/accounts/filings'), { limit: 200 });
export const fetchReminders = (workspaceId: string) => http.get<{ items: Reminder[] }>(ws(workspaceId, '/accounts/reminders'));
export const approveFiling = (workspaceId: string, id: string) => http.post<FilingResponse>(ws(workspaceId, `/accounts/filings/${id}/approve`), {});
export const rejectFiling = (workspaceId: string, id: string, reason: string) =>
  http.post<FilingResponse>(ws(workspaceId, `/accounts/filings/${id}/reject`), { reason });
