import type { Database } from '../../db/client.js';
import type { Actor } from '../../kernel/access.js';
import type { Clock } from '../../kernel/clock.js';
import { decodeInstantCursor, encodeCursor } from '../../kernel/cursor.js';
import { DomainError } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import type { NotifyService } from '../notify/service.js';
import type { TeamService } from '../team/service.js';
import type { TextDictionaryService } from '../text/dictionary.js';
import type { TextService } from '../text/service.js';
import { createAlertService } from './alerts.js';
import { duplicateKey, monitorWantsSource, type Frequency, type MonitorKind } from './model.js';
import { QuerySyntaxError, evaluate, parseQuery, prepareText, type QueryNode } from './query.js';
import { DEFAULT_RISK_MATRIX, assessRisk, cuesIn, reachOf, type RiskMatrix } from './risk.js';
import { mentionInput, riskMatrixSchema, type MentionInput } from './schema.js';
import { createListeningStore, type MentionRow, type MonitorRow, type NewMention } from './store.js';

export type MentionVia = 'push' | 'import' | 'feed' | 'platform' | 'drill';

export function presentMonitor(m: MonitorRow) {
  return {
    id: m.id, name: m.name, kind: m.kind as MonitorKind, query: m.query, excludes: m.excludes, sources: m.sources,
    frequency: m.frequency as Frequency, enabled: m.enabled, createdAt: m.createdAt.toISOString(), updatedAt: m.updatedAt.toISOString(),
  };
}

export function presentMention(m: MentionRow & { groupSize?: number }) {
  return {
    id: m.id, source: m.source, externalId: m.externalId, via: m.via, url: m.url, title: m.title, text: m.text,
    author: { name: m.authorName, followers: Number(m.authorFollowers), verified: m.authorVerified },
    publishedAt: m.publishedAt.toISOString(), receivedAt: m.receivedAt.toISOString(), reposts: m.reposts, comments: m.comments, likes: m.likes,
    sentiment: m.sentiment, intent: m.intent, keywords: m.keywords, reach: Number(m.reach),
    risk: m.risk as 'none' | 'low' | 'medium' | 'high', riskReasons: m.riskReasons, monitorIds: m.monitorIds, groupId: m.groupId,
    ...(m.groupSize !== undefined ? { duplicates: m.groupSize - 1 } : {}),
  };
}

/** Keyset cursor over (publishedAt, id), in the kernel's codec. */
const encodeMentionCursor = (m: MentionRow) => encodeCursor(m.publishedAt, m.id);
function decodeMentionCursor(cursor: string) {
  const position = decodeInstantCursor(cursor);
  if (!position) throw new DomainError('validation_failed', { fields: { cursor: 'not a cursor from this list' } });
  return { publishedAt: position.at, id: position.id };
}

function compile(query: string, field: string): QueryNode {
  try {
    return parseQuery(query);
  } catch (e) {
    if (e instanceof QuerySyntaxError) throw new DomainError('listening.invalid_query', { message: `${field}: ${e.message}`, fields: { [field]: e.message }, details: { position: e.position } });
    throw e;
  }
}

interface CompiledMonitor { id: string; stamp: number; query: QueryNode; excludes: QueryNode[]; sources: string[] }

/** What one batch did: stored, already known, refused (with the index and why). */
export interface IngestResult { accepted: number; duplicates: number; rejected: Array<{ index: number; error: string }>; stored: MentionRow[] }

export interface ListeningDeps {
  database: Database; clock: Clock; team: TeamService; text: TextService; dictionary: TextDictionaryService; notify: NotifyService;
  /** volume alert rules run at most this often per workspace after intake (default 1 s; the minute job catches up) */
  alertIntervalMs?: number;
}

