/** JSON shapes the sandbox API answers with (snake_case, ISO instants), one allow-list per record. */
import type { SbAccount, SbComment, SbMedia, SbMention, SbMessage, SbPost } from './records';

const iso = (ms: number | undefined): string | null => (ms === undefined ? null : new Date(ms).toISOString());

export function presentAccount(a: SbAccount, baseUrl: string) {
  return { id: a.id, name: a.name, handle: a.handle, followers: a.followers, url: `${baseUrl}/u/${a.handle}`, avatar_url: `${baseUrl}/avatars/${a.id}.png` };
}

export function presentPost(p: SbPost, baseUrl: string) {
  return {
    id: p.id, account_id: p.accountId, status: p.status, text: p.text, title: p.title ?? null, media_ids: p.mediaIds,
    format: p.format, theme: p.theme, client_key: p.key ?? null,
    created_at: iso(p.createdAt), published_at: iso(p.publishedAt), url: `${baseUrl}/p/${p.id}`,
  };
}

export function presentComment(c: SbComment) {
  return {
    id: c.id, post_id: c.postId, parent_id: c.parentId ?? null, user: c.user, text: c.text,
    created_at: iso(c.createdAt), hidden: c.hidden, own: c.own,
  };
}

export function presentMessage(m: SbMessage) {
  return { id: m.id, conversation_id: m.conversationId, direction: m.direction, user: m.user, text: m.text, created_at: iso(m.createdAt) };
}

export function presentMention(m: SbMention, baseUrl: string) {
  return { id: m.id, user: m.user, text: m.text, created_at: iso(m.createdAt), url: `${baseUrl}/m/${m.id}` };
}

export function presentMedia(m: SbMedia, now: number) {
  return {
    id: m.id, kind: m.kind, filename: m.filename, mime_type: m.mimeType, size: m.size,
    status: m.readyAt <= now ? 'ready' : 'processing', ready_at: iso(m.readyAt), created_at: iso(m.createdAt),
  };
}
