import { and, asc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { type DbOrTx, sqlOf } from '../../db/client.js';
import type { AccountDailyRow, PostDailyRow } from './model.js';
import {
  analyticsAccountSnapshots as accountSnaps, analyticsCompetitorSnapshots as competitorSnaps, analyticsCompetitors,
  analyticsDailyRollups as rollups, analyticsGoals, analyticsPostSnapshots as postSnaps, analyticsPostWeeks as postWeeks,
} from './tables.js';

export type GoalRow = typeof analyticsGoals.$inferSelect;
export type CompetitorRow = typeof analyticsCompetitors.$inferSelect;
export type CompetitorSnapshotRow = typeof competitorSnaps.$inferSelect;

const BATCH = 5000;
const chunks = <T>(xs: readonly T[]) => Array.from({ length: Math.ceil(xs.length / BATCH) }, (_, i) => xs.slice(i * BATCH, (i + 1) * BATCH));
const excluded = (col: string) => sql.raw(`excluded.${col}`);

export function createAnalyticsStore() {
  return {
    /**
     * Insert or replace post-days. One statement per 5,000 rows with a column array per
     * parameter (unnest), which is several times faster than row tuples on PGlite.
     */
    async upsertPostSnapshots(db: DbOrTx, workspaceId: string, rows: readonly PostDailyRow[], source: string, onBatch?: (n: number) => void) {
      for (const batch of chunks(rows)) {
        const col = <T>(f: (r: PostDailyRow) => T) => batch.map(f);
        await sqlOf(db).query(`
          insert into analytics_post_snapshots (workspace_id, day, platform, account, post_id, post_title, theme, format, published_hour,
            exposure, likes, comments, shares, saves, clicks, conversions, source)
          select $1::uuid, u.* , $17::text from unnest($2::date[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::int[],
            $10::bigint[], $11::bigint[], $12::bigint[], $13::bigint[], $14::bigint[], $15::bigint[], $16::bigint[]) as u
          on conflict (workspace_id, day, platform, account, post_id) do update set
            post_title = excluded.post_title, theme = excluded.theme, format = excluded.format, published_hour = excluded.published_hour,
            exposure = excluded.exposure, likes = excluded.likes, comments = excluded.comments, shares = excluded.shares,
            saves = excluded.saves, clicks = excluded.clicks, conversions = excluded.conversions, source = excluded.source, updated_at = now()`, [
          workspaceId, col((r) => r.date), col((r) => r.platform), col((r) => r.account), col((r) => r.postId), col((r) => r.postTitle),
          col((r) => r.theme), col((r) => r.format), col((r) => r.publishedHour ?? null), col((r) => r.exposure), col((r) => r.likes),
          col((r) => r.comments), col((r) => r.shares), col((r) => r.saves), col((r) => r.clicks ?? null), col((r) => r.conversions), source,
        ]);
        onBatch?.(batch.length);
      }
    },

    async upsertAccountSnapshots(db: DbOrTx, workspaceId: string, rows: readonly AccountDailyRow[], source: string, onBatch?: (n: number) => void) {
      for (const batch of chunks(rows)) {
        await db.insert(accountSnaps).values(batch.map((r) => ({
          workspaceId, day: r.date, platform: r.platform, account: r.account,
          followers: r.followers, newFollowers: r.newFollowers, unfollows: r.unfollows, source,
        }))).onConflictDoUpdate({
          target: [accountSnaps.workspaceId, accountSnaps.day, accountSnaps.platform, accountSnaps.account],
          set: { followers: excluded('followers'), newFollowers: excluded('new_followers'), unfollows: excluded('unfollows'), source: excluded('source'), updatedAt: sql`now()` },
        });
        onBatch?.(batch.length);
      }
    },

    /** Recompute the daily rollups of the given days from the snapshots. */
    async refreshRollups(db: DbOrTx, workspaceId: string, days: readonly string[]) {
      if (!days.length) return;
      await db.delete(rollups).where(and(eq(rollups.workspaceId, workspaceId), inArray(rollups.day, [...days])));
      const list = days.join(',');
      await db.execute(sql`
        insert into analytics_daily_rollups (workspace_id, day, platform, account, posts, exposure, interactions, clicks, conversions, followers, new_followers, unfollows)
        select ${workspaceId}::uuid, k.day, k.platform, k.account, coalesce(p.posts, 0), p.exposure, p.interactions, p.clicks, p.conversions,
               a.followers, a.new_followers, a.unfollows
        from (
          select day, platform, account from analytics_post_snapshots where workspace_id = ${workspaceId}::uuid and day = any(string_to_array(${list}, ',')::date[])
          union
          select day, platform, account from analytics_account_snapshots where workspace_id = ${workspaceId}::uuid and day = any(string_to_array(${list}, ',')::date[])
        ) k
        left join (
          select day, platform, account, count(*)::int as posts, sum(exposure) as exposure,
                 case when count(likes) + count(comments) + count(shares) + count(saves) = 0 then null
                      else coalesce(sum(likes), 0) + coalesce(sum(comments), 0) + coalesce(sum(shares), 0) + coalesce(sum(saves), 0) end as interactions,
                 sum(clicks) as clicks, sum(conversions) as conversions
          from analytics_post_snapshots where workspace_id = ${workspaceId}::uuid and day = any(string_to_array(${list}, ',')::date[])
          group by day, platform, account
        ) p using (day, platform, account)
        left join analytics_account_snapshots a
          on a.workspace_id = ${workspaceId}::uuid and a.day = k.day and a.platform = k.platform and a.account = k.account`);
    },

    async listPostSnapshots(db: DbOrTx, workspaceId: string, from: string, to: string): Promise<PostDailyRow[]> {
      const rows = await db.select().from(postSnaps)
        .where(and(eq(postSnaps.workspaceId, workspaceId), gte(postSnaps.day, from), lte(postSnaps.day, to)))
        .orderBy(asc(postSnaps.day), asc(postSnaps.platform), asc(postSnaps.account), asc(postSnaps.postId));
      return rows.map((r) => ({
        date: r.day, platform: r.platform, account: r.account, postId: r.postId, postTitle: r.postTitle, theme: r.theme,
        format: r.format, publishedHour: r.publishedHour, exposure: r.exposure, likes: r.likes, comments: r.comments,
        shares: r.shares, saves: r.saves, clicks: r.clicks, conversions: r.conversions,
      }));
    },

    /**
     * Recompute the per-post weekly totals of the ISO weeks holding `days` (only the given
     * accounts' posts when `accounts` is set). Descriptive fields as aggregatePosts picks them:
     * the last day's title (the first's when empty), the first known theme, format and hour.
     */
    async refreshPostWeeks(db: DbOrTx, workspaceId: string, days: readonly string[], accounts?: readonly { platform: string; account: string }[]) {
      if (!days.length) return;
      const weeks = [...new Set(days.map((d) => DateTime.fromISO(d, { zone: 'utc' }).startOf('week').toISODate()!))];
      const only = accounts ? 'and (platform, account) in (select * from unnest($3::text[], $4::text[]))' : '';
      const params = [workspaceId, weeks, ...(accounts ? [accounts.map((a) => a.platform), accounts.map((a) => a.account)] : [])];
      await sqlOf(db).query(`delete from analytics_post_weeks where workspace_id = $1 and week_start = any($2::date[]) ${only}`, params);
      await sqlOf(db).query(`
        insert into analytics_post_weeks (workspace_id, week_start, platform, account, post_id, first_day, post_title, theme, format, published_hour,
          exposure, likes, comments, shares, saves, clicks, conversions)
        select $1::uuid, date_trunc('week', day)::date, platform, account, post_id, min(day),
          coalesce(nullif((max(array[day::text, post_title]))[2], ''), (min(array[day::text, post_title]))[2]),
          (min(array[day::text, theme]) filter (where theme is not null))[2],
          (min(array[day::text, format]) filter (where format is not null))[2],
          (min(array[day::text, published_hour::text]) filter (where published_hour is not null))[2]::int,
          sum(exposure::float8), sum(likes::float8), sum(comments::float8), sum(shares::float8), sum(saves::float8), sum(clicks::float8), sum(conversions::float8)
        from analytics_post_snapshots
        where workspace_id = $1 and day >= (select min(w) from unnest($2::date[]) w) and day < (select max(w) from unnest($2::date[]) w) + 7
          and date_trunc('week', day)::date = any($2::date[]) ${only}
        group by 2, platform, account, post_id`, params);
    },

    /** The per-post totals of the given ISO weeks (what aggregatePosts makes of each week's daily rows), dated at each post's first day in its week. */
    async listPostWeeks(db: DbOrTx, workspaceId: string, weekStarts: readonly string[]): Promise<PostDailyRow[]> {
      const rows = await db.select().from(postWeeks)
        .where(and(eq(postWeeks.workspaceId, workspaceId), inArray(postWeeks.weekStart, [...weekStarts])))
        .orderBy(asc(postWeeks.firstDay), asc(postWeeks.platform), asc(postWeeks.account), asc(postWeeks.postId));
      return rows.map((r) => ({
        date: r.firstDay, platform: r.platform, account: r.account, postId: r.postId, postTitle: r.postTitle, theme: r.theme, format: r.format,
        publishedHour: r.publishedHour, exposure: r.exposure, likes: r.likes, comments: r.comments, shares: r.shares, saves: r.saves, clicks: r.clicks, conversions: r.conversions,
      }));
    },

    async listAccountSnapshots(db: DbOrTx, workspaceId: string, from: string, to: string): Promise<AccountDailyRow[]> {
      const rows = await db.select().from(accountSnaps)
        .where(and(eq(accountSnaps.workspaceId, workspaceId), gte(accountSnaps.day, from), lte(accountSnaps.day, to)))
        .orderBy(asc(accountSnaps.day), asc(accountSnaps.platform), asc(accountSnaps.account));
      return rows.map((r) => ({ date: r.day, platform: r.platform, account: r.account, followers: r.followers, newFollowers: r.newFollowers, unfollows: r.unfollows }));
    },

    async listRollups(db: DbOrTx, workspaceId: string, from: string, to: string) {
      return db.select().from(rollups)
        .where(and(eq(rollups.workspaceId, workspaceId), gte(rollups.day, from), lte(rollups.day, to)))
        .orderBy(asc(rollups.day), asc(rollups.platform), asc(rollups.account));
    },

    /** Every platform/account pair with data (the dashboard's drill-down choices). */
    async listRollupKeys(db: DbOrTx, workspaceId: string) {
      return db.selectDistinct({ platform: rollups.platform, account: rollups.account }).from(rollups)
        .where(eq(rollups.workspaceId, workspaceId)).orderBy(asc(rollups.platform), asc(rollups.account));
    },

    async insertGoal(db: DbOrTx, row: typeof analyticsGoals.$inferInsert) {
      const [out] = await db.insert(analyticsGoals).values(row).returning();
      return out;
    },
    async listGoals(db: DbOrTx, workspaceId: string) {
      return db.select().from(analyticsGoals).where(eq(analyticsGoals.workspaceId, workspaceId)).orderBy(asc(analyticsGoals.startDay), asc(analyticsGoals.name));
    },
    async deleteGoal(db: DbOrTx, workspaceId: string, id: string) {
      const rows = await db.delete(analyticsGoals).where(and(eq(analyticsGoals.workspaceId, workspaceId), eq(analyticsGoals.id, id))).returning();
      return rows[0];
    },

    async insertCompetitor(db: DbOrTx, row: typeof analyticsCompetitors.$inferInsert) {
      const [out] = await db.insert(analyticsCompetitors).values(row).onConflictDoNothing().returning();
      return out;
    },
    async findCompetitor(db: DbOrTx, workspaceId: string, id: string) {
      const [row] = await db.select().from(analyticsCompetitors).where(and(eq(analyticsCompetitors.workspaceId, workspaceId), eq(analyticsCompetitors.id, id)));
      return row;
    },
    async listCompetitors(db: DbOrTx, workspaceId: string) {
      return db.select().from(analyticsCompetitors).where(eq(analyticsCompetitors.workspaceId, workspaceId)).orderBy(asc(analyticsCompetitors.name));
    },
    async upsertCompetitorSnapshot(db: DbOrTx, row: typeof competitorSnaps.$inferInsert) {
      await db.insert(competitorSnaps).values(row).onConflictDoUpdate({
        target: [competitorSnaps.competitorId, competitorSnaps.day],
        set: { followers: row.followers ?? null, posts: row.posts ?? null, interactionRate: row.interactionRate ?? null },
      });
    },
    async listCompetitorSnapshots(db: DbOrTx, workspaceId: string, from: string, to: string) {
      return db.select().from(competitorSnaps)
        .where(and(eq(competitorSnaps.workspaceId, workspaceId), gte(competitorSnaps.day, from), lte(competitorSnaps.day, to)))
        .orderBy(asc(competitorSnaps.day));
    },
  };
}

export type AnalyticsStore = ReturnType<typeof createAnalyticsStore>;
