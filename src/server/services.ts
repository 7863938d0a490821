import type { Database } from '../db/client.js';
import type { Jobs } from '../jobs/queue.js';
import type { Clock } from '../kernel/clock.js';
import type { Config } from '../kernel/config.js';
import { createVault, loadVaultKey, type Vault } from '../kernel/vault.js';
import { configureOutbound } from '../kernel/outbound.js';
import { join } from 'node:path';
import { createTeamService } from '../modules/team/service.js';
import { createAccountsService } from '../modules/accounts/service.js';
import { createReviewService } from '../modules/review/service.js';
import { createNotifyService } from '../modules/notify/service.js';
import { createComplianceService } from '../modules/compliance/service.js';
import { aiConfigFrom } from '../modules/ai/model.js';
import { createAiService } from '../modules/ai/service.js';
import { createTextService } from '../modules/text/service.js';
import { createAnalyticsService } from '../modules/analytics/service.js';
import { createTextDictionaryService } from '../modules/text/dictionary.js';
import { createInboundService } from '../modules/inbound/service.js';
import { createPublishingService } from '../modules/publishing/service.js';
import { createContentService } from '../modules/content/service.js';
import { createEventsService } from '../modules/events/service.js';
import { subscribeAll } from './subscribers.js';
import { createListeningService } from '../modules/listening/service.js';
import { createCrisisService } from '../modules/crisis/crisis.service.js';
import { createInboxService } from '../modules/inbox/service.js';
import { createInboundPoller } from '../modules/inbound/poller.js';

export interface Deps {
  database: Database;
  jobs: Jobs;
  clock: Clock;
  config: Config;
  /** Tests shorten the notification retry plan. */
  notifyRetry?: { retryLimit: number; retryDelay: number; retryBackoff: boolean };
}

/** The composition root: every module's service, built once per process. */
export function createServices(deps: Deps) {
  configureOutbound({ allowPrivateHosts: deps.config.allowPrivateHosts });
  const vault: Vault = createVault(loadVaultKey(deps.config.secretKey, join(deps.config.dataDir, 'secret.key')));
  const events = createEventsService({ database: deps.database, jobs: deps.jobs, clock: deps.clock });
  const team = createTeamService({ database: deps.database, clock: deps.clock, emit: events.emit });
  const notify = createNotifyService({ ...deps, vault, team, retry: deps.notifyRetry });
  const compliance = createComplianceService({ database: deps.database, clock: deps.clock, audit: team.record });
  const ai = createAiService({ database: deps.database, clock: deps.clock, compliance, config: aiConfigFrom(process.env) });
  const review = createReviewService({
    database: deps.database, jobs: deps.jobs, clock: deps.clock, team, compliance, emit: events.emit,
    notify: (tx, n) => notify.notify(tx, n.workspaceId, {
      event: n.event, severity: n.event === 'review.overdue' ? 'warning' : 'info', title: n.title, body: n.body, link: n.link, userIds: n.userIds,
    }),
  });
  const accounts = createAccountsService({
    database: deps.database, clock: deps.clock, vault, team, baseUrl: deps.config.baseUrl, platformHosts: deps.config.platformApiHosts,
    notify: (n) => notify.notify(null, n.workspaceId, { event: 'accounts.filing_overdue', severity: 'warning', title: n.title, body: n.body, link: n.link, userIds: n.userIds }),
  });
  const publishing = createPublishingService({
    database: deps.database, jobs: deps.jobs, clock: deps.clock, team, notify, accounts, mediaRoot: join(deps.config.dataDir, 'media'), emit: events.emit,
  });
  const content = createContentService({
    database: deps.database, jobs: deps.jobs, clock: deps.clock, team, accounts, review, notify, compliance,
    publishing: publishing, dataDir: deps.config.dataDir, baseUrl: deps.config.baseUrl,
  });
  const text = createTextService();
  const analytics = createAnalyticsService({ database: deps.database, clock: deps.clock, team, accounts, publishing, notify, baseUrl: deps.config.baseUrl, emit: events.emit });
  const textDictionary = createTextDictionaryService({ database: deps.database, clock: deps.clock, team });
  const inbound = createInboundService({ database: deps.database, jobs: deps.jobs, clock: deps.clock, accounts, text, dictionary: textDictionary });
  const listening = createListeningService({ database: deps.database, clock: deps.clock, team, text, dictionary: textDictionary, notify });
  const inbox = createInboxService({ database: deps.database, jobs: deps.jobs, clock: deps.clock, team, accounts, compliance, notify, inbound });
  const inboundPoller = createInboundPoller({ database: deps.database, jobs: deps.jobs, clock: deps.clock, team, accounts, inbound });
  const crisis = createCrisisService({ database: deps.database, clock: deps.clock, team, notify, listening, compliance, publishing, accounts });
  subscribeAll(events, { content, accounts, notify, review, analytics });
  return { ...deps, events, vault, team, notify, compliance, ai, review, accounts, publishing, content, text, textDictionary, inbound, inboundPoller, inbox, analytics, listening, crisis };
}

export type Services = ReturnType<typeof createServices>;

declare module '../kernel/http/app-services.js' {
  // Route handlers and module-level demo seeders see the composition root's services.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppServices extends Services {}
}
