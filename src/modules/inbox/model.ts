/** The unified inbox's pure rules: threading, priority, SLA state, reply windows. No I/O. */
import { addWorkingHours, type WorkingCalendar } from '../../kernel/working-calendar.js';

export const CONVERSATION_KINDS = ['comment', 'dm', 'mention'] as const;
export type ConversationKind = (typeof CONVERSATION_KINDS)[number];
export const CONVERSATION_STATUSES = ['open', 'pending', 'resolved', 'spam'] as const;
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];
export const PRIORITIES = ['critical', 'high', 'normal', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];
export const SLA_STATES = ['ok', 'warning', 'breached'] as const;
export type SlaState = (typeof SLA_STATES)[number];

export interface SlaPolicy { firstResponseWorkingHours: number; warnBeforeMinutes: number }
export const DEFAULT_SLA_POLICY: SlaPolicy = { firstResponseWorkingHours: 4, warnBeforeMinutes: 30 };

/**
 * Words that turn a message into a risk (the manuals' 危机 signals: regulators, lawyers, the press, safety).
 * The text module's `riskCues` replaces this list where it reports them.
 */
export const RISK_WORDS = [
  '12315', '12345', '投诉', '维权', '曝光', '律师', '起诉', '报警', '食物中毒', '消协', '市场监管', '工商局', '媒体', '记者',
  '3·15', '315晚会', '黑猫投诉', '集体诉讼', '索赔', '过敏', '住院', '异物', '虚假宣传', '欺诈',
];

export function riskCuesOf(text: string, fromAnalysis?: readonly string[]): string[] {
  if (fromAnalysis && fromAnalysis.length) return [...fromAnalysis];
  return RISK_WORDS.filter((w) => text.includes(w));
}

export interface PrioritySignals {
  intent: string | null;
  sentiment: string | null;
  spam: boolean | null;
  riskCues: readonly string[];
  /** The author's followers, when the platform tells us. */
  authorReach?: number | null;
}

const RANK: Record<Priority, number> = { critical: 0, high: 1, normal: 2, low: 3 };
export const higherPriority = (a: Priority, b: Priority): Priority => (RANK[a] <= RANK[b] ? a : b);
const raise = (p: Priority): Priority => PRIORITIES[Math.max(0, RANK[p] - 1)]!;

/** Risk words first; then complaints and anger; a loud author raises one step; spam and praise wait. */
export function computePriority(s: PrioritySignals): Priority {
  if (s.spam || s.intent === 'spam') return 'low';
  let p: Priority;
  if (s.riskCues.length > 0) p = 'critical';
  else if (s.intent === 'complaint' || s.sentiment === 'negative') p = 'high';
  else if (s.intent === 'praise' || (s.sentiment === 'positive' && s.intent !== 'inquiry')) p = 'low';
  else p = 'normal';
  if ((s.authorReach ?? 0) >= 100_000 && p !== 'low') p = raise(p);
  return p;
}

/** The thread a people-written item belongs to (one of our posts' comment thread, one DM peer, one mention). */
export function threadKeyOf(kind: ConversationKind, ids: { platformPostId?: string | null; rootCommentId?: string | null; dmConversationId?: string | null; peerId?: string | null; mentionId?: string | null }): string {
  switch (kind) {
    case 'comment': return `comment:${ids.platformPostId ?? ''}:${ids.rootCommentId ?? ''}`;
    case 'dm': return `dm:${ids.dmConversationId ?? ids.peerId ?? ''}`;
    case 'mention': return `mention:${ids.mentionId ?? ''}`;
  }
}

export function slaDueAt(cal: WorkingCalendar, policy: SlaPolicy, firstInboundAt: Date): Date {
  return addWorkingHours(cal, firstInboundAt, policy.firstResponseWorkingHours);
}

export interface SlaFacts { status: ConversationStatus; slaDueAt: Date | null; firstResponseAt: Date | null }

/**
 * Answered: breached if the answer came after the due time. Unanswered and still open/pending: warning
 * inside the last `warnBeforeMinutes`, breached once due. Resolved or spam without an answer owe nothing.
 */
export function slaStateOf(c: SlaFacts, policy: SlaPolicy, now: Date): SlaState {
  if (!c.slaDueAt) return 'ok';
  const due = c.slaDueAt.getTime();
  if (c.firstResponseAt) return c.firstResponseAt.getTime() > due ? 'breached' : 'ok';
  if (c.status === 'resolved' || c.status === 'spam') return 'ok';
  if (now.getTime() >= due) return 'breached';
  if (now.getTime() >= due - policy.warnBeforeMinutes * 60_000) return 'warning';
  return 'ok';
}

export type ReplyRefusal = 'inbox.reply_unsupported' | 'inbox.dm_unsupported' | 'inbox.dm_window_closed';

export interface ReplyCapabilities {
  comments: { reply: boolean };
  dms: { send: boolean; replyWindowHours: number | null };
}

/**
 * Can we answer this way? A public reply answers a comment (or a mention's comment); a private reply needs
 * DMs on the platform and, where the platform has a window (WeChat OA 48 h), the user's last message inside it.
 * A DM conversation is always answered privately.
 */
export function canReply(kind: ConversationKind, isPrivate: boolean, caps: ReplyCapabilities, lastInboundAt: Date | null, now: Date): { ok: true; via: 'comment' | 'dm' } | { ok: false; code: ReplyRefusal } {
  const viaDm = kind === 'dm' || isPrivate;
  if (!viaDm) return caps.comments.reply ? { ok: true, via: 'comment' } : { ok: false, code: 'inbox.reply_unsupported' };
  if (!caps.dms.send) return { ok: false, code: 'inbox.dm_unsupported' };
  const w = caps.dms.replyWindowHours;
  if (w !== null && (!lastInboundAt || now.getTime() - lastInboundAt.getTime() > w * 3_600_000)) return { ok: false, code: 'inbox.dm_window_closed' };
  return { ok: true, via: 'dm' };
}

/** Opaque keyset cursor over (lastMessageAt desc, id desc): the kernel's codec. */
export { encodeCursor, decodeInstantCursor as decodeCursor } from '../../kernel/cursor.js';
