import { defineRoutes, route } from '../../server/route.js';
import type { Services } from '../../server/services.js';
import { workspaceIdParams } from '../team/schema.js';
import { presentCheck, presentPacks } from './presenters.js';
import * as s from './schema.js';
import { createComplianceService, type ComplianceService } from './service.js';

const base = '/api/v1/workspaces/:workspaceId/compliance';
const tags = ['compliance'];

let fallback: ComplianceService | null = null;

/** The composition root's compliance service, or one built here until it provides it. */
function complianceOf(services: Services): ComplianceService {
  const provided = (services as Services & { compliance?: ComplianceService }).compliance;
  return provided ?? (fallback ??= createComplianceService());
}

export const complianceRoutes = defineRoutes([
  route({
    method: 'POST', url: `${base}/check`, access: 'compliance.check', tags,
    summary: 'Check copy for a platform: Advertising Law, platform rules, sensitive words (findings with offsets)',
    params: workspaceIdParams, body: s.checkBody, response: s.checkResponse,
    handler: async ({ body, services }) => presentCheck(complianceOf(services).check(body)),
  }),
  route({
    method: 'GET', url: `${base}/packs`, access: 'compliance.check', tags, summary: 'The rule packs in force and their rules',
    params: workspaceIdParams, response: s.packsResponse,
    handler: async ({ services }) => presentPacks(complianceOf(services).listRules()),
  }),
]);
