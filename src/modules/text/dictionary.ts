import type { Database } from '../../db/client.js';
import type { Clock } from '../../kernel/clock.js';
import { DomainError } from '../../kernel/errors.js';
import type { Actor, TeamService } from '../team/service.js';
import { createTextStore } from './store.js';

/**
 * The per-workspace user dictionary. Reads are cached per workspace for a minute: every inbound
 * comment consults it, and a stale minute after an edit is harmless.
 */
export function createTextDictionaryService(deps: { database: Database; clock: Clock; team: TeamService }) {
  const { database, clock, team } = deps;
  const db = database.db;
  const store = createTextStore();
  const cache = new Map<string, { words: string[]; at: number }>();

  return {
    async wordsOf(workspaceId: string): Promise<string[]> {
      const hit = cache.get(workspaceId);
      if (hit && clock.now().getTime() - hit.at < 60_000) return hit.words;
      const words = (await store.listWords(db, workspaceId)).map((r) => r.word);
      cache.set(workspaceId, { words, at: clock.now().getTime() });
      return words;
    },
    async list(actor: Actor) {
      const rows = await store.listWords(db, actor.workspaceId);
      return { items: rows.map((r) => ({ word: r.word, note: r.note, createdAt: r.createdAt.toISOString() })) };
    },
    async add(actor: Actor, input: { words: string[]; note?: string }) {
      const words = [...new Set(input.words.map((w) => w.trim()).filter(Boolean))];
      return db.transaction(async (tx) => {
        const added = await store.insertWords(tx, words.map((word) => ({ workspaceId: actor.workspaceId, word, note: input.note ?? null, createdBy: actor.userId })));
        if (added.length > 0) await team.record(tx, actor, { action: 'text.words_added', targetType: 'text_dictionary', details: { words: added.map((a) => a.word) } });
        cache.delete(actor.workspaceId);
        return { added: added.map((a) => a.word) };
      });
    },
    async remove(actor: Actor, word: string) {
      await db.transaction(async (tx) => {
        if (!(await store.deleteWord(tx, actor.workspaceId, word))) throw new DomainError('text.word_not_found');
        await team.record(tx, actor, { action: 'text.word_removed', targetType: 'text_dictionary', details: { word } });
      });
      cache.delete(actor.workspaceId);
    },
  };
}

export type TextDictionaryService = ReturnType<typeof createTextDictionaryService>;
