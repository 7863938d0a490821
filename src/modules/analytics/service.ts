import type { Emit } from '../../kernel/events.js';
import { DateTime } from 'luxon';
import type { Database } from '../../db/client.js';
import type { Clock } from '../../kernel/clock.js';
import { DomainError } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import type { TeamService } from '../team/service.js';
import type { Locale } from './labels.js';
import { aggregatePosts } from './model.js';
import { type Baseline, type DudThreshold, type Verdict, classifyPosts, describeReason } from './performance.js';
import { type Goal, goalActual, goalProgress } from './goals.js';
import { decodeText } from '../../kernel/text-decode.js';
import { parseMetricsFile, readCsv, readXlsx, validateTable } from './import-parse.js';
import { suggestColumnMapping } from './column-mapping.js';
import { buildWeeklyTable, isoWeekOf, isoWeekRange, previousIsoWeek } from './weekly-report.js';
import { buildWeeklyReview } from './review-report.js';
import { type PeriodKind, buildPeriodReport, periodRange, previousPeriod } from './period-report.js';
import type { ReportDocument } from './report-document.js';
import { tableToCsv, toMarkdown, toPdf, toXlsx } from './exports/index.js';
import { createAnalyticsStore, type GoalRow } from './store.js';
import type { AccountsService } from '../accounts/service.js';
import type { NotifyService } from '../notify/service.js';
import type { PublishingService } from '../publishing/service.js';
import { type Collector, createCollector } from './collector.js';
import { type Delivery, createDelivery } from './delivery.js';
import { createAnalyticsViews } from './views.js';

/** Who acts: a member in a workspace, or the CLI (no user). */
export interface Caller {
  workspaceId: string;
  userId: string | null;
}

export type ExportFormat = 'json' | 'md' | 'xlsx' | 'pdf' | 'csv';

export interface ImportOptions {
  locale?: Locale;
  mapping?: Record<string, number | null>;
  kind?: 'posts' | 'accounts';
}

export interface ImportSummary {
  kind: 'posts' | 'accounts';
  rows: number;
  from: string;
  to: string;
  platforms: string[];
  accounts: number;
}

export function presentGoal(g: GoalRow, progress: ReturnType<typeof goalProgress>) {
  return {
    id: g.id, name: g.name, metric: g.metric, target: g.target, scope: g.scope, start: g.startDay, end: g.endDay,
    createdAt: g.createdAt.toISOString(), progress,
  };
}

export interface AnalyticsDeps {
  database: Database;
  clock: Clock;
  team: TeamService;
  /** Collection and delivery need these; the CLI's import/report commands do not. */
  accounts?: AccountsService;
  publishing?: PublishingService;
  notify?: NotifyService;
  baseUrl?: string;
  emit?: Emit;
}

