import type { z } from 'zod';
import { http, ws } from '../../../api/request';
import type * as review from '../../../../../src/modules/review/schema';

export type ReviewQueue = z.infer<typeof review.queueResponse>;
export type QueueItem = ReviewQueue['items'][number];
export type ReviewStatus = z.infer<typeof review.statusResponse>;

const item = (workspaceId: string, subjectId: string, action: string, subjectType: string) =>
  `${ws(workspaceId, `/review/items/${encodeURIComponent(subjectId)}/${action}`)}?subjectType=${encodeURIComponent(subjectType)}`;

export const fetchQueue = (workspaceId: string) => http.get<ReviewQueue>(ws(workspaceId, '/review/queue'));

/** Approves exactly the versions shown in the queue (a changed version answers review.stale_version). */
export const approveItem = (workspaceId: string, q: QueueItem) =>
  http.post<ReviewStatus>(item(workspaceId, q.subjectId, 'approve', q.subjectType), {
    variants: q.variants.map((v) => ({ variantId: v.variantId, textHash: v.textHash })),
  });

export const rejectItem = (workspaceId: string, q: QueueItem, reason: string) =>
  http.post<ReviewStatus>(item(workspaceId, q.subjectId, 'reject', q.subjectType), {
    reason, variants: q.variants.map((v) => ({ variantId: v.variantId, textHash: v.textHash })),
  });
