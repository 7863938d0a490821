/**
 * The sandbox network in memory: accounts, posts, comments, DMs, mentions, media, tokens and
 * webhooks, with the simulated clock, idempotency bookkeeping and optional JSON persistence.
 * The HTTP layer (server.ts) is a thin shell over this; tests may use it directly.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { systemClock, type Clock } from '../../../kernel/clock';
import { createAuth, SandboxError } from './auth';
import { crisisBurst, dayKey, inferFormat, inferTheme, metricsAt, type PostMetricsSnapshot, type PostTheme } from './model';
import { emptyData, paginate, type SandboxData, type SbAccount, type SbComment, type SbCrisis, type SbEvent, type SbMedia, type SbPost } from './records';
import { createSimulation, toModelPost } from './simulate';

export { SandboxError } from './auth';

export interface SandboxStateOptions {
  seed: string | number;
  clock?: Clock;
  /** JSON file to load at start and save after changes (the demo keeps its network). */
  persistPath?: string;
  tokenTtlMs?: number;
  refreshTtlMs?: number;
  /** Simulated time a video takes to process after upload. */
  videoProcessingMs?: number;
  /** Posts containing one of these are refused with 422 content_rejected. */
  rejectWords?: string[];
  /** Accounts to create when the network is empty (defaults: three 星河咖啡 accounts). */
  accounts?: { name: string; handle?: string; followers: number }[];
}

export interface PostInput { text?: string; title?: string; media_ids?: string[]; theme?: string }
export interface ListQuery { since?: number; cursor?: string; limit?: number }

const DEFAULT_ACCOUNTS = [
  { name: '星河咖啡', handle: 'xinghe_coffee', followers: 28_000 },
  { name: '星河咖啡福利社', handle: 'xinghe_fuli', followers: 6_500 },
  { name: '星河研究所', handle: 'xinghe_lab', followers: 120_000 },
];
const THEMES: PostTheme[] = ['brand', 'product', 'industry', 'interactive', 'trending', 'festival'];
const MAX_TEXT = 2000;
const MAX_TITLE = 80;

