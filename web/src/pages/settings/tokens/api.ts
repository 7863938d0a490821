import { http, ws } from '../../../api/request';
import type { ApiToken, CreateTokenBody } from '../../../api/types';

export { fetchScopes } from '../../../api/session';

export const listTokens = (workspaceId: string) =>
  http.get<{ items: ApiToken[] }>(ws(workspaceId, '/tokens'));

export const createToken = (workspaceId: string, body: CreateTokenBody) =>
  http.post<{ token: ApiToken; secret: string }>(ws(workspaceId, '/tokens'), body);

export const revokeToken = (workspaceId: string, tokenId: string) =>
  http.del(ws(workspaceId, `/tokens/${encodeURIComponent(tokenId)}`));
