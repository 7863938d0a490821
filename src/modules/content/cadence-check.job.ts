import type { JobDefinition, Jobs } from '../../jobs/queue.js';
import type { TeamService } from '../team/service.js';
import { CADENCE_CHECK_JOB, type ContentService } from './service.js';

/** Daily: every workspace's accounts against their cadence; owners hear once per short period. */
export function cadenceCheckJob(content: ContentService, team: TeamService): JobDefinition<{ workspaceId?: string }> {
  return {
    name: CADENCE_CHECK_JOB, batchSize: 1, pollingIntervalSeconds: 30, retryLimit: 3, retryDelay: 300, retryBackoff: true,
    async handle(batch) {
      for (const job of batch) {
        const ids = job.data.workspaceId ? [job.data.workspaceId] : (await team.listAllWorkspaces()).map((w) => w.id);
        for (const id of ids) await content.checkCadence(id);
      }
    },
  };
}

/** Every morning at 08:30 China time. Call once the queue is started (pg-boss keeps the schedule in its tables). */
export async function scheduleCadenceCheck(jobs: Jobs, cron = '30 8 * * *', tz = 'Asia/Shanghai') {
  await jobs.boss.createQueue(CADENCE_CHECK_JOB).catch(() => {});
  await jobs.boss.schedule(CADENCE_CHECK_JOB, cron, {}, { tz });
}
