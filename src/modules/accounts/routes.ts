import { z } from 'zod';
import { defineRoutes, route } from '../../kernel/http/route.js';
import { filingRoutes } from './filing.routes.js';
import * as s from './schema.js';

const base = '/api/v1/workspaces/:workspaceId/accounts';
const tags = ['accounts'];

const accountRoutes = defineRoutes([
  route({
    method: 'GET', url: `${base}/matrix`, access: 'accounts.read', tags, summary: 'The account matrix: platform, type, owner, status, health and cadence per account',
    params: s.workspaceParams, response: s.matrixResponse,
    handler: ({ actor, services }) => services.accounts.matrix(actor),
  }),
  route({
    method: 'GET', url: base, access: 'accounts.read', tags, summary: 'Accounts (filter by status or platform)',
    params: s.workspaceParams, query: s.listAccountsQuery, response: z.object({ items: z.array(s.accountSchema) }),
    handler: ({ actor, query, services }) => services.accounts.list(actor, query),
  }),
  route({
    method: 'POST', url: base, access: 'accounts.file', tags, status: 201,
    summary: 'Register an account and file it (报备表); it becomes active once every configured approver role approves',
    params: s.workspaceParams, body: s.createAccountBody, response: s.accountWithFilingResponse,
    handler: ({ actor, body, services }) => services.accounts.create(actor, body),
  }),
  route({
    method: 'GET', url: `${base}/settings`, access: 'accounts.read', tags, summary: 'Filing approvers, naming policy and health thresholds',
    params: s.workspaceParams, response: s.settingsResponse,
    handler: ({ actor, services }) => services.accounts.getSettings(actor),
  }),
  route({
    method: 'PUT', url: `${base}/settings`, access: 'accounts.manage', tags, summary: 'Change filing approvers, naming policy and health thresholds',
    params: s.workspaceParams, body: s.settingsSchema, response: s.settingsResponse,
    handler: ({ actor, body, services }) => services.accounts.updateSettings(actor, body),
  }),
  route({
    method: 'GET', url: `${base}/reminders`, access: 'accounts.read', tags, summary: 'Reminders of overdue filings written by the daily job',
    params: s.workspaceParams, response: z.object({ items: z.array(s.reminderSchema) }),
    handler: ({ actor, services }) => services.accounts.listReminders(actor),
  }),
  route({
    method: 'GET', url: `${base}/:accountId`, access: 'accounts.read', tags, summary: 'One account with its connection summary and health',
    params: s.accountParams, response: s.accountResponse,
    handler: ({ actor, params, services }) => services.accounts.get(actor, params.accountId),
  }),
  route({
    method: 'PATCH', url: `${base}/:accountId`, access: 'accounts.manage', tags,
    summary: 'Change an account; a new name, function or owner is filed again and applied once approved',
    params: s.accountParams, body: s.updateAccountBody, response: s.accountWithFilingResponse,
    handler: ({ actor, params, body, services }) => services.accounts.update(actor, params.accountId, body),
  }),
  route({
    method: 'POST', url: `${base}/:accountId/pause`, access: 'accounts.manage', tags, summary: 'Pause an active account',
    params: s.accountParams, response: s.accountResponse,
    handler: ({ actor, params, services }) => services.accounts.pause(actor, params.accountId),
  }),
  route({
    method: 'POST', url: `${base}/:accountId/resume`, access: 'accounts.manage', tags, summary: 'Resume a paused account',
    params: s.accountParams, response: s.accountResponse,
    handler: ({ actor, params, services }) => services.accounts.resume(actor, params.accountId),
  }),
  route({
    method: 'POST', url: `${base}/:accountId/retire`, access: 'accounts.manage', tags,
    summary: 'Retire an account (credentials wiped); the retirement must be reported within the working-day deadline',
    params: s.accountParams, body: s.retireBody, response: s.accountWithFilingResponse,
    handler: ({ actor, params, body, services }) => services.accounts.retire(actor, params.accountId, body.reason),
  }),
  route({
    method: 'POST', url: `${base}/:accountId/security-checks`, access: 'accounts.manage', tags, summary: 'Record a periodic account security check',
    params: s.accountParams, body: s.securityCheckBody, response: s.accountResponse,
    handler: ({ actor, params, body, services }) => services.accounts.recordSecurityCheck(actor, params.accountId, body.note),
  }),
  route({
    method: 'POST', url: `${base}/:accountId/credentials`, access: 'accounts.manage', tags,
    summary: 'Store platform tokens or app credentials (encrypted; never returned)',
    params: s.accountParams, body: s.credentialsBody, response: s.accountResponse,
    handler: ({ actor, params, body, services }) => services.accounts.storeCredentials(actor, params.accountId, body),
  }),
  route({
    method: 'DELETE', url: `${base}/:accountId/credentials`, access: 'accounts.manage', tags, summary: 'Disconnect: forget the stored credentials',
    params: s.accountParams, response: s.accountResponse,
    handler: ({ actor, params, services }) => services.accounts.disconnect(actor, params.accountId),
  }),
  route({
    method: 'GET', url: `${base}/:accountId/connect`, access: 'accounts.manage', tags, summary: 'Start the OAuth connection: the platform authorisation URL',
    params: s.accountParams, response: s.connectResponse,
    handler: ({ actor, params, services }) => services.accounts.connectUrl(actor, params.accountId),
  }),
  route({
    method: 'GET', url: '/api/v1/oauth/:platform/callback', access: 'public', tags, raw: true,
    summary: 'OAuth redirect target: exchanges the code (the state says which account) and returns to the console',
    params: s.oauthParams, query: s.oauthQuery,
    async handler({ params, query, services, reply }) {
      const { accountId } = await services.accounts.oauthCallback(params.platform, query.code, query.state);
      reply.header('cache-control', 'no-store').redirect(`/accounts/matrix?connected=${accountId}`, 302);
    },
  }),
  route({
    method: 'GET', url: `${base}/:accountId/grants`, access: 'accounts.read', tags, summary: 'Who may draft, publish or reply for this account (besides owners and managers)',
    params: s.accountParams, response: z.object({ items: z.array(s.grantSchema) }),
    handler: ({ actor, params, services }) => services.accounts.listGrants(actor, params.accountId),
  }),
  route({
    method: 'PUT', url: `${base}/:accountId/grants/:userId`, access: 'accounts.manage', tags, summary: 'Grant a member actions on this account',
    params: s.grantParams, body: s.grantBody, response: z.object({ grant: s.grantSchema }),
    handler: ({ actor, params, body, services }) => services.accounts.setGrant(actor, params.accountId, params.userId, body.actions),
  }),
  route({
    method: 'DELETE', url: `${base}/:accountId/grants/:userId`, access: 'accounts.manage', tags, summary: 'Remove a member’s grant on this account', status: 204,
    params: s.grantParams,
    handler: ({ actor, params, services }) => services.accounts.removeGrant(actor, params.accountId, params.userId),
  }),
]);

export const accountsRoutes = defineRoutes([...accountRoutes, ...filingRoutes]);
