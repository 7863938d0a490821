import type { JobDefinition, Jobs } from '../../jobs/queue.js';
import { FILINGS_REMIND_JOB, type AccountsService } from './service.js';

/** Daily: reminders for filings (retirement, hand-over) past their working-day deadline. */
export function filingsRemindJob(accounts: AccountsService): JobDefinition<Record<string, never>> {
  return {
    name: FILINGS_REMIND_JOB, batchSize: 1, pollingIntervalSeconds: 30, retryLimit: 3, retryDelay: 300, retryBackoff: true,
    async handle() {
      await accounts.remindOverdueFilings();
    },
  };
}

/** Every morning at 09:00 China time. Call once the queue is started (pg-boss keeps the schedule in its tables). */
export async function scheduleFilingsRemind(jobs: Jobs, cron = '0 9 * * *', tz = 'Asia/Shanghai') {
  await jobs.boss.createQueue(FILINGS_REMIND_JOB).catch(() => {});
  await jobs.boss.schedule(FILINGS_REMIND_JOB, cron, {}, { tz });
}
