import { and, asc, eq, sql } from 'drizzle-orm';
import { type DbOrTx, sqlOf } from '../../db/client.js';
import type { RiskMatrix } from './risk.js';
import { listeningMentions as mentions, listeningMonitors as monitors, listeningSettings as settings } from './tables.js';

export type MonitorRow = typeof monitors.$inferSelect;
export type MentionRow = typeof mentions.$inferSelect;
export type NewMention = Omit<MentionRow, 'workspaceId'>;

export interface MentionFilter {
  monitorId?: string; risk?: string; sentiment?: string; source?: string; from?: Date; to?: Date; q?: string;
  after?: { publishedAt: Date; id: string }; limit: number;
}

const MENTION_COLUMNS = `id, source, external_id as "externalId", via, url, title, text, author_name as "authorName",
  author_followers::float8 as "authorFollowers", author_verified as "authorVerified", published_at as "publishedAt", received_at as "receivedAt",
  reposts, comments, likes, sentiment, sentiment_score as "sentimentScore", intent, keywords, reach::float8 as reach, risk,
  risk_reasons as "riskReasons", monitor_ids::text[] as "monitorIds", dup_key as "dupKey", group_id as "groupId", workspace_id as "workspaceId"`;

const toDate = (v: unknown) => (v instanceof Date ? v : new Date(String(v)));
function mentionOf(r: Record<string, unknown>): MentionRow {
  return { ...(r as unknown as MentionRow), publishedAt: toDate(r.publishedAt), receivedAt: toDate(r.receivedAt) };
}

