import { z } from 'zod';
import { workspaceIdParams } from '../team/schema.js';
import { INCIDENT_LEVELS, INCIDENT_STATES } from './model.js';
import { GROUP_ROLES } from './playbooks.js';

const text = (n: number) => z.string().trim().min(1).max(n);
export const levelSchema = z.enum(INCIDENT_LEVELS);
export const stateSchema = z.enum(INCIDENT_STATES);

export const incidentParams = workspaceIdParams.extend({ incidentId: z.uuid() });
export const statementParams = incidentParams.extend({ statementId: z.uuid() });
export const playbookParams = workspaceIdParams.extend({ playbookId: z.uuid() });

export const openIncidentBody = z.object({ title: text(200), level: levelSchema, alertId: z.uuid().optional() });
export const transitionBody = z.object({ to: stateSchema });
export const checkBody = z.object({ done: z.boolean().optional(), ownerId: z.uuid().nullable().optional() });
export const recordBody = z.object({ kind: z.enum(['note', 'figure', 'mention']), text: z.string().trim().max(2000).optional(), mentionId: z.uuid().optional() });
export const draftBody = z.object({
  templateKey: z.string().max(60).optional(),
  text: z.string().trim().max(5000).optional(),
  variables: z.record(z.string().max(20), z.string().max(500)).optional(),
  channels: z.array(z.string().max(40)).max(10).optional(),
  accountIds: z.array(z.uuid()).max(20).optional(),
});
export const editStatementBody = z.object({ text: text(5000) });
export const postMortemBody = z.object({ summary: text(5000), whatWorked: z.string().max(5000).optional(), whatFailed: z.string().max(5000).optional(), lessons: z.array(text(500)).max(30) });

export const playbookPatch = z.object({
  name: text(100).optional(),
  description: z.string().max(2000).optional(),
  steps: z.array(z.object({ key: text(40), title: text(200), role: z.enum(GROUP_ROLES), dueMinutes: z.number().int().min(1).max(60 * 24 * 30).nullable() })).min(1).max(40).optional(),
  roles: z.array(z.object({ role: z.enum(GROUP_ROLES), title: text(40), userIds: z.array(z.uuid()).max(20) })).max(10).optional(),
  templates: z.array(z.object({ key: text(60), scenario: text(60), title: text(100), text: text(5000) })).max(40).optional(),
  channels: z.array(z.string().max(40)).max(10).optional(),
});

const timelineEntry = z.object({ at: z.string(), kind: z.string(), text: z.string() });
const checklistItem = z.object({ key: z.string(), title: z.string(), role: z.string(), ownerId: z.string().nullable(), dueAt: z.string().nullable(), doneAt: z.string().nullable(), doneBy: z.string().nullable() });
export const statementSchema = z.object({
  id: z.string(), templateKey: z.string().nullable(), text: z.string(), channels: z.array(z.string()), accountIds: z.array(z.string()),
  findings: z.array(z.object({ platform: z.string(), rule: z.string(), severity: z.string(), message: z.string(), match: z.string() })), blocked: z.boolean(),
  state: z.enum(['draft', 'approved', 'published']), draftedBy: z.string(), draftedAt: z.string(), approvedBy: z.string().nullable(), approvedAt: z.string().nullable(),
  publishedAt: z.string().nullable(), variantIds: z.array(z.string()),
});
export const incidentSchema = z.object({
  id: z.uuid(), title: z.string(), level: levelSchema, state: stateSchema, nextStates: z.array(stateSchema), playbookId: z.string(), alertId: z.string().nullable(),
  drillId: z.string().nullable(), checklist: z.array(checklistItem), timeline: z.array(timelineEntry), statements: z.array(statementSchema),
  postMortem: z.object({ summary: z.string(), whatWorked: z.string(), whatFailed: z.string(), lessons: z.array(z.string()), submittedBy: z.string(), submittedAt: z.string() }).nullable(),
  stateAt: z.record(z.string(), z.string()), openedAt: z.string(), updatedAt: z.string(),
});
export const incidentResponse = z.object({ incident: incidentSchema });
export const statementResponse = z.object({ incident: incidentSchema, statement: statementSchema });
export const playbookSchema = z.object({
  id: z.string(), level: levelSchema, version: z.number(), updatedAt: z.string().nullable(), name: z.string(), description: z.string(),
  steps: z.array(z.object({ key: z.string(), title: z.string(), role: z.string(), dueMinutes: z.number().nullable() })),
  roles: z.array(z.object({ role: z.string(), title: z.string(), userIds: z.array(z.string()) })),
  templates: z.array(z.object({ key: z.string(), scenario: z.string(), title: z.string(), text: z.string() })),
  channels: z.array(z.string()), lessons: z.array(z.object({ at: z.string(), incidentId: z.string().nullable(), text: z.string() })),
});
