import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { workspaces } from '../team/tables.js';
import type { ChecklistItem, TimelineEntry } from './model.js';
import type { PlaybookContent } from './playbooks.js';

/** A workspace's edited playbooks (one per level); until edited, the shipped defaults apply. */
export const crisisPlaybooks = pgTable('crisis_playbooks', {
  id: uuid('id').primaryKey(),
  workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
  level: text('level').notNull(),
  content: jsonb('content').$type<PlaybookContent>().notNull(),
  version: integer('version').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
}, (t) => [uniqueIndex('crisis_playbooks_level_uq').on(t.workspaceId, t.level)]);

export interface Statement {
  id: string; templateKey: string | null; text: string; channels: string[]; accountIds: string[];
  findings: Array<{ platform: string; rule: string; severity: string; message: string; match: string }>; blocked: boolean;
  state: 'draft' | 'approved' | 'published'; draftedBy: string; draftedAt: string; approvedBy: string | null; approvedAt: string | null;
  publishedAt: string | null; variantIds: string[];
}
export interface PostMortem { summary: string; whatWorked: string; whatFailed: string; lessons: string[]; submittedBy: string; submittedAt: string }

/** An incident: its state, checklist from the playbook, a timeline it writes by itself, statements and the post-mortem. */
export const crisisIncidents = pgTable('crisis_incidents', {
  id: uuid('id').primaryKey(),
  workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
  title: text('title').notNull(),
  level: text('level').notNull(),
  state: text('state').notNull(),
  playbookId: uuid('playbook_id').notNull(),
  alertId: uuid('alert_id'),
  drillId: uuid('drill_id'),
  checklist: jsonb('checklist').$type<ChecklistItem[]>().notNull(),
  timeline: jsonb('timeline').$type<TimelineEntry[]>().notNull(),
  statements: jsonb('statements').$type<Statement[]>().notNull(),
  postMortem: jsonb('post_mortem').$type<PostMortem>(),
  stateAt: jsonb('state_at').$type<Record<string, string>>().notNull(),
  openedBy: uuid('opened_by'),
  openedAt: timestamp('opened_at', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
}, (t) => [index('crisis_incidents_ws_opened_idx').on(t.workspaceId, t.openedAt)]);

/** A rehearsal (模拟演练): the surge it caused, the incident the team ran, and its score once finished. */
export const crisisDrills = pgTable('crisis_drills', {
  id: uuid('id').primaryKey(),
  workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
  playbookId: uuid('playbook_id').notNull(),
  scenario: text('scenario').notNull(),
  state: text('state').notNull(),
  incidentId: uuid('incident_id'),
  details: jsonb('details').$type<Record<string, unknown>>().notNull(),
  score: jsonb('score').$type<Record<string, unknown>>(),
  startedBy: uuid('started_by'),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
}, (t) => [index('crisis_drills_ws_started_idx').on(t.workspaceId, t.startedAt)]);
