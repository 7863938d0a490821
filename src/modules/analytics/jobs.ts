/**
 * The analytics jobs: the collector publishing hands each published post to, the recurring
 * collection sweeps, and scheduled report delivery. Recurring ones run every few minutes (UTC
 * cron); each workspace's own time zone decides what is due.
 */
import type { JobDefinition, Jobs } from '../../jobs/queue.js';
import type { AnalyticsService } from './service.js';

/** The name publishing enqueues with { publicationId } (see publishing's COLLECT_POST_JOB). */
export const COLLECT_POST_JOB = 'analytics.collect_post';
export const COLLECT_SWEEP_JOB = 'analytics.collect_sweep';
export const COLLECT_ACCOUNTS_JOB = 'analytics.collect_accounts';
export const DELIVER_REPORTS_JOB = 'analytics.deliver_reports';

const recurring = { batchSize: 1, pollingIntervalSeconds: 30, retryLimit: 2, retryDelay: 60, retryBackoff: true } as const;

export function analyticsJobs(analytics: AnalyticsService): JobDefinition<never>[] {
  const collectPost: JobDefinition<{ publicationId: string; workspaceId?: string }> = {
    name: COLLECT_POST_JOB, batchSize: 5, pollingIntervalSeconds: 5, retryLimit: 5, retryDelay: 60, retryBackoff: true,
    async handle(batch) {
      for (const j of batch) await analytics.collection().collectPublication(j.data.publicationId, j.data.workspaceId);
    },
  };
  const sweep: JobDefinition<Record<string, never>> = { name: COLLECT_SWEEP_JOB, ...recurring, async handle() { await analytics.collection().collectDue(); } };
  const accounts: JobDefinition<Record<string, never>> = { name: COLLECT_ACCOUNTS_JOB, ...recurring, async handle() { await analytics.collection().collectAccounts(); } };
  const deliver: JobDefinition<Record<string, never>> = { name: DELIVER_REPORTS_JOB, ...recurring, async handle() { await analytics.delivery().deliverDue(); } };
  return [collectPost, sweep, accounts, deliver] as JobDefinition<never>[];
}

/** Sweep due posts every 10 minutes, accounts hourly (each workspace after its midnight), reports every 5 minutes. */
export async function scheduleAnalytics(jobs: Jobs) {
  for (const [name, cron] of [[COLLECT_SWEEP_JOB, '*/10 * * * *'], [COLLECT_ACCOUNTS_JOB, '10 * * * *'], [DELIVER_REPORTS_JOB, '*/5 * * * *']] as const) {
    await jobs.boss.createQueue(name).catch(() => {});
    await jobs.boss.schedule(name, cron, {}, { tz: 'UTC' });
  }
}
