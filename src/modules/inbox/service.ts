import { EventEmitter } from 'node:events';
import type { Database, DbOrTx } from '../../db/client.js';
import type { Jobs } from '../../jobs/queue.js';
import type { Actor } from '../../kernel/access.js';
import type { Clock } from '../../kernel/clock.js';
import { DomainError } from '../../kernel/errors.js';
import { calendarFromWorkspace, type WorkingCalendar } from '../../kernel/working-calendar.js';
import type { AccountsService } from '../accounts/service.js';
import type { ComplianceService } from '../compliance/service.js';
import type { InboundService } from '../inbound/service.js';
import type { NotifyService } from '../notify/service.js';
import type { TeamService } from '../team/service.js';
import { createInboxIngest } from './ingest.js';
import { DEFAULT_SLA_POLICY, decodeCursor, encodeCursor, type Priority, type SlaPolicy, type SlaState } from './model.js';
import { presentConversation, presentMessage } from './present.js';
import { createInboxReplies } from './replies.js';
import { createInboxStore } from './store.js';
import { createSlaWatch } from './sla-watch.js';

export interface ConversationQuery {
  status?: string; assigneeUserId?: string; priority?: string; platform?: string; accountId?: string; kind?: string;
  sentiment?: string; intent?: string; slaState?: SlaState; q?: string; cursor?: string; limit?: number;
}

export interface ConversationPatch { status?: string; assigneeUserId?: string | null; priority?: Priority; tags?: string[] }

export type ConversationChange = { workspaceId: string; conversationIds: string[] };

export interface InboxDeps {
  database: Database; jobs: Jobs; clock: Clock; team: TeamService; accounts: AccountsService;
  compliance: ComplianceService; notify: NotifyService; inbound: InboundService;
}

/**
 * The unified inbox: conversations threaded from inbound items, triage (status, assignee, priority, tags),
 * SLA clocks on the workspace's working calendar, replies through the connectors, and a change feed.
 */
