import { z } from 'zod';
import { defineRoutes, route } from '../../kernel/http/route.js';
import { workspaceIdParams } from '../team/schema.js';
import * as s from './schema.js';

const base = '/api/v1/workspaces/:workspaceId/crisis';
const tags = ['crisis'];
const inc = `${base}/incidents/:incidentId`;

export const crisisIncidentRoutes = defineRoutes([
  route({
    method: 'GET', url: `${base}/playbooks`, access: 'listening.read', tags, summary: 'Playbooks per level: steps, emergency group roles, 口径 templates, channels, lessons',
    params: workspaceIdParams, response: z.object({ items: z.array(s.playbookSchema) }),
    handler: ({ actor, services }) => services.crisis.listPlaybooks(actor),
  }),
  route({
    method: 'PATCH', url: `${base}/playbooks/:playbookId`, access: 'crisis.manage', tags, summary: 'Edit a playbook (steps, who holds each role, templates, channels)',
    params: s.playbookParams, body: s.playbookPatch, response: z.object({ playbook: s.playbookSchema }),
    handler: ({ actor, params, body, services }) => services.crisis.updatePlaybook(actor, params.playbookId, body),
  }),
  route({
    method: 'GET', url: `${base}/incidents`, access: 'listening.read', tags, summary: 'Incidents, newest first',
    params: workspaceIdParams, query: z.object({ limit: z.coerce.number().int().min(1).max(200).optional() }), response: z.object({ items: z.array(s.incidentSchema) }),
    handler: ({ actor, query, services }) => services.crisis.list(actor, query),
  }),
  route({
    method: 'POST', url: `${base}/incidents`, access: 'crisis.manage', tags, status: 201, summary: 'Open an incident by hand or from an alert; the emergency group is notified',
    params: workspaceIdParams, body: s.openIncidentBody, response: s.incidentResponse,
    handler: ({ actor, body, services }) => services.crisis.open(actor, body),
  }),
  route({
    method: 'GET', url: inc, access: 'listening.read', tags, summary: 'One incident: state, checklist, timeline, statements, post-mortem',
    params: s.incidentParams, response: s.incidentResponse,
    handler: ({ actor, params, services }) => services.crisis.get(actor, params.incidentId),
  }),
  route({
    method: 'POST', url: `${inc}/transitions`, access: 'crisis.manage', tags, summary: 'Move the incident on: detected → confirmed → responding → monitoring → resolved → reviewed',
    params: s.incidentParams, body: s.transitionBody, response: s.incidentResponse,
    handler: ({ actor, params, body, services }) => services.crisis.transition(actor, params.incidentId, body.to),
  }),
  route({
    method: 'POST', url: `${inc}/checklist/:key`, access: 'crisis.manage', tags, summary: 'Tick (or untick) a checklist step, or give it an owner',
    params: s.incidentParams.extend({ key: z.string().max(40) }), body: s.checkBody, response: s.incidentResponse,
    handler: async ({ actor, params, body, services }) => {
      if (body.ownerId !== undefined) await services.crisis.assignItem(actor, params.incidentId, params.key, body.ownerId);
      return body.done !== undefined ? services.crisis.checkItem(actor, params.incidentId, params.key, body.done) : services.crisis.get(actor, params.incidentId);
    },
  }),
  route({
    method: 'POST', url: `${inc}/timeline`, access: 'crisis.manage', tags, summary: 'Add a note, a figure or a linked mention to the timeline',
    params: s.incidentParams, body: s.recordBody, response: s.incidentResponse,
    handler: ({ actor, params, body, services }) => services.crisis.record(actor, params.incidentId, body),
  }),
  route({
    method: 'POST', url: `${inc}/statements`, access: 'crisis.manage', tags, status: 201, summary: 'Draft a statement from a 口径 template (or own text); checked by the compliance engine',
    params: s.incidentParams, body: s.draftBody, response: s.statementResponse,
    handler: ({ actor, params, body, services }) => services.crisis.draftStatement(actor, params.incidentId, body),
  }),
  route({
    method: 'PATCH', url: `${inc}/statements/:statementId`, access: 'crisis.manage', tags, summary: 'Edit a draft statement (checked again, approval reset)',
    params: s.statementParams, body: s.editStatementBody, response: s.statementResponse,
    handler: ({ actor, params, body, services }) => services.crisis.editStatement(actor, params.incidentId, params.statementId, body.text),
  }),
  route({
    method: 'POST', url: `${inc}/statements/:statementId/approve`, access: 'crisis.manage', tags, summary: 'Fast-track review: one approval by someone else who may manage a crisis',
    params: s.statementParams, response: s.statementResponse,
    handler: ({ actor, params, services }) => services.crisis.approveStatement(actor, params.incidentId, params.statementId),
  }),
  route({
    method: 'POST', url: `${inc}/statements/:statementId/publish`, access: 'crisis.manage', tags, summary: 'Publish an approved statement now to its accounts (publishing engine)',
    params: s.statementParams, response: s.statementResponse,
    handler: ({ actor, params, services }) => services.crisis.publishStatement(actor, params.incidentId, params.statementId),
  }),
  route({
    method: 'GET', url: `${inc}/statements/:statementId/publications`, access: 'listening.read', tags, summary: 'Where the statement stands on each account',
    params: s.statementParams, response: z.object({ items: z.array(z.object({ variantId: z.string(), status: z.unknown() })) }),
    handler: ({ actor, params, services }) => services.crisis.publicationStatus(actor, params.incidentId, params.statementId),
  }),
  route({
    method: 'POST', url: `${inc}/post-mortem`, access: 'crisis.manage', tags, summary: 'The post-mortem of a resolved incident; its lessons are added to the playbook',
    params: s.incidentParams, body: s.postMortemBody, response: s.incidentResponse,
    handler: ({ actor, params, body, services }) => services.crisis.submitPostMortem(actor, params.incidentId, body),
  }),
]);

export const crisisRoutes = [...crisisIncidentRoutes];
