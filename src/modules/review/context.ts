/** What the review use cases share: dependencies, the policy lookup, compliance checks, members and job scheduling. */
import type { Database, DbOrTx } from '../../db/client.js';
import type { Jobs } from '../../jobs/queue.js';
import type { Clock } from '../../kernel/clock.js';
import { DomainError } from '../../kernel/errors.js';
import { emitNowhere, type Emit } from '../../kernel/events.js';
import { newId } from '../../kernel/ids.js';
import { isIndustry, type Platform } from '../compliance/model.js';
import { createComplianceService, type CheckInput, type ComplianceService } from '../compliance/service.js';
import type { Role } from '../team/model.js';
import type { Actor, TeamService } from '../team/service.js';
import { DEFAULT_POLICY, decidesAs, leadersDecideAnyIn, type Panel, type ReviewPolicy, type StageConfig, type Subject } from './model.js';
import { presentEvent, presentItemHeader, presentVariant } from './presenters.js';
import { createReviewStore, type ReviewItemRow, type ReviewVariantRow } from './store.js';
import type { ReviewComment } from './tables.js';

type CheckContext = Pick<CheckInput, 'industry' | 'commercial' | 'aiGenerated' | 'profile'>;

export const REVIEW_OVERDUE_JOB = 'review.overdue';

export interface OverdueJobData {
  workspaceId: string;
  itemId: string;
  variantId: string;
  round: number;
  stageKey: string;
}

/** What review tells people about: an item waiting for them, or a stage past its due time. */
export type ReviewNotice = 'review.waiting' | 'review.overdue';

/**
 * Tells people something (in-app and their channels), inside the caller's transaction when one is
 * given; the default only logs (the in-app record of overdue stages is `review_reminders`).
 */
export type ReviewNotifier = (tx: DbOrTx | null, input: { event: ReviewNotice; workspaceId: string; userIds: string[]; title: string; body: string; link: string }) => Promise<void>;

export const logOnlyNotifier: ReviewNotifier = async (_tx, input) => {
  console.info(`[review] ${input.event} to ${input.userIds.length} reviewer(s): ${input.title}`);
};

export interface ReviewDeps {
  database: Database;
  jobs: Jobs;
  clock: Clock;
  team: TeamService;
  compliance?: ComplianceService;
  notify?: ReviewNotifier;
  /** Domain events (`review.approved`, `review.changes_requested`). */
  emit?: Emit;
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

  /** Who could decide a stage now: read before a transaction (the member list uses the top-level handle). */
  async function panelOf(workspaceId: string, policy?: ReviewPolicy): Promise<Panel> {
    const members = await membersOf(workspaceId);
    const p = policy ?? (await policyOf(database.db, workspaceId)).policy;
    return { members, leadersDecideAny: leadersDecideAnyIn(p, members.length) };
  }

  /** Tells everyone who may now decide these opened stages that the item waits for them (one notice per item). */
  async function notifyWaiting(tx: DbOrTx, item: ReviewItemRow, opened: Array<{ stage: StageConfig; subject: Subject; platform: string }>, panel: Panel) {
    const userIds = new Set<string>();
    for (const o of opened) for (const m of panel.members) if (decidesAs(o.stage, m, o.subject, panel)) userIds.add(m.userId);
    if (userIds.size === 0) return;
    const stages = [...new Set(opened.map((o) => o.stage.name))].join('、');
    const name = item.title ?? item.subjectId;
    await (deps.notify ?? logOnlyNotifier)(tx, {
      event: 'review.waiting', workspaceId: item.workspaceId, userIds: [...userIds],
      title: `待审核：${name}`, body: `「${name}」等待${stages}（${[...new Set(opened.map((o) => o.platform))].join('、')}）`,
      link: `/review/queue?subject=${encodeURIComponent(item.subjectId)}`,
    });
  }

  /** The item's industry, commercial and AI flags with the workspace's rule profile, read on `db` (a transaction's handle inside one). */
  async function checkContextOf(db: DbOrTx, item: ReviewItemRow): Promise<CheckContext> {
    const c = item.checkContext ?? {};
    return {
      ...(isIndustry(c.industry) ? { industry: c.industry } : {}), commercial: c.commercial, aiGenerated: c.aiGenerated,
      profile: await compliance.profileOf(item.workspaceId, db),
    };
  }

  function check(v: Pick<ReviewVariantRow, 'platform' | 'title' | 'body' | 'media'>, context: CheckContext = {}) {
    return compliance.check({
      ...context,
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
    const context = await checkContextOf(db, item);
    const views = [];
    for (const v of variants) {
      const acked = await store.listAcknowledged(db, item.workspaceId, item.id, v.variantId, v.textHash);
      views.push(presentVariant(v, now, check(v, context), acked));
    }
    return { ...presentItemHeader(item, variants), variants: views, history: await historyOf(db, item) };
  }

  return {
    db: database.db, clock, team, store, notify: deps.notify ?? logOnlyNotifier, emit: deps.emit ?? emitNowhere,
    policyOf, membersOf, panelOf, notifyWaiting, check, checkContextOf, findItemOrFail, scheduleOverdue, event, historyOf, statusOf,
  };
}

export type ReviewContext = ReturnType<typeof createReviewContext>;
