import { z } from 'zod';
import { DomainError } from '../../kernel/errors.js';
import { defineRoutes, route } from '../../kernel/http/route.js';
import { workspaceIdParams } from '../team/schema.js';
import { THEME_CLASSES } from './model.js';
import * as s from './schema.js';

const base = '/api/v1/workspaces/:workspaceId/content';
const tags = ['content'];
const idParams = (name: string) => workspaceIdParams.extend({ [name]: z.uuid() });
const templateBody = z.object({
  kind: z.enum(['template', 'hashtags']), name: z.string().trim().min(1).max(80), body: z.string().max(5000).optional(),
  hashtags: z.array(z.string().trim().min(1).max(40)).max(50).optional(), themeClass: z.enum(THEME_CLASSES).nullable().optional(),
  format: z.string().trim().max(20).nullable().optional(),
});
const observation = z.object({ publishedAt: z.iso.datetime({ offset: true }), interactionRate: z.number().min(0).max(1000), key: z.string().max(200).optional() });

export const contentPlanningRoutes = defineRoutes([
  route({
    method: 'GET', url: `${base}/calendar`, access: 'content.read', tags,
    summary: 'Calendar: items, festival/industry and workspace nodes, cadence and plan-ahead warnings',
    params: workspaceIdParams, query: s.listQuery.omit({ from: true, to: true }).extend({ from: z.iso.date(), to: z.iso.date() }),
    handler: ({ actor, query, services }) => {
      const { from, to, ...filter } = query;
      if (from > to) throw new DomainError('validation_failed', { fields: { 'query.to': 'to must not be before from' } });
      return services.content.calendar(actor, { from, to }, filter);
    },
  }),
  route({
    method: 'GET', url: `${base}/sheet.xlsx`, access: 'content.read', tags, raw: true, summary: '内容策划与排期表 as XLSX (the manual’s columns)',
    params: workspaceIdParams, query: s.rangeQuery,
    async handler({ actor, query, services, reply }) {
      const buf = await services.content.sheet.exportXlsx(actor, query.from, query.to);
      return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="content-plan-${query.from}.xlsx"`).send(buf);
    },
  }),
  route({
    method: 'GET', url: `${base}/sheet.csv`, access: 'content.read', tags, raw: true, summary: '内容策划与排期表 as CSV (UTF-8 with BOM)',
    params: workspaceIdParams, query: s.rangeQuery,
    async handler({ actor, query, services, reply }) {
      const csv = await services.content.sheet.exportCsv(actor, query.from, query.to);
      return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="content-plan-${query.from}.csv"`).send(csv);
    },
  }),
  route({
    method: 'POST', url: `${base}/sheet/import`, access: 'content.write', tags, bodyLimit: 10 * 1024 * 1024,
    summary: 'Import the schedule table (XLSX as base64, or CSV text); every row is checked and nothing is written if one is bad',
    params: workspaceIdParams, body: z.object({ format: z.enum(['xlsx', 'csv']), data: z.string().min(1).max(10_000_000), dryRun: z.boolean().optional() }),
    response: z.object({ created: z.number(), valid: z.number() }),
    handler: ({ actor, body, services }) => services.content.sheet.importSheet(actor, body),
  }),
  route({
    method: 'GET', url: `${base}/feeds`, access: 'content.read', tags, summary: 'Calendar subscription feeds (ICS)',
    params: workspaceIdParams, handler: ({ actor, services }) => services.content.ics.listFeeds(actor),
  }),
  route({
    method: 'POST', url: `${base}/feeds`, access: 'content.write', tags, status: 201, summary: 'New ICS feed for the workspace or one account (the secret URL is shown once)',
    params: workspaceIdParams, body: z.object({ name: z.string().trim().min(1).max(80), accountId: z.uuid().nullable().optional() }),
    handler: ({ actor, body, services }) => services.content.ics.createFeed(actor, body),
  }),
  route({
    method: 'POST', url: `${base}/feeds/:feedId/rotate`, access: 'content.write', tags, summary: 'New secret URL for a feed (the old one stops working)',
    params: idParams('feedId'), handler: ({ actor, params, services }) => services.content.ics.rotateFeed(actor, params.feedId as string),
  }),
  route({
    method: 'DELETE', url: `${base}/feeds/:feedId`, access: 'content.write', tags, status: 204, summary: 'Revoke a feed',
    params: idParams('feedId'), handler: ({ actor, params, services }) => services.content.ics.revokeFeed(actor, params.feedId as string),
  }),
  route({
    method: 'GET', url: '/api/v1/ics/:token', access: 'public', tags, raw: true, summary: 'ICS feed by its secret token (`<token>.ics`)',
    params: z.object({ token: z.string().regex(/^ics_[A-Za-z0-9_-]{20,64}\.ics$/) }),
    async handler({ params, services, reply }) {
      const body = await services.content.ics.render(params.token.replace(/\.ics$/, ''));
      return reply.type('text/calendar; charset=utf-8').header('cache-control', 'private, max-age=300').send(body);
    },
  }),
  route({
    method: 'GET', url: `${base}/best-times`, access: 'content.read', tags, summary: 'Best posting times of an account: weekday × hour grid with confidence and suggested slots',
    params: workspaceIdParams, query: z.object({ accountId: z.uuid() }),
    handler: ({ actor, query, services }) => services.content.bestTimes(actor, query.accountId),
  }),
  route({
    method: 'POST', url: `${base}/best-times/observations`, access: 'content.write', tags, summary: 'Post results (published time, interaction rate) that teach the grid',
    params: workspaceIdParams, body: z.object({ accountId: z.uuid(), observations: z.array(observation).min(1).max(2000) }),
    handler: ({ actor, body, services }) => services.content.addObservations(actor, body.accountId,
      body.observations.map((o) => ({ publishedAt: new Date(o.publishedAt), interactionRate: o.interactionRate, key: o.key })), 'api'),
  }),
  route({
    method: 'GET', url: `${base}/templates`, access: 'content.read', tags, summary: 'Copy templates and hashtag groups',
    params: workspaceIdParams, handler: ({ actor, services }) => services.content.library.listTemplates(actor),
  }),
  route({
    method: 'POST', url: `${base}/templates`, access: 'content.write', tags, status: 201, summary: 'New template or hashtag group',
    params: workspaceIdParams, body: templateBody, handler: ({ actor, body, services }) => services.content.library.createTemplate(actor, body),
  }),
  route({
    method: 'PATCH', url: `${base}/templates/:templateId`, access: 'content.write', tags, summary: 'Edit a template or hashtag group',
    params: idParams('templateId'), body: templateBody.partial(),
    handler: ({ actor, params, body, services }) => services.content.library.updateTemplate(actor, params.templateId as string, body),
  }),
  route({
    method: 'DELETE', url: `${base}/templates/:templateId`, access: 'content.write', tags, status: 204, summary: 'Delete a template or hashtag group',
    params: idParams('templateId'), handler: ({ actor, params, services }) => services.content.library.deleteTemplate(actor, params.templateId as string),
  }),
  route({
    method: 'POST', url: `${base}/events`, access: 'content.write', tags, status: 201, summary: 'A workspace calendar node (launch, summit) to plan around',
    params: workspaceIdParams, body: z.object({ date: z.iso.date(), name: z.string().trim().min(1).max(60) }),
    handler: ({ actor, body, services }) => services.content.library.createEvent(actor, body),
  }),
  route({
    method: 'DELETE', url: `${base}/events/:eventId`, access: 'content.write', tags, status: 204, summary: 'Delete a workspace calendar node',
    params: idParams('eventId'), handler: ({ actor, params, services }) => services.content.library.deleteEvent(actor, params.eventId as string),
  }),
]);
