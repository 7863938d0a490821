import type { JobDefinition, Jobs } from '../../jobs/queue.js';
import { REPLY_ATTEMPTS, REPLY_JOB } from './replies.js';
import type { InboxService } from './service.js';
import { SLA_JOB } from './sla-watch.js';

/** Replies go out one job per message (the message id is the idempotency key); the SLA watch runs every minute. */
export function inboxJobs(inbox: InboxService): JobDefinition<never>[] {
  const reply: JobDefinition<{ messageId: string }> = {
    name: REPLY_JOB, batchSize: 5, pollingIntervalSeconds: 0.5, retryLimit: REPLY_ATTEMPTS - 1, retryDelay: 5, retryBackoff: true,
    async handle(batch) {
      for (const j of batch) await inbox.sendReply(j.data.messageId, j.retryCount ?? 0);
    },
  };
  const sla: JobDefinition<object> = {
    name: SLA_JOB, batchSize: 1, pollingIntervalSeconds: 5, retryLimit: 1, retryDelay: 30,
    async handle() { await inbox.watchSla(); },
  };
  return [reply, sla] as unknown as JobDefinition<never>[];
}

export async function scheduleInbox(jobs: Jobs) {
  await jobs.boss.createQueue(SLA_JOB).catch(() => {});
  await jobs.boss.schedule(SLA_JOB, '* * * * *', {});
}
