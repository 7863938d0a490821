import type { JobDefinition } from '../../jobs/queue.js';
import { REVIEW_OVERDUE_JOB, type OverdueJobData, type ReviewService } from './service.js';

/** Runs when a stage falls due (enqueued with `startAfter: dueAt` as the stage opens); a no-op if it was decided in time. */
export function reviewOverdueJob(review: ReviewService): JobDefinition<OverdueJobData> {
  return {
    name: REVIEW_OVERDUE_JOB, batchSize: 20, pollingIntervalSeconds: 5, retryLimit: 5, retryDelay: 60, retryBackoff: true,
    async handle(batch) {
      for (const job of batch) await review.remindOverdue(job.data);
    },
  };
}
