import type { z } from 'zod';
import { http, ws } from '../../../api/request';
import type * as review from '../../../../../src/modules/review/schema';

/** `leadersDecideAny` is optional on the wire: omitted, it follows the team's size. */
export type Policy = z.input<typeof review.policySchema> & { leadersDecideAny?: boolean };
export type Stage = Policy['stages'][number];
export type PolicyResponse = Omit<z.infer<typeof review.policyResponse>, 'policy'> & {
  policy: Policy;
  /** Effective now: the switch, or its default for the team's size. */
  leadersDecideAny?: boolean;
  /** Nobody but the author may review: authors approve their own items (单人自审). */
  selfReview?: boolean;
};

export const fetchPolicy = (workspaceId: string) => http.get<PolicyResponse>(ws(workspaceId, '/review/policy'));
export const savePolicy = (workspaceId: string, policy: Policy) => http.put<PolicyResponse>(ws(workspaceId, '/review/policy'), policy);
