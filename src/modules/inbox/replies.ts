/**
 * Replies, DMs and moderation through the account's connector. A reply is checked by the compliance engine,
 * stored as a queued outgoing message and sent by a job keyed on the message id: a retried job finds the
 * message already sent (or, after an unconfirmed attempt, finds our reply on the platform) and never posts twice.
 */
import type { Database, DbOrTx } from '../../db/client.js';
import type { Jobs } from '../../jobs/queue.js';
import type { Actor } from '../../kernel/access.js';
import type { Clock } from '../../kernel/clock.js';
import { DomainError } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import type { AccountsService } from '../accounts/service.js';
import type { ComplianceService } from '../compliance/service.js';
import type { Platform } from '../compliance/model.js';
import type { Connector } from '../platforms/connector.js';
import { PlatformError } from '../platforms/errors.js';
import type { TeamService } from '../team/service.js';
import { canReply, type ConversationKind } from './model.js';
import { presentReply } from './present.js';
import type { ConversationRow, InboxStore, MessageRow } from './store.js';

export const REPLY_JOB = 'inbox.reply';
/** The queue retries a failed platform call this many times before the reply is shown as failed. */
export const REPLY_ATTEMPTS = 3;

interface RepliesDeps {
  database: Database; jobs: Jobs; clock: Clock; team: TeamService; accounts: AccountsService; compliance: ComplianceService;
  store: InboxStore;
  findOrFail(workspaceId: string, id: string, handle?: DbOrTx, forUpdate?: boolean): Promise<ConversationRow>;
  changed(workspaceId: string, ids: string[]): void;
}