export function createSandboxState(opts: SandboxStateOptions) {
  const clock = opts.clock ?? systemClock;
  // A persisted network keeps the seed it was made with.
  const data: SandboxData = opts.persistPath && existsSync(opts.persistPath)
    ? (JSON.parse(readFileSync(opts.persistPath, 'utf8')) as SandboxData)
    : emptyData(String(opts.seed));
  const seed = data.seed;
  const now = (): number => clock.now().getTime() + data.offsetMs;
  const listeners = new Set<(e: SbEvent) => void>();
  const emit = (e: Omit<SbEvent, 'id'> & { id?: string }): void => {
    const event: SbEvent = { ...e, id: e.id ?? `evt-${e.type}-${++data.counter}` };
    for (const l of listeners) l(event);
  };
  const sim = createSimulation(data, emit);
  const auth = createAuth(data, now, { tokenTtlMs: opts.tokenTtlMs ?? 2 * 3_600_000, refreshTtlMs: opts.refreshTtlMs ?? 30 * 86_400_000 });
  const nextId = (prefix: string): string => `${prefix}${(++data.counter).toString().padStart(6, '0')}`;
  let lastSync = Number.NEGATIVE_INFINITY;
  let saveTimer: NodeJS.Timeout | undefined;

  const flush = (): void => {
    if (saveTimer) clearTimeout(saveTimer);
    saveTimer = undefined;
    if (!opts.persistPath) return;
    mkdirSync(dirname(opts.persistPath), { recursive: true });
    const tmp = `${opts.persistPath}.tmp`;
    writeFileSync(tmp, JSON.stringify(data));
    renameSync(tmp, opts.persistPath);
  };
  const changed = (): void => {
    if (!opts.persistPath || saveTimer) return;
    saveTimer = setTimeout(flush, 250);
    saveTimer.unref();
  };

  /** Generate audience activity up to now (at most once per simulated second unless forced). */
  const sync = (force = false) => {
    const t = now();
    if (!force && t - lastSync < 1000 && t >= lastSync) return { comments: 0, messages: 0, mentions: 0 };
    lastSync = t;
    const added = sim.catchUp(t);
    changed();
    return added;
  };

  const account = (id: string): SbAccount => {
    const a = data.accounts.find((x) => x.id === id);
    if (!a) throw new SandboxError(404, 'account_not_found', 'no such account');
    return a;
  };
  const createAccount = (input: { name: string; handle?: string; followers: number }): SbAccount => {
    const id = nextId('acct_');
    const a: SbAccount = { id, name: input.name, handle: input.handle ?? id, followers: Math.max(0, Math.round(input.followers)), createdAt: now(), activityUntil: now(), daily: {} };
    data.accounts.push(a);
    changed();
    return a;
  };
  if (data.accounts.length === 0) for (const a of opts.accounts ?? DEFAULT_ACCOUNTS) createAccount(a);

  const ownPost = (accountId: string, id: string): SbPost => {
    const p = data.posts.find((x) => x.id === id);
    if (!p || p.accountId !== accountId || p.status === 'deleted') throw new SandboxError(404, 'post_not_found', 'no such post');
    return p;
  };
  const ownComment = (accountId: string, id: string): SbComment => {
    const c = data.comments.find((x) => x.id === id);
    if (!c || c.accountId !== accountId || c.deleted) throw new SandboxError(404, 'comment_not_found', 'no such comment');
    return c;
  };

  function validatePost(accountId: string, input: PostInput): SbMedia[] {
    const text = input.text ?? '';
    if (typeof text !== 'string') throw new SandboxError(422, 'invalid_text', 'text must be a string', { field: 'text' });
    if ([...text].length > MAX_TEXT) throw new SandboxError(422, 'text_too_long', `text exceeds ${MAX_TEXT} characters`, { field: 'text' });
    if (input.title !== undefined && [...input.title].length > MAX_TITLE) throw new SandboxError(422, 'title_too_long', `title exceeds ${MAX_TITLE} characters`, { field: 'title' });
    const ids = input.media_ids ?? [];
    const media = ids.map((id) => {
      const m = data.media.find((x) => x.id === id && x.accountId === accountId);
      if (!m) throw new SandboxError(422, 'media_not_found', `unknown media ${id}`, { field: 'media' });
      return m;
    });
    if (!text.trim() && media.length === 0) throw new SandboxError(422, 'empty_post', 'a post needs text or media', { field: 'text' });
    if (media.filter((m) => m.kind === 'image').length > 9) throw new SandboxError(422, 'too_many_images', 'at most 9 images', { field: 'media' });
    if (media.filter((m) => m.kind === 'video').length > 1) throw new SandboxError(422, 'too_many_videos', 'at most 1 video', { field: 'media' });
    const banned = (opts.rejectWords ?? ['违禁词测试']).find((w) => text.includes(w) || (input.title ?? '').includes(w));
    if (banned) throw new SandboxError(422, 'content_rejected', `content rejected by moderation: ${banned}`, { field: 'text' });
    return media;
  }

  return {
    data,
    seed,
    now,
    sync,
    flush,
    auth,
    onEvent(listener: (e: SbEvent) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    /**
     * Start the network's clock behind real time (only while it has no posts), so a seeding script can
     * post "in the past" and advance back to now: the network then runs on real time.
     */
    rewind(ms: number) {
      if (data.posts.length > 0) throw new SandboxError(409, 'rewind_after_posts', 'the clock can only be set back before the first post');
      data.offsetMs -= Math.max(0, ms);
      changed();
    },

    /** Move simulated time forward and generate what happened meanwhile. */
    advance(ms: number) {
      data.offsetMs += Math.max(0, ms);
      return sync(true);
    },

    accounts: () => data.accounts,
    account,
    createAccount,

    createPost(accountId: string, input: PostInput, key?: string): { post: SbPost; replayed: boolean } {
      account(accountId);
      if (key) data.keyRequests[key] = (data.keyRequests[key] ?? 0) + 1;
      const earlier = key ? data.keyPosts[key] : undefined;
      if (key && earlier?.length && data.honorIdempotencyKey) {
        const original = data.posts.find((p) => p.id === earlier[0])!;
        changed();
        return { post: original, replayed: true };
      }
      const media = validatePost(accountId, input);
      const t = now();
      const processing = media.some((m) => m.readyAt > t);
      const theme = THEMES.includes(input.theme as PostTheme) ? (input.theme as PostTheme) : inferTheme(input.text ?? '', input.title);
      const post: SbPost = {
        id: nextId('post_'), accountId, key, text: input.text ?? '', title: input.title, mediaIds: media.map((m) => m.id),
        format: inferFormat(media.map((m) => m.kind), input.text ?? '', input.title), theme,
        status: processing ? 'processing' : 'published', createdAt: t, publishedAt: processing ? undefined : t,
        followersAtPost: account(accountId).followers, commentsMaterialized: 0, followsCounted: 0, extraComments: 0,
      };
      data.posts.push(post);
      if (key) (data.keyPosts[key] ??= []).push(post.id);
      if (!processing) emit({ type: 'post.published', accountId, createdAt: t, data: { post_id: post.id, client_key: key ?? null } });
      changed();
      return { post, replayed: false };
    },

    getPost(accountId: string, id: string): SbPost {
      sync();
      return ownPost(accountId, id);
    },

    /** Recent posts of the account, newest first; `key` finds the post an idempotency key created. */
    searchPosts(accountId: string, q: { since?: number; key?: string; text?: string; limit?: number }): SbPost[] {
      sync();
      return data.posts
        .filter((p) => p.accountId === accountId && p.status !== 'deleted')
        .filter((p) => q.since === undefined || p.createdAt >= q.since)
        .filter((p) => q.key === undefined || p.key === q.key)
        .filter((p) => q.text === undefined || p.text.includes(q.text))
        .sort((a, b) => b.createdAt - a.createdAt)
        .slice(0, Math.min(100, q.limit ?? 20));
    },

    deletePost(accountId: string, id: string): void {
      const p = ownPost(accountId, id);
      p.status = 'deleted';
      p.deletedAt = now();
      emit({ type: 'post.deleted', accountId, createdAt: now(), data: { post_id: id } });
      changed();
    },

    postMetrics(accountId: string, id: string): PostMetricsSnapshot & { ownReplies: number } {
      const p = ownPost(accountId, id);
      const ownReplies = data.comments.filter((c) => c.postId === id && c.own && !c.deleted).length;
      if (p.publishedAt === undefined) return { ...metricsAt(sim.outcome(p), 0), ownReplies };
      const m = metricsAt(sim.outcome(p), now() - p.publishedAt);
      return { ...m, comments: m.comments + p.extraComments, ownReplies };
    },

    accountMetrics(accountId: string, from?: string, to?: string) {
      sync();
      const a = account(accountId);
      const days = Object.entries(a.daily)
        .filter(([d]) => (!from || d >= from) && (!to || d <= to))
        .sort(([x], [y]) => (x < y ? -1 : 1))
        .map(([date, d]) => ({ date, ...d }));
      const posts = data.posts.filter((p) => p.accountId === accountId && p.status === 'published').length;
      return { followers: a.followers, posts, days };
    },

    listComments(accountId: string, postId: string | undefined, q: ListQuery) {
      sync();
      if (postId) ownPost(accountId, postId);
      return paginate(data.comments.filter((c) => c.accountId === accountId && !c.deleted && (!postId || c.postId === postId)), q);
    },

    replyComment(accountId: string, commentId: string, text: string): SbComment {
      const parent = ownComment(accountId, commentId);
      if (!text.trim() || [...text].length > 500) throw new SandboxError(422, 'invalid_text', 'reply must be 1–500 characters', { field: 'text' });
      const a = account(accountId);
      const reply: SbComment = { id: nextId('cmt_'), postId: parent.postId, accountId, parentId: parent.id, user: { id: a.id, name: a.name }, text, createdAt: now(), hidden: false, deleted: false, own: true };
      data.comments.push(reply);
      changed();
      return reply;
    },

    hideComment(accountId: string, commentId: string, hidden = true): void {
      ownComment(accountId, commentId).hidden = hidden;
      changed();
    },

    deleteComment(accountId: string, commentId: string): void {
      ownComment(accountId, commentId).deleted = true;
      changed();
    },

    listMessages(accountId: string, q: ListQuery) {
      sync();
      return paginate(data.messages.filter((m) => m.accountId === accountId), q);
    },

    /** Answer a user who wrote within the last 48 hours (the platforms' reply window). */
    sendMessage(accountId: string, conversationId: string, text: string) {
      const a = account(accountId);
      if (!text.trim() || [...text].length > 1000) throw new SandboxError(422, 'invalid_text', 'message must be 1–1000 characters', { field: 'text' });
      const last = data.messages.filter((m) => m.accountId === accountId && m.conversationId === conversationId && m.direction === 'in').at(-1);
      if (!last) throw new SandboxError(404, 'conversation_not_found', 'no such conversation');
      if (now() - last.createdAt > 48 * 3_600_000) throw new SandboxError(403, 'reply_window_closed', 'the 48-hour reply window has closed');
      const msg = { id: nextId('dm_'), accountId, conversationId, user: { id: a.id, name: a.name }, text, createdAt: now(), direction: 'out' as const };
      data.messages.push(msg);
      changed();
      return msg;
    },

    listMentions(accountId: string, q: ListQuery) {
      sync();
      return paginate(data.mentions.filter((m) => m.accountId === accountId), q);
    },

    uploadMedia(accountId: string, input: { kind: 'image' | 'video'; filename: string; mimeType: string; size: number }): SbMedia {
      account(accountId);
      const limit = input.kind === 'image' ? 10 * 1024 * 1024 : 512 * 1024 * 1024;
      if (input.size > limit) throw new SandboxError(413, 'media_too_large', `${input.kind} exceeds ${limit} bytes`, { field: 'media' });
      const t = now();
      const m: SbMedia = { id: nextId('media_'), accountId, kind: input.kind, filename: input.filename, mimeType: input.mimeType, size: input.size, createdAt: t, readyAt: input.kind === 'video' ? t + (opts.videoProcessingMs ?? 20_000) : t, notified: input.kind !== 'video' };
      data.media.push(m);
      changed();
      return m;
    },

    getMedia(accountId: string, id: string): SbMedia {
      sync();
      const m = data.media.find((x) => x.id === id && x.accountId === accountId);
      if (!m) throw new SandboxError(404, 'media_not_found', 'no such media');
      return m;
    },

    /** Start a crisis drill: an opening burst now, then complaints that fade over durationMs. */
    triggerCrisis(input: { accountId?: string; topic: string; intensity?: number; durationMs?: number }): SbCrisis {
      const a = account(input.accountId ?? data.accounts[0]!.id);
      const crisis: SbCrisis = { id: nextId('crisis_'), accountId: a.id, topic: input.topic, startedAt: now(), durationMs: input.durationMs ?? 6 * 3_600_000, intensity: Math.min(10, Math.max(0.5, input.intensity ?? 2)) };
      data.crises.push(crisis);
      const post = data.posts.filter((p) => p.accountId === a.id && p.status === 'published').at(-1);
      const burst = crisisBurst(data.seed, { id: a.id, name: a.name, followers: a.followers }, crisis, post ? toModelPost(post) : undefined);
      for (const g of burst.mentions) {
        data.mentions.push({ id: g.id, accountId: a.id, user: g.user, text: g.text, intent: g.intent, createdAt: g.createdAt });
        emit({ id: `evt-${g.id}`, type: 'mention.created', accountId: a.id, createdAt: g.createdAt, data: { mention_id: g.id } });
      }
      for (const g of post ? burst.comments : []) {
        data.comments.push({ id: g.id, postId: post!.id, accountId: a.id, user: g.user, text: g.text, intent: g.intent, createdAt: g.createdAt, hidden: false, deleted: false, own: false });
        post!.extraComments++;
        emit({ id: `evt-${g.id}`, type: 'comment.created', accountId: a.id, createdAt: g.createdAt, data: { comment_id: g.id, post_id: post!.id } });
      }
      changed();
      return crisis;
    },

    /** How many posts this idempotency key created (1 = published exactly once). */
    publishCountByKey: (key: string): number => data.keyPosts[key]?.length ?? 0,
    requestCountByKey: (key: string): number => data.keyRequests[key] ?? 0,
    setHonorIdempotencyKey(on: boolean): void {
      data.honorIdempotencyKey = on;
      changed();
    },

    stats() {
      const byStatus = (s: SbPost['status']): number => data.posts.filter((p) => p.status === s).length;
      const duplicates = Object.entries(data.keyPosts).filter(([, ids]) => ids.length > 1).map(([key, ids]) => ({ key, posts: ids.length }));
      return {
        now: new Date(now()).toISOString(), day: dayKey(now()), honorIdempotencyKey: data.honorIdempotencyKey,
        accounts: data.accounts.length,
        posts: { total: data.posts.length, published: byStatus('published'), processing: byStatus('processing'), deleted: byStatus('deleted') },
        keys: Object.keys(data.keyPosts).length, duplicateKeys: duplicates,
        comments: data.comments.length, messages: data.messages.length, mentions: data.mentions.length,
      };
    },
  };
}

export type SandboxState = ReturnType<typeof createSandboxState>;
