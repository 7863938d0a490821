import { and, eq, gte, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { aiUsage } from './tables.js';

/** Queries only; every one scoped by workspace. */
export function createAiStore() {
  return {
    async insertUsage(db: DbOrTx, row: typeof aiUsage.$inferInsert) {
      await db.insert(aiUsage).values(row);
    },
    async monthTotals(db: DbOrTx, workspaceId: string, from: Date, to: Date) {
      const [row] = await db.select({
        calls: sql<number>`count(*)::int`,
        promptTokens: sql<number>`coalesce(sum(${aiUsage.promptTokens}), 0)::int`,
        completionTokens: sql<number>`coalesce(sum(${aiUsage.completionTokens}), 0)::int`,
        costYuan: sql<number>`coalesce(sum(${aiUsage.costYuan}), 0)::float8`,
      }).from(aiUsage).where(and(eq(aiUsage.workspaceId, workspaceId), gte(aiUsage.at, from), lt(aiUsage.at, to)));
      return row!;
    },
  };
}
