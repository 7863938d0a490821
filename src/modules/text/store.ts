import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { textUserWords } from './tables.js';

export function createTextStore() {
  return {
    async listWords(db: DbOrTx, workspaceId: string) {
      return db.select().from(textUserWords).where(eq(textUserWords.workspaceId, workspaceId)).orderBy(textUserWords.word);
    },
    /** Returns the words that were new. */
    async insertWords(db: DbOrTx, rows: Array<typeof textUserWords.$inferInsert>) {
      if (rows.length === 0) return [];
      return db.insert(textUserWords).values(rows).onConflictDoNothing().returning({ word: textUserWords.word });
    },
    async deleteWord(db: DbOrTx, workspaceId: string, word: string) {
      const rows = await db.delete(textUserWords).where(and(eq(textUserWords.workspaceId, workspaceId), eq(textUserWords.word, word))).returning({ word: textUserWords.word });
      return rows.length > 0;
    },
  };
}
