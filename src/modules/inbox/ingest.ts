/**
 * Threads newly stored inbound items into conversations. Only what people wrote (comments, DMs, mentions)
 * becomes a conversation; our own replies seen on the platform join their thread as outgoing messages.
 */
import type { Database } from '../../db/client.js';
import type { Clock } from '../../kernel/clock.js';
import { newId } from '../../kernel/ids.js';
import type { WorkingCalendar } from '../../kernel/working-calendar.js';
import type { StoredInbound } from '../inbound/service.js';
import {
  computePriority, higherPriority, riskCuesOf, slaDueAt, threadKeyOf, type ConversationKind, type Priority, type SlaPolicy,
} from './model.js';
import type { InboxStore } from './store.js';

export interface Threaded {
  kind: ConversationKind;
  threadKey: string;
  direction: 'in' | 'out';
  platformPostId: string | null;
  /** What a public or private reply answers (root comment id, DM conversation id, mention id). */
  replyToId: string | null;
  platformMessageId: string;
  authorReach: number | null;
}

/** Where a people-written item belongs, or null for what is not a conversation (publish results, follows). */
export function threadOf(item: StoredInbound): Threaded | null {
  const e = item.event;
  switch (e.type) {
    case 'comment': {
      const root = e.comment.parentCommentId ?? e.comment.platformCommentId;
      return {
        kind: 'comment', threadKey: threadKeyOf('comment', { platformPostId: e.comment.platformPostId, rootCommentId: root }),
        direction: e.comment.own ? 'out' : 'in', platformPostId: e.comment.platformPostId, replyToId: root,
        platformMessageId: e.comment.platformCommentId, authorReach: reachOf(e.comment.author),
      };
    }
    case 'dm':
      return {
        kind: 'dm', threadKey: threadKeyOf('dm', { dmConversationId: e.message.conversationId, peerId: e.message.from.id }),
        direction: e.message.direction, platformPostId: null, replyToId: e.message.conversationId,
        platformMessageId: e.message.platformMessageId, authorReach: reachOf(e.message.from),
      };
    case 'mention':
      return {
        kind: 'mention', threadKey: threadKeyOf('mention', { mentionId: e.mention.platformMentionId }),
        direction: 'in', platformPostId: e.mention.platformPostId ?? null, replyToId: e.mention.platformMentionId,
        platformMessageId: e.mention.platformMentionId, authorReach: reachOf(e.mention.author),
      };
    default:
      return null;
  }
}

function reachOf(user: object): number | null {
  const n = (user as { followers?: unknown }).followers;
  return typeof n === 'number' ? n : null;
}

export interface IngestDeps {
  database: Database;
  clock: Clock;
  store: InboxStore;
  calendarOf(workspaceId: string): Promise<WorkingCalendar>;
  policyOf(workspaceId: string): Promise<SlaPolicy>;
  changed(workspaceId: string, conversationIds: string[]): void;
}

export function createInboxIngest(deps: IngestDeps) {
  const { database, store, clock } = deps;
  const db = database.db;

  return async function ingest(workspaceId: string, accountId: string, platform: string, items: StoredInbound[]) {
    const threaded = items.map((item) => ({ item, t: threadOf(item) })).filter((x) => x.t && x.item.text);
    if (threaded.length === 0) return;
    const [cal, policy] = await Promise.all([deps.calendarOf(workspaceId), deps.policyOf(workspaceId)]);
    const touched = new Set<string>();
    // Oldest first, so a thread's first message opens it and its SLA clock starts there.
    threaded.sort((a, b) => a.item.occurredAt.getTime() - b.item.occurredAt.getTime());
    for (const { item, t } of threaded) {
      const id = await db.transaction(async (tx) => {
        const incoming = t!.direction === 'in';
        const priority: Priority = computePriority({
          intent: item.intent, sentiment: item.sentiment, spam: item.spam, authorReach: t!.authorReach,
          riskCues: riskCuesOf(item.text ?? '', item.riskCues ?? undefined),
        });
        let conv = await store.findByThread(tx, workspaceId, accountId, t!.threadKey);
        if (conv && await store.hasPlatformMessage(tx, conv.id, t!.platformMessageId)) return null; // our reply, already recorded
        if (!conv) {
          if (!incoming) return null; // our own comment with no thread of people around it
          conv = await store.insertConversation(tx, {
            id: newId(), workspaceId, accountId, platform, kind: t!.kind, threadKey: t!.threadKey,
            status: item.spam || item.intent === 'spam' ? 'spam' : 'open', priority, tags: [],
            authorId: item.authorId, authorName: item.authorName, platformPostId: t!.platformPostId, replyToId: t!.replyToId,
            lastMessageAt: item.occurredAt, lastInboundAt: item.occurredAt, messageCount: 0,
            slaDueAt: slaDueAt(cal, policy, item.occurredAt), createdAt: clock.now(), updatedAt: clock.now(),
          }) ?? await store.findByThread(tx, workspaceId, accountId, t!.threadKey);
        }
        const c = conv!;
        const msg = await store.insertMessage(tx, {
          id: newId(), workspaceId, conversationId: c.id, direction: t!.direction, inboundItemId: item.id, text: item.text!,
          at: item.occurredAt, authorId: item.authorId, authorName: item.authorName, sentiment: item.sentiment, intent: item.intent,
          spam: item.spam, sentimentScore: item.sentimentScore, platformMessageId: t!.platformMessageId, status: incoming ? null : 'sent',
        });
        if (!msg) return null;
        const latest = item.occurredAt >= c.lastMessageAt || c.messageCount === 0;
        await store.updateConversation(tx, workspaceId, c.id, {
          messageCount: c.messageCount + 1,
          ...(latest ? { lastText: item.text, lastSentiment: item.sentiment, lastIntent: item.intent, lastSpam: item.spam, lastMessageAt: item.occurredAt } : {}),
          ...(incoming ? {
            lastInboundAt: !c.lastInboundAt || item.occurredAt > c.lastInboundAt ? item.occurredAt : c.lastInboundAt,
            priority: c.priorityManual || c.messageCount === 0 ? c.priority : higherPriority(c.priority as Priority, priority),
            // someone wrote again in a closed thread: it needs a look
            status: c.status === 'resolved' && !item.spam && item.intent !== 'spam' ? 'open' : c.status,
            slaDueAt: c.slaDueAt ?? slaDueAt(cal, policy, item.occurredAt),
          } : { firstResponseAt: c.firstResponseAt ?? item.occurredAt }),
          updatedAt: clock.now(),
        });
        return c.id;
      });
      if (id) touched.add(id);
    }
    if (touched.size) deps.changed(workspaceId, [...touched]);
  };
}
