import { and, desc, eq, gt, ne, sql } from 'drizzle-orm';
import { type DbOrTx, sqlOf } from '../../db/client.js';
import type { WindowCounts } from './alert-rules.js';
import { listeningAlerts as alerts } from './tables.js';

export type AlertRow = typeof alerts.$inferSelect;

const DAYS = [1, 2, 3, 4, 5, 6, 7];

function windowSelect(now: string) {
  const t = (h: number) => `'${now}'::timestamptz - interval '${h} hours'`;
  const days = DAYS.map((d) => `count(*) filter (where published_at <= ${t(24 * d)} and published_at > ${t(24 * (d + 1))})::int as d${d}`).join(', ');
  return `count(*) filter (where published_at > ${t(1)})::int as "lastHour",
    count(*) filter (where published_at <= ${t(1)} and published_at > ${t(13)})::int as "prev12h",
    count(*) filter (where sentiment = 'negative' and published_at > ${t(1)})::int as "negLastHour",
    count(*) filter (where sentiment = 'negative' and published_at <= ${t(1)} and published_at > ${t(13)})::int as "negPrev12h",
    count(*) filter (where published_at > ${t(24)})::int as "last24h", ${days}`;
}

type CountsRow = Omit<WindowCounts, 'prevDays' | 'monitorName'> & Record<string, number | string | null>;
const toCounts = (r: CountsRow): Omit<WindowCounts, 'monitorName'> => ({
  monitorId: r.monitorId, lastHour: r.lastHour, prev12h: r.prev12h, negLastHour: r.negLastHour, negPrev12h: r.negPrev12h, last24h: r.last24h,
  prevDays: DAYS.map((d) => Number(r[`d${d}`] ?? 0)),
});

export function createAlertStore() {
  return {
    /** Counts per monitor (or for the whole workspace) over the last 8 days, for the alert rules. */
    async windowCounts(db: DbOrTx, workspaceId: string, now: Date, perMonitor: boolean): Promise<Array<Omit<WindowCounts, 'monitorName'>>> {
      const iso = now.toISOString();
      const range = `published_at > '${iso}'::timestamptz - interval '8 days' and published_at <= '${iso}'::timestamptz + interval '10 minutes'`;
      const q = perMonitor
        ? `select mid::text as "monitorId", ${windowSelect(iso)} from listening_mentions, unnest(monitor_ids) as mid where workspace_id = $1 and ${range} group by mid`
        : `select null as "monitorId", ${windowSelect(iso)} from listening_mentions where workspace_id = $1 and ${range}`;
      const { rows } = await sqlOf(db).query<CountsRow>(q, [workspaceId]);
      return rows.map(toCounts);
    },

    findOpen: (db: DbOrTx, workspaceId: string, dedupeKey: string) =>
      db.select().from(alerts).where(and(eq(alerts.workspaceId, workspaceId), eq(alerts.dedupeKey, dedupeKey), ne(alerts.state, 'closed'))).then((r) => r[0]),
    /** Inserts unless an alert with the same key is open (another process may have raced us). */
    insert: (db: DbOrTx, row: typeof alerts.$inferInsert) =>
      db.insert(alerts).values(row).onConflictDoNothing({ target: [alerts.workspaceId, alerts.dedupeKey], where: sql`state <> 'closed'` }).returning().then((r) => r[0]),
    update: (db: DbOrTx, workspaceId: string, id: string, patch: Partial<typeof alerts.$inferInsert>) =>
      db.update(alerts).set(patch).where(and(eq(alerts.workspaceId, workspaceId), eq(alerts.id, id))).returning().then((r) => r[0]),
    changedSince: (db: DbOrTx, workspaceId: string, since: Date) =>
      db.select().from(alerts).where(and(eq(alerts.workspaceId, workspaceId), gt(alerts.updatedAt, since))).orderBy(desc(alerts.updatedAt)).limit(50),
    find: (db: DbOrTx, workspaceId: string, id: string) =>
      db.select().from(alerts).where(and(eq(alerts.workspaceId, workspaceId), eq(alerts.id, id))).then((r) => r[0]),
    list: (db: DbOrTx, workspaceId: string, f: { state?: 'open' | 'closed'; monitorId?: string; limit: number }) => {
      const where = [eq(alerts.workspaceId, workspaceId)];
      if (f.state === 'open') where.push(ne(alerts.state, 'closed'));
      if (f.state === 'closed') where.push(eq(alerts.state, 'closed'));
      if (f.monitorId) where.push(eq(alerts.monitorId, f.monitorId));
      return db.select().from(alerts).where(and(...where)).orderBy(desc(alerts.openedAt)).limit(f.limit);
    },
    /** Workspaces that received mentions lately (the periodic evaluation looks only at them). */
    async activeWorkspaces(db: DbOrTx, since: Date): Promise<string[]> {
      const { rows } = await sqlOf(db).query<{ w: string }>(`select distinct workspace_id as w from listening_mentions where received_at >= $1::timestamptz`, [since.toISOString()]);
      return rows.map((r) => r.w);
    },
  };
}
