import { z } from 'zod';
import { defineRoutes, route } from '../../kernel/http/route.js';
import * as s from './schema.js';

const base = '/api/v1/workspaces/:workspaceId/accounts';
const tags = ['accounts'];

/**
 * Approving and rejecting are declared with `accounts.read`: who approves is configured per workspace
 * (default compliance, leadership as the board office, manager as IT), so the service checks the
 * caller's role against the roles frozen on the filing and answers 403 accounts.not_an_approver.
 */
export const filingRoutes = defineRoutes([
  route({
    method: 'GET', url: `${base}/filings`, access: 'accounts.read', tags, summary: 'Filings (报备): pending, approved, rejected or overdue',
    params: s.workspaceParams, query: s.listFilingsQuery, response: z.object({ items: z.array(s.filingSchema) }),
    handler: ({ actor, query, services }) => services.accounts.listFilings(actor, query),
  }),
  route({
    method: 'GET', url: `${base}/filings/:filingId`, access: 'accounts.read', tags, summary: 'One filing with its account',
    params: s.filingParams, response: s.filingResponse,
    handler: ({ actor, params, services }) => services.accounts.getFiling(actor, params.filingId),
  }),
  route({
    method: 'POST', url: `${base}/filings/:filingId/approve`, access: 'accounts.read', tags,
    summary: 'Approve a filing for your role (only the configured approver roles may)',
    params: s.filingParams, body: s.approveBody, response: s.filingResponse,
    handler: ({ actor, params, body, services }) => services.accounts.approve(actor, params.filingId, body.note),
  }),
  route({
    method: 'POST', url: `${base}/filings/:filingId/reject`, access: 'accounts.read', tags,
    summary: 'Reject a filing (only the configured approver roles may)',
    params: s.filingParams, body: s.rejectBody, response: s.filingResponse,
    handler: ({ actor, params, body, services }) => services.accounts.reject(actor, params.filingId, body.reason),
  }),
  route({
    method: 'POST', url: `${base}/:accountId/filings`, access: 'accounts.file', tags, status: 201,
    summary: 'File an account again after its filing was rejected',
    params: s.accountParams, body: s.filingFormBody, response: s.filingResponse,
    handler: ({ actor, params, body, services }) => services.accounts.resubmit(actor, params.accountId, body),
  }),
]);
