import type { z } from 'zod';
import { http, ws } from '../../../api/request';
import type * as accounts from '../../../../../src/modules/accounts/schema';

export type Matrix = z.infer<typeof accounts.matrixResponse>;
export type MatrixRow = Matrix['items'][number];
export type Account = z.infer<typeof accounts.accountSchema>;
export type Platform = Account['platform'];
export type AccountType = Account['type'];
export type Grant = z.infer<typeof accounts.grantSchema>;
export type CreateAccountBody = z.input<typeof accounts.createAccountBody>;
export type CredentialsBody = z.input<typeof accounts.credentialsBody>;
type AccountResponse = z.infer<typeof accounts.accountResponse>;
type WithFiling = z.infer<typeof accounts.accountWithFilingResponse>;

export const PLATFORMS: Platform[] = ['weibo', 'wechat', 'douyin', 'kuaishou', 'xiaohongshu', 'bilibili', 'zhihu', 'linkedin', 'mastodon', 'bluesky', 'telegram', 'sandbox'];
export const ACCOUNT_TYPES: AccountType[] = ['official', 'executive', 'employee', 'brand', 'product', 'service', 'recruitment', 'campaign', 'mascot', 'university', 'regional'];
export const GRANT_ACTIONS: Grant['actions'] = ['draft', 'publish', 'reply'];

/**
 * How each platform connects (mirrors src/modules/platforms/registry.ts `auth`): OAuth with the
 * team's app id and secret, app credentials alone, a token or app password, or nothing at all —
 * an assisted platform, where a person posts the text Chorus prepares.
 */
export type ConnectKind = 'oauth' | 'app_credentials' | 'app_password' | 'bot_token' | 'none';
export const CONNECT_KIND: Record<Platform, ConnectKind> = {
  weibo: 'oauth', wechat: 'app_credentials', douyin: 'oauth', kuaishou: 'oauth', xiaohongshu: 'none', bilibili: 'oauth',
  zhihu: 'none', linkedin: 'oauth', mastodon: 'oauth', bluesky: 'app_password', telegram: 'bot_token', sandbox: 'oauth',
};

export const fetchMatrix = (workspaceId: string) => http.get<Matrix>(ws(workspaceId, '/accounts/matrix'));
export const fetchAccount = (workspaceId: string, id: string) => http.get<AccountResponse>(ws(workspaceId, `/accounts/${id}`));
export const createAccount = (workspaceId: string, body: CreateAccountBody) => http.post<WithFiling>(ws(workspaceId, '/accounts'), body);
export const updateAccount = (workspaceId: string, id: string, body: Record<string, unknown>) =>
  http.patch<WithFiling>(ws(workspaceId, `/accounts/${id}`), body);
export const pauseAccount = (workspaceId: string, id: string) => http.post<AccountResponse>(ws(workspaceId, `/accounts/${id}/pause`));
export const resumeAccount = (workspaceId: string, id: string) => http.post<AccountResponse>(ws(workspaceId, `/accounts/${id}/resume`));
export const retireAccount = (workspaceId: string, id: string, reason: string) => http.post<WithFiling>(ws(workspaceId, `/accounts/${id}/retire`), { reason });
export const recordSecurityCheck = (workspaceId: string, id: string, note?: string) =>
  http.post<AccountResponse>(ws(workspaceId, `/accounts/${id}/security-checks`), { note });
export const storeCredentials = (workspaceId: string, id: string, body: CredentialsBody) =>
  http.post<AccountResponse>(ws(workspaceId, `/accounts/${id}/credentials`), body);
export const disconnect = (workspaceId: string, id: string) => http.del<AccountResponse>(ws(workspaceId, `/accounts/${id}/credentials`));
export const connectUrl = (workspaceId: string, id: string) =>
  http.get<{ authorizeUrl: string; redirectUri: string; expiresAt: string }>(ws(workspaceId, `/accounts/${id}/connect`));
export const fetchGrants = (workspaceId: string, id: string) => http.get<{ items: Grant[] }>(ws(workspaceId, `/accounts/${id}/grants`));
export const setGrant = (workspaceId: string, id: string, userId: string, actions: Grant['actions']) =>
  http.put<{ grant: Grant }>(ws(workspaceId, `/accounts/${id}/grants/${userId}`), { actions });
export const removeGrant = (workspaceId: string, id: string, userId: string) => http.del(ws(workspaceId, `/accounts/${id}/grants/${userId}`));
