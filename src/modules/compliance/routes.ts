import { defineRoutes, route } from '../../kernel/http/route.js';
import { workspaceIdParams } from '../team/schema.js';
import { presentCheck, presentPacks } from './presenters.js';
import * as s from './schema.js';

const base = '/api/v1/workspaces/:workspaceId/compliance';
const tags = ['compliance'];

export const complianceRoutes = defineRoutes([
  route({
    method: 'POST', url: `${base}/check`, access: 'compliance.check', tags,
    summary: 'Check copy for a platform: Advertising Law, platform rules, sensitive words (findings with offsets)',
    params: workspaceIdParams, body: s.checkBody, response: s.checkResponse,
    handler: async ({ body, services }) => presentCheck(services.compliance.check(body)),
  }),
  route({
    method: 'GET', url: `${base}/packs`, access: 'compliance.check', tags, summary: 'The rule packs in force and their rules',
    params: workspaceIdParams, response: s.packsResponse,
    handler: async ({ services }) => presentPacks(services.compliance.listRules()),
  }),
]);
