// Every module's job handlers. Add a line per module that has jobs.
import type { Services } from './services.js';
import { reviewOverdueJob } from '../modules/review/overdue.job.js';

export function registerJobs(services: Services): void {
  services.jobs.register(reviewOverdueJob(services.review) as never);
}