export function createInboxReplies(deps: RepliesDeps) {
  const { database, jobs, clock, team, accounts, compliance, store, findOrFail, changed } = deps;
  const db = database.db;

  /** For a private follow-up on a comment: the DM thread we have with the same person on the same account. */
  async function dmThreadOf(c: ConversationRow): Promise<ConversationRow | undefined> {
    if (c.kind === 'dm') return c;
    if (!c.authorId) return undefined;
    const rows = await store.listConversations(db, c.workspaceId, { kind: 'dm', accountId: c.accountId, limit: 100, authorId: c.authorId });
    return rows[0];
  }

  async function connectorOf(c: ConversationRow): Promise<Connector> {
    return accounts.connectorFor(c.workspaceId, c.accountId);
  }

  return {
    async reply(actor: Actor, conversationId: string, input: { text: string; private?: boolean }) {
      const c = await findOrFail(actor.workspaceId, conversationId);
      const verdict = compliance.check({ text: input.text, platform: c.platform as Platform, variant: 'share' });
      if (verdict.blocked) {
        throw new DomainError('compliance.blocked', { message: 'the reply breaks a blocking compliance rule', details: { findings: verdict.findings } });
      }
      const connector = await connectorOf(c);
      const dm = input.private || c.kind === 'dm' ? await dmThreadOf(c) : c;
      const ok = canReply(c.kind as ConversationKind, !!input.private, connector.capabilities, dm?.lastInboundAt ?? null, clock.now());
      if (!ok.ok) throw new DomainError(ok.code);
      const message = await db.transaction(async (tx) => {
        const m = await store.insertMessage(tx, {
          id: newId(), workspaceId: actor.workspaceId, conversationId: c.id, direction: 'out', text: input.text, at: clock.now(),
          status: 'queued', private: ok.via === 'dm', sentByUserId: actor.userId, authorName: null,
        });
        await store.updateConversation(tx, actor.workspaceId, c.id, { updatedAt: clock.now() });
        await jobs.send(tx, REPLY_JOB, { messageId: m!.id }, { singletonKey: m!.id, retryLimit: REPLY_ATTEMPTS - 1, retryDelay: 5, retryBackoff: true });
        await team.record(tx, actor, { action: 'inbox.replied', targetType: 'inbox_conversation', targetId: c.id, details: { messageId: m!.id, private: ok.via === 'dm' } });
        return m!;
      });
      changed(actor.workspaceId, [c.id]);
      return { reply: presentReply(message) };
    },

    /** A failed reply, sent again (the same message: its id stays the idempotency key). */
    async retryReply(actor: Actor, conversationId: string, replyId: string) {
      const c = await findOrFail(actor.workspaceId, conversationId);
      const m = await db.transaction(async (tx) => {
        const found = await store.findMessage(tx, actor.workspaceId, replyId, true);
        if (!found || found.conversationId !== c.id || found.direction !== 'out') throw new DomainError('inbox.reply_not_found');
        if (found.status !== 'failed') throw new DomainError('inbox.reply_not_failed');
        const row = await store.updateMessage(tx, found.id, { status: 'queued', lastError: null });
        await jobs.send(tx, REPLY_JOB, { messageId: found.id }, { retryLimit: REPLY_ATTEMPTS - 1, retryDelay: 5, retryBackoff: true });
        await team.record(tx, actor, { action: 'inbox.reply_retried', targetType: 'inbox_conversation', targetId: c.id, details: { messageId: found.id } });
        return row;
      });
      changed(actor.workspaceId, [c.id]);
      return { reply: presentReply(m) };
    },

    /** Job: send one queued reply. Throws to let the queue retry a temporary failure; the last failure is kept on the message. */
    async sendReply(messageId: string, retryCount = 0) {
      const m = await store.findMessageById(db, messageId);
      if (!m || m.direction !== 'out' || m.status === 'sent') return;
      const c = await findOrFail(m.workspaceId, m.conversationId);
      await store.updateMessage(db, m.id, { attempts: m.attempts + 1 });
      try {
        const connector = await connectorOf(c);
        const platformMessageId = (m.attempts > 0 ? await findEarlier(connector, c, m) : null) ?? await send(connector, c, m);
        const now = clock.now();
        await db.transaction(async (tx) => {
          await store.updateMessage(tx, m.id, { status: 'sent', platformMessageId, lastError: null, at: now });
          await store.updateConversation(tx, c.workspaceId, c.id, {
            firstResponseAt: c.firstResponseAt ?? now, lastText: m.text, lastMessageAt: now, messageCount: c.messageCount + 1,
            lastSentiment: null, lastIntent: null, lastSpam: false, updatedAt: now,
          });
        });
      } catch (err) {
        const temporary = err instanceof PlatformError ? err.kind === 'retryable' || err.kind === 'unconfirmed' : !(err instanceof DomainError);
        const last = !temporary || retryCount >= REPLY_ATTEMPTS - 1;
        await store.updateMessage(db, m.id, { status: last ? 'failed' : 'queued', lastError: (err as Error).message.slice(0, 500) });
        changed(c.workspaceId, [c.id]);
        if (!last) throw err;
        return;
      }
      changed(c.workspaceId, [c.id]);
    },

    /** Hide or delete a person's comment on the platform (spam), and mark the conversation as spam. */
    async moderate(actor: Actor, conversationId: string, input: { action: 'hide' | 'delete'; messageId?: string }) {
      const c = await findOrFail(actor.workspaceId, conversationId);
      if (c.kind !== 'comment') throw new DomainError('inbox.moderation_unsupported', { message: 'only comments can be hidden or deleted' });
      const messages = await store.listMessages(db, actor.workspaceId, c.id);
      const targets = messages.filter((m) => m.direction === 'in' && !m.moderation && m.platformMessageId && (!input.messageId || m.id === input.messageId));
      if (input.messageId && targets.length === 0) throw new DomainError('inbox.reply_not_found', { fields: { messageId: 'no such incoming comment' } });
      const connector = await connectorOf(c);
      const can = input.action === 'hide' ? connector.capabilities.comments.hide && connector.hideComment : connector.capabilities.comments.delete && connector.deleteComment;
      if (!can) throw new DomainError('inbox.moderation_unsupported', { message: `${c.platform} cannot ${input.action} comments through its API` });
      for (const m of targets) {
        if (input.action === 'hide') await connector.hideComment!(c.platformPostId ?? '', m.platformMessageId!);
        else await connector.deleteComment!(c.platformPostId ?? '', m.platformMessageId!);
        await store.updateMessage(db, m.id, { moderation: input.action === 'hide' ? 'hidden' : 'deleted' });
      }
      const row = await db.transaction(async (tx) => {
        const r = await store.updateConversation(tx, actor.workspaceId, c.id, { status: 'spam', updatedAt: clock.now() });
        await team.record(tx, actor, { action: `inbox.comment_${input.action === 'hide' ? 'hidden' : 'deleted'}`, targetType: 'inbox_conversation', targetId: c.id, details: { count: targets.length } });
        return r;
      });
      changed(actor.workspaceId, [c.id]);
      return { conversationId: row.id, moderated: targets.length };
    },
  };

  async function send(connector: Connector, c: ConversationRow, m: MessageRow): Promise<string> {
    if (m.private) {
      const dm = c.kind === 'dm' ? c : (await store.listConversations(db, c.workspaceId, { kind: 'dm', accountId: c.accountId, authorId: c.authorId ?? '', limit: 1 }))[0];
      if (!dm?.replyToId || !connector.sendDM) throw new DomainError('inbox.dm_unsupported');
      return (await connector.sendDM(dm.replyToId, m.text)).platformMessageId;
    }
    if (!connector.replyComment || !c.replyToId) throw new DomainError('inbox.reply_unsupported');
    return (await connector.replyComment(c.platformPostId ?? '', c.replyToId, m.text)).platformCommentId;
  }

  /** After an attempt whose outcome we never learned: our reply may already be there. */
  async function findEarlier(connector: Connector, c: ConversationRow, m: MessageRow): Promise<string | null> {
    if (m.private || !connector.listComments || !c.platformPostId) return null;
    const page = await connector.listComments(c.platformPostId, { since: new Date(m.createdAt.getTime() - 60_000), limit: 100 });
    const mine = page.items.find((x) => x.own && x.text === m.text && (x.parentCommentId ?? '') === (c.replyToId ?? ''));
    return mine?.platformCommentId ?? null;
  }
}
