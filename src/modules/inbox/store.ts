import { and, asc, desc, eq, gt, ilike, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { inboxConversations, inboxMessages, inboxSlaPolicies } from './tables.js';

export type ConversationRow = typeof inboxConversations.$inferSelect;
export type MessageRow = typeof inboxMessages.$inferSelect;
type ConversationPatch = Partial<Omit<typeof inboxConversations.$inferInsert, 'id' | 'workspaceId'>>;
type MessagePatch = Partial<Omit<typeof inboxMessages.$inferInsert, 'id' | 'workspaceId' | 'conversationId'>>;

export interface ConversationFilter {
  status?: string; assignee?: string | null; priority?: string; platform?: string; accountId?: string; kind?: string;
  sentiment?: string; intent?: string; q?: string; authorId?: string;
  /** slaState, as SQL over the policy's warning window and `now`. */
  sla?: { state: 'ok' | 'warning' | 'breached'; now: Date; warnMs: number };
  after?: { at: Date; id: string };
  limit: number;
}

const c = inboxConversations;
const awaiting = sql`(${c.firstResponseAt} is null and ${c.status} in ('open','pending'))`;

function slaWhere(f: NonNullable<ConversationFilter['sla']>): SQL {
  const now = f.now.toISOString();
  const warnFrom = new Date(f.now.getTime() + f.warnMs).toISOString();
  const breached = sql`((${c.firstResponseAt} is not null and ${c.firstResponseAt} > ${c.slaDueAt}) or (${awaiting} and ${c.slaDueAt} <= ${now}::timestamptz))`;
  if (f.state === 'breached') return breached;
  const warning = sql`(${awaiting} and ${c.slaDueAt} > ${now}::timestamptz and ${c.slaDueAt} <= ${warnFrom}::timestamptz)`;
  if (f.state === 'warning') return warning;
  return sql`(${c.slaDueAt} is null or not (${breached} or ${warning}))`;
}

export function createInboxStore() {
  return {
    async findByThread(db: DbOrTx, workspaceId: string, accountId: string, threadKey: string) {
      const [row] = await db.select().from(c).where(and(eq(c.workspaceId, workspaceId), eq(c.accountId, accountId), eq(c.threadKey, threadKey))).for('update');
      return row;
    },
    async insertConversation(db: DbOrTx, row: typeof c.$inferInsert) {
      const [created] = await db.insert(c).values(row).onConflictDoNothing({ target: [c.workspaceId, c.accountId, c.threadKey] }).returning();
      return created;
    },
    async findConversation(db: DbOrTx, workspaceId: string, id: string, forUpdate = false) {
      const q = db.select().from(c).where(and(eq(c.workspaceId, workspaceId), eq(c.id, id)));
      const [row] = forUpdate ? await q.for('update') : await q;
      return row;
    },
    async updateConversation(db: DbOrTx, workspaceId: string, id: string, patch: ConversationPatch) {
      const [row] = await db.update(c).set(patch).where(and(eq(c.workspaceId, workspaceId), eq(c.id, id))).returning();
      return row!;
    },
    async listConversations(db: DbOrTx, workspaceId: string, f: ConversationFilter) {
      const where: SQL[] = [eq(c.workspaceId, workspaceId)];
      if (f.status) where.push(eq(c.status, f.status));
      if (f.assignee === null) where.push(isNull(c.assigneeUserId));
      else if (f.assignee) where.push(eq(c.assigneeUserId, f.assignee));
      if (f.priority) where.push(eq(c.priority, f.priority));
      if (f.platform) where.push(eq(c.platform, f.platform));
      if (f.accountId) where.push(eq(c.accountId, f.accountId));
      if (f.kind) where.push(eq(c.kind, f.kind));
      if (f.sentiment) where.push(eq(c.lastSentiment, f.sentiment));
      if (f.intent) where.push(eq(c.lastIntent, f.intent));
      if (f.authorId) where.push(eq(c.authorId, f.authorId));
      if (f.q) {
        const like = `%${f.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
        where.push(or(ilike(c.lastText, like), ilike(c.authorName, like))!);
      }
      if (f.sla) where.push(slaWhere(f.sla));
      if (f.after) where.push(or(lt(c.lastMessageAt, f.after.at), and(eq(c.lastMessageAt, f.after.at), lt(c.id, f.after.id)))!);
      return db.select().from(c).where(and(...where)).orderBy(desc(c.lastMessageAt), desc(c.id)).limit(f.limit);
    },
    async summary(db: DbOrTx, workspaceId: string, now: Date, warnMs: number) {
      const [row] = await db.select({
        open: sql<number>`count(*) filter (where ${c.status} = 'open')::int`,
        pending: sql<number>`count(*) filter (where ${c.status} = 'pending')::int`,
        resolved: sql<number>`count(*) filter (where ${c.status} = 'resolved')::int`,
        spam: sql<number>`count(*) filter (where ${c.status} = 'spam')::int`,
        unassigned: sql<number>`count(*) filter (where ${c.assigneeUserId} is null and ${c.status} in ('open','pending'))::int`,
        slaWarning: sql<number>`count(*) filter (where ${slaWhere({ state: 'warning', now, warnMs })})::int`,
        slaBreached: sql<number>`count(*) filter (where ${awaiting} and ${c.slaDueAt} <= ${now.toISOString()}::timestamptz)::int`,
      }).from(c).where(eq(c.workspaceId, workspaceId));
      return row!;
    },
    /** Unanswered conversations whose warning or breach has not been announced yet (all workspaces: the SLA job). */
    async listSlaDue(db: DbOrTx, now: Date, horizon: Date, limit: number) {
      return db.select().from(c).where(and(awaiting, isNull(c.slaBreachNotifiedAt), sql`${c.slaDueAt} <= ${horizon.toISOString()}::timestamptz`, or(
        sql`${c.slaDueAt} <= ${now.toISOString()}::timestamptz`, isNull(c.slaWarnedAt),
      ))).orderBy(asc(c.slaDueAt)).limit(limit);
    },
    async changedSince(db: DbOrTx, workspaceId: string, since: Date, limit = 100) {
      return db.select().from(c).where(and(eq(c.workspaceId, workspaceId), gt(c.updatedAt, since))).orderBy(asc(c.updatedAt)).limit(limit);
    },

    async insertMessage(db: DbOrTx, row: typeof inboxMessages.$inferInsert) {
      const [created] = await db.insert(inboxMessages).values(row).onConflictDoNothing().returning();
      return created;
    },
    async listMessages(db: DbOrTx, workspaceId: string, conversationId: string) {
      return db.select().from(inboxMessages).where(and(eq(inboxMessages.workspaceId, workspaceId), eq(inboxMessages.conversationId, conversationId)))
        .orderBy(asc(inboxMessages.at), asc(inboxMessages.createdAt)).limit(1000);
    },
    async findMessage(db: DbOrTx, workspaceId: string, id: string, forUpdate = false) {
      const q = db.select().from(inboxMessages).where(and(eq(inboxMessages.workspaceId, workspaceId), eq(inboxMessages.id, id)));
      const [row] = forUpdate ? await q.for('update') : await q;
      return row;
    },
    async findMessageById(db: DbOrTx, id: string) {
      const [row] = await db.select().from(inboxMessages).where(eq(inboxMessages.id, id));
      return row;
    },
    async hasPlatformMessage(db: DbOrTx, conversationId: string, platformMessageId: string) {
      const [row] = await db.select({ id: inboxMessages.id }).from(inboxMessages)
        .where(and(eq(inboxMessages.conversationId, conversationId), eq(inboxMessages.platformMessageId, platformMessageId))).limit(1);
      return !!row;
    },
    async updateMessage(db: DbOrTx, id: string, patch: MessagePatch) {
      const [row] = await db.update(inboxMessages).set(patch).where(eq(inboxMessages.id, id)).returning();
      return row!;
    },
    async conversationsByIds(db: DbOrTx, workspaceId: string, ids: string[]) {
      if (ids.length === 0) return [];
      return db.select().from(c).where(and(eq(c.workspaceId, workspaceId), inArray(c.id, ids)));
    },

    async findPolicy(db: DbOrTx, workspaceId: string) {
      const [row] = await db.select().from(inboxSlaPolicies).where(eq(inboxSlaPolicies.workspaceId, workspaceId));
      return row;
    },
    async upsertPolicy(db: DbOrTx, workspaceId: string, p: { firstResponseWorkingHours: number; warnBeforeMinutes: number }, now: Date) {
      await db.insert(inboxSlaPolicies).values({ workspaceId, ...p, updatedAt: now })
        .onConflictDoUpdate({ target: inboxSlaPolicies.workspaceId, set: { ...p, updatedAt: now } });
    },
  };
}

export type InboxStore = ReturnType<typeof createInboxStore>;
