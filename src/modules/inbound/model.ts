import type { PlatformEvent } from '../platforms/connector.js';

export interface InboundRow {
  eventId: string;
  type: PlatformEvent['type'];
  occurredAt: Date;
  authorId: string | null;
  authorName: string | null;
  platformPostId: string | null;
  text: string | null;
  payload: unknown;
}

/** Flattens a normalised platform event into the columns the inbox and reports filter on. */
/**
 * The same comment arrives by webhook (the platform's delivery id) and by polling (no delivery id):
 * people-written items are keyed by the platform's own object id so either path stores it once.
 */
export function canonicalEventId(e: PlatformEvent): string {
  switch (e.type) {
    case 'comment': return `comment:${e.comment.platformCommentId}`;
    case 'dm': return `dm:${e.message.platformMessageId}`;
    case 'mention': return `mention:${e.mention.platformMentionId}`;
    default: return e.eventId;
  }
}

export function toInboundRow(e: PlatformEvent): InboundRow {
  const base = { eventId: canonicalEventId(e), type: e.type, occurredAt: e.occurredAt, payload: e };
  switch (e.type) {
    case 'comment':
      return { ...base, authorId: e.comment.author.id, authorName: e.comment.author.name ?? null, platformPostId: e.comment.platformPostId, text: e.comment.text };
    case 'dm':
      return { ...base, authorId: e.message.from.id, authorName: e.message.from.name ?? null, platformPostId: null, text: e.message.text };
    case 'mention':
      return { ...base, authorId: e.mention.author.id, authorName: e.mention.author.name ?? null, platformPostId: e.mention.platformPostId ?? null, text: e.mention.text };
    case 'follow':
      return { ...base, authorId: e.user.id, authorName: e.user.name ?? null, platformPostId: null, text: null };
    case 'publish_result':
      return { ...base, authorId: null, authorName: null, platformPostId: e.platformPostId ?? null, text: null };
  }
}

/** Only what people wrote is analysed; our own replies are kept but not scored. */
export function needsAnalysis(row: InboundRow): boolean {
  if (!row.text) return false;
  const p = row.payload as PlatformEvent;
  if (p.type === 'comment' && p.comment.own) return false;
  if (p.type === 'dm' && p.message.direction === 'out') return false;
  return true;
}
