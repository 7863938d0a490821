import { bigserial, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { workspaces } from '../team/tables.js';
import type { ReviewPolicy, StageConfig } from './model.js';

const at = (name: string) => timestamp(name, { withTimezone: true });
const workspaceId = () => uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' });

/** A workspace's stages, skips and SLA; absent means the default policy. */
export const reviewPolicies = pgTable('review_policies', {
  workspaceId: workspaceId().primaryKey(),
  policy: jsonb('policy').$type<ReviewPolicy>().notNull(),
  updatedBy: uuid('updated_by'),
  updatedAt: at('updated_at').notNull().defaultNow(),
});

/** One reviewed subject (a content item) with who wrote it and who vouches for its facts. */
export const reviewItems = pgTable('review_items', {
  id: uuid('id').primaryKey(),
  workspaceId: workspaceId(),
  subjectType: text('subject_type').notNull(),
  subjectId: text('subject_id').notNull(),
  contentType: text('content_type').notNull(),
  authorId: uuid('author_id').notNull(),
  factOwnerUserId: uuid('fact_owner_user_id'),
  /** The item's owner (负责人), who checks the facts when no fact owner is named. */
  ownerUserId: uuid('owner_user_id'),
  /** What reviewers see as the item's name (a content item's topic). */
  title: text('title'),
  /** What the item is, for the compliance check: its industry, commercial, AI-generated. */
  checkContext: jsonb('check_context').$type<{ industry?: string; commercial?: boolean; aiGenerated?: boolean }>(),
  createdAt: at('created_at').notNull().defaultNow(),
  updatedAt: at('updated_at').notNull().defaultNow(),
}, (t) => [uniqueIndex('review_items_subject_uq').on(t.workspaceId, t.subjectType, t.subjectId)]);

export interface StoredMedia {
  id: string;
  kind: 'image' | 'video';
  rights?: Record<string, unknown>;
}

/**
 * One platform variant under review. `plan` is the stage list frozen when the round opened;
 * `approvedHash` is the exact version that passed the last stage.
 */
export const reviewVariants = pgTable('review_variants', {
  id: uuid('id').primaryKey(),
  workspaceId: workspaceId(),
  itemId: uuid('item_id').notNull().references(() => reviewItems.id, { onDelete: 'cascade' }),
  variantId: text('variant_id').notNull(),
  platform: text('platform').notNull(),
  accountId: uuid('account_id'),
  accountName: text('account_name'),
  title: text('title'),
  body: text('body').notNull(),
  /** The text of the round before, when a changed version reopened review: reviewers see what changed. */
  previousBody: text('previous_body'),
  media: jsonb('media').$type<StoredMedia[]>().notNull().default([]),
  textHash: text('text_hash').notNull(),
  submittedBy: uuid('submitted_by').notNull(),
  state: text('state').notNull(),
  round: integer('round').notNull().default(1),
  plan: jsonb('plan').$type<StageConfig[]>().notNull(),
  stageIndex: integer('stage_index').notNull().default(0),
  approvals: jsonb('approvals').$type<string[]>().notNull().default([]),
  stageOpenedAt: at('stage_opened_at').notNull(),
  dueAt: at('due_at'),
  approvedHash: text('approved_hash'),
  approvedAt: at('approved_at'),
}, (t) => [
  uniqueIndex('review_variants_item_variant_uq').on(t.itemId, t.variantId),
  index('review_variants_ws_state_idx').on(t.workspaceId, t.state),
]);

export interface ReviewComment {
  variantId: string;
  field: 'text' | 'title';
  start: number;
  end: number;
  body: string;
}

/** Everything that happened to an item: submissions, approvals, rejections, acknowledgements. Append-only. */
export const reviewEvents = pgTable('review_events', {
  id: uuid('id').primaryKey(),
  seq: bigserial('seq', { mode: 'number' }).notNull(),
  workspaceId: workspaceId(),
  itemId: uuid('item_id').notNull().references(() => reviewItems.id, { onDelete: 'cascade' }),
  at: at('at').notNull(),
  kind: text('kind').notNull(),
  actorId: uuid('actor_id'),
  variantId: text('variant_id'),
  round: integer('round'),
  stageKey: text('stage_key'),
  textHash: text('text_hash'),
  findingKey: text('finding_key'),
  reason: text('reason'),
  comments: jsonb('comments').$type<ReviewComment[]>(),
}, (t) => [index('review_events_item_idx').on(t.itemId, t.seq)]);

/** In-app reminders for overdue stages (one per variant, round and stage). */
export const reviewReminders = pgTable('review_reminders', {
  id: uuid('id').primaryKey(),
  workspaceId: workspaceId(),
  itemId: uuid('item_id').notNull().references(() => reviewItems.id, { onDelete: 'cascade' }),
  variantId: text('variant_id').notNull(),
  round: integer('round').notNull(),
  stageKey: text('stage_key').notNull(),
  userIds: jsonb('user_ids').$type<string[]>().notNull(),
  message: text('message').notNull(),
  createdAt: at('created_at').notNull().defaultNow(),
}, (t) => [uniqueIndex('review_reminders_once_uq').on(t.itemId, t.variantId, t.round, t.stageKey)]);
