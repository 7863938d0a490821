// Every module's job handlers. Add a line per module that has jobs.
import type { Services } from './services.js';

export function registerJobs(_services: Services): void {
  // e.g. services.jobs.register(publishVariantJob(services))
}
