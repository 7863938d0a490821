/** What the review use cases share: dependencies, the policy lookup, compliance checks, members and job scheduling. */
import type { Database, DbOrTx } from '../../db/client.js';
import type { Jobs } from '../../jobs/queue.js';
import type { Clock } from '../../kernel/clock.js';
import { DomainError } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import type { Platform } from '../compliance/model.js';
import { createComplianceService, type ComplianceService } from '../compliance/service.js';
import type { Role } from '../team/model.js';
import type { Actor, TeamService } from '../team/service.js';
import { DEFAULT_POLICY, type ReviewPolicy } from './model.js';
import { presentEvent, presentItemHeader, presentVariant } from './presenters.js';
import { createReviewStore, type ReviewItemRow, type ReviewVariantRow } from './store.js';
import type { ReviewComment } from './tables.js';

export const REVIEW_OVERDUE_JOB = 'review.overdue';

export interface OverdueJobData {
  workspaceId: string;
  itemId: string;
  variantId: string;
  round: number;
  stageKey: string;
}

/** Delivers a reminder to people; the default only logs (the in-app record is `review_reminders`). */
export type ReviewNotifier = (input: { workspaceId: string; userIds: string[]; title: string; body: string; link: string }) => Promise<void>;

export const logOnlyNotifier: ReviewNotifier = async (input) => {
  console.info(`[review] reminder to ${input.userIds.length} reviewer(s): ${input.title}`);
};

export interface ReviewDeps {
  database: Database;
  jobs: Jobs;
  clock: Clock;
  team: TeamService;
  compliance?: ComplianceService;
  notify?: ReviewNotifier;
}

export function createReviewContext(deps: ReviewDeps) {
  const { database, jobs, clock, team } = deps;
  const compliance = deps.compliance ?? createComplianceService();
  const store = createReviewStore();

  async function policyOf(db: DbOrTx, workspaceId: string): Promise<{ policy: ReviewPolicy; isDefault: boolean; updatedAt: Date | null }> {
    const row = await store.findPolicy(db, workspaceId);
    return row ? { policy: row.policy, isDefault: false, updatedAt: row.updatedAt } : { policy: DEFAULT_POLICY, isDefault: true, updatedAt: null };
  }

  /** Members and roles: the team service's list, read for the whole workspace. */
  async function membersOf(workspaceId: string): Promise<Array<{ userId: string; name: string; role: Role }>> {
    const { items } = await team.listMembers({ workspaceId } as Actor);
    return items;
  }

  function check(v: Pick<ReviewVariantRow, 'platform' | 'title' | 'body' | 'media'>) {
    return compliance.check({
      text: v.body, platform: v.platform as Platform, ...(v.title !== null ? { title: v.title } : {}),
      media: v.media.map((m) => ({ id: m.id, kind: m.kind, ...(m.rights ? { rights: m.rights } : {}) })),
    });
  }

  async function findItemOrFail(db: DbOrTx, workspaceId: string, subjectType: string, subjectId: string, lock = false) {
    const item = lock
      ? await store.findItemForUpdate(db, workspaceId, subjectType, subjectId)
      : await store.findItem(db, workspaceId, subjectType, subjectId);
    if (!item) throw new DomainError('review.not_found');
    return item;
  }

  /** Schedules the overdue check for a stage that just opened, in the caller's transaction. */
  async function scheduleOverdue(tx: DbOrTx, item: ReviewItemRow, v: { variantId: string; round: number; stageKey: string; dueAt: Date }) {
    const data: OverdueJobData = { workspaceId: item.workspaceId, itemId: item.id, variantId: v.variantId, round: v.round, stageKey: v.stageKey };
    await jobs.send(tx, REVIEW_OVERDUE_JOB, data, {
      startAfter: v.dueAt, singletonKey: `${item.id}:${v.variantId}:${v.round}:${v.stageKey}`,
    });
  }

  async function event(tx: DbOrTx, item: ReviewItemRow, e: {
    kind: string; actorId: string | null; variantId?: string; round?: number; stageKey?: string | null; textHash?: string;
    findingKey?: string; reason?: string | null; comments?: ReviewComment[];
  }) {
    await store.insertEvents(tx, [{
      id: newId(), workspaceId: item.workspaceId, itemId: item.id, at: clock.now(), kind: e.kind, actorId: e.actorId,
      variantId: e.variantId ?? null, round: e.round ?? null, stageKey: e.stageKey ?? null, textHash: e.textHash ?? null,
      findingKey: e.findingKey ?? null, reason: e.reason ?? null, comments: e.comments ?? null,
    }]);
  }

  async function historyOf(db: DbOrTx, item: ReviewItemRow) {
    const names = new Map((await membersOf(item.workspaceId)).map((m) => [m.userId, m.name]));
    return (await store.listEvents(db, item.workspaceId, item.id)).map((e) => presentEvent(e, names));
  }

  /** The item as its author and reviewers see it: per-variant stage, state, findings, and the history. */
  async function statusOf(db: DbOrTx, item: ReviewItemRow) {
    const now = clock.now();
    const variants = await store.listVariants(db, item.workspaceId, item.id);
    const views = [];
    for (const v of variants) {
      const acked = await store.listAcknowledged(db, item.workspaceId, item.id, v.variantId, v.textHash);
      views.push(presentVariant(v, now, check(v), acked));
    }
    return { ...presentItemHeader(item, variants), variants: views, history: await historyOf(db, item) };
  }

  return {
    db: database.db, clock, team, store, notify: deps.notify ?? logOnlyNotifier,
    policyOf, membersOf, check, findItemOrFail, scheduleOverdue, event, historyOf, statusOf,
  };
}

export type ReviewContext = ReturnType<typeof createReviewContext>;
