import { z } from 'zod';
import { defineRoutes, route } from '../../kernel/http/route.js';
import { confirmBody, detailResponse, monitorQuery, monitorResponse, publicationParams } from './schema.js';

const ws = z.object({ workspaceId: z.uuid() });
const base = '/api/v1/workspaces/:workspaceId/publishing';
const tags = ['publishing'];

export const publishingRoutes = defineRoutes([
  route({
    method: 'GET', url: `${base}/monitor`, access: 'publishing.read', tags, params: ws, query: monitorQuery, response: monitorResponse,
    summary: 'Publishing monitor: one tab (due, in_flight, failed, unconfirmed, handoff) and the count of each',
    handler: ({ actor, services, query }) => services.publishing.monitor(actor, query),
  }),
  route({
    method: 'GET', url: `${base}/publications/:publicationId`, access: 'publishing.read', tags, params: publicationParams, response: detailResponse,
    summary: 'A publication with its attempt history (raw platform answers included)',
    handler: ({ actor, services, params }) => services.publishing.detail(actor, params.publicationId),
  }),
  route({
    method: 'POST', url: `${base}/publications/:publicationId/retry`, access: 'publishing.manage', tags, params: publicationParams, response: detailResponse,
    summary: 'Retry a failed, unconfirmed or waiting publication (idempotent: same key, the platform is checked first)',
    handler: ({ actor, services, params }) => services.publishing.retry(actor, params.publicationId),
  }),
  route({
    method: 'POST', url: `${base}/publications/:publicationId/confirm`, access: 'publishing.manage', tags, params: publicationParams, body: confirmBody, response: detailResponse,
    summary: 'Confirm a hand-off (or an unknown outcome) with the URL of the post, checked for the platform',
    handler: ({ actor, services, params, body }) => services.publishing.confirmUrl(actor, params.publicationId, body.url),
  }),
  route({
    method: 'POST', url: `${base}/publications/:publicationId/cancel`, access: 'publishing.manage', tags, params: publicationParams, response: detailResponse,
    summary: 'Cancel a scheduled, waiting, failed or hand-off publication',
    handler: ({ actor, services, params }) => services.publishing.cancel(actor, params.publicationId),
  }),
]);
