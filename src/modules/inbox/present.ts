import { slaStateOf, type ConversationStatus, type SlaPolicy } from './model.js';
import type { ConversationRow, MessageRow } from './store.js';

/** The conversation as the API shows it: an allow-list of fields, the SLA state computed for `now`. */
export function presentConversation(r: ConversationRow, policy: SlaPolicy, now: Date) {
  return {
    id: r.id, kind: r.kind, platform: r.platform, accountId: r.accountId, status: r.status, priority: r.priority,
    assigneeUserId: r.assigneeUserId, tags: r.tags ?? [],
    author: { id: r.authorId ?? '', name: r.authorName ?? '' },
    lastMessage: { text: r.lastText ?? '', sentiment: r.lastSentiment, intent: r.lastIntent, spam: r.lastSpam ?? false, at: r.lastMessageAt.toISOString() },
    messageCount: r.messageCount,
    slaDueAt: r.slaDueAt?.toISOString() ?? null,
    firstResponseAt: r.firstResponseAt?.toISOString() ?? null,
    slaState: slaStateOf({ status: r.status as ConversationStatus, slaDueAt: r.slaDueAt, firstResponseAt: r.firstResponseAt }, policy, now),
    platformPostId: r.platformPostId,
    createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString(),
  };
}

export function presentMessage(m: MessageRow) {
  const out = m.direction === 'out';
  return {
    id: m.id, direction: m.direction as 'in' | 'out', text: m.text, at: m.at.toISOString(),
    author: m.authorId ? { id: m.authorId, name: m.authorName ?? '' } : null,
    sentiment: m.sentiment, intent: m.intent, spam: m.spam,
    ...(out ? { status: (m.status ?? 'sent') as 'queued' | 'sent' | 'failed', platformMessageId: m.platformMessageId, private: m.private, error: m.lastError, sentByUserId: m.sentByUserId } : {}),
    moderation: m.moderation ?? null,
  };
}

export function presentReply(m: MessageRow) {
  return { id: m.id, status: (m.status ?? 'queued') as 'queued' | 'sent' | 'failed', platformMessageId: m.platformMessageId, error: m.lastError };
}
