/**
 * The sandbox network's records (what a platform would keep in its database) and the
 * JSON-able bag that holds them. Kept apart from behaviour so state, simulation and
 * persistence share one definition.
 */
import type { Intent, PostFormat, PostTheme } from './model';

export interface SbUser { id: string; name: string }

export interface SbDay { newFollowers: number; unfollows: number; followers: number }

export interface SbAccount {
  id: string; name: string; handle: string; followers: number; createdAt: number;
  /** Audience activity (DMs, mentions, follows) is generated up to this instant. */
  activityUntil: number;
  daily: Record<string, SbDay>;
}

export interface SbPost {
  id: string; accountId: string; key?: string; text: string; title?: string; mediaIds: string[];
  format: PostFormat; theme: PostTheme; status: 'processing' | 'published' | 'deleted';
  createdAt: number; publishedAt?: number; deletedAt?: number;
  /** Followers when it went out: the reach model's input, frozen so metrics stay stable. */
  followersAtPost: number;
  commentsMaterialized: number; followsCounted: number; extraComments: number;
}

export interface SbComment {
  id: string; postId: string; accountId: string; parentId?: string; user: SbUser; text: string;
  intent?: Intent; createdAt: number; hidden: boolean; deleted: boolean; own: boolean;
}

export interface SbMessage {
  id: string; accountId: string; conversationId: string; user: SbUser; text: string;
  intent?: Intent; createdAt: number; direction: 'in' | 'out';
}

export interface SbMention { id: string; accountId: string; user: SbUser; text: string; intent: Intent; createdAt: number }

export interface SbMedia {
  id: string; accountId: string; kind: 'image' | 'video'; filename: string; mimeType: string;
  size: number; createdAt: number; readyAt: number; notified: boolean;
}

export interface SbToken {
  accessToken: string; refreshToken: string; accountId: string; clientId: string;
  expiresAt: number; refreshExpiresAt: number; revoked: boolean;
}

export interface SbCode { code: string; accountId: string; clientId: string; redirectUri: string; expiresAt: number }
export interface SbWebhook { id: string; accountId: string; url: string; secret: string; createdAt: number }
export interface SbCrisis { id: string; accountId: string; topic: string; startedAt: number; durationMs: number; intensity: number }

export interface SbEvent {
  /** Stable per fact: a redelivery or duplicate carries the same id. */
  id: string;
  type: 'post.published' | 'post.deleted' | 'comment.created' | 'dm.received' | 'mention.created' | 'media.ready';
  accountId: string; createdAt: number; data: Record<string, unknown>;
}

export interface SandboxData {
  version: 1;
  seed: string;
  /** Simulated time = clock time + offsetMs (moved by /_sandbox/tick). */
  offsetMs: number;
  counter: number;
  honorIdempotencyKey: boolean;
  accounts: SbAccount[];
  posts: SbPost[];
  comments: SbComment[];
  messages: SbMessage[];
  mentions: SbMention[];
  media: SbMedia[];
  tokens: SbToken[];
  codes: SbCode[];
  webhooks: SbWebhook[];
  crises: SbCrisis[];
  /** Posts created per idempotency key (more than one means a double publish). */
  keyPosts: Record<string, string[]>;
  /** POST /api/posts requests seen per key, replays included. */
  keyRequests: Record<string, number>;
}

export function emptyData(seed: string): SandboxData {
  return {
    version: 1, seed, offsetMs: 0, counter: 0, honorIdempotencyKey: true,
    accounts: [], posts: [], comments: [], messages: [], mentions: [], media: [],
    tokens: [], codes: [], webhooks: [], crises: [], keyPosts: {}, keyRequests: {},
  };
}

/** Items in (createdAt, id) order after an opaque cursor, with a next cursor when more remain. */
export function paginate<T extends { id: string; createdAt: number }>(
  items: T[], opts: { since?: number; cursor?: string; limit?: number },
): { items: T[]; nextCursor?: string } {
  const limit = Math.min(200, Math.max(1, opts.limit ?? 50));
  let after: [number, string] | undefined;
  if (opts.cursor) {
    const raw = Buffer.from(opts.cursor, 'base64url').toString('utf8');
    const i = raw.indexOf(':');
    after = [Number(raw.slice(0, i)), raw.slice(i + 1)];
  }
  const sorted = items
    .filter((x) => opts.since === undefined || x.createdAt >= opts.since)
    .filter((x) => !after || x.createdAt > after[0] || (x.createdAt === after[0] && x.id > after[1]))
    .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const page = sorted.slice(0, limit);
  const last = page[page.length - 1];
  const nextCursor = sorted.length > limit && last ? Buffer.from(`${last.createdAt}:${last.id}`).toString('base64url') : undefined;
  return { items: page, nextCursor };
}
