/** Routes of the dashboard, the competitor board, metrics collection and scheduled report delivery. */
import { z } from 'zod';
import { route } from '../../kernel/http/route.js';
import * as o from './operations.schema.js';
import { workspaceIdParams } from './schema.js';

const tags = ['analytics'];
const base = '/api/v1/workspaces/:workspaceId/analytics';

export const operationRoutes = [
  route({
    method: 'GET', url: `${base}/dashboard`, access: 'analytics.read', tags,
    summary: '数据看板: totals, daily trend, breakdown, best-hours heatmap, theme mix and top posts for a range, with an optional comparison range; drill down with platform and account',
    params: workspaceIdParams, query: o.dashboardQuery, response: o.dashboardResponse,
    handler: ({ actor, query, services }) => services.analytics.dashboard(actor, query),
  }),
  route({
    method: 'GET', url: `${base}/competitors/board`, access: 'analytics.read', tags,
    summary: '竞品对比: daily followers and interaction rate side by side, and the ranking',
    params: workspaceIdParams, query: o.rangeQuery, response: o.competitorBoardResponse,
    handler: ({ actor, query, services }) => services.analytics.competitorBoard(actor, query.from, query.to),
  }),
  route({
    method: 'GET', url: `${base}/collection/posts`, access: 'analytics.read', tags,
    summary: 'Published posts the collector follows, with their last and next reading',
    params: workspaceIdParams, response: o.trackedPostsResponse,
    handler: async ({ actor, services }) => ({ items: await services.analytics.collection().trackedPosts(actor.workspaceId) }),
  }),
  route({
    method: 'POST', url: `${base}/collection/run`, access: 'analytics.manage', tags,
    summary: 'Collect now: every due post of the workspace, and the accounts’ followers for a day (default yesterday)',
    params: workspaceIdParams, body: o.collectBody, response: o.collectResponse,
    async handler({ actor, body, services }) {
      const c = services.analytics.collection();
      const posts = await c.collectDue({ workspaceId: actor.workspaceId });
      const accounts = await c.collectAccounts({ workspaceId: actor.workspaceId, day: body.accountsDay, force: true });
      return { posts, accounts };
    },
  }),
  route({
    method: 'GET', url: `${base}/schedules`, access: 'analytics.read', tags, summary: 'Scheduled report deliveries',
    params: workspaceIdParams, response: z.object({ items: z.array(o.scheduleSchema) }),
    handler: ({ actor, services }) => services.analytics.delivery().listSchedules(actor),
  }),
  route({
    method: 'POST', url: `${base}/schedules`, access: 'analytics.manage', tags, status: 201,
    summary: 'Deliver a report on a schedule (weekday/day and time in the workspace zone) to notification channels and members',
    params: workspaceIdParams, body: o.scheduleBody, response: z.object({ schedule: o.scheduleSchema }),
    handler: ({ actor, body, services }) => services.analytics.delivery().createSchedule(actor, body),
  }),
  route({
    method: 'PATCH', url: `${base}/schedules/:scheduleId`, access: 'analytics.manage', tags, summary: 'Change a scheduled delivery',
    params: o.scheduleParams, body: o.schedulePatch, response: z.object({ schedule: o.scheduleSchema }),
    handler: ({ actor, params, body, services }) => services.analytics.delivery().updateSchedule(actor, params.scheduleId, body),
  }),
  route({
    method: 'DELETE', url: `${base}/schedules/:scheduleId`, access: 'analytics.manage', tags, status: 204, summary: 'Stop a scheduled delivery',
    params: o.scheduleParams,
    handler: ({ actor, params, services }) => services.analytics.delivery().deleteSchedule(actor, params.scheduleId),
  }),
  route({
    method: 'POST', url: `${base}/schedules/:scheduleId/send`, access: 'analytics.manage', tags,
    summary: 'Send a scheduled report now (the last complete week or month unless a period is given)',
    params: o.scheduleParams, body: o.sendBody, response: o.sendResponse,
    handler: ({ actor, params, body, services }) => services.analytics.delivery().sendNow(actor, params.scheduleId, body.period),
  }),
];
