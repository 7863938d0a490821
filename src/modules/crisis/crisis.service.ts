import type { Database } from '../../db/client.js';
import type { Clock } from '../../kernel/clock.js';
import type { AccountsService } from '../accounts/service.js';
import type { ComplianceService } from '../compliance/service.js';
import type { ListeningService } from '../listening/service.js';
import type { NotifyService } from '../notify/service.js';
import type { PublishingService } from '../publishing/service.js';
import type { TeamService } from '../team/service.js';
import { createCrisisCore } from './service.js';
import { createStatements } from './statements.js';

export interface CrisisServiceDeps {
  database: Database; clock: Clock; team: TeamService; notify: NotifyService; listening: ListeningService;
  compliance: ComplianceService; publishing: PublishingService; accounts: AccountsService;
}

/** Crisis: playbooks, incidents, statements, post-mortems (and drills). */
export function createCrisisService(deps: CrisisServiceDeps) {
  const core = createCrisisCore(deps);
  const statements = createStatements({ ...deps, core });
  return { ...core, ...statements };
}

export type CrisisService = ReturnType<typeof createCrisisService>;
