/**
 * Scheduled delivery of reports through the notify module: robots get a summary and a link,
 * e-mail gets the file attached; notify queues and retries each delivery. A scheduled period
 * is claimed in the same transaction as the notification, so it goes out once.
 */
import type { Database } from '../../db/client.js';
import type { Clock } from '../../kernel/clock.js';
import { can, type Role } from '../../kernel/access.js';
import { DomainError } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import type { NotifyService } from '../notify/service.js';
import type { TeamService } from '../team/service.js';
import { createCollectionStore, type ScheduleRow } from './collection-store.js';
import { currentPeriod, duePeriod, summaryOf } from './delivery-model.js';
import type { ReportDocument } from './report-document.js';

export const REPORT_EVENT = 'analytics.report';

export interface ScheduleInput {
  name: string;
  report: 'weekly' | 'monthly';
  format: 'pdf' | 'xlsx' | 'md';
  day: number;
  time: string;
  channelIds: string[];
  userIds: string[];
  enabled: boolean;
}

interface Caller { workspaceId: string; userId: string | null }

/** What delivery needs of the report side of the analytics service. */
export interface ReportSource {
  weeklyReview(caller: Caller, week?: string): Promise<ReportDocument>;
  periodReport(caller: Caller, kind: 'monthly', period: string): Promise<ReportDocument>;
  render(doc: ReportDocument, format: 'pdf' | 'xlsx' | 'md'): Promise<{ body: Buffer | string; contentType: string; extension: string }>;
}

export function presentSchedule(s: ScheduleRow) {
  return {
    id: s.id, name: s.name, report: s.report, format: s.format, day: s.day, time: s.time, channelIds: s.channelIds, userIds: s.userIds,
    enabled: s.enabled, lastPeriod: s.lastPeriod, lastSentAt: s.lastSentAt?.toISOString() ?? null, createdAt: s.createdAt.toISOString(),
  };
}

