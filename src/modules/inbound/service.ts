import { scrubText } from '../../kernel/http/accepted-text.js';
import type { Database } from '../../db/client.js';
import type { Jobs } from '../../jobs/queue.js';
import type { Clock } from '../../kernel/clock.js';
import { DomainError } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import type { AccountsService } from '../accounts/service.js';
import type { PlatformEvent, WebhookRequest, WebhookResponse } from '../platforms/connector.js';
import type { Actor } from '../team/service.js';
import type { TextDictionaryService } from '../text/dictionary.js';
import type { TextService } from '../text/service.js';
import { canonicalEventId, needsAnalysis, toInboundRow } from './model.js';
import { createInboundStore, type InboundItemRow } from './store.js';

export const COLLECT_JOB = 'inbound.collect';

export interface InboundListener {
  /** Called after new events are stored (publishing listens for publish_result). */
  (workspaceId: string, accountId: string, events: PlatformEvent[]): Promise<void>;
}

/** A stored people-written or platform item with its analysis, for modules that build on inbound (the inbox). */
export interface StoredInbound {
  id: string; type: PlatformEvent['type']; occurredAt: Date; authorId: string | null; authorName: string | null;
  platformPostId: string | null; text: string | null; sentiment: string | null; sentimentScore: number | null;
  intent: string | null; spam: boolean | null; riskCues: string[] | null; event: PlatformEvent;
}

export interface InboundStoredListener {
  (workspaceId: string, accountId: string, platform: string, items: StoredInbound[]): Promise<void>;
}

export function presentInbound(r: InboundItemRow) {
  return {
    id: r.id, accountId: r.accountId, platform: r.platform, type: r.type, via: r.via,
    occurredAt: r.occurredAt.toISOString(), receivedAt: r.receivedAt.toISOString(),
    author: r.authorId ? { id: r.authorId, name: r.authorName } : null, platformPostId: r.platformPostId, text: r.text,
    analysis: r.sentiment ? { sentiment: r.sentiment, score: r.sentimentScore, intent: r.intent, spam: r.spam, keywords: r.keywords ?? [] } : null,
  };
}

/**
 * Inbound platform traffic: webhooks (verified on the raw body) and polling collectors land here,
 * de-duplicated by the platform's event id, and every text people wrote goes through the one text service.
 */
