import { http, ws } from '../../../api/request';
import type { UpdateWorkspaceBody, Workspace } from '../../../api/types';

export const getWorkspace = (workspaceId: string) =>
  http.get<{ workspace: Workspace }>(ws(workspaceId));

export const updateWorkspace = (workspaceId: string, body: UpdateWorkspaceBody) =>
  http.patch<{ workspace: Workspace }>(ws(workspaceId), body);