export function createDelivery(deps: { database: Database; clock: Clock; team: TeamService; notify: NotifyService; reports: ReportSource; baseUrl: string }) {
  const { database, clock, team, notify, reports } = deps;
  const db = database.db;
  const store = createCollectionStore();

  async function checkChannels(caller: Caller, ids: string[]) {
    if (!ids.length) return;
    const { items } = await notify.listChannels({ workspaceId: caller.workspaceId } as never);
    const known = new Set(items.map((c) => c.id));
    const unknown = ids.filter((id) => !known.has(id));
    if (unknown.length) throw new DomainError('analytics.invalid_schedule', { fields: { channelIds: `unknown channel(s): ${unknown.join(', ')}` } });
  }

  /** Of the given users, those who are members now and may read analytics (a report is analytics). */
  async function readers(workspaceId: string, userIds: string[]) {
    if (!userIds.length) return [];
    const { items } = await team.listMembers({ workspaceId } as never);
    const ok = new Set(items.filter((m) => can(m.role as Role, 'analytics.read')).map((m) => m.userId));
    return userIds.filter((id) => ok.has(id));
  }

  async function checkRecipients(caller: Caller, ids: string[]) {
    const allowed = new Set(await readers(caller.workspaceId, ids));
    const bad = ids.filter((id) => !allowed.has(id));
    if (bad.length) throw new DomainError('analytics.invalid_schedule', { fields: { userIds: `not a member who may read analytics: ${bad.join(', ')}` } });
  }

  async function findOrFail(caller: Caller, id: string) {
    const s = await store.findSchedule(db, caller.workspaceId, id);
    if (!s) throw new DomainError('analytics.schedule_not_found');
    return s;
  }

  /** Build, render and hand the report to notify; with `claim`, only if the period was not sent yet. */
  async function deliver(s: ScheduleRow, period: string, claim: boolean) {
    const caller = { workspaceId: s.workspaceId, userId: null };
    const doc = s.report === 'weekly' ? await reports.weeklyReview(caller, period) : await reports.periodReport(caller, 'monthly', period);
    const file = await reports.render(doc, s.format);
    const filename = `${s.report}-report-${period}.${file.extension}`;
    const body = Buffer.isBuffer(file.body) ? file.body : Buffer.from(file.body, 'utf8');
    // Checked again when sending: someone removed (or moved to a role without analytics) since saving gets nothing.
    const userIds = await readers(s.workspaceId, s.userIds);
    const link = `${deps.baseUrl.replace(/\/$/, '')}/analytics/reports?${s.report === 'weekly' ? 'week' : 'month'}=${encodeURIComponent(period)}`;
    return db.transaction(async (tx) => {
      if (claim && !(await store.claimPeriod(tx, s.id, period, clock.now()))) return { sent: false, period };
      if (!claim) await store.updateSchedule(tx, s.workspaceId, s.id, { lastSentAt: clock.now() });
      await notify.notify(tx, s.workspaceId, {
        event: REPORT_EVENT, severity: 'info', title: doc.title, body: summaryOf(doc.sections[0]?.paragraphs ?? []), link,
        userIds, channelIds: s.channelIds,
        attachments: [{ filename, contentType: file.contentType, contentBase64: body.toString('base64') }],
      });
      await team.record(tx, { workspaceId: s.workspaceId, userId: null }, {
        action: 'analytics.report_sent', targetType: 'report_schedule', targetId: s.id, details: { period, format: s.format, scheduled: claim },
      });
      return { sent: true, period };
    });
  }

  return {
    /** `member.removed`: they stop receiving scheduled reports; idempotent. */
    async forgetMember(workspaceId: string, userId: string, removedBy: string) {
      await db.transaction(async (tx) => {
        const ids = await store.removeRecipient(tx, workspaceId, userId);
        if (ids.length) await team.record(tx, { userId: removedBy, workspaceId }, { action: 'analytics.schedule_recipient_removed', targetType: 'user', targetId: userId, details: { schedules: ids, reason: 'member removed' } });
      });
    },
    async listSchedules(caller: Caller) {
      return { items: (await store.listSchedules(db, caller.workspaceId)).map(presentSchedule) };
    },

    async createSchedule(caller: Caller, input: ScheduleInput) {
      await checkChannels(caller, input.channelIds);
      await checkRecipients(caller, input.userIds);
      return db.transaction(async (tx) => {
        const row = await store.insertSchedule(tx, { id: newId(), workspaceId: caller.workspaceId, ...input, createdBy: caller.userId, createdAt: clock.now() });
        await team.record(tx, caller, { action: 'analytics.schedule_created', targetType: 'report_schedule', targetId: row.id, details: { name: row.name, report: row.report } });
        return { schedule: presentSchedule(row) };
      });
    },

    async updateSchedule(caller: Caller, id: string, patch: Partial<ScheduleInput>) {
      await findOrFail(caller, id);
      if (patch.channelIds) await checkChannels(caller, patch.channelIds);
      if (patch.userIds) await checkRecipients(caller, patch.userIds);
      return db.transaction(async (tx) => {
        const row = await store.updateSchedule(tx, caller.workspaceId, id, patch);
        if (!row) throw new DomainError('analytics.schedule_not_found');
        await team.record(tx, caller, { action: 'analytics.schedule_updated', targetType: 'report_schedule', targetId: id, details: { fields: Object.keys(patch) } });
        return { schedule: presentSchedule(row) };
      });
    },

    async deleteSchedule(caller: Caller, id: string) {
      await db.transaction(async (tx) => {
        const row = await store.deleteSchedule(tx, caller.workspaceId, id);
        if (!row) throw new DomainError('analytics.schedule_not_found');
        await team.record(tx, caller, { action: 'analytics.schedule_deleted', targetType: 'report_schedule', targetId: id, details: { name: row.name } });
      });
    },

    /** Send now (the last complete period unless one is given); does not count as the scheduled run. */
    async sendNow(caller: Caller, id: string, period?: string) {
      const s = await findOrFail(caller, id);
      const { timeZone } = await team.workspaceSettings(s.workspaceId);
      return deliver(s, period ?? currentPeriod(s.report, clock.now(), timeZone), false);
    },

    /** analytics.deliver_reports: every enabled schedule whose time has come, once per period. */
    async deliverDue() {
      const now = clock.now();
      const zones = new Map<string, string>();
      const results: { scheduleId: string; period: string; sent: boolean; error?: string }[] = [];
      for (const s of await store.listEnabledSchedules(db)) {
        if (!zones.has(s.workspaceId)) zones.set(s.workspaceId, (await team.workspaceSettings(s.workspaceId)).timeZone);
        const period = duePeriod(s, now, zones.get(s.workspaceId)!);
        if (!period) continue;
        try {
          results.push({ scheduleId: s.id, ...(await deliver(s, period, true)) });
        } catch (err) {
          results.push({ scheduleId: s.id, period, sent: false, error: (err as Error).message });
        }
      }
      return results;
    },
  };
}

export type Delivery = ReturnType<typeof createDelivery>;
