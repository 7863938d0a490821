import type { Database, DbOrTx } from '../../db/client.js';
import { can, type Actor } from '../../kernel/access.js';
import type { Clock } from '../../kernel/clock.js';
import { DomainError } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import type { NotifyService } from '../notify/service.js';
import type { TeamService } from '../team/service.js';
import { DEFAULT_ALERT_RULES, highRiskMention, levelRank, negativeSurge, volumeSpike, type AlertCandidate, type AlertKind, type AlertLevel, type AlertRules } from './alert-rules.js';
import { createAlertStore, type AlertRow } from './alerts.store.js';
import type { MentionRow, MonitorRow } from './store.js';

export function presentAlert(a: AlertRow) {
  return {
    id: a.id, kind: a.kind as AlertKind, level: a.level as AlertLevel, state: a.state as 'open' | 'acknowledged' | 'closed', monitorId: a.monitorId,
    title: a.title, reasons: a.reasons, figures: a.figures, mentionId: a.mentionId, openedBy: a.openedBy, incidentId: a.incidentId,
    openedAt: a.openedAt.toISOString(), updatedAt: a.updatedAt.toISOString(), closedAt: a.closedAt?.toISOString() ?? null,
  };
}

const LEVEL_LABEL: Record<AlertLevel, string> = { yellow: '黄色预警', orange: '橙色预警', red: '红色预警' };
const SEVERITY = { yellow: 'info', orange: 'warning', red: 'critical' } as const;

export interface AlertDeps {
  database: Database; clock: Clock; team: TeamService; notify: NotifyService;
  listMonitors(db: DbOrTx, workspaceId: string): Promise<MonitorRow[]>;
  rules?: AlertRules;
  /** Volume rules run at most this often per workspace after intake (the minute job catches up). */
  minIntervalMs?: number;
}

