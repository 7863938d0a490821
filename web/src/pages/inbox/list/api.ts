import type { z } from 'zod';
import { http, ws } from '../../../api/request';
import type { accountSchema } from '../../../../../src/modules/accounts/schema';

export type Account = z.infer<typeof accountSchema>;

/** One inbound item as GET …/inbound presents it (the route declares the shape inline). */
export interface InboundItem {
  id: string;
  accountId: string;
  platform: string;
  type: string;
  via: string;
  occurredAt: string;
  receivedAt: string;
  author: { id: string; name: string | null } | null;
  platformPostId: string | null;
  text: string | null;
  analysis: { sentiment: string; score: number | null; intent: string | null; spam: boolean | null; keywords: string[] } | null;
}

export const TYPES = ['comment', 'dm', 'mention'] as const;
export const SENTIMENTS = ['positive', 'neutral', 'negative'] as const;
export const INTENTS = ['inquiry', 'complaint', 'praise', 'spam', 'other'] as const;

export interface InboxFilters {
  type?: (typeof TYPES)[number];
  accountId?: string;
  sentiment?: (typeof SENTIMENTS)[number];
  intent?: (typeof INTENTS)[number];
}

export const PAGE_SIZE = 50;

const pick = <T extends string>(value: string | null, allowed: readonly T[]): T | undefined =>
  (allowed as readonly string[]).includes(value ?? '') ? (value as T) : undefined;

/** ?type=comment&sentiment=negative… → filters; unknown values are ignored. */
export function filtersFromParams(params: URLSearchParams): InboxFilters {
  const accountId = params.get('accountId');
  return {
    type: pick(params.get('type'), TYPES),
    sentiment: pick(params.get('sentiment'), SENTIMENTS),
    intent: pick(params.get('intent'), INTENTS),
    accountId: accountId && /^[0-9a-f-]{36}$/i.test(accountId) ? accountId : undefined,
  };
}

export function filtersToParams(filters: InboxFilters): URLSearchParams {
  const out = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v) out.set(k, v);
  return out;
}

export const fetchInbound = (workspaceId: string, filters: InboxFilters, before?: string) =>
  http.get<{ items: InboundItem[]; nextBefore: string | null }>(ws(workspaceId, '/inbound'), { ...filters, before, limit: PAGE_SIZE });
export const collectNow = (workspaceId: string, accountId: string) =>
  http.post<{ received: number; stored: number }>(ws(workspaceId, '/inbound/collect'), { accountId });
export const fetchAccounts = (workspaceId: string) =>
  http.get<{ items: Account[] }>(ws(workspaceId, '/accounts'));

/** Counts per sentiment and per intent of the items loaded. */
export function summarize(items: InboundItem[]) {
  const sentiment: Record<string, number> = { positive: 0, neutral: 0, negative: 0 };
  const intent: Record<string, number> = { inquiry: 0, complaint: 0, praise: 0, spam: 0, other: 0 };
  let analysed = 0;
  let spam = 0;
  for (const i of items) {
    if (!i.analysis) continue;
    analysed += 1;
    sentiment[i.analysis.sentiment] = (sentiment[i.analysis.sentiment] ?? 0) + 1;
    if (i.analysis.intent) intent[i.analysis.intent] = (intent[i.analysis.intent] ?? 0) + 1;
    if (i.analysis.spam) spam += 1;
  }
  return { total: items.length, analysed, spam, sentiment, intent };
}
export type InboxSummary = ReturnType<typeof summarize>;
