import { z } from 'zod';
import { defineRoutes, route } from '../../kernel/http/route.js';
import { workspaceIdParams } from '../team/schema.js';
import { mediaRoutes } from './media.routes.js';
import { contentPlanningRoutes } from './planning.routes.js';
import * as s from './schema.js';

const base = '/api/v1/workspaces/:workspaceId/content';
const tags = ['content'];

export const contentItemRoutes = defineRoutes([
  route({
    method: 'GET', url: `${base}/items`, access: 'content.read', tags, summary: 'Content items (内容策划与排期表 rows), filtered',
    params: workspaceIdParams, query: s.listQuery, response: s.itemsResponse,
    handler: ({ actor, query, services }) => services.content.list(actor, query),
  }),
  route({
    method: 'POST', url: `${base}/items`, access: 'content.write', tags, status: 201, summary: 'Plan a content item (variants follow its platforms and accounts)',
    params: workspaceIdParams, body: s.createItemBody, response: s.itemWithVariants,
    handler: ({ actor, body, services }) => services.content.create(actor, body),
  }),
  route({
    method: 'GET', url: `${base}/items/:itemId`, access: 'content.read', tags, summary: 'One item with its variants, their review and publishing state',
    params: s.itemParams, response: s.itemWithVariants,
    handler: ({ actor, params, services }) => services.content.get(actor, params.itemId),
  }),
  route({
    method: 'PATCH', url: `${base}/items/:itemId`, access: 'content.write', tags, summary: 'Edit an item; changed copy of an item under review is resubmitted',
    params: s.itemParams, body: s.updateItemBody, response: s.itemWithVariants,
    handler: ({ actor, params, body, services }) => services.content.update(actor, params.itemId, body),
  }),
  route({
    method: 'PATCH', url: `${base}/items/:itemId/variants/:variantId`, access: 'content.write', tags,
    summary: 'Edit one platform/account variant (or reset it to the adapted master); re-reviewed when changed',
    params: s.variantParams, body: s.updateVariantBody, response: s.itemWithVariants,
    handler: ({ actor, params, body, services }) => services.content.updateVariant(actor, params.itemId, params.variantId, body),
  }),
  route({
    method: 'POST', url: `${base}/items/:itemId/submit`, access: 'content.write', tags, summary: 'Send every variant to review',
    params: s.itemParams, body: s.submitBody, response: s.itemWithVariants,
    handler: ({ actor, params, body, services }) => services.content.submit(actor, params.itemId, body),
  }),
  route({
    method: 'POST', url: `${base}/items/:itemId/schedule`, access: 'content.schedule', tags,
    summary: 'Schedule (or reschedule) an approved item: status and publishing jobs in one transaction',
    params: s.itemParams, body: s.atBody, response: s.itemWithVariants,
    handler: ({ actor, params, body, services }) => services.content.schedule(actor, params.itemId, new Date(body.at)),
  }),
  route({
    method: 'POST', url: `${base}/items/:itemId/unschedule`, access: 'content.schedule', tags, summary: 'Take a scheduled item off the schedule (jobs cancelled)',
    params: s.itemParams, response: s.itemWithVariants,
    handler: ({ actor, params, services }) => services.content.unschedule(actor, params.itemId),
  }),
  route({
    method: 'POST', url: `${base}/items/:itemId/move`, access: 'content.write', tags,
    summary: 'Calendar drag: same local time on another day (a scheduled item is rescheduled and re-checked)',
    params: s.itemParams, body: s.moveBody, response: s.itemWithVariants,
    handler: ({ actor, params, body, services }) => services.content.move(actor, params.itemId, body.date),
  }),
  route({
    method: 'POST', url: `${base}/items/:itemId/cancel`, access: 'content.write', tags, summary: 'Cancel an item (unscheduled first when scheduled)',
    params: s.itemParams, response: s.itemWithVariants,
    handler: ({ actor, params, services }) => services.content.cancel(actor, params.itemId),
  }),
  route({
    method: 'POST', url: `${base}/items/:itemId/restore`, access: 'content.write', tags, summary: 'Bring a cancelled item back as a draft',
    params: s.itemParams, response: s.itemWithVariants,
    handler: ({ actor, params, services }) => services.content.restore(actor, params.itemId),
  }),
  route({
    method: 'PUT', url: `${base}/items/:itemId/actuals`, access: 'content.write', tags, summary: '实际数据: exposure and interactions once it ran',
    params: s.itemParams, body: s.actualsBody, response: s.itemWithVariants,
    handler: ({ actor, params, body, services }) => services.content.setActuals(actor, params.itemId, body),
  }),
  route({
    method: 'POST', url: `${base}/preview`, access: 'content.read', tags, summary: 'The master adapted per platform, with warnings and the copy checklist',
    params: workspaceIdParams, body: s.previewBody,
    response: z.object({ checklist: z.array(z.object({ key: z.string(), ok: z.boolean(), hint: z.string() })), platforms: z.array(z.unknown()) }),
    handler: ({ actor, body, services }) => services.content.preview(actor, { ...body.master, title: body.master.title ?? undefined }, body.platforms),
  }),
]);

export const contentRoutes = [...contentItemRoutes, ...contentPlanningRoutes, ...mediaRoutes];
