/**
 * Moves the sandbox network forward to `now`: finishes video processing, lets audiences
 * comment on posts, write DMs and @mentions, follow and unfollow, and runs crisis bursts.
 * Everything it adds comes from the pure model, so the same seed and the same clock give
 * the same network however often this runs.
 */
import {
  audienceComment, dayKey, hourActivity, hourFloor, metricsAt, postOutcome, SANDBOX_DAY_MS, SANDBOX_HOUR_MS,
  type AudienceAccount, type ModelPost, type PostOutcome,
} from './model';
import type { SandboxData, SbAccount, SbEvent, SbPost } from './records';

/** Posts older than this stop gaining numbers (the curves have long saturated). */
const ACTIVE_WINDOW_MS = 30 * SANDBOX_DAY_MS;
/** Audience comments materialised per post; metrics keep counting beyond it. */
const MAX_COMMENTS_PER_POST = 3000;

export type Emit = (event: Omit<SbEvent, 'id'> & { id?: string }) => void;

export interface Simulation {
  outcome(post: SbPost): PostOutcome;
  catchUp(now: number): { comments: number; messages: number; mentions: number };
}

export function toModelPost(p: SbPost): ModelPost {
  return { id: p.id, accountId: p.accountId, createdAt: p.publishedAt ?? p.createdAt, format: p.format, theme: p.theme, text: p.text, title: p.title };
}

