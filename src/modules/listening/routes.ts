import { z } from 'zod';
import { defineRoutes, route } from '../../kernel/http/route.js';
import { workspaceIdParams } from '../team/schema.js';
import { presentMention } from './service.js';
import * as s from './schema.js';
import { listeningAlertRoutes } from './alerts.routes.js';

const base = '/api/v1/workspaces/:workspaceId/listening';
const tags = ['listening'];

export const listeningCoreRoutes = defineRoutes([
  route({
    method: 'GET', url: `${base}/monitors`, access: 'listening.read', tags, summary: 'Monitors: keyword sets by kind with their boolean queries',
    params: workspaceIdParams, response: s.monitorsResponse,
    handler: ({ actor, services }) => services.listening.listMonitors(actor),
  }),
  route({
    method: 'POST', url: `${base}/monitors`, access: 'listening.manage', tags, status: 201, summary: 'Create a monitor (a bad query is a 400 that says where it breaks)',
    params: workspaceIdParams, body: s.createMonitorBody, response: s.monitorResponse,
    handler: ({ actor, body, services }) => services.listening.createMonitor(actor, body),
  }),
  route({
    method: 'PATCH', url: `${base}/monitors/:monitorId`, access: 'listening.manage', tags, summary: 'Edit a monitor (query, exclusions, sources, frequency, on/off)',
    params: s.monitorParams, body: s.updateMonitorBody, response: s.monitorResponse,
    handler: ({ actor, params, body, services }) => services.listening.updateMonitor(actor, params.monitorId, body),
  }),
  route({
    method: 'DELETE', url: `${base}/monitors/:monitorId`, access: 'listening.manage', tags, status: 204, summary: 'Delete a monitor (its mentions stay)',
    params: s.monitorParams,
    handler: ({ actor, params, services }) => services.listening.deleteMonitor(actor, params.monitorId),
  }),
  route({
    // Fastify reads "::" as a literal colon: the path is …/mentions:batch.
    method: 'POST', url: `${base}/mentions::batch`, access: 'listening.manage', tags, bodyLimit: 25 * 1024 * 1024,
    summary: 'Push up to 1,000 mentions (data vendors, scripts); idempotent by source + externalId',
    params: workspaceIdParams, body: s.batchBody, response: s.batchResponse,
    handler: async ({ actor, body, services }) => {
      const r = await services.listening.ingest(actor.workspaceId, body.mentions, 'push');
      return { accepted: r.accepted, duplicates: r.duplicates, rejected: r.rejected };
    },
  }),
  route({
    method: 'GET', url: `${base}/mentions`, access: 'listening.read', tags, summary: 'Mentions, newest first, by monitor, risk, sentiment, source and time (cursor paging)',
    params: workspaceIdParams, query: s.mentionsQuery, response: s.mentionsResponse,
    handler: ({ actor, query, services }) => services.listening.listMentions(actor, query),
  }),
  route({
    method: 'GET', url: `${base}/mentions/:mentionId`, access: 'listening.read', tags, summary: 'One mention with its risk reasons and how many near-duplicates share its text',
    params: s.mentionParams, response: z.object({ mention: s.mentionSchema }),
    handler: async ({ actor, params, services }) => ({ mention: presentMention(await services.listening.getMention(actor.workspaceId, params.mentionId)) }),
  }),
  route({
    method: 'GET', url: `${base}/risk-matrix`, access: 'listening.read', tags, summary: 'The risk matrix: impact × likelihood → 无/低/中/高, and where impact rises',
    params: workspaceIdParams, response: s.riskMatrixResponse,
    handler: ({ actor, services }) => services.listening.getMatrix(actor),
  }),
  route({
    method: 'PUT', url: `${base}/risk-matrix`, access: 'listening.manage', tags, summary: 'Edit the risk matrix (applies to mentions from now on)',
    params: workspaceIdParams, body: s.riskMatrixSchema, response: s.riskMatrixResponse,
    handler: ({ actor, body, services }) => services.listening.setMatrix(actor, body),
  }),
]);

export const listeningRoutes = [...listeningCoreRoutes, ...listeningAlertRoutes];
