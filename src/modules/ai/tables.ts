import { doublePrecision, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { workspaces } from '../team/tables.js';

/** One call to the AI endpoint: who, which feature, tokens and cost (元) — the monthly cap sums these. */
export const aiUsage = pgTable('ai_usage', {
  id: uuid('id').primaryKey(),
  workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
  at: timestamp('at', { withTimezone: true }).notNull(),
  actorId: uuid('actor_id'),
  feature: text('feature').notNull(),
  model: text('model').notNull(),
  promptTokens: integer('prompt_tokens').notNull(),
  completionTokens: integer('completion_tokens').notNull(),
  costYuan: doublePrecision('cost_yuan').notNull(),
}, (t) => [index('ai_usage_ws_at_idx').on(t.workspaceId, t.at)]);
