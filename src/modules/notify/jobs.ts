import type { JobDefinition } from '../../jobs/queue.js';
import { DELIVER_JOB, type NotifyService } from './service.js';

export function deliverJob(notify: NotifyService): JobDefinition<{ deliveryId: string }> {
  return {
    name: DELIVER_JOB, batchSize: 20, pollingIntervalSeconds: 1, ...notify.retry,
    async handle(batch) {
      // One failing receiver must not hold back the others: a batch fails only for its failed items' retry.
      const results = await Promise.allSettled(batch.map((j) => notify.deliver(j.data.deliveryId, j.retryCount ?? 0)));
      const failed = results.find((r) => r.status === 'rejected') as PromiseRejectedResult | undefined;
      if (failed) throw failed.reason;
    },
  };
}
