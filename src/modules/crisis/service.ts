import type { Database, DbOrTx } from '../../db/client.js';
import { can, type Actor } from '../../kernel/access.js';
import type { Clock } from '../../kernel/clock.js';
import { DomainError } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import type { ListeningService } from '../listening/service.js';
import type { NotifyService } from '../notify/service.js';
import type { TeamService } from '../team/service.js';
import { INCIDENT_LEVELS, STATE_TITLES, canTransition, checklistFrom, nextStates, playbookIdOf, type IncidentLevel, type IncidentState, type TimelineEntry } from './model.js';
import { DEFAULT_PLAYBOOKS, type PlaybookContent } from './playbooks.js';
import { createCrisisStore, type IncidentRow, type PlaybookRow } from './store.js';

export interface CrisisDeps { database: Database; clock: Clock; team: TeamService; notify: NotifyService; listening: ListeningService }

/** Who acts: a person, or Chorus itself (a drill, a rule). */
export type Doer = Pick<Actor, 'workspaceId' | 'userId'>;

export function presentPlaybook(p: Pick<PlaybookRow, 'id' | 'level' | 'content' | 'version'> & { updatedAt: Date | null }) {
  return { id: p.id, level: p.level as IncidentLevel, version: p.version, updatedAt: p.updatedAt?.toISOString() ?? null, ...p.content };
}

export function presentIncident(i: IncidentRow) {
  return {
    id: i.id, title: i.title, level: i.level as IncidentLevel, state: i.state as IncidentState, nextStates: nextStates(i.state as IncidentState),
    playbookId: i.playbookId, alertId: i.alertId, drillId: i.drillId, checklist: i.checklist, timeline: i.timeline, statements: i.statements,
    postMortem: i.postMortem ?? null, stateAt: i.stateAt, openedAt: i.openedAt.toISOString(), updatedAt: i.updatedAt.toISOString(),
  };
}