export function createSimulation(data: SandboxData, emit: Emit): Simulation {
  const outcomes = new Map<string, PostOutcome>();
  const accountOf = (id: string): SbAccount | undefined => data.accounts.find((a) => a.id === id);

  const outcome = (post: SbPost): PostOutcome => {
    let o = outcomes.get(post.id);
    if (!o) {
      const acc = accountOf(post.accountId);
      const audience: AudienceAccount = { id: post.accountId, name: acc?.name ?? '', followers: post.followersAtPost };
      o = postOutcome(data.seed, audience, toModelPost(post));
      outcomes.set(post.id, o);
    }
    return o;
  };

  const day = (acc: SbAccount, ms: number) => {
    const k = dayKey(ms);
    return (acc.daily[k] ??= { newFollowers: 0, unfollows: 0, followers: acc.followers });
  };

  function finishMedia(now: number): void {
    for (const m of data.media) {
      if (m.notified || m.readyAt > now) continue;
      m.notified = true;
      if (m.kind === 'video') emit({ type: 'media.ready', accountId: m.accountId, createdAt: m.readyAt, data: { media_id: m.id } });
    }
    for (const p of data.posts) {
      if (p.status !== 'processing') continue;
      const media = data.media.filter((m) => p.mediaIds.includes(m.id));
      const readyAt = Math.max(p.createdAt, ...media.map((m) => m.readyAt));
      if (readyAt > now) continue;
      p.status = 'published';
      p.publishedAt = readyAt;
      emit({ type: 'post.published', accountId: p.accountId, createdAt: readyAt, data: { post_id: p.id, client_key: p.key ?? null } });
    }
  }

  function postActivity(now: number): number {
    let added = 0;
    for (const p of data.posts) {
      if (p.status !== 'published' || p.publishedAt === undefined || now - p.publishedAt > ACTIVE_WINDOW_MS + SANDBOX_DAY_MS) continue;
      const acc = accountOf(p.accountId);
      if (!acc) continue;
      const o = outcome(p);
      const m = metricsAt(o, now - p.publishedAt);
      const upTo = Math.min(m.comments, MAX_COMMENTS_PER_POST);
      const audience: AudienceAccount = { id: acc.id, name: acc.name, followers: p.followersAtPost };
      for (let i = p.commentsMaterialized + 1; i <= upTo; i++) {
        const c = audienceComment(data.seed, audience, toModelPost(p), o, i);
        data.comments.push({ id: c.id, postId: p.id, accountId: acc.id, user: c.user, text: c.text, intent: c.intent, createdAt: c.createdAt, hidden: false, deleted: false, own: false });
        emit({ id: `evt-${c.id}`, type: 'comment.created', accountId: acc.id, createdAt: c.createdAt, data: { comment_id: c.id, post_id: p.id } });
        added++;
      }
      p.commentsMaterialized = Math.max(p.commentsMaterialized, upTo);
      const gained = m.newFollowers - p.followsCounted;
      if (gained > 0) {
        p.followsCounted = m.newFollowers;
        acc.followers += gained;
        const d = day(acc, now);
        d.newFollowers += gained;
        d.followers = acc.followers;
      }
    }
    return added;
  }

  function accountActivity(acc: SbAccount, now: number): { messages: number; mentions: number; comments: number } {
    const counts = { messages: 0, mentions: 0, comments: 0 };
    const from = Math.max(acc.activityUntil, now - ACTIVE_WINDOW_MS);
    if (now <= from) return counts;
    const audience: AudienceAccount = { id: acc.id, name: acc.name, followers: acc.followers };
    const posts = data.posts.filter((p) => p.accountId === acc.id && p.status === 'published');
    const crises = data.crises.filter((c) => c.accountId === acc.id);
    const inWindow = (t: number): boolean => t > from && t <= now;
    for (let h = hourFloor(from); h < now; h += SANDBOX_HOUR_MS) {
      const recent = latestBefore(posts, h + SANDBOX_HOUR_MS);
      const act = hourActivity(data.seed, audience, h, crises, recent ? toModelPost(recent) : undefined);
      for (const g of act.dms.filter((x) => inWindow(x.createdAt))) {
        data.messages.push({ id: g.id, accountId: acc.id, conversationId: g.user.id, user: g.user, text: g.text, intent: g.intent, createdAt: g.createdAt, direction: 'in' });
        emit({ id: `evt-${g.id}`, type: 'dm.received', accountId: acc.id, createdAt: g.createdAt, data: { message_id: g.id, conversation_id: g.user.id } });
        counts.messages++;
      }
      for (const g of act.mentions.filter((x) => inWindow(x.createdAt))) {
        data.mentions.push({ id: g.id, accountId: acc.id, user: g.user, text: g.text, intent: g.intent, createdAt: g.createdAt });
        emit({ id: `evt-${g.id}`, type: 'mention.created', accountId: acc.id, createdAt: g.createdAt, data: { mention_id: g.id } });
        counts.mentions++;
      }
      if (recent) {
        for (const g of act.crisisComments.filter((x) => inWindow(x.createdAt))) {
          data.comments.push({ id: g.id, postId: recent.id, accountId: acc.id, user: g.user, text: g.text, intent: g.intent, createdAt: g.createdAt, hidden: false, deleted: false, own: false });
          recent.extraComments++;
          emit({ id: `evt-${g.id}`, type: 'comment.created', accountId: acc.id, createdAt: g.createdAt, data: { comment_id: g.id, post_id: recent.id } });
          counts.comments++;
        }
      }
      const end = h + SANDBOX_HOUR_MS;
      if (end > from && end <= now) {
        acc.followers = Math.max(0, acc.followers + act.newFollowers - act.unfollows);
        const d = day(acc, h);
        d.newFollowers += act.newFollowers;
        d.unfollows += act.unfollows;
        d.followers = acc.followers;
      }
    }
    acc.activityUntil = now;
    return counts;
  }

  return {
    outcome,
    catchUp(now) {
      finishMedia(now);
      let comments = postActivity(now);
      let messages = 0;
      let mentions = 0;
      for (const acc of data.accounts) {
        const c = accountActivity(acc, now);
        comments += c.comments;
        messages += c.messages;
        mentions += c.mentions;
      }
      return { comments, messages, mentions };
    },
  };
}

function latestBefore(posts: SbPost[], t: number): SbPost | undefined {
  let best: SbPost | undefined;
  for (const p of posts) {
    const at = p.publishedAt ?? p.createdAt;
    if (at < t && (!best || at > (best.publishedAt ?? best.createdAt))) best = p;
  }
  return best;
}
