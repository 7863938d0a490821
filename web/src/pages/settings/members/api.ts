import { http, ws } from '../../../api/request';
import type { InviteBody, InviteResponse, Member, Role } from '../../../api/types';

export { fetchRoles } from '../../../api/session';

export const listMembers = (workspaceId: string) =>
  http.get<{ items: Member[] }>(ws(workspaceId, '/members'));

export const inviteMember = (workspaceId: string, body: InviteBody) =>
  http.post<InviteResponse>(ws(workspaceId, '/members'), body);

export const changeRole = (workspaceId: string, userId: string, role: Role) =>
  http.patch<{ member: Member }>(ws(workspaceId, `/members/${encodeURIComponent(userId)}`), { role });

export const removeMember = (workspaceId: string, userId: string) =>
  http.del(ws(workspaceId, `/members/${encodeURIComponent(userId)}`));
