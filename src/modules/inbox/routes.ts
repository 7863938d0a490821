import { createSession } from 'better-sse';
import { z } from 'zod';
import { defineRoutes, route } from '../../kernel/http/route.js';
import { workspaceIdParams } from '../team/schema.js';
import {
  conversationParams, conversationPatch, conversationQuery, conversationSchema, messageSchema, moderateBody, replyBody,
  replyParams, replySchema, slaPolicySchema, summarySchema,
} from './schema.js';

const tags = ['inbox'];
const base = '/api/v1/workspaces/:workspaceId/inbox';
/** How often a stream looks for changes made by another process (a separate worker ingests). */
const CATCH_UP_MS = 5_000;

export const inboxRoutes = defineRoutes([
  route({
    method: 'GET', url: `${base}/conversations`, access: 'inbox.read', tags,
    summary: 'Conversations (comment threads, DM threads, mentions), newest activity first, filtered, with cursor pagination',
    params: workspaceIdParams, query: conversationQuery,
    response: z.object({ items: z.array(conversationSchema), nextCursor: z.string().nullable() }),
    handler: ({ actor, query, services }) => services.inbox.list(actor, query),
  }),
  route({
    method: 'GET', url: `${base}/conversations/:conversationId`, access: 'inbox.read', tags,
    summary: 'One conversation with its messages (what people wrote and our replies)',
    params: conversationParams,
    response: z.object({ conversation: conversationSchema, messages: z.array(messageSchema) }),
    handler: ({ actor, params, services }) => services.inbox.get(actor, params.conversationId),
  }),
  route({
    method: 'PATCH', url: `${base}/conversations/:conversationId`, access: 'inbox.reply', tags,
    summary: 'Triage: status, assignee, priority, tags',
    params: conversationParams, body: conversationPatch,
    response: z.object({ conversation: conversationSchema }),
    handler: ({ actor, params, body, services }) => services.inbox.update(actor, params.conversationId, body),
  }),
  route({
    method: 'POST', url: `${base}/conversations/:conversationId/replies`, access: 'inbox.reply', tags, status: 202,
    summary: 'Reply in public or by private message; compliance-checked, then sent by the queue',
    params: conversationParams, body: replyBody,
    response: z.object({ reply: replySchema }),
    handler: ({ actor, params, body, services }) => services.inbox.reply(actor, params.conversationId, body),
  }),
  route({
    method: 'POST', url: `${base}/conversations/:conversationId/replies/:replyId/retry`, access: 'inbox.reply', tags, status: 202,
    summary: 'Send a failed reply again (the same reply: it is never posted twice)',
    params: replyParams,
    response: z.object({ reply: replySchema }),
    handler: ({ actor, params, services }) => services.inbox.retryReply(actor, params.conversationId, params.replyId),
  }),
  route({
    method: 'POST', url: `${base}/conversations/:conversationId/moderation`, access: 'inbox.reply', tags,
    summary: 'Hide or delete the person’s comments on the platform (spam) and mark the conversation as spam',
    params: conversationParams, body: moderateBody,
    response: z.object({ conversationId: z.string(), moderated: z.number() }),
    handler: ({ actor, params, body, services }) => services.inbox.moderate(actor, params.conversationId, body),
  }),
  route({
    method: 'GET', url: `${base}/summary`, access: 'inbox.read', tags,
    summary: 'Counts by status, unassigned, SLA warnings and breaches — over all conversations',
    params: workspaceIdParams, response: summarySchema,
    handler: ({ actor, services }) => services.inbox.summary(actor),
  }),
  route({
    method: 'GET', url: `${base}/my-work`, access: 'inbox.read', tags,
    summary: 'For the 工作台: open conversations assigned to me and unanswered SLA breaches',
    params: workspaceIdParams,
    response: z.object({ assignedToMe: z.array(conversationSchema), slaBreached: z.array(conversationSchema) }),
    handler: ({ actor, services }) => services.inbox.myWork(actor),
  }),
  route({
    method: 'GET', url: `${base}/sla-policy`, access: 'inbox.read', tags,
    summary: 'First response within N working hours; warn M minutes before',
    params: workspaceIdParams, response: slaPolicySchema,
    handler: ({ actor, services }) => services.inbox.getPolicy(actor),
  }),
  route({
    method: 'PUT', url: `${base}/sla-policy`, access: 'inbox.manage', tags,
    summary: 'Change the SLA policy (applies to conversations that start after the change)',
    params: workspaceIdParams, body: slaPolicySchema, response: slaPolicySchema,
    handler: ({ actor, body, services }) => services.inbox.putPolicy(actor, body),
  }),
  route({
    method: 'GET', url: `${base}/stream`, access: 'inbox.read', tags, raw: true,
    summary: 'Server-sent events: `conversation` with {id, updatedAt?} whenever a conversation changes',
    params: workspaceIdParams,
    async handler({ actor, req, reply, services }) {
      // Only an event-stream client (EventSource sends this) gets the never-ending response.
      if (!String(req.headers.accept ?? '').includes('text/event-stream')) {
        return reply.status(406).send({ error: { code: 'not_acceptable', message: 'this address streams text/event-stream; send Accept: text/event-stream' } });
      }
      reply.hijack();
      const session = await createSession(req.raw, reply.raw, { keepAlive: 15_000, retry: 3_000 });
      let since = services.clock.now();
      const push = (id: string) => { if (session.isConnected) session.push({ id }, 'conversation'); };
      const off = services.inbox.subscribe(actor.workspaceId, (ids) => ids.forEach(push));
      const timer = setInterval(() => {
        services.inbox.changedSince(actor.workspaceId, since).then((rows) => {
          for (const r of rows) { push(r.id); if (r.updatedAt > since) since = r.updatedAt; }
        }).catch(() => { /* the next tick tries again */ });
      }, CATCH_UP_MS);
      session.push({ at: since.toISOString() }, 'ready');
      session.on('disconnected', () => { off(); clearInterval(timer); });
    },
  }),
]);
