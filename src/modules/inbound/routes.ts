import { z } from 'zod';
import { defineRoutes, route } from '../../kernel/http/route.js';
import { workspaceIdParams } from '../team/schema.js';

const tags = ['inbound'];
const hookParams = z.object({ platform: z.string().regex(/^[a-z]+$/).max(20), workspaceId: z.uuid(), accountId: z.uuid() });
const itemSchema = z.object({
  id: z.string(), accountId: z.string(), platform: z.string(), type: z.string(), via: z.string(), occurredAt: z.string(), receivedAt: z.string(),
  author: z.object({ id: z.string(), name: z.string().nullable() }).nullable(), platformPostId: z.string().nullable(), text: z.string().nullable(),
  analysis: z.object({ sentiment: z.string(), score: z.number().nullable(), intent: z.string().nullable(), spam: z.boolean().nullable(), keywords: z.array(z.string()) }).nullable(),
});

/** The platforms call this address; the handler reads the raw body so signatures can be checked byte for byte. */
function hookRoute(method: 'GET' | 'POST') {
  return route({
    method, url: '/api/v1/hooks/:platform/:workspaceId/:accountId', access: 'public', tags, rawBody: true, raw: true,
    summary: method === 'GET' ? 'Platform webhook subscription check (echostr / challenge)' : 'Platform webhook delivery (signature verified on the raw body)',
    params: hookParams,
    async handler({ params, req, reply, services }) {
      const answer = await services.inbound.receiveWebhook(params.workspaceId, params.accountId, params.platform, {
        method, query: req.query as Record<string, string>,
        headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k.toLowerCase(), Array.isArray(v) ? v[0] : v])),
        rawBody: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
      });
      return reply.status(answer.status).type(answer.contentType ?? 'text/plain; charset=utf-8').send(answer.body);
    },
  });
}

export const inboundRoutes = defineRoutes([
  hookRoute('GET'),
  hookRoute('POST'),
  route({
    method: 'GET', url: '/api/v1/workspaces/:workspaceId/inbound', access: 'inbox.read', tags,
    summary: 'Comments, DMs and mentions received, with sentiment, intent and spam verdicts',
    params: workspaceIdParams,
    query: z.object({
      type: z.enum(['comment', 'dm', 'mention', 'follow', 'publish_result']).optional(),
      accountId: z.uuid().optional(),
      sentiment: z.enum(['positive', 'neutral', 'negative']).optional(),
      intent: z.enum(['inquiry', 'complaint', 'praise', 'spam', 'other']).optional(),
      before: z.iso.datetime({ offset: true }).optional(),
      limit: z.coerce.number().int().min(1).max(200).optional(),
    }),
    response: z.object({ items: z.array(itemSchema), nextBefore: z.string().nullable() }),
    handler: ({ actor, query, services }) => services.inbound.list(actor, query),
  }),
  route({
    method: 'POST', url: '/api/v1/workspaces/:workspaceId/inbound/collect', access: 'inbox.read', tags,
    summary: 'Fetch recent comments, mentions and DMs from one account now',
    params: workspaceIdParams, body: z.object({ accountId: z.uuid(), since: z.iso.datetime({ offset: true }).optional() }),
    response: z.object({ received: z.number(), stored: z.number() }),
    handler: async ({ actor, body, services }) => {
      const r = await services.inbound.collect(actor.workspaceId, body.accountId, body.since ? new Date(body.since) : undefined);
      return { received: r.received, stored: r.stored };
    },
  }),
]);