/** Playbooks and incidents: opened from an alert or by hand, run on a checklist, recorded on a timeline. */
export function createCrisisCore(deps: CrisisDeps) {
  const { database, clock, team, notify, listening } = deps;
  const db = database.db;
  const store = createCrisisStore();
  const entry = (kind: string, text: string): TimelineEntry => ({ at: clock.now().toISOString(), kind, text });

  async function playbooksOf(handle: DbOrTx, workspaceId: string) {
    const stored = new Map((await store.listPlaybooks(handle, workspaceId)).map((p) => [p.level, p]));
    return INCIDENT_LEVELS.map((level) => stored.get(level) ?? { id: playbookIdOf(workspaceId, level), workspaceId, level, content: DEFAULT_PLAYBOOKS[level], version: 0, updatedAt: null });
  }
  async function playbookOf(handle: DbOrTx, workspaceId: string, pick: { level?: IncidentLevel; id?: string }) {
    const p = (await playbooksOf(handle, workspaceId)).find((x) => (pick.id ? x.id === pick.id : x.level === pick.level));
    if (!p) throw new DomainError('crisis.playbook_not_found');
    return p;
  }

  async function findOrFail(handle: DbOrTx, workspaceId: string, id: string, lock = false) {
    const i = await store.findIncident(handle, workspaceId, id, lock);
    if (!i) throw new DomainError('crisis.incident_not_found');
    return i;
  }

  /** The emergency group: the people named in the playbook's roles and everyone who may manage a crisis. */
  async function groupOf(workspaceId: string, content: PlaybookContent) {
    const members = (await team.listMembers({ workspaceId } as Actor)).items;
    const named = new Set(content.roles.flatMap((r) => r.userIds));
    return members.filter((m) => named.has(m.userId) || can(m.role, 'crisis.manage')).map((m) => m.userId);
  }

  async function savePlaybook(tx: DbOrTx, workspaceId: string, level: IncidentLevel, content: PlaybookContent, version: number) {
    return store.upsertPlaybook(tx, { id: playbookIdOf(workspaceId, level), workspaceId, level, content, version, updatedAt: clock.now() });
  }

  return {
    store, entry, findOrFail, playbookOf, savePlaybook, groupOf,

    async listPlaybooks(actor: Actor) {
      return { items: (await playbooksOf(db, actor.workspaceId)).map(presentPlaybook) };
    },

    async updatePlaybook(actor: Actor, playbookId: string, patch: Partial<PlaybookContent>) {
      const members = new Set((await team.listMembers(actor)).items.map((m) => m.userId));
      patch.roles?.forEach((r, i) => r.userIds.forEach((u, j) => {
        if (!members.has(u)) throw new DomainError('validation_failed', { fields: { [`roles.${i}.userIds.${j}`]: 'not a member of this workspace' } });
      }));
      return db.transaction(async (tx) => {
        const p = await playbookOf(tx, actor.workspaceId, { id: playbookId });
        const row = await savePlaybook(tx, actor.workspaceId, p.level as IncidentLevel, { ...p.content, ...patch }, p.version + 1);
        await team.record(tx, actor, { action: 'crisis.playbook_updated', targetType: 'crisis_playbook', targetId: row.id, details: { level: p.level, fields: Object.keys(patch), version: row.version } });
        return { playbook: presentPlaybook(row) };
      });
    },

    /** Opens an incident (by hand, from an alert, or for a drill); the emergency group hears of it at once. */
    async open(doer: Doer, input: { title: string; level: IncidentLevel; alertId?: string; drillId?: string }) {
      const now = clock.now();
      const alert = input.alertId ? await listening.getAlert(doer.workspaceId, input.alertId) : null;
      const playbook = await playbookOf(db, doer.workspaceId, { level: input.level });
      const ownerOf = (role: string) => playbook.content.roles.find((r) => r.role === role)?.userIds[0] ?? null;
      const timeline = [entry('opened', `${doer.userId ? '手动' : '系统'}开启${input.drillId ? '演练' : ''}事件「${input.title}」，启动${playbook.content.name}`)];
      if (alert) timeline.push(entry('alert', `来自预警：${alert.title}${alert.reasons.length ? `（${alert.reasons.join('；')}）` : ''}`));
      const incident = await db.transaction(async (tx) => {
        const row = await store.insertIncident(tx, {
          id: newId(), workspaceId: doer.workspaceId, title: input.title, level: input.level, state: 'detected', playbookId: playbook.id,
          alertId: alert?.id ?? null, drillId: input.drillId ?? null, checklist: checklistFrom(playbook.content.steps, now, ownerOf), timeline,
          statements: [], stateAt: { detected: now.toISOString() }, openedBy: doer.userId, openedAt: now, updatedAt: now,
        });
        if (alert) await listening.linkIncident(tx, doer.workspaceId, alert.id, row.id);
        await team.record(tx, doer, { action: 'crisis.incident_opened', targetType: 'crisis_incident', targetId: row.id, details: { title: input.title, level: input.level, alertId: alert?.id ?? null } });
        return row;
      });
      const userIds = await groupOf(doer.workspaceId, playbook.content);
      await notify.notify(null, doer.workspaceId, {
        event: 'crisis.incident', severity: input.level === 'low' ? 'warning' : 'critical', userIds,
        title: `【${input.drillId ? '演练' : '应急'}】${input.title}`,
        body: `已启动${playbook.content.name}。请应急小组成员（${playbook.content.roles.map((r) => r.title).join('、')}）按清单处置。`,
        link: `/crisis/incidents/${incident.id}`,
      });
      return { incident: presentIncident(await store.updateIncident(db, doer.workspaceId, incident.id, { updatedAt: clock.now() }, [entry('notified', `已通知应急小组 ${userIds.length} 人`)])) };
    },

    async get(actor: Pick<Actor, 'workspaceId'>, incidentId: string) {
      return { incident: presentIncident(await findOrFail(db, actor.workspaceId, incidentId)) };
    },

    async list(actor: Actor, q: { limit?: number }) {
      return { items: (await store.listIncidents(db, actor.workspaceId, q.limit ?? 50)).map(presentIncident) };
    },

    async transition(doer: Doer, incidentId: string, to: IncidentState) {
      return db.transaction(async (tx) => {
        const i = await findOrFail(tx, doer.workspaceId, incidentId, true);
        const from = i.state as IncidentState;
        if (to === 'reviewed' && !i.postMortem) throw new DomainError('crisis.postmortem_required', { message: 'submit the post-mortem first' });
        if (!canTransition(from, to)) throw new DomainError('crisis.bad_transition', { message: `cannot go from ${from} to ${to}`, fields: { to: `allowed: ${nextStates(from).join(', ') || 'none'}` } });
        const now = clock.now().toISOString();
        const row = await store.updateIncident(tx, doer.workspaceId, incidentId, { state: to, stateAt: { ...i.stateAt, [to]: i.stateAt[to] ?? now }, updatedAt: new Date(now) },
          [entry('state', `状态：${STATE_TITLES[from]} → ${STATE_TITLES[to]}`)]);
        await team.record(tx, doer, { action: 'crisis.incident_transitioned', targetType: 'crisis_incident', targetId: incidentId, details: { from, to } });
        return { incident: presentIncident(row) };
      });
    },

    async checkItem(actor: Actor, incidentId: string, key: string, done: boolean) {
      return db.transaction(async (tx) => {
        const i = await findOrFail(tx, actor.workspaceId, incidentId, true);
        const item = i.checklist.find((c) => c.key === key);
        if (!item) throw new DomainError('crisis.checklist_item_not_found');
        const now = clock.now().toISOString();
        const checklist = i.checklist.map((c) => (c.key === key ? { ...c, doneAt: done ? c.doneAt ?? now : null, doneBy: done ? c.doneBy ?? actor.userId : null } : c));
        const row = await store.updateIncident(tx, actor.workspaceId, incidentId, { checklist, updatedAt: new Date(now) }, [entry('checklist', `${done ? '完成' : '重开'}：${item.title}`)]);
        await team.record(tx, actor, { action: 'crisis.checklist_updated', targetType: 'crisis_incident', targetId: incidentId, details: { key, done } });
        return { incident: presentIncident(row) };
      });
    },

    async assignItem(actor: Actor, incidentId: string, key: string, ownerId: string | null) {
      if (ownerId && !(await team.listMembers(actor)).items.some((m) => m.userId === ownerId)) throw new DomainError('validation_failed', { fields: { ownerId: 'not a member of this workspace' } });
      return db.transaction(async (tx) => {
        const i = await findOrFail(tx, actor.workspaceId, incidentId, true);
        if (!i.checklist.some((c) => c.key === key)) throw new DomainError('crisis.checklist_item_not_found');
        const row = await store.updateIncident(tx, actor.workspaceId, incidentId, { checklist: i.checklist.map((c) => (c.key === key ? { ...c, ownerId } : c)), updatedAt: clock.now() });
        await team.record(tx, actor, { action: 'crisis.checklist_assigned', targetType: 'crisis_incident', targetId: incidentId, details: { key, ownerId } });
        return { incident: presentIncident(row) };
      });
    },

    /** A note, a figure or a linked mention on the timeline. */
    async record(actor: Actor, incidentId: string, input: { kind: 'note' | 'figure' | 'mention'; text?: string; mentionId?: string }) {
      let text = input.text ?? '';
      if (input.kind === 'mention') {
        if (!input.mentionId) throw new DomainError('validation_failed', { fields: { mentionId: 'required for a linked mention' } });
        const m = await listening.getMention(actor.workspaceId, input.mentionId);
        text = `关联提及：${m.authorName}「${m.text.slice(0, 80)}」${m.riskReasons.length ? `（${m.riskReasons.join('；')}）` : ''}`;
      } else if (!text.trim()) throw new DomainError('validation_failed', { fields: { text: 'required' } });
      return db.transaction(async (tx) => {
        await findOrFail(tx, actor.workspaceId, incidentId, true);
        const row = await store.updateIncident(tx, actor.workspaceId, incidentId, { updatedAt: clock.now() }, [entry(input.kind, text)]);
        await team.record(tx, actor, { action: 'crisis.timeline_recorded', targetType: 'crisis_incident', targetId: incidentId, details: { kind: input.kind } });
        return { incident: presentIncident(row) };
      });
    },
  };
}

export type CrisisCore = ReturnType<typeof createCrisisCore>;
