import { z } from 'zod';

export const MAX_TEXTS = 1000;
export const MAX_TEXT_LENGTH = 10_000;

export const analyzeBody = z.object({
  texts: z.array(z.string().max(MAX_TEXT_LENGTH)).min(1).max(MAX_TEXTS),
  /** extra words for this call only (brand/product names, slang), on top of the workspace dictionary */
  userWords: z.array(z.string().min(1).max(32)).max(500).optional(),
});
export type AnalyzeBody = z.infer<typeof analyzeBody>;

export const textAnalysis = z.object({
  sentiment: z.enum(['positive', 'neutral', 'negative']),
  score: z.number(),
  intent: z.enum(['inquiry', 'complaint', 'praise', 'spam', 'other']),
  spam: z.boolean(),
  keywords: z.array(z.string()),
  /** reputational risk cues (12315, 消协, 律师, 曝光, 报警, 食物中毒, 过敏, 维权, 集体 …) */
  riskCues: z.array(z.string()),
});

export const analyzeResponse = z.object({ results: z.array(textAnalysis) });
export type AnalyzeResponse = z.infer<typeof analyzeResponse>;
