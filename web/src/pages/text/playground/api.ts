import type { z } from 'zod';
import { http, ws } from '../../../api/request';
import type { AnalyzeResponse, textAnalysis } from '../../../../../src/modules/text/schema';

export type Analysis = z.infer<typeof textAnalysis>;
export interface DictionaryWord {
  word: string;
  note: string | null;
  createdAt: string;
}

export const analyzeTexts = (workspaceId: string, texts: string[]) =>
  http.post<AnalyzeResponse>(ws(workspaceId, '/text/analyze'), { texts });
export const fetchDictionary = (workspaceId: string) =>
  http.get<{ items: DictionaryWord[] }>(ws(workspaceId, '/text/dictionary'));
export const addWords = (workspaceId: string, words: string[], note?: string) =>
  http.post<{ added: string[] }>(ws(workspaceId, '/text/dictionary'), { words, ...(note ? { note } : {}) });
export const removeWord = (workspaceId: string, word: string) =>
  http.del(ws(workspaceId, `/text/dictionary/${encodeURIComponent(word)}`));

/** One text per non-empty line, at most the API's 1000. */
export function linesOf(input: string): string[] {
  return input.split(/\r?\n/).map((l) => l.trim()).filter(Boolean).slice(0, 1000);
}
