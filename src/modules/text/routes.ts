import { defineRoutes, route } from '../../server/route.js';
import type { Services } from '../../server/services.js';
import { workspaceIdParams } from '../team/schema.js';
import type { TextAnalysis } from './model.js';
import * as s from './schema.js';
import { createTextService, type TextService } from './service.js';

const base = '/api/v1/workspaces/:workspaceId/text';
const tags = ['text'];

let fallback: TextService | null = null;

function textOf(services: Services): TextService {
  const provided = (services as Services & { text?: TextService }).text;
  return provided ?? (fallback ??= createTextService());
}

/** Allow-list of the analysis fields (the same shape as `chorus analyze --jsonl`). */
export function presentAnalysis(a: TextAnalysis): TextAnalysis {
  return { sentiment: a.sentiment, score: a.score, intent: a.intent, spam: a.spam, keywords: a.keywords };
}

export const textRoutes = defineRoutes([
  route({
    method: 'POST', url: `${base}/analyze`, access: 'text.analyze', tags,
    summary: 'Sentiment, intent, spam verdict and keywords of up to 1000 texts (情感/意图/垃圾/关键词)',
    params: workspaceIdParams, body: s.analyzeBody, response: s.analyzeResponse,
    handler: async ({ body, services }) => ({
      results: textOf(services).analyze(body.texts, { userWords: body.userWords }).map(presentAnalysis),
    }),
  }),
]);