export function createAnalyticsService(deps: AnalyticsDeps) {
  const { database, clock, team } = deps;
  const db = database.db;
  const store = createAnalyticsStore();
  const views = createAnalyticsViews({ database, store, team });

  /** Today in the workspace's time zone, and its zone and language. */
  async function workspaceToday(workspaceId: string) {
    const w = await team.workspaceSettings(workspaceId);
    const today = DateTime.fromJSDate(clock.now()).setZone(w.timeZone).toISODate()!;
    return { today, locale: (w.locale === 'en-US' ? 'en-US' : 'zh-CN') as Locale, name: w.name };
  }

  async function rowsBetween(workspaceId: string, from: string, to: string) {
    const [posts, accounts] = await Promise.all([
      store.listPostSnapshots(db, workspaceId, from, to),
      store.listAccountSnapshots(db, workspaceId, from, to),
    ]);
    return { posts, accounts };
  }

  /** The week's and the previous week's rows (plus the day before, for followers at the start). */
  async function weekRows(workspaceId: string, week: string) {
    const prev = isoWeekRange(previousIsoWeek(week));
    const range = isoWeekRange(week);
    const [posts, accounts] = await Promise.all([
      store.listPostWeeks(db, workspaceId, [prev.start, range.start]),
      store.listAccountSnapshots(db, workspaceId, DateTime.fromISO(prev.start).minus({ days: 1 }).toISODate()!, range.end),
    ]);
    return { posts, accounts };
  }

  async function resolveWeek(caller: Caller, week?: string) {
    const ws = await workspaceToday(caller.workspaceId);
    const chosen = week ?? isoWeekOf(ws.today);
    isoWeekRange(chosen); // validates
    return { ...ws, week: chosen };
  }

  async function goalsWithProgress(workspaceId: string, asOf: string) {
    const goals = await store.listGoals(db, workspaceId);
    if (!goals.length) return [];
    const from = goals.reduce((m, g) => (g.startDay < m ? g.startDay : m), goals[0].startDay);
    const to = goals.reduce((m, g) => (g.endDay > m ? g.endDay : m), goals[0].endDay);
    const { posts, accounts } = await rowsBetween(workspaceId, DateTime.fromISO(from).minus({ days: 1 }).toISODate()!, to);
    return goals.map((g) => {
      const goal: Goal = { metric: g.metric, target: g.target, scope: g.scope, start: g.startDay, end: g.endDay };
      return { row: g, goal, progress: goalProgress(goal, goalActual(goal, posts, accounts, asOf), asOf) };
    });
  }

  /** The file's text whatever encoding Excel saved it in, or a 400 naming the encoding found. */
  function decodeCsv(data: Buffer) {
    try {
      return decodeText(data).text;
    } catch (e) {
      throw new DomainError('analytics.import_invalid', { message: (e as Error).message, fields: { file: (e as Error).message } });
    }
  }

  const reports = {
    /** Parse, validate and store a metrics file: all rows or none. */
    async importMetrics(caller: Caller, file: { data: Buffer; filename?: string }, opts: ImportOptions & { source?: string; onProgress?: (done: number, total: number) => void } = {}): Promise<ImportSummary> {
      const parsed = await parseMetricsFile(file.data, { filename: file.filename, locale: opts.locale, mapping: opts.mapping, kind: opts.kind });
      if (parsed.errors.length) {
        throw new DomainError('analytics.import_invalid', {
          message: `${parsed.errors.length} problem(s) in the file; nothing was imported`,
          fields: Object.fromEntries(parsed.errors.slice(0, 50).map((e) => [`line ${e.line}.${e.field}`, e.message])),
          details: { errors: parsed.errors },
        });
      }
      if (!parsed.rows.length) throw new DomainError('analytics.import_empty', { message: 'the file has no data rows' });
      const rows = parsed.rows as { date: string; platform: string; account: string }[];
      const days = [...new Set(rows.map((r) => r.date))].sort();
      let done = 0;
      const progress = (n: number) => { done += n; opts.onProgress?.(done, rows.length); };
      await db.transaction(async (tx) => {
        if (parsed.kind === 'posts') await store.upsertPostSnapshots(tx, caller.workspaceId, parsed.rows, opts.source ?? 'import', progress);
        else await store.upsertAccountSnapshots(tx, caller.workspaceId, parsed.rows, opts.source ?? 'import', progress);
        await store.refreshRollups(tx, caller.workspaceId, days);
        if (parsed.kind === 'posts') await store.refreshPostWeeks(tx, caller.workspaceId, days);
        await team.record(tx, caller, {
          action: 'analytics.imported', targetType: 'workspace', targetId: caller.workspaceId,
          details: { kind: parsed.kind, rows: rows.length, from: days[0], to: days.at(-1), file: file.filename ?? null },
        });
      });
      return {
        kind: parsed.kind, rows: rows.length, from: days[0], to: days.at(-1)!,
        platforms: [...new Set(rows.map((r) => r.platform))].sort(),
        accounts: new Set(rows.map((r) => `${r.platform}/${r.account}`)).size,
      };
    },

    /** What an import would do, without writing: the guessed mapping and every problem. */
    async previewImport(file: { data: Buffer; filename: string }, opts: ImportOptions = {}) {
      const table = /\.xlsx$/i.test(file.filename) ? await readXlsx(file.data) : readCsv(decodeCsv(file.data));
      const guess = suggestColumnMapping(table.headers);
      const parsed = validateTable(table, opts);
      return {
        headers: table.headers, kind: opts.kind ?? guess.kind, mapping: (opts.mapping ?? guess.mapping) as Record<string, number | null>,
        unmapped: guess.unmapped, missing: guess.missing, rows: parsed.rows.length, errors: parsed.errors,
      };
    },

    /**
     * 每日爆款/低效: per account, the posts first seen on `date` judged against the account's
     * own posts of the 30 days before (or an industry rate), each with its likely reasons.
     */
    async dailyReview(caller: Caller, date?: string, opts: { baseline?: Baseline; dud?: DudThreshold; locale?: Locale } = {}) {
      const ws = await workspaceToday(caller.workspaceId);
      const day = date ?? ws.today;
      const locale = opts.locale ?? ws.locale;
      const from = DateTime.fromISO(day).minus({ days: 30 }).toISODate()!;
      const rows = await store.listPostSnapshots(db, caller.workspaceId, from, day);
      const firstSeen = new Map<string, string>();
      for (const r of rows) {
        const k = `${r.platform}/${r.account}/${r.postId}`;
        if (!firstSeen.has(k) || firstSeen.get(k)! > r.date) firstSeen.set(k, r.date);
      }
      const present = (v: Verdict) => ({
        postId: v.post.postId, title: v.post.title, interactionRate: v.rate, exposure: v.post.exposure,
        reasons: v.reasons.map((r) => ({ ...r, text: describeReason(r, locale) })),
      });
      const accounts = [...new Set(rows.map((r) => `${r.platform}/${r.account}`))].sort().map((key) => {
        const [platform, account] = key.split('/');
        const posts = aggregatePosts(rows.filter((r) => r.platform === platform && r.account === account));
        const c = classifyPosts(posts, { baseline: opts.baseline, dud: opts.dud });
        const today = (v: Verdict) => firstSeen.get(`${key}/${v.post.postId}`) === day;
        return { platform, account, baselineRate: c.baselineRate, dudRate: c.dudRate, hits: c.hits.filter(today).map(present), duds: c.duds.filter(today).map(present) };
      });
      return { date: day, accounts: accounts.filter((a) => a.hits.length + a.duds.length > 0) };
    },

    /** The 周度数据监测表 of an ISO week (this week in the workspace's zone by default). */
    async weeklyTable(caller: Caller, week?: string, locale?: Locale) {
      const w = await resolveWeek(caller, week);
      return buildWeeklyTable({ week: w.week, ...(await weekRows(caller.workspaceId, w.week)), locale: locale ?? w.locale });
    },

    async weeklyReview(caller: Caller, week?: string, locale?: Locale): Promise<ReportDocument> {
      const w = await resolveWeek(caller, week);
      return buildWeeklyReview({ week: w.week, ...(await weekRows(caller.workspaceId, w.week)), locale: locale ?? w.locale, workspaceName: w.name });
    },

    async periodReport(caller: Caller, kind: PeriodKind, period: string, locale?: Locale): Promise<ReportDocument> {
      const ws = await workspaceToday(caller.workspaceId);
      const range = periodRange(kind, period);
      const prev = periodRange(kind, previousPeriod(kind, period));
      const { posts, accounts } = await rowsBetween(caller.workspaceId, DateTime.fromISO(prev.start).minus({ days: 1 }).toISODate()!, range.end);
      const asOf = ws.today < range.end ? ws.today : range.end;
      const goals = (await goalsWithProgress(caller.workspaceId, asOf))
        .filter((g) => g.goal.start <= range.end && g.goal.end >= range.start)
        .map((g) => ({ ...g.goal, name: g.row.name }));
      const inPeriod = { posts: posts.filter((p) => p.date >= range.start), accounts: accounts.filter((a) => a.date >= range.start) };
      const competitors = await views.competitorInputs(caller.workspaceId, range.start, range.end, inPeriod);
      return buildPeriodReport({ kind, period, posts, accounts, goals, competitors, asOf, locale: locale ?? ws.locale, workspaceName: ws.name });
    },

    /** A report document rendered in a format; json is the document itself (weekly: the table too). */
    async render(doc: ReportDocument, format: ExportFormat): Promise<{ body: Buffer | string; contentType: string; extension: string }> {
      if (format === 'xlsx') return { body: await toXlsx(doc), contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx' };
      if (format === 'pdf') return { body: await toPdf(doc), contentType: 'application/pdf', extension: 'pdf' };
      if (format === 'md') return { body: toMarkdown(doc), contentType: 'text/markdown; charset=utf-8', extension: 'md' };
      if (format === 'csv') {
        const table = doc.sections.find((x) => x.table)?.table;
        return { body: table ? tableToCsv(table) : '\uFEFF', contentType: 'text/csv; charset=utf-8', extension: 'csv' };
      }
      return { body: JSON.stringify(doc, null, 2), contentType: 'application/json; charset=utf-8', extension: 'json' };
    },

    async listGoals(caller: Caller) {
      const { today } = await workspaceToday(caller.workspaceId);
      return { items: (await goalsWithProgress(caller.workspaceId, today)).map((g) => presentGoal(g.row, g.progress)) };
    },

    async createGoal(caller: Caller, input: Goal & { name: string }) {
      if (input.end < input.start) throw new DomainError('analytics.invalid_goal', { fields: { end: 'must not be before start' } });
      const row = await db.transaction(async (tx) => {
        const g = await store.insertGoal(tx, {
          id: newId(), workspaceId: caller.workspaceId, name: input.name, metric: input.metric, target: input.target,
          scope: input.scope, startDay: input.start, endDay: input.end, createdBy: caller.userId,
        });
        await team.record(tx, caller, { action: 'analytics.goal_created', targetType: 'goal', targetId: g.id, details: { name: g.name, metric: g.metric, target: g.target } });
        return g;
      });
      const { today } = await workspaceToday(caller.workspaceId);
      const all = await goalsWithProgress(caller.workspaceId, today);
      return { goal: presentGoal(row, all.find((g) => g.row.id === row.id)!.progress) };
    },

    async deleteGoal(caller: Caller, id: string) {
      await db.transaction(async (tx) => {
        const g = await store.deleteGoal(tx, caller.workspaceId, id);
        if (!g) throw new DomainError('analytics.goal_not_found');
        await team.record(tx, caller, { action: 'analytics.goal_deleted', targetType: 'goal', targetId: id, details: { name: g.name } });
      });
    },

  };

  const collector = deps.accounts && deps.publishing
    ? createCollector({ database, clock, team, accounts: deps.accounts, publishing: deps.publishing, emit: deps.emit }) : null;
  const delivery = deps.notify
    ? createDelivery({ database, clock, team, notify: deps.notify, reports, baseUrl: deps.baseUrl ?? '' }) : null;
  const unavailable = () => new DomainError('unavailable', { message: 'analytics collection and delivery are not wired in' });

  return {
    ...reports,
    dashboard: views.dashboard,
    competitorBoard: views.competitorBoard,
    listCompetitors: views.listCompetitors,
    createCompetitor: views.createCompetitor,
    recordCompetitorSnapshot: views.recordCompetitorSnapshot,
    /** Metrics collection through the connectors (needs accounts and publishing). */
    collection(): Collector {
      if (!collector) throw unavailable();
      return collector;
    },
    /** Scheduled report delivery through notify. */
    delivery(): Delivery {
      if (!delivery) throw unavailable();
      return delivery;
    },
  };
}

export type AnalyticsService = ReturnType<typeof createAnalyticsService>;