export function createInboxService(deps: InboxDeps) {
  const { database, clock, team } = deps;
  const db = database.db;
  const store = createInboxStore();
  const hub = new EventEmitter();
  hub.setMaxListeners(0);

  const changed = (workspaceId: string, conversationIds: string[]) => hub.emit('change', { workspaceId, conversationIds } satisfies ConversationChange);

  async function calendarOf(workspaceId: string, handle: DbOrTx = db): Promise<WorkingCalendar> {
    return calendarFromWorkspace(await team.workspaceSettings(workspaceId, handle));
  }
  async function policyOf(workspaceId: string, handle: DbOrTx = db): Promise<SlaPolicy> {
    const p = await store.findPolicy(handle, workspaceId);
    return p ? { firstResponseWorkingHours: p.firstResponseWorkingHours, warnBeforeMinutes: p.warnBeforeMinutes } : DEFAULT_SLA_POLICY;
  }
  async function findOrFail(workspaceId: string, id: string, handle: DbOrTx = db, forUpdate = false) {
    const c = await store.findConversation(handle, workspaceId, id, forUpdate);
    if (!c) throw new DomainError('inbox.not_found');
    return c;
  }
  async function requireMember(actor: Actor, userId: string) {
    const { items } = await team.listMembers(actor);
    if (!items.some((m) => m.userId === userId)) {
      throw new DomainError('inbox.invalid_assignee', { fields: { assigneeUserId: 'not a member of this workspace' } });
    }
  }

  const ingest = createInboxIngest({ database, clock, store, calendarOf, policyOf, changed });
  deps.inbound.onStored(ingest);
  const replies = createInboxReplies({ ...deps, store, findOrFail, changed });
  const slaWatch = createSlaWatch({ database, clock, store, notify: deps.notify, team, policyOf, changed });

  return {
    ...replies,
    ...slaWatch,
    calendarOf,
    /** Threads stored inbound items (inbound calls this for every new batch). */
    ingest,

    async list(actor: Actor, q: ConversationQuery) {
      const limit = Math.min(q.limit ?? 50, 100);
      const after = q.cursor ? decodeCursor(q.cursor) : undefined;
      if (after === null) throw new DomainError('validation_failed', { message: 'invalid cursor', fields: { cursor: 'not a cursor from this list' } });
      const policy = await policyOf(actor.workspaceId);
      const now = clock.now();
      const assignee = q.assigneeUserId === 'me' ? actor.userId : q.assigneeUserId === 'none' ? null : q.assigneeUserId;
      const rows = await store.listConversations(db, actor.workspaceId, {
        status: q.status, assignee, priority: q.priority, platform: q.platform, accountId: q.accountId, kind: q.kind,
        sentiment: q.sentiment, intent: q.intent, q: q.q?.trim() || undefined, after, limit,
        sla: q.slaState ? { state: q.slaState, now, warnMs: policy.warnBeforeMinutes * 60_000 } : undefined,
      });
      const last = rows.at(-1);
      return { items: rows.map((r) => presentConversation(r, policy, now)), nextCursor: rows.length === limit && last ? encodeCursor(last.lastMessageAt, last.id) : null };
    },

    async get(actor: Actor, id: string) {
      const c = await findOrFail(actor.workspaceId, id);
      const [policy, messages] = await Promise.all([policyOf(actor.workspaceId), store.listMessages(db, actor.workspaceId, id)]);
      return { conversation: presentConversation(c, policy, clock.now()), messages: messages.map(presentMessage) };
    },

    async update(actor: Actor, id: string, patch: ConversationPatch) {
      if (patch.assigneeUserId) await requireMember(actor, patch.assigneeUserId);
      const updated = await db.transaction(async (tx) => {
        const c = await findOrFail(actor.workspaceId, id, tx, true);
        const set: Parameters<typeof store.updateConversation>[3] = { updatedAt: clock.now() };
        if (patch.status !== undefined) set.status = patch.status;
        if (patch.assigneeUserId !== undefined) set.assigneeUserId = patch.assigneeUserId;
        if (patch.priority !== undefined) { set.priority = patch.priority; set.priorityManual = true; }
        if (patch.tags !== undefined) set.tags = [...new Set(patch.tags.map((t) => t.trim()).filter(Boolean))];
        const row = await store.updateConversation(tx, actor.workspaceId, c.id, set);
        await team.record(tx, actor, { action: 'inbox.conversation_updated', targetType: 'inbox_conversation', targetId: c.id, details: { fields: Object.keys(patch), ...patch } });
        return row;
      });
      changed(actor.workspaceId, [id]);
      return { conversation: presentConversation(updated, await policyOf(actor.workspaceId), clock.now()) };
    },

    async summary(actor: Actor) {
      const policy = await policyOf(actor.workspaceId);
      const s = await store.summary(db, actor.workspaceId, clock.now(), policy.warnBeforeMinutes * 60_000);
      return { byStatus: { open: s.open, pending: s.pending, resolved: s.resolved, spam: s.spam }, unassigned: s.unassigned, slaWarning: s.slaWarning, slaBreached: s.slaBreached };
    },

    async getPolicy(actor: Actor) {
      return policyOf(actor.workspaceId);
    },

    async putPolicy(actor: Actor, p: SlaPolicy) {
      await db.transaction(async (tx) => {
        await store.upsertPolicy(tx, actor.workspaceId, p, clock.now());
        await team.record(tx, actor, { action: 'inbox.sla_policy_updated', targetType: 'workspace', targetId: actor.workspaceId, details: { ...p } });
      });
      return p;
    },

    /** For the 工作台: my open conversations and the breaches, counted on the server. */
    async myWork(actor: Actor) {
      const policy = await policyOf(actor.workspaceId);
      const now = clock.now();
      const mine = await store.listConversations(db, actor.workspaceId, { assignee: actor.userId, status: 'open', limit: 20 });
      const breached = await store.listConversations(db, actor.workspaceId, { sla: { state: 'breached', now, warnMs: policy.warnBeforeMinutes * 60_000 }, limit: 20 });
      const awaiting = breached.filter((r) => !r.firstResponseAt);
      return { assignedToMe: mine.map((r) => presentConversation(r, policy, now)), slaBreached: awaiting.map((r) => presentConversation(r, policy, now)) };
    },

    /** The stream's source: conversation ids changed in a workspace, pushed as they change. */
    subscribe(workspaceId: string, onChange: (ids: string[]) => void): () => void {
      const fn = (c: ConversationChange) => { if (c.workspaceId === workspaceId) onChange(c.conversationIds); };
      hub.on('change', fn);
      return () => hub.off('change', fn);
    },

    /** Conversations changed after `since` (the stream's catch-up across processes: a separate worker ingests). */
    async changedSince(workspaceId: string, since: Date) {
      const rows = await store.changedSince(db, workspaceId, since);
      return rows.map((r) => ({ id: r.id, updatedAt: r.updatedAt }));
    },
  };
}

export type InboxService = ReturnType<typeof createInboxService>;