/** Listening: monitors, mention intake (analysed, matched, scored), the risk matrix. */
export function createListeningService(deps: ListeningDeps) {
  const { database, clock, team, text, dictionary } = deps;
  const db = database.db;
  const store = createListeningStore();
  const compiled = new Map<string, CompiledMonitor>();
  const alerts = createAlertService({ database, clock, team, notify: deps.notify, listMonitors: store.listMonitors, minIntervalMs: deps.alertIntervalMs });

  function compiledOf(m: MonitorRow): CompiledMonitor {
    const hit = compiled.get(m.id);
    if (hit && hit.stamp === m.updatedAt.getTime()) return hit;
    const c = { id: m.id, stamp: m.updatedAt.getTime(), query: parseQuery(m.query), excludes: m.excludes.map((x) => parseQuery(x)), sources: m.sources };
    compiled.set(m.id, c);
    return c;
  }

  async function matrixOf(workspaceId: string): Promise<RiskMatrix> {
    return (await store.findMatrix(db, workspaceId)) ?? DEFAULT_RISK_MATRIX;
  }

  function validateMonitor(input: { query?: string; excludes?: string[] }) {
    if (input.query !== undefined) compile(input.query, 'query');
    input.excludes?.forEach((x, i) => compile(x, `excludes.${i}`));
  }

  function rejectionOf(error: { issues: Array<{ path: PropertyKey[]; message: string }> }) {
    const first = error.issues[0]!;
    return `${first.path.map(String).join('.') || 'mention'}: ${first.message}`;
  }

  return {
    store,
    matrixOf,

    /** The live view: mentions received and alerts changed since an instant (the console polls it every few seconds). */
    async live(actor: Actor, since: Date | undefined) {
      const now = clock.now();
      const from = since ?? new Date(now.getTime() - 60_000);
      const [recent, count, changed] = await Promise.all([
        store.listReceivedSince(db, actor.workspaceId, from, 20), store.countSince(db, actor.workspaceId, from), alerts.changedSince(actor.workspaceId, from),
      ]);
      return { now: now.toISOString(), newMentions: count, mentions: recent.map(presentMention), alerts: changed };
    },
    listAlerts: alerts.list,
    getAlert: alerts.get,
    setAlertState: alerts.setState,
    evaluateAlerts: alerts.evaluate,
    evaluateAllAlerts: alerts.evaluateAll,
    linkIncident: alerts.linkIncident,
    /** Another module (the inbox's escalation rule) opens an alert; de-duplicated while open. */
    openAlert: alerts.openAlert,
    escalate: alerts.openAlert,

    async createMonitor(actor: Actor, input: { name: string; kind: MonitorKind; query: string; excludes?: string[]; sources?: string[]; frequency?: Frequency }) {
      validateMonitor(input);
      const now = clock.now();
      return db.transaction(async (tx) => {
        const row = await store.insertMonitor(tx, {
          id: newId(), workspaceId: actor.workspaceId, name: input.name, kind: input.kind, query: input.query, excludes: input.excludes ?? [],
          sources: input.sources ?? [], frequency: input.frequency ?? (input.kind === 'brand' || input.kind === 'product' ? 'realtime' : 'hourly'),
          enabled: true, createdAt: now, updatedAt: now,
        });
        await team.record(tx, actor, { action: 'listening.monitor_created', targetType: 'listening_monitor', targetId: row.id, details: { name: row.name, kind: row.kind, query: row.query } });
        return { monitor: presentMonitor(row) };
      });
    },

    async updateMonitor(actor: Actor, monitorId: string, patch: Partial<{ name: string; kind: MonitorKind; query: string; excludes: string[]; sources: string[]; frequency: Frequency; enabled: boolean }>) {
      validateMonitor(patch);
      return db.transaction(async (tx) => {
        const row = await store.updateMonitor(tx, actor.workspaceId, monitorId, { ...patch, updatedAt: clock.now() });
        if (!row) throw new DomainError('listening.monitor_not_found');
        await team.record(tx, actor, { action: 'listening.monitor_updated', targetType: 'listening_monitor', targetId: row.id, details: { fields: Object.keys(patch) } });
        return { monitor: presentMonitor(row) };
      });
    },

    async deleteMonitor(actor: Actor, monitorId: string) {
      await db.transaction(async (tx) => {
        if (!(await store.deleteMonitor(tx, actor.workspaceId, monitorId))) throw new DomainError('listening.monitor_not_found');
        await team.record(tx, actor, { action: 'listening.monitor_deleted', targetType: 'listening_monitor', targetId: monitorId });
      });
    },

    async listMonitors(actor: Actor) {
      return { items: (await store.listMonitors(db, actor.workspaceId)).map(presentMonitor) };
    },

    async getMonitor(workspaceId: string, monitorId: string) {
      const m = await store.findMonitor(db, workspaceId, monitorId);
      if (!m) throw new DomainError('listening.monitor_not_found');
      return m;
    },

    /**
     * One batch of mentions from the push API, an import, a feed or a platform: each checked on its
     * own, de-duplicated by source + external id, analysed once, matched, scored and stored.
     */
    async ingest(workspaceId: string, items: readonly unknown[], via: MentionVia): Promise<IngestResult> {
      const rejected: IngestResult['rejected'] = [];
      const valid: MentionInput[] = [];
      const seen = new Set<string>();
      let duplicates = 0;
      items.forEach((raw, index) => {
        const r = mentionInput.safeParse(raw);
        if (!r.success) { rejected.push({ index, error: rejectionOf(r.error) }); return; }
        const key = `${r.data.source}\u0000${r.data.externalId}`;
        if (seen.has(key)) { duplicates += 1; return; }
        seen.add(key);
        valid.push(r.data);
      });
      if (valid.length === 0) return { accepted: 0, duplicates, rejected, stored: [] };

      const now = clock.now();
      const [userWords, monitorRows, matrix] = await Promise.all([dictionary.wordsOf(workspaceId), store.listMonitors(db, workspaceId), matrixOf(workspaceId)]);
      const monitors = monitorRows.filter((m) => m.enabled).map(compiledOf);
      const analyses = text.analyze(valid.map((m) => (m.title ? `${m.title}\n${m.text}` : m.text)), { userWords });
      const keys = valid.map((m) => duplicateKey(m.text));
      const known = await store.groupsOf(db, workspaceId, [...new Set(keys)]);

      const rows: NewMention[] = valid.map((m, i) => {
        const a = analyses[i]! as (typeof analyses)[number] & { riskCues?: string[] };
        const body = m.title ? `${m.title}\n${m.text}` : m.text;
        const prepared = prepareText(body);
        const monitorIds = monitors
          .filter((c) => monitorWantsSource(c.sources, m.source) && evaluate(c.query, prepared) && !c.excludes.some((x) => evaluate(x, prepared)))
          .map((c) => c.id);
        const facts = {
          followers: m.author.followers ?? 0, verified: m.author.verified ?? false, reposts: m.reposts ?? 0, comments: m.comments ?? 0, likes: m.likes ?? 0,
          publishedAt: new Date(m.publishedAt), sentiment: a.sentiment, intent: a.intent, cues: a.riskCues ?? cuesIn(body),
        };
        const verdict = assessRisk(facts, matrix, now);
        const id = newId();
        const key = keys[i]!;
        const groupId = known.get(key) ?? id;
        if (!known.has(key)) known.set(key, id);
        return {
          id, source: m.source, externalId: m.externalId, via, url: m.url ?? null, title: m.title ?? null, text: m.text,
          authorName: m.author.name, authorFollowers: facts.followers, authorVerified: facts.verified, publishedAt: facts.publishedAt, receivedAt: now,
          reposts: facts.reposts, comments: facts.comments, likes: facts.likes, sentiment: a.sentiment, sentimentScore: a.score, intent: a.intent,
          keywords: a.keywords, reach: reachOf(facts), risk: verdict.risk, riskReasons: verdict.reasons, monitorIds, dupKey: key, groupId,
        };
      });
      const storedIds = await store.insertMentions(db, workspaceId, rows);
      const stored = rows.filter((r) => storedIds.has(r.id)).map((r) => ({ ...r, workspaceId }));
      if (stored.length > 0) {
        await alerts.afterIngest(workspaceId, stored);
      }
      return { accepted: stored.length, duplicates: duplicates + valid.length - stored.length, rejected, stored };
    },

    async listMentions(actor: Actor, q: { monitorId?: string; risk?: string; sentiment?: string; source?: string; from?: string; to?: string; q?: string; cursor?: string; limit?: number }) {
      const limit = q.limit ?? 50;
      const rows = await store.listMentions(db, actor.workspaceId, {
        ...q, from: q.from ? new Date(q.from) : undefined, to: q.to ? new Date(q.to) : undefined,
        after: q.cursor ? decodeMentionCursor(q.cursor) : undefined, limit,
      });
      return { items: rows.map(presentMention), nextCursor: rows.length === limit ? encodeMentionCursor(rows.at(-1)!) : null };
    },

    async getMention(workspaceId: string, mentionId: string) {
      const m = await store.findMention(db, workspaceId, mentionId);
      if (!m) throw new DomainError('listening.mention_not_found');
      return m;
    },

    async getMatrix(actor: Actor) {
      return { matrix: await matrixOf(actor.workspaceId), grades: ['low', 'medium', 'high'] as Array<'low' | 'medium' | 'high'> };
    },

    async setMatrix(actor: Actor, input: RiskMatrix) {
      const matrix = riskMatrixSchema.parse(input);
      if (matrix.impact.highFollowers < matrix.impact.mediumFollowers) throw new DomainError('listening.invalid_matrix', { fields: { 'impact.highFollowers': 'must be at least mediumFollowers' } });
      if (matrix.impact.highEngagement < matrix.impact.mediumEngagement) throw new DomainError('listening.invalid_matrix', { fields: { 'impact.highEngagement': 'must be at least mediumEngagement' } });
      await db.transaction(async (tx) => {
        await store.saveMatrix(tx, actor.workspaceId, matrix, clock.now());
        await team.record(tx, actor, { action: 'listening.risk_matrix_updated', targetType: 'workspace', targetId: actor.workspaceId, details: { matrix } });
      });
      return { matrix, grades: ['low', 'medium', 'high'] as Array<'low' | 'medium' | 'high'> };
    },
  };
}

export type ListeningService = ReturnType<typeof createListeningService>;
