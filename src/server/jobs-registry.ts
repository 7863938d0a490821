// Every module's job handlers. Add a line per module that has jobs.
import type { Services } from './services.js';
import { filingsRemindJob, scheduleFilingsRemind } from '../modules/accounts/filings-remind.job.js';
import { reviewOverdueJob } from '../modules/review/overdue.job.js';
import { deliverJob } from '../modules/notify/jobs.js';
import { publishingJobs, schedulePublishingSweep } from '../modules/publishing/jobs.js';
import { cadenceCheckJob, scheduleCadenceCheck } from '../modules/content/cadence-check.job.js';
import { analyticsJobs, scheduleAnalytics } from '../modules/analytics/jobs.js';
import { inboxJobs, scheduleInbox } from '../modules/inbox/jobs.js';
import { listeningJobs, scheduleListening } from '../modules/listening/jobs.js';
import { inboundJobs, scheduleInboundPolling } from '../modules/inbound/poller.js';

export function registerJobs(services: Services): void {
  services.jobs.register(services.events.job() as never);
  services.jobs.register(cadenceCheckJob(services.content, services.team) as never);
  services.jobs.register(deliverJob(services.notify) as never);
  services.jobs.register(reviewOverdueJob(services.review) as never);
  services.jobs.register(filingsRemindJob(services.accounts) as never);
  for (const def of publishingJobs(services.publishing)) services.jobs.register(def);
  for (const def of analyticsJobs(services.analytics)) services.jobs.register(def);
  for (const def of inboxJobs(services.inbox)) services.jobs.register(def);
  for (const def of listeningJobs(services.listening)) services.jobs.register(def);
  for (const def of inboundJobs(services.inboundPoller)) services.jobs.register(def);
}

/** Recurring jobs (pg-boss cron, stored in its tables): call once the queue has started. */
export async function registerSchedules(services: Services): Promise<void> {
  await scheduleCadenceCheck(services.jobs);
  await scheduleFilingsRemind(services.jobs);
  await schedulePublishingSweep(services.jobs);
  await scheduleAnalytics(services.jobs);
  await scheduleInbox(services.jobs);
  await scheduleListening(services.jobs);
  await scheduleInboundPolling(services.jobs);
}
