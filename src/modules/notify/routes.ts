import { z } from 'zod';
import { defineRoutes, route } from '../../kernel/http/route.js';
import { workspaceIdParams } from '../team/schema.js';
import * as s from './schema.js';

const tags = ['notifications'];

export const notifyRoutes = defineRoutes([
  route({
    method: 'GET', url: '/api/v1/workspaces/:workspaceId/notifications', access: 'workspace.read', tags,
    summary: 'My notifications (newest first); waitSeconds long-polls for new ones',
    params: workspaceIdParams, query: s.listNotificationsQuery,
    response: z.object({ items: z.array(s.notificationSchema), unread: z.number() }),
    handler: ({ actor, query, services }) => services.notify.listNotifications(actor, query),
  }),
  route({
    method: 'POST', url: '/api/v1/workspaces/:workspaceId/notifications/read', access: 'workspace.read', tags, summary: 'Mark notifications read',
    params: workspaceIdParams, body: s.markReadBody, response: z.object({ updated: z.number(), unread: z.number() }),
    handler: ({ actor, body, services }) => services.notify.markRead(actor, body),
  }),
  route({
    method: 'GET', url: '/api/v1/workspaces/:workspaceId/notify/preferences', access: 'workspace.read', tags, summary: 'My notification preferences and quiet hours',
    params: workspaceIdParams, response: s.preferencesSchema,
    handler: ({ actor, services }) => services.notify.getPreferences(actor),
  }),
  route({
    method: 'PUT', url: '/api/v1/workspaces/:workspaceId/notify/preferences', access: 'workspace.read', tags, summary: 'Set my notification preferences',
    params: workspaceIdParams, body: s.preferencesSchema, response: s.preferencesSchema,
    handler: ({ actor, body, services }) => services.notify.setPreferences(actor, body),
  }),
  route({
    method: 'GET', url: '/api/v1/workspaces/:workspaceId/notify/channels', access: 'notify.manage', tags, summary: 'Group robots, e-mail and webhooks',
    params: workspaceIdParams, response: z.object({ items: z.array(s.channelSchema) }),
    handler: ({ actor, services }) => services.notify.listChannels(actor),
  }),
  route({
    method: 'POST', url: '/api/v1/workspaces/:workspaceId/notify/channels', access: 'notify.manage', tags,
    summary: 'Add a channel (企业微信/钉钉/飞书 robot, SMTP e-mail, signed webhook)',
    params: workspaceIdParams, body: s.createChannelBody, response: z.object({ channel: s.channelSchema }), status: 201,
    handler: ({ actor, body, services }) => services.notify.createChannel(actor, body),
  }),
  route({
    method: 'PATCH', url: '/api/v1/workspaces/:workspaceId/notify/channels/:channelId', access: 'notify.manage', tags, summary: 'Change a channel',
    params: s.channelIdParams, body: s.updateChannelBody, response: z.object({ channel: s.channelSchema }),
    handler: ({ actor, params, body, services }) => services.notify.updateChannel(actor, params.channelId, body),
  }),
  route({
    method: 'DELETE', url: '/api/v1/workspaces/:workspaceId/notify/channels/:channelId', access: 'notify.manage', tags, summary: 'Remove a channel',
    params: s.channelIdParams, status: 204,
    handler: ({ actor, params, services }) => services.notify.deleteChannel(actor, params.channelId),
  }),
  route({
    method: 'POST', url: '/api/v1/workspaces/:workspaceId/notify/channels/:channelId/test', access: 'notify.manage', tags, summary: 'Send a test message now',
    params: s.channelIdParams, response: z.object({ ok: z.boolean(), responseStatus: z.number() }),
    handler: ({ actor, params, services }) => services.notify.testChannel(actor, params.channelId),
  }),
  route({
    method: 'GET', url: '/api/v1/workspaces/:workspaceId/notify/deliveries', access: 'notify.manage', tags, summary: 'Delivery log',
    params: workspaceIdParams, response: z.object({ items: z.array(s.deliverySchema) }),
    handler: ({ actor, services }) => services.notify.listDeliveries(actor),
  }),
]);
