import { z } from 'zod';
import { defineRoutes, route } from '../../kernel/http/route.js';
import { workspaceIdParams } from '../team/schema.js';
import type { TextAnalysis } from './model.js';
import * as s from './schema.js';

const base = '/api/v1/workspaces/:workspaceId/text';
const tags = ['text'];

/** Allow-list of the analysis fields (the same shape as `chorus analyze --jsonl`). */
export function presentAnalysis(a: TextAnalysis): TextAnalysis {
  return { sentiment: a.sentiment, score: a.score, intent: a.intent, spam: a.spam, keywords: a.keywords, riskCues: a.riskCues };
}

export const textRoutes = defineRoutes([
  route({
    method: 'POST', url: `${base}/analyze`, access: 'text.analyze', tags,
    summary: 'Sentiment, intent, spam verdict, keywords and reputational risk cues of up to 1000 texts (情感/意图/垃圾/关键词/风险词)',
    params: workspaceIdParams, body: s.analyzeBody, response: s.analyzeResponse,
    handler: async ({ actor, body, services }) => {
      const userWords = [...(await services.textDictionary.wordsOf(actor.workspaceId)), ...(body.userWords ?? [])];
      return { results: services.text.analyze(body.texts, { userWords }).map(presentAnalysis) };
    },
  }),
  route({
    method: 'GET', url: `${base}/dictionary`, access: 'text.analyze', tags, summary: 'The workspace dictionary (brand and product names, slang)',
    params: workspaceIdParams, response: z.object({ items: z.array(z.object({ word: z.string(), note: z.string().nullable(), createdAt: z.string() })) }),
    handler: ({ actor, services }) => services.textDictionary.list(actor),
  }),
  route({
    method: 'POST', url: `${base}/dictionary`, access: 'text.manage', tags, summary: 'Add words to the workspace dictionary',
    params: workspaceIdParams, body: z.object({ words: z.array(z.string().trim().min(1).max(30)).min(1).max(500), note: z.string().max(200).optional() }),
    response: z.object({ added: z.array(z.string()) }), status: 201,
    handler: ({ actor, body, services }) => services.textDictionary.add(actor, body),
  }),
  route({
    method: 'DELETE', url: `${base}/dictionary/:word`, access: 'text.manage', tags, summary: 'Remove a word from the workspace dictionary',
    params: workspaceIdParams.extend({ word: z.string().min(1).max(30) }), status: 204,
    handler: ({ actor, params, services }) => services.textDictionary.remove(actor, params.word),
  }),
]);
