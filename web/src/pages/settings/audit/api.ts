import { http, ws } from '../../../api/request';
import type { AuditEntry, AuditQuery, Member } from '../../../api/types';

export interface AuditPage {
  items: AuditEntry[];
  nextCursor: string | null;
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  brokenAt?: string;
}

export const listAudit = (workspaceId: string, query: AuditQuery, signal?: AbortSignal) =>
  http.get<AuditPage>(ws(workspaceId, '/audit'), { ...query }, signal);

export const verifyAudit = (workspaceId: string) =>
  http.post<VerifyResult>(ws(workspaceId, '/audit/verify'));

export const listMembers = (workspaceId: string) =>
  http.get<{ items: Member[] }>(ws(workspaceId, '/members'));
