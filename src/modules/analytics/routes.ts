import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { DomainError } from '../../kernel/errors.js';
import { defineRoutes, route } from '../../kernel/http/route.js';
import type { AppServices as Services } from '../../kernel/http/app-services.js';
import type { ReportDocument } from './report-document.js';
import type { ExportFormat } from './service.js';
import * as s from './schema.js';
import { operationRoutes } from './operations.routes.js';

const tags = ['analytics'];
const base = '/api/v1/workspaces/:workspaceId/analytics';

async function send(reply: FastifyReply, services: Services, doc: ReportDocument, format: ExportFormat, name: string) {
  const out = await services.analytics.render(doc, format);
  const filename = `${name}.${out.extension}`;
  if (format === 'json') return reply.header('content-type', out.contentType).header('cache-control', 'no-store').send(out.body);
  return reply.header('content-type', out.contentType)
    .header('content-disposition', `attachment; filename="${filename.replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(filename)}`)
    .header('cache-control', 'no-store')
    .send(out.body);
}

function decode(b64: string): Buffer {
  const data = Buffer.from(b64, 'base64');
  if (data.length === 0) throw new DomainError('validation_failed', { fields: { contentBase64: 'not base64 or empty' } });
  return data;
}

export const analyticsRoutes = defineRoutes([
  ...operationRoutes,
  route({
    method: 'POST', url: `${base}/imports/preview`, access: 'analytics.import', tags, bodyLimit: 15 * 1024 * 1024,
    summary: 'Check a metrics file (CSV/XLSX) without importing: guessed column mapping and every problem with its line',
    params: s.workspaceIdParams, body: s.importBody, response: s.previewResponse,
    handler: ({ body, services }) => services.analytics.previewImport({ data: decode(body.contentBase64), filename: body.filename }, { locale: body.locale, mapping: body.mapping, kind: body.kind }),
  }),
  route({
    method: 'POST', url: `${base}/imports`, access: 'analytics.import', tags, bodyLimit: 15 * 1024 * 1024, status: 201,
    summary: 'Import daily post or account metrics (all rows or none; 422 lists the problems)',
    params: s.workspaceIdParams, body: s.importBody, response: s.importResponse,
    handler: ({ actor, body, services }) =>
      services.analytics.importMetrics(actor, { data: decode(body.contentBase64), filename: body.filename }, { locale: body.locale, mapping: body.mapping, kind: body.kind }),
  }),
  route({
    method: 'GET', url: `${base}/weekly`, access: 'analytics.read', tags,
    summary: '周度数据监测表: one row per platform for an ISO week (default: this week in the workspace time zone)',
    params: s.workspaceIdParams, query: s.weekQuery, response: s.weeklyTableSchema,
    handler: ({ actor, query, services }) => services.analytics.weeklyTable(actor, query.week, query.locale),
  }),
  route({
    method: 'GET', url: `${base}/daily`, access: 'analytics.read', tags,
    summary: '每日爆款/低效: the day’s hits and duds per account, with likely reasons (theme, format, time slot, platform)',
    params: s.workspaceIdParams, query: s.dailyQuery, response: s.dailyResponse,
    handler: ({ actor, query, services }) => services.analytics.dailyReview(actor, query.date, {
      locale: query.locale,
      baseline: query.industryRate ? { kind: 'industry', rate: query.industryRate } : undefined,
      dud: query.dudRate ? { kind: 'absolute', rate: query.dudRate } : undefined,
    }),
  }),
  route({
    method: 'GET', url: `${base}/reports/weekly`, access: 'analytics.read', tags, raw: true,
    summary: '周度运营复盘报告 as an editable document (json) or a file (md, xlsx, pdf)',
    params: s.workspaceIdParams, query: s.weeklyReportQuery,
    async handler({ actor, query, services, reply }) {
      const doc = await services.analytics.weeklyReview(actor, query.week, query.locale);
      await send(reply, services, doc, query.format, `weekly-report-${doc.period.start}`);
    },
  }),
  route({
    method: 'GET', url: `${base}/reports/:kind`, access: 'analytics.read', tags, raw: true,
    summary: 'Monthly (YYYY-MM) or quarterly (YYYY-Qn) report with goal attainment',
    params: s.periodParams, query: s.periodQuery,
    async handler({ actor, params, query, services, reply }) {
      const doc = await services.analytics.periodReport(actor, params.kind, query.period, query.locale);
      await send(reply, services, doc, query.format, `${params.kind}-report-${query.period}`);
    },
  }),
  route({
    method: 'POST', url: `${base}/reports/render`, access: 'analytics.read', tags, raw: true, bodyLimit: 5 * 1024 * 1024,
    summary: 'Render an edited report document as md, xlsx or pdf',
    params: s.workspaceIdParams, body: s.renderBody,
    async handler({ body, services, reply }) {
      await send(reply, services, body.document as ReportDocument, body.format, `report-${body.document.period.start}`);
    },
  }),
  route({
    method: 'GET', url: `${base}/goals`, access: 'analytics.read', tags, summary: 'SMART goals with progress, projection and status',
    params: s.workspaceIdParams, response: z.object({ items: z.array(s.goalSchema) }),
    handler: ({ actor, services }) => services.analytics.listGoals(actor),
  }),
  route({
    method: 'POST', url: `${base}/goals`, access: 'analytics.manage', tags, summary: 'Set a goal (metric, target, scope, period)', status: 201,
    params: s.workspaceIdParams, body: s.goalBody, response: z.object({ goal: s.goalSchema }),
    handler: ({ actor, body, services }) => services.analytics.createGoal(actor, body),
  }),
  route({
    method: 'DELETE', url: `${base}/goals/:goalId`, access: 'analytics.manage', tags, summary: 'Delete a goal', status: 204,
    params: s.goalParams,
    handler: ({ actor, params, services }) => services.analytics.deleteGoal(actor, params.goalId),
  }),
  route({
    method: 'GET', url: `${base}/competitors`, access: 'analytics.read', tags, summary: 'Reference accounts (竞品)',
    params: s.workspaceIdParams, response: z.object({ items: z.array(s.competitorSchema) }),
    handler: ({ actor, services }) => services.analytics.listCompetitors(actor),
  }),
  route({
    method: 'POST', url: `${base}/competitors`, access: 'analytics.manage', tags, summary: 'Track a reference account', status: 201,
    params: s.workspaceIdParams, body: s.competitorBody, response: z.object({ competitor: s.competitorSchema }),
    handler: ({ actor, body, services }) => services.analytics.createCompetitor(actor, body),
  }),
  route({
    method: 'PUT', url: `${base}/competitors/:competitorId/snapshots`, access: 'analytics.manage', tags, status: 204,
    summary: 'Record what was observed of a reference account on a day',
    params: s.competitorParams, body: s.competitorSnapshotBody,
    handler: ({ actor, params, body, services }) => services.analytics.recordCompetitorSnapshot(actor, params.competitorId, body),
  }),
]);
