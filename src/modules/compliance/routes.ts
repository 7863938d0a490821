import { defineRoutes, route } from '../../kernel/http/route.js';
import { workspaceIdParams } from '../team/schema.js';
import { presentCheck, presentPacks } from './presenters.js';
import * as s from './schema.js';

const base = '/api/v1/workspaces/:workspaceId/compliance';
const tags = ['compliance'];

export const complianceRoutes = defineRoutes([
  route({
    method: 'POST', url: `${base}/check`, access: 'compliance.check', tags,
    summary: 'Check copy for a platform: Advertising Law, industry packs, labels, platform rules, sensitive words (findings with offsets)',
    params: workspaceIdParams, body: s.checkBody, response: s.checkResponse,
    handler: async ({ actor, body, services }) => presentCheck(await services.compliance.checkFor(actor, body)),
  }),
  route({
    method: 'GET', url: `${base}/packs`, access: 'compliance.check', tags, summary: 'The rule packs in force in this workspace and their rules',
    params: workspaceIdParams, response: s.packsResponse,
    handler: async ({ actor, services }) => presentPacks(services.compliance.listRules(await services.compliance.profileOf(actor.workspaceId))),
  }),
  route({
    method: 'POST', url: `${base}/packs`, access: 'compliance.manage', tags, summary: 'Import a rule pack (new, or a new version of one in force); validated and audited',
    params: workspaceIdParams, body: s.importPackBody, response: s.importPackResponse,
    handler: async ({ actor, body, services }) => services.compliance.importPack(actor, body.pack),
  }),
  route({
    method: 'GET', url: `${base}/settings`, access: 'compliance.check', tags, summary: 'Industry packs switched on and the homogeneity threshold',
    params: workspaceIdParams, response: s.settingsResponse,
    handler: async ({ actor, services }) => services.compliance.settings(actor),
  }),
  route({
    method: 'PUT', url: `${base}/settings`, access: 'compliance.manage', tags, summary: 'Switch industry packs on or off; set the homogeneity threshold',
    params: workspaceIdParams, body: s.settingsBody, response: s.settingsResponse,
    handler: async ({ actor, body, services }) => services.compliance.updateSettings(actor, body),
  }),
]);
