import { defineRoutes, route } from '../../kernel/http/route.js';
import { workspaceIdParams } from '../team/schema.js';
import * as s from './schema.js';

const base = '/api/v1/workspaces/:workspaceId/review';
const tags = ['review'];

export const reviewRoutes = defineRoutes([
  route({
    method: 'GET', url: `${base}/policy`, access: 'review.read', tags, summary: 'Review stages, skips per content type and SLA',
    params: workspaceIdParams, response: s.policyResponse,
    handler: ({ actor, services }) => services.review.getPolicy(actor),
  }),
  route({
    method: 'PUT', url: `${base}/policy`, access: 'review.configure', tags, summary: 'Configure review stages, skips and SLA',
    params: workspaceIdParams, body: s.policySchema, response: s.policyResponse,
    handler: ({ actor, body, services }) => services.review.setPolicy(actor, body),
  }),
  route({
    method: 'GET', url: `${base}/queue`, access: 'review.read', tags, summary: 'Items waiting on a stage you may decide, with counts per stage',
    params: workspaceIdParams, response: s.queueResponse,
    handler: ({ actor, services }) => services.review.queue(actor),
  }),
  route({
    method: 'POST', url: `${base}/items`, access: 'content.write', tags,
    summary: 'Submit or resubmit for review (only new or changed variants are reviewed again)',
    params: workspaceIdParams, body: s.submitBody, response: s.statusResponse, status: 201,
    handler: ({ actor, body, services }) => services.review.submit(actor, body),
  }),
  route({
    method: 'GET', url: `${base}/items/:subjectId`, access: 'review.read', tags, summary: 'Review status per variant, findings and history',
    params: s.itemParams, query: s.subjectQuery, response: s.statusResponse,
    handler: ({ actor, params, query, services }) => services.review.status(actor, query.subjectType, params.subjectId),
  }),
  route({
    method: 'GET', url: `${base}/items/:subjectId/history`, access: 'review.read', tags, summary: 'Every submission, decision and acknowledgement',
    params: s.itemParams, query: s.subjectQuery, response: s.historyResponse,
    handler: ({ actor, params, query, services }) => services.review.history(actor, query.subjectType, params.subjectId),
  }),
  route({
    method: 'POST', url: `${base}/items/:subjectId/approve`, access: 'review.decide', tags, summary: 'Approve your stage for the named (or all your) variants',
    params: s.itemParams, query: s.subjectQuery, body: s.decideBody, response: s.statusResponse,
    handler: ({ actor, params, query, body, services }) => services.review.approve(actor, query.subjectType, params.subjectId, body),
  }),
  route({
    method: 'POST', url: `${base}/items/:subjectId/reject`, access: 'review.decide', tags, summary: 'Send back to the author with a reason and inline comments',
    params: s.itemParams, query: s.subjectQuery, body: s.rejectBody, response: s.statusResponse,
    handler: ({ actor, params, query, body, services }) => services.review.reject(actor, query.subjectType, params.subjectId, body),
  }),
  route({
    method: 'POST', url: `${base}/items/:subjectId/acknowledge`, access: 'review.decide', tags, summary: 'Acknowledge a compliance warning with a reason',
    params: s.itemParams, query: s.subjectQuery, body: s.acknowledgeBody, response: s.statusResponse,
    handler: ({ actor, params, query, body, services }) => services.review.acknowledge(actor, query.subjectType, params.subjectId, body),
  }),
]);
