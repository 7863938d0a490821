import type { JobDefinition, Jobs } from '../../jobs/queue.js';
import { CHECK_JOB, FIRST_REPLY_JOB, PUBLISH_JOB, RESOLVE_JOB, SWEEP_JOB, type PublishingService } from './service.js';

type Ref = { publicationId: string; n?: number; publicationIds?: string[] };

/** The publishing engine's queue jobs. Dispatch fetches big batches: pg-boss sleeps between polls. */
export function publishingJobs(publishing: PublishingService): JobDefinition<never>[] {
  const each = (fn: (id: string, n: number) => Promise<void>) => async (batch: Array<{ data: Ref }>) => {
    const results = await Promise.allSettled(batch.map((j) => fn(j.data.publicationId, j.data.n ?? 0)));
    const failed = results.find((r) => r.status === 'rejected') as PromiseRejectedResult | undefined;
    if (failed) throw failed.reason;
  };
  const defs: JobDefinition<Ref>[] = [
    {
      name: PUBLISH_JOB, batchSize: publishing.options.batchSize, pollingIntervalSeconds: 0.5, retryLimit: 2, retryDelay: 5,
      handle: (batch) => publishing.dispatch(batch.map((j) => j.data.publicationId)),
    },
    { name: RESOLVE_JOB, batchSize: 20, pollingIntervalSeconds: 0.5, retryLimit: 3, retryDelay: 5, handle: each(publishing.resolve) },
    { name: CHECK_JOB, batchSize: 20, pollingIntervalSeconds: 0.5, retryLimit: 3, retryDelay: 5, handle: each(publishing.check) },
    {
      name: FIRST_REPLY_JOB, batchSize: 20, pollingIntervalSeconds: 5, retryLimit: 3, retryDelay: 30,
      // One job per publication, or one per group of publications published together.
      handle: async (batch) => {
        for (const j of batch) for (const id of j.data.publicationIds ?? [j.data.publicationId]) await publishing.remindFirstReply(id);
      },
    },
  ];
  const sweep: JobDefinition<{ chain?: boolean }> = {
    name: SWEEP_JOB, batchSize: 1, pollingIntervalSeconds: 1, retryLimit: 1, retryDelay: 5,
    async handle(batch) {
      await publishing.sweep({ chain: batch.some((j) => j.data?.chain) || publishing.options.sweepIntervalMs < 60_000 });
    },
  };
  return [...defs, sweep] as unknown as JobDefinition<never>[];
}

/** The sweep every minute (pg-boss cron, kept in its tables). Call once the queue has started. */
export async function schedulePublishingSweep(jobs: Jobs) {
  await jobs.boss.createQueue(SWEEP_JOB).catch(() => {});
  await jobs.boss.schedule(SWEEP_JOB, '* * * * *', {});
}
