import { z } from 'zod';
import { defineRoutes, route } from '../../kernel/http/route.js';
import { workspaceIdParams } from '../team/schema.js';
import { ALERT_KINDS, ALERT_LEVELS } from './alert-rules.js';
import { presentAlert } from './alerts.js';
import { mentionSchema } from './schema.js';

const base = '/api/v1/workspaces/:workspaceId/listening';
const tags = ['listening'];

export const alertSchema = z.object({
  id: z.uuid(), kind: z.enum(ALERT_KINDS), level: z.enum(ALERT_LEVELS), state: z.enum(['open', 'acknowledged', 'closed']), monitorId: z.string().nullable(),
  title: z.string(), reasons: z.array(z.string()), figures: z.record(z.string(), z.number()), mentionId: z.string().nullable(), openedBy: z.string(),
  incidentId: z.string().nullable(), openedAt: z.string(), updatedAt: z.string(), closedAt: z.string().nullable(),
});
const alertParams = workspaceIdParams.extend({ alertId: z.uuid() });

export const listeningAlertRoutes = defineRoutes([
  route({
    method: 'GET', url: `${base}/alerts`, access: 'listening.read', tags, summary: 'Alerts (volume spikes, negative surges, high-risk mentions), newest first',
    params: workspaceIdParams, query: z.object({ state: z.enum(['open', 'closed']).optional(), monitorId: z.uuid().optional(), limit: z.coerce.number().int().min(1).max(200).optional() }),
    response: z.object({ items: z.array(alertSchema) }),
    handler: ({ actor, query, services }) => services.listening.listAlerts(actor, query),
  }),
  route({
    method: 'GET', url: `${base}/alerts/:alertId`, access: 'listening.read', tags, summary: 'One alert with its reasons and figures',
    params: alertParams, response: z.object({ alert: alertSchema }),
    handler: async ({ actor, params, services }) => ({ alert: presentAlert(await services.listening.getAlert(actor.workspaceId, params.alertId)) }),
  }),
  route({
    method: 'POST', url: `${base}/alerts/:alertId/acknowledge`, access: 'listening.manage', tags, summary: 'Someone is on it (stays open: no second alert of its kind)',
    params: alertParams, response: z.object({ alert: alertSchema }),
    handler: ({ actor, params, services }) => services.listening.setAlertState(actor, params.alertId, 'acknowledged'),
  }),
  route({
    method: 'POST', url: `${base}/alerts/:alertId/close`, access: 'listening.manage', tags, summary: 'Close an alert (the next spike opens a new one)',
    params: alertParams, response: z.object({ alert: alertSchema }),
    handler: ({ actor, params, services }) => services.listening.setAlertState(actor, params.alertId, 'closed'),
  }),
  route({
    method: 'GET', url: `${base}/live`, access: 'listening.read', tags,
    summary: 'Live view: mentions received and alerts opened, raised or closed since an instant (poll with the returned `now`)',
    params: workspaceIdParams, query: z.object({ since: z.iso.datetime({ offset: true }).optional() }),
    response: z.object({ now: z.string(), newMentions: z.number(), mentions: z.array(mentionSchema), alerts: z.array(alertSchema) }),
    handler: ({ actor, query, services }) => services.listening.live(actor, query.since ? new Date(query.since) : undefined),
  }),
]);