export function createListeningStore() {
  return {
    insertMonitor: (db: DbOrTx, row: typeof monitors.$inferInsert) => db.insert(monitors).values(row).returning().then((r) => r[0]!),
    updateMonitor: (db: DbOrTx, workspaceId: string, id: string, patch: Partial<typeof monitors.$inferInsert>) =>
      db.update(monitors).set(patch).where(and(eq(monitors.workspaceId, workspaceId), eq(monitors.id, id))).returning().then((r) => r[0]),
    deleteMonitor: (db: DbOrTx, workspaceId: string, id: string) =>
      db.delete(monitors).where(and(eq(monitors.workspaceId, workspaceId), eq(monitors.id, id))).returning({ id: monitors.id }).then((r) => r.length > 0),
    listMonitors: (db: DbOrTx, workspaceId: string) => db.select().from(monitors).where(eq(monitors.workspaceId, workspaceId)).orderBy(asc(monitors.createdAt)),
    findMonitor: (db: DbOrTx, workspaceId: string, id: string) =>
      db.select().from(monitors).where(and(eq(monitors.workspaceId, workspaceId), eq(monitors.id, id))).then((r) => r[0]),

    findMatrix: (db: DbOrTx, workspaceId: string) =>
      db.select().from(settings).where(eq(settings.workspaceId, workspaceId)).then((r) => r[0]?.riskMatrix),
    saveMatrix: (db: DbOrTx, workspaceId: string, matrix: RiskMatrix, at: Date) =>
      db.insert(settings).values({ workspaceId, riskMatrix: matrix, updatedAt: at })
        .onConflictDoUpdate({ target: settings.workspaceId, set: { riskMatrix: matrix, updatedAt: at } }),

    /** The group each known near-duplicate key already belongs to. */
    async groupsOf(db: DbOrTx, workspaceId: string, dupKeys: string[]): Promise<Map<string, string>> {
      if (dupKeys.length === 0) return new Map();
      const { rows } = await sqlOf(db).query<{ k: string; g: string }>(
        `select distinct on (dup_key) dup_key as k, group_id as g from listening_mentions
          where workspace_id = $1 and dup_key = any($2::text[]) order by dup_key, received_at`, [workspaceId, dupKeys]);
      return new Map(rows.map((r) => [r.k, r.g]));
    },

    /**
     * Stores what is new in one statement (a column array per parameter, unnested), skipping
     * mentions already stored under the same source + external id; returns the ids stored.
     */
    async insertMentions(db: DbOrTx, workspaceId: string, rows: readonly NewMention[]): Promise<Set<string>> {
      if (rows.length === 0) return new Set();
      const col = <T>(f: (r: NewMention) => T) => rows.map(f);
      const { rows: out } = await sqlOf(db).query<{ id: string }>(`
        insert into listening_mentions (workspace_id, id, source, external_id, via, url, title, text, author_name, author_followers, author_verified,
          published_at, received_at, reposts, comments, likes, sentiment, sentiment_score, intent, keywords, reach, risk, risk_reasons,
          monitor_ids, dup_key, group_id)
        select $1::uuid, u.id, u.source, u.external_id, u.via, u.url, u.title, u.text, u.author_name, u.author_followers, u.author_verified,
          u.published_at, u.received_at, u.reposts, u.comments, u.likes, u.sentiment, u.sentiment_score, u.intent, u.keywords::jsonb, u.reach,
          u.risk, u.risk_reasons::jsonb, string_to_array(u.monitor_ids, ',')::uuid[], u.dup_key, u.group_id
        from unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::bigint[], $11::bool[],
          $12::timestamptz[], $13::timestamptz[], $14::int[], $15::int[], $16::int[], $17::text[], $18::real[], $19::text[], $20::text[], $21::bigint[],
          $22::text[], $23::text[], $24::text[], $25::text[], $26::uuid[])
          as u(id, source, external_id, via, url, title, text, author_name, author_followers, author_verified, published_at, received_at,
            reposts, comments, likes, sentiment, sentiment_score, intent, keywords, reach, risk, risk_reasons, monitor_ids, dup_key, group_id)
        on conflict (workspace_id, source, external_id) do nothing
        returning id`, [
        workspaceId, col((r) => r.id), col((r) => r.source), col((r) => r.externalId), col((r) => r.via), col((r) => r.url), col((r) => r.title),
        col((r) => r.text), col((r) => r.authorName), col((r) => r.authorFollowers), col((r) => r.authorVerified),
        col((r) => r.publishedAt.toISOString()), col((r) => r.receivedAt.toISOString()), col((r) => r.reposts), col((r) => r.comments), col((r) => r.likes),
        col((r) => r.sentiment), col((r) => r.sentimentScore), col((r) => r.intent), col((r) => JSON.stringify(r.keywords)), col((r) => r.reach),
        col((r) => r.risk), col((r) => JSON.stringify(r.riskReasons)), col((r) => r.monitorIds.join(',')), col((r) => r.dupKey), col((r) => r.groupId),
      ]);
      return new Set(out.map((r) => r.id));
    },

    /** Newest first, keyset-paged on (published_at, id). */
    async listMentions(db: DbOrTx, workspaceId: string, f: MentionFilter): Promise<MentionRow[]> {
      const where = ['workspace_id = $1'];
      const values: unknown[] = [workspaceId];
      const add = (clause: (p: string) => string, v: unknown) => { values.push(v); where.push(clause(`$${values.length}`)); };
      if (f.monitorId) add((p) => `${p}::uuid = any(monitor_ids)`, f.monitorId);
      if (f.risk) add((p) => `risk = ${p}`, f.risk);
      if (f.sentiment) add((p) => `sentiment = ${p}`, f.sentiment);
      if (f.source) add((p) => `source = ${p}`, f.source);
      if (f.from) add((p) => `published_at >= ${p}::timestamptz`, f.from.toISOString());
      if (f.to) add((p) => `published_at < ${p}::timestamptz`, f.to.toISOString());
      if (f.q) add((p) => `strpos(text, ${p}) > 0`, f.q);
      if (f.after) {
        values.push(f.after.publishedAt.toISOString(), f.after.id);
        where.push(`(published_at, id) < ($${values.length - 1}::timestamptz, $${values.length}::uuid)`);
      }
      values.push(f.limit);
      const { rows } = await sqlOf(db).query<Record<string, unknown>>(
        `select ${MENTION_COLUMNS} from listening_mentions where ${where.join(' and ')} order by published_at desc, id desc limit $${values.length}`, values);
      return rows.map(mentionOf);
    },

    async findMention(db: DbOrTx, workspaceId: string, id: string) {
      const { rows } = await sqlOf(db).query<Record<string, unknown>>(`select ${MENTION_COLUMNS},
        (select count(*)::int from listening_mentions d where d.workspace_id = m.workspace_id and d.group_id = m.group_id) as "groupSize"
        from listening_mentions m where workspace_id = $1 and id = $2`, [workspaceId, id]);
      return rows[0] ? { ...mentionOf(rows[0]), groupSize: Number(rows[0].groupSize) } : undefined;
    },

    async listReceivedSince(db: DbOrTx, workspaceId: string, since: Date, limit: number) {
      const { rows } = await sqlOf(db).query<Record<string, unknown>>(
        `select ${MENTION_COLUMNS} from listening_mentions where workspace_id = $1 and received_at > $2::timestamptz order by received_at desc, id desc limit $3`,
        [workspaceId, since.toISOString(), limit]);
      return rows.map(mentionOf);
    },
    countSince: (db: DbOrTx, workspaceId: string, since: Date) =>
      db.select({ n: sql<number>`count(*)::int` }).from(mentions).where(and(eq(mentions.workspaceId, workspaceId), sql`${mentions.receivedAt} > ${since.toISOString()}::timestamptz`)).then((r) => r[0]!.n),
  };
}
