import type { JobDefinition, Jobs } from '../../jobs/queue.js';
import type { ListeningService } from './service.js';

export const EVALUATE_JOB = 'listening.evaluate';

/** Every minute: the alert rules over every workspace with recent mentions (catches what throttled intake left). */
export function listeningJobs(listening: ListeningService): JobDefinition<never>[] {
  const evaluate: JobDefinition<Record<string, never>> = {
    name: EVALUATE_JOB, batchSize: 1, pollingIntervalSeconds: 10, retryLimit: 0,
    async handle() { await listening.evaluateAllAlerts(); },
  };
  return [evaluate as never];
}

export async function scheduleListening(jobs: Jobs) {
  await jobs.boss.createQueue(EVALUATE_JOB).catch(() => {});
  await jobs.boss.schedule(EVALUATE_JOB, '* * * * *', {});
}