/** Alerts: raised from window counts and single mentions, de-duplicated while open, delivered through notify and live. */
export function createAlertService(deps: AlertDeps) {
  const { database, clock, team, notify } = deps;
  const db = database.db;
  const store = createAlertStore();
  const rules = deps.rules ?? DEFAULT_ALERT_RULES;
  const minInterval = deps.minIntervalMs ?? 1000;
  const lastRun = new Map<string, number>();

  async function recipients(workspaceId: string) {
    const members = await team.listMembers({ workspaceId } as Actor);
    return members.items.filter((m) => can(m.role, 'listening.read')).map((m) => m.userId);
  }

  /** Opens the alert, or raises the level of the open one with the same key; tells people when either happens. */
  async function raise(workspaceId: string, c: AlertCandidate, openedBy: string) {
    const now = clock.now();
    const userIds = await recipients(workspaceId);
    const outcome = await db.transaction(async (tx) => {
      const open = await store.findOpen(tx, workspaceId, c.dedupeKey);
      if (open) {
        if (levelRank(c.level) <= levelRank(open.level as AlertLevel)) return { alert: open, changed: false };
        const up = await store.update(tx, workspaceId, open.id, { level: c.level, reasons: c.reasons, figures: c.figures, updatedAt: now });
        return { alert: up!, changed: true };
      }
      const row = await store.insert(tx, {
        id: newId(), workspaceId, monitorId: c.monitorId, kind: c.kind, level: c.level, state: 'open', dedupeKey: c.dedupeKey, title: c.title,
        reasons: c.reasons, figures: c.figures, mentionId: c.mentionId ?? null, openedBy, openedAt: now, updatedAt: now,
      });
      if (!row) return { alert: (await store.findOpen(tx, workspaceId, c.dedupeKey))!, changed: false };
      await team.record(tx, { userId: null, workspaceId }, { action: 'listening.alert_opened', targetType: 'listening_alert', targetId: row.id, details: { kind: c.kind, level: c.level, openedBy } });
      return { alert: row, changed: true };
    });
    if (outcome.changed) {
      const a = outcome.alert;
      await notify.notify(null, workspaceId, {
        event: 'listening.alert', severity: SEVERITY[a.level as AlertLevel], title: `【${LEVEL_LABEL[a.level as AlertLevel]}】${a.title}`,
        body: a.reasons.join('；') || a.title, link: `/listening/alerts?alert=${a.id}`, userIds,
      });
    }
    return { alert: outcome.alert, created: outcome.changed };
  }

  async function evaluateVolume(workspaceId: string) {
    const now = clock.now();
    const monitors = (await deps.listMonitors(db, workspaceId)).filter((m) => m.enabled);
    const names = new Map(monitors.map((m) => [m.id, m.name]));
    const counts = await store.windowCounts(db, workspaceId, now, monitors.length > 0);
    const raised: AlertRow[] = [];
    for (const c of counts) {
      if (c.monitorId && !names.has(c.monitorId)) continue;
      const full = { ...c, monitorName: c.monitorId ? names.get(c.monitorId)! : null };
      for (const candidate of [volumeSpike(full, rules), negativeSurge(full, rules)]) {
        if (candidate) raised.push((await raise(workspaceId, candidate, 'rules')).alert);
      }
    }
    return raised;
  }

  return {
    raise,

    /** After a batch is stored: a high-risk mention raises its own alert; volume rules run (throttled). */
    async afterIngest(workspaceId: string, stored: MentionRow[], opts: { force?: boolean } = {}) {
      for (const m of stored.filter((x) => x.risk === 'high')) {
        await raise(workspaceId, highRiskMention({ ...m, reach: Number(m.reach) }), 'rules');
      }
      const t = clock.now().getTime();
      const last = lastRun.get(workspaceId);
      if (!opts.force && last !== undefined && t - last < minInterval && t >= last) return;
      lastRun.set(workspaceId, t);
      await evaluateVolume(workspaceId);
    },

    evaluate: evaluateVolume,

    /** The minute job: every workspace that received mentions in the last 25 hours. */
    async evaluateAll() {
      const since = new Date(clock.now().getTime() - 25 * 3_600_000);
      for (const w of await store.activeWorkspaces(db, since)) await evaluateVolume(w);
    },

    /**
     * Another module opens an alert (the inbox's escalation rule): de-duplicated by its key while open.
     * `dedupeKey` defaults to the opener and the title.
     */
    async openAlert(workspaceId: string, input: { kind?: AlertKind; level: AlertLevel; title: string; reasons?: string[]; monitorId?: string | null; mentionId?: string | null; dedupeKey?: string; openedBy?: string }) {
      const openedBy = input.openedBy ?? 'inbox';
      const r = await raise(workspaceId, {
        kind: input.kind ?? 'high-risk-mention', level: input.level, monitorId: input.monitorId ?? null, mentionId: input.mentionId ?? undefined,
        dedupeKey: input.dedupeKey ?? `${openedBy}:${input.title}`, title: input.title, reasons: input.reasons ?? [], figures: {},
      }, openedBy);
      return { alert: presentAlert(r.alert), created: r.created };
    },

    /** What changed since an instant (the console polls this for its live view). */
    changedSince: (workspaceId: string, since: Date) => store.changedSince(db, workspaceId, since).then((rows) => rows.map(presentAlert)),

    async list(actor: Actor, q: { state?: 'open' | 'closed'; monitorId?: string; limit?: number }) {
      return { items: (await store.list(db, actor.workspaceId, { ...q, limit: q.limit ?? 100 })).map(presentAlert) };
    },

    async get(workspaceId: string, alertId: string) {
      const a = await store.find(db, workspaceId, alertId);
      if (!a) throw new DomainError('listening.alert_not_found');
      return a;
    },

    async setState(actor: Actor, alertId: string, state: 'acknowledged' | 'closed') {
      return db.transaction(async (tx) => {
        const a = await store.find(tx, actor.workspaceId, alertId);
        if (!a) throw new DomainError('listening.alert_not_found');
        if (a.state === 'closed') return { alert: presentAlert(a) };
        const now = clock.now();
        const row = await store.update(tx, actor.workspaceId, alertId, { state, updatedAt: now, closedAt: state === 'closed' ? now : null });
        await team.record(tx, actor, { action: `listening.alert_${state}`, targetType: 'listening_alert', targetId: alertId });
        return { alert: presentAlert(row!) };
      });
    },

    /** Crisis links the incident it opened from an alert. */
    async linkIncident(tx: DbOrTx, workspaceId: string, alertId: string, incidentId: string) {
      const a = await store.find(tx, workspaceId, alertId);
      if (!a) throw new DomainError('listening.alert_not_found');
      await store.update(tx, workspaceId, alertId, { incidentId, state: a.state === 'open' ? 'acknowledged' : a.state, updatedAt: clock.now() });
      return a;
    },
  };
}

export type AlertService = ReturnType<typeof createAlertService>;
