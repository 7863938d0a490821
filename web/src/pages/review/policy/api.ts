import type { z } from 'zod';
import { http, ws } from '../../../api/request';
import type * as review from '../../../../../src/modules/review/schema';

/** `leadersDecideAny` is optional on the wire: omitted, it follows the team's size. */
export type Policy = z.input<typeof review.policySchema>;
export type Stage = Policy['stages'][number];
export type PolicyResponse = z.infer<typeof review.policyResponse>;

export const fetchPolicy = (workspaceId: string) => http.get<PolicyResponse>(ws(workspaceId, '/review/policy'));
export const savePolicy = (workspaceId: string, policy: Policy) => http.put<PolicyResponse>(ws(workspaceId, '/review/policy'), policy);
