import { http, request, ws } from '../../../api/request';
import type { CheckBody, CheckResponse, FindingDto, PacksResponse } from '../../../../../src/modules/compliance/schema';

export type Finding = FindingDto;
export type CheckResult = CheckResponse;
export type Packs = PacksResponse;
export type Rule = PacksResponse['packs'][number]['rules'][number];
export type Platform = CheckBody['platform'];

export const PLATFORMS: Platform[] = ['weibo', 'wechat', 'douyin', 'kuaishou', 'xiaohongshu', 'bilibili', 'zhihu', 'linkedin'];

/** POST …/compliance/check; the signal lets a newer keystroke cancel an older check. */
export const checkCopy = (workspaceId: string, body: CheckBody, signal?: AbortSignal) =>
  request<CheckResult>(ws(workspaceId, '/compliance/check'), { method: 'POST', body, signal });
export const fetchPacks = (workspaceId: string) => http.get<Packs>(ws(workspaceId, '/compliance/packs'));
