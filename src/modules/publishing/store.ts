import { and, asc, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import { sqlOf, type DbOrTx } from '../../db/client.js';
import type { PublicationState } from './model.js';
import { publications, publishAttempts } from './tables.js';

export type PublicationRow = typeof publications.$inferSelect;
export type AttemptRow = typeof publishAttempts.$inferSelect;
type Patch = Partial<typeof publications.$inferInsert>;

export function createPublishingStore() {
  return {
    async insertPublications(db: DbOrTx, rows: Array<typeof publications.$inferInsert>) {
      if (rows.length === 0) return [];
      return db.insert(publications).values(rows).returning();
    },
    async findByVariants(db: DbOrTx, workspaceId: string, variantIds: string[], forUpdate = false) {
      if (variantIds.length === 0) return [];
      const q = db.select().from(publications).where(and(eq(publications.workspaceId, workspaceId), inArray(publications.variantId, variantIds)));
      return forUpdate ? q.for('update') : q;
    },
    async findById(db: DbOrTx, workspaceId: string, id: string) {
      const [row] = await db.select().from(publications).where(and(eq(publications.workspaceId, workspaceId), eq(publications.id, id)));
      return row;
    },
    /** Job handlers: ids come from our own jobs, so they span workspaces. */
    async findManyByIds(db: DbOrTx, ids: string[]) {
      if (ids.length === 0) return [];
      return db.select().from(publications).where(inArray(publications.id, ids));
    },
    async update(db: DbOrTx, id: string, patch: Patch) {
      const [row] = await db.update(publications).set(patch).where(eq(publications.id, id)).returning();
      return row;
    },

    /**
     * The only way into `publishing`: a conditional update, so two workers (or a retried job and
     * the sweep) can never both own a row. Returns the row when this worker got it.
     */
    async claim(db: DbOrTx, id: string, worker: string, now: Date, leaseUntil: Date) {
      const [row] = await db.update(publications).set({
        state: 'publishing', claimedBy: worker, leaseUntil, attempts: sql`${publications.attempts} + 1`,
        budgetUsed: sql`${publications.budgetUsed} + 1`, dispatchedAt: sql`coalesce(${publications.dispatchedAt}, ${now})`, updatedAt: now,
      }).where(and(
        eq(publications.id, id), eq(publications.state, 'scheduled'),
        sql`coalesce(${publications.nextAttemptAt}, ${publications.dueAt}) <= ${new Date(now.getTime() + 50)}`,
      )).returning();
      return row;
    },
    /** claim() for many rows at once (one statement); returns the rows this worker got. */
    async claimMany(db: DbOrTx, ids: string[], worker: string, now: Date, leaseUntil: Date) {
      if (ids.length === 0) return [];
      return db.update(publications).set({
        state: 'publishing', claimedBy: worker, leaseUntil, attempts: sql`${publications.attempts} + 1`,
        budgetUsed: sql`${publications.budgetUsed} + 1`, dispatchedAt: sql`coalesce(${publications.dispatchedAt}, ${now})`, updatedAt: now,
      }).where(and(
        inArray(publications.id, ids), eq(publications.state, 'scheduled'),
        sql`coalesce(${publications.nextAttemptAt}, ${publications.dueAt}) <= ${new Date(now.getTime() + 50)}`,
      )).returning();
    },
    /** Moves a row on only if it is still in one of `from` (and, when given, still leased by `worker`). */
    async transition(db: DbOrTx, id: string, from: PublicationState[], patch: Patch, worker?: string) {
      const where = [eq(publications.id, id), inArray(publications.state, from)];
      if (worker) where.push(eq(publications.claimedBy, worker));
      const [row] = await db.update(publications).set(patch).where(and(...where)).returning();
      return row;
    },

    async insertAttempt(db: DbOrTx, row: typeof publishAttempts.$inferInsert) {
      await db.insert(publishAttempts).values(row);
    },
    async listAttempts(db: DbOrTx, workspaceId: string, publicationId: string) {
      return db.select().from(publishAttempts)
        .where(and(eq(publishAttempts.workspaceId, workspaceId), eq(publishAttempts.publicationId, publicationId)))
        .orderBy(asc(publishAttempts.number), asc(publishAttempts.startedAt));
    },

    async listByStates(db: DbOrTx, workspaceId: string, states: PublicationState[], f: { limit: number; offset: number; newestFirst: boolean }) {
      return db.select().from(publications)
        .where(and(eq(publications.workspaceId, workspaceId), inArray(publications.state, states)))
        .orderBy(f.newestFirst ? desc(publications.updatedAt) : asc(publications.dueAt), asc(publications.id))
        .limit(f.limit).offset(f.offset);
    },
    async countByState(db: DbOrTx, workspaceId: string) {
      const rows = await db.select({ state: publications.state, n: sql<number>`count(*)::int` }).from(publications)
        .where(eq(publications.workspaceId, workspaceId)).groupBy(publications.state);
      return Object.fromEntries(rows.map((r) => [r.state, Number(r.n)])) as Partial<Record<PublicationState, number>>;
    },

    // ---- the sweep ----
    async expiredLeases(db: DbOrTx, now: Date, limit: number) {
      return db.select().from(publications)
        .where(and(eq(publications.state, 'publishing'), lt(publications.leaseUntil, now))).limit(limit);
    },
    /**
     * Rows that should have a live queue job but do not: scheduled rows past due, pending uploads and
     * unconfirmed attempts, whose job is gone, finished, or active longer than `activeStaleMs` (its worker died).
     */
    async withoutLiveJob(db: DbOrTx, now: Date, graceMs: number, activeStaleMs: number, limit: number) {
      const cutoff = new Date(now.getTime() - graceMs).toISOString();
      const staleActive = new Date(now.getTime() - activeStaleMs).toISOString();
      const r = await sqlOf(db).query<{ id: string }>(`
        select p.id from publications p
        left join pgboss.job j on p.job_id is not null and j.id = p.job_id::uuid
        where p.state in ('scheduled', 'pending', 'unconfirmed')
          and coalesce(p.next_attempt_at, p.due_at) < $1 and p.updated_at < $1
          and (j.id is null or j.state not in ('created', 'retry', 'active') or (j.state = 'active' and j.started_on < $2))
        order by p.due_at limit $3`, [cutoff, staleActive, limit]);
      return r.rows.map((x) => x.id);
    },
    async listWaitingAuth(db: DbOrTx, limit: number) {
      return db.select().from(publications).where(eq(publications.state, 'waiting_auth')).orderBy(asc(publications.dueAt)).limit(limit);
    },
    /** Accounts with something due before `until`: their tokens are refreshed ahead of expiry. */
    async accountsDueBefore(db: DbOrTx, until: Date) {
      return db.selectDistinctOn([publications.accountId], { workspaceId: publications.workspaceId, accountId: publications.accountId, createdBy: publications.createdBy })
        .from(publications).where(and(eq(publications.state, 'scheduled'), lt(publications.dueAt, until)));
    },
    async scheduledForAccount(db: DbOrTx, accountId: string) {
      return db.select().from(publications).where(and(eq(publications.accountId, accountId), eq(publications.state, 'scheduled')));
    },
  };
}

export type PublishingStore = ReturnType<typeof createPublishingStore>;
