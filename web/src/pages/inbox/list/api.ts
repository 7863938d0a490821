import type { z } from 'zod';
import { http, ws } from '../../../api/request';
import type { accountSchema } from '../../../../../src/modules/accounts/schema';
import type { conversationSchema, messageSchema, replySchema, summarySchema } from '../../../../../src/modules/inbox/schema';

export type Account = z.infer<typeof accountSchema>;
export type Conversation = z.infer<typeof conversationSchema>;
export type Message = z.infer<typeof messageSchema>;
export type Reply = z.infer<typeof replySchema>;
export type Summary = z.infer<typeof summarySchema>;
export interface Member { userId: string; name: string; role: string }
export interface Finding { rule: string; category: string; severity: string; match: string; message: string; suggestion?: string }

export const STATUSES = ['open', 'pending', 'resolved', 'spam'] as const;
export const PRIORITIES = ['critical', 'high', 'normal', 'low'] as const;
export const KINDS = ['comment', 'dm', 'mention'] as const;
export const SENTIMENTS = ['positive', 'neutral', 'negative'] as const;
export const INTENTS = ['inquiry', 'complaint', 'praise', 'spam', 'other'] as const;
export const SLA_STATES = ['ok', 'warning', 'breached'] as const;

export interface InboxFilters {
  status?: (typeof STATUSES)[number];
  assigneeUserId?: string;
  priority?: (typeof PRIORITIES)[number];
  kind?: (typeof KINDS)[number];
  sentiment?: (typeof SENTIMENTS)[number];
  intent?: (typeof INTENTS)[number];
  slaState?: (typeof SLA_STATES)[number];
  accountId?: string;
  q?: string;
}

export const PAGE_SIZE = 50;
const UUID = /^[0-9a-f-]{36}$/i;

const pick = <T extends string>(value: string | null, allowed: readonly T[]): T | undefined =>
  (allowed as readonly string[]).includes(value ?? '') ? (value as T) : undefined;

/** ?status=open&slaState=breached… → filters; unknown values are ignored. */
export function filtersFromParams(params: URLSearchParams): InboxFilters {
  const accountId = params.get('accountId');
  const assignee = params.get('assigneeUserId');
  const q = params.get('q')?.trim().slice(0, 100);
  return {
    status: pick(params.get('status'), STATUSES),
    assigneeUserId: assignee === 'me' || assignee === 'none' || (assignee && UUID.test(assignee)) ? assignee : undefined,
    priority: pick(params.get('priority'), PRIORITIES),
    kind: pick(params.get('kind'), KINDS),
    sentiment: pick(params.get('sentiment'), SENTIMENTS),
    intent: pick(params.get('intent'), INTENTS),
    slaState: pick(params.get('slaState'), SLA_STATES),
    accountId: accountId && UUID.test(accountId) ? accountId : undefined,
    q: q || undefined,
  };
}

export function filtersToParams(filters: InboxFilters, extra: Record<string, string | undefined> = {}): URLSearchParams {
  const out = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...filters, ...extra })) if (v) out.set(k, v);
  return out;
}

const base = (w: string) => ws(w, '/inbox');
export const fetchConversations = (w: string, filters: InboxFilters, cursor?: string) =>
  http.get<{ items: Conversation[]; nextCursor: string | null }>(`${base(w)}/conversations`, { ...filters, cursor, limit: PAGE_SIZE });
export const fetchConversation = (w: string, id: string) =>
  http.get<{ conversation: Conversation; messages: Message[] }>(`${base(w)}/conversations/${encodeURIComponent(id)}`);
export const patchConversation = (w: string, id: string, patch: { status?: string; assigneeUserId?: string | null; priority?: string; tags?: string[] }) =>
  http.patch<{ conversation: Conversation }>(`${base(w)}/conversations/${encodeURIComponent(id)}`, patch);
export const sendReply = (w: string, id: string, body: { text: string; private?: boolean }) =>
  http.post<{ reply: Reply }>(`${base(w)}/conversations/${encodeURIComponent(id)}/replies`, body);
export const retryReply = (w: string, id: string, replyId: string) =>
  http.post<{ reply: Reply }>(`${base(w)}/conversations/${encodeURIComponent(id)}/replies/${encodeURIComponent(replyId)}/retry`);
export const moderate = (w: string, id: string, action: 'hide' | 'delete') =>
  http.post<{ moderated: number }>(`${base(w)}/conversations/${encodeURIComponent(id)}/moderation`, { action });
export const fetchSummary = (w: string) => http.get<Summary>(`${base(w)}/summary`);
export const streamUrl = (w: string) => `${base(w)}/stream`;
export const collectNow = (w: string, accountId: string) =>
  http.post<{ received: number; stored: number }>(ws(w, '/inbound/collect'), { accountId });
export const fetchAccounts = (w: string) => http.get<{ items: Account[] }>(ws(w, '/accounts'));
export const fetchMembers = (w: string) => http.get<{ items: Member[] }>(ws(w, '/members'));

/** The next row for j/k: stays inside the list, starts at the top. */
export function step(ids: string[], current: string | null, delta: 1 | -1): string | null {
  if (ids.length === 0) return null;
  const i = current ? ids.indexOf(current) : -1;
  if (i < 0) return ids[0]!;
  return ids[Math.min(ids.length - 1, Math.max(0, i + delta))]!;
}