export function createInboundService(deps: { database: Database; jobs: Jobs; clock: Clock; accounts: AccountsService; text: TextService; dictionary: TextDictionaryService }) {
  const { database, accounts, text, clock, dictionary } = deps;
  const db = database.db;
  const store = createInboundStore();
  const listeners: InboundListener[] = [];
  const storedListeners: InboundStoredListener[] = [];

  async function ingest(workspaceId: string, accountId: string, platform: string, via: 'webhook' | 'poll', events: PlatformEvent[]) {
    // What platforms send is stored as text PostgreSQL accepts (a NUL in a comment must not lose the batch).
    const rows = events.map(toInboundRow).map((r) => scrubText(r));
    const toAnalyse = rows.filter(needsAnalysis);
    const userWords = toAnalyse.length > 0 ? await dictionary.wordsOf(workspaceId) : [];
    const analyses = new Map(text.analyze(toAnalyse.map((r) => r.text!), { userWords }).map((a, i) => [toAnalyse[i]!, a]));
    const stored = await store.insertNew(db, rows.map((r) => {
      const a = analyses.get(r);
      return {
        id: newId(), workspaceId, accountId, platform, via, eventId: r.eventId, type: r.type, occurredAt: r.occurredAt,
        authorId: r.authorId, authorName: r.authorName, platformPostId: r.platformPostId, text: r.text, payload: r.payload,
        sentiment: a?.sentiment ?? null, sentimentScore: a?.score ?? null, intent: a?.intent ?? null, spam: a?.spam ?? null, keywords: a?.keywords ?? null,
      };
    }));
    const fresh = new Set(stored.map((s) => s.eventId));
    const newEvents = events.filter((e) => fresh.has(canonicalEventId(e)));
    if (newEvents.length > 0) for (const l of listeners) await l(workspaceId, accountId, newEvents);
    if (stored.length > 0 && storedListeners.length > 0) {
      // riskCues: reported by the text analysis where it has them (read loosely until every model does)
      const cues = new Map([...analyses].map(([r, a]) => [r.eventId, (a as { riskCues?: string[] }).riskCues ?? null]));
      const original = new Map(rows.map((r) => [r.eventId, r.payload as PlatformEvent])); // with real Dates, not the jsonb copy
      const items: StoredInbound[] = stored.map((s) => ({
        id: s.id, type: s.type as PlatformEvent['type'], occurredAt: s.occurredAt, authorId: s.authorId, authorName: s.authorName,
        platformPostId: s.platformPostId, text: s.text, sentiment: s.sentiment, sentimentScore: s.sentimentScore, intent: s.intent,
        spam: s.spam, riskCues: cues.get(s.eventId) ?? null, event: original.get(s.eventId)!,
      }));
      for (const l of storedListeners) await l(workspaceId, accountId, platform, items);
    }
    const newest = events.reduce<Date | null>((m, e) => (!m || e.occurredAt > m ? e.occurredAt : m), null);
    return { received: events.length, stored: stored.length, newest };
  }

  return {
    onEvents(listener: InboundListener) { listeners.push(listener); },
    /** Called with the newly stored items and their analysis (the inbox threads them into conversations). */
    onStored(listener: InboundStoredListener) { storedListeners.push(listener); },

    /** A platform's HTTP call to our webhook endpoint: handshake, verify the signature, store the events, acknowledge. */
    async receiveWebhook(workspaceId: string, accountId: string, platform: string, req: WebhookRequest): Promise<WebhookResponse> {
      const connector = await accounts.connectorFor(workspaceId, accountId).catch(() => {
        throw new DomainError('inbound.unknown_endpoint', { message: 'no connected account at this webhook address' });
      });
      if (connector.platform !== platform) throw new DomainError('inbound.unknown_endpoint', { message: 'no connected account at this webhook address' });
      const hook = connector.webhook;
      if (!hook) throw new DomainError('inbound.no_webhooks', { message: `${platform} sends no webhooks` });
      const handshake = hook.handshake?.(req);
      if (handshake) return handshake;
      if (!hook.verify(req)) throw new DomainError('inbound.bad_signature', { message: 'signature does not match' });
      await ingest(workspaceId, accountId, platform, 'webhook', hook.parse(req));
      return hook.ack?.(req) ?? { status: 200, contentType: 'text/plain', body: 'success' };
    },

    /** Polls an account for recent comments, mentions and DMs (platforms without webhooks, and catch-up). */
    async collect(workspaceId: string, accountId: string, since?: Date) {
      const connector = await accounts.connectorFor(workspaceId, accountId);
      const events: PlatformEvent[] = [];
      const opts = { since, limit: 100 };
      try {
        if (connector.listRecentComments) {
          for (const c of (await connector.listRecentComments(opts)).items) events.push({ type: 'comment', eventId: `comment:${c.platformCommentId}`, occurredAt: c.createdAt, comment: c });
        }
        if (connector.capabilities.mentions && connector.listMentions) {
          for (const m of (await connector.listMentions(opts)).items) events.push({ type: 'mention', eventId: `mention:${m.platformMentionId}`, occurredAt: m.createdAt, mention: m });
        }
        if (connector.capabilities.dms.receive && connector.listDMs) {
          for (const d of (await connector.listDMs(opts)).items) events.push({ type: 'dm', eventId: `dm:${d.platformMessageId}`, occurredAt: d.createdAt, message: d });
        }
        await accounts.recordSync(workspaceId, accountId, 'ok');
      } catch (err) {
        await accounts.recordSync(workspaceId, accountId, 'failed');
        throw err;
      }
      return ingest(workspaceId, accountId, connector.platform, 'poll', events);
    },

    async list(actor: Actor, q: { type?: string; accountId?: string; sentiment?: string; intent?: string; before?: string; limit?: number }) {
      const rows = await store.list(db, actor.workspaceId, { ...q, before: q.before ? new Date(q.before) : undefined, limit: q.limit ?? 50 });
      return { items: rows.map(presentInbound), nextBefore: rows.length === (q.limit ?? 50) ? rows.at(-1)!.occurredAt.toISOString() : null };
    },

    async summary(actor: Actor) {
      const rows = await store.summary(db, actor.workspaceId);
      return { asOf: clock.now().toISOString(), groups: rows };
    },
  };
}

export type InboundService = ReturnType<typeof createInboundService>;
