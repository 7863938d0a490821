/**
 * Calendar subscriptions (Outlook, 钉钉/飞书 calendars): a secret URL per workspace or per account,
 * `GET /api/v1/ics/<token>.ics`. Only the token's hash is stored; a feed can be rotated or revoked.
 */
import { createHash } from 'node:crypto';
import { createEvents, type EventAttributes } from 'ics';
import { DomainError } from '../../kernel/errors.js';
import { newId, newSecret } from '../../kernel/ids.js';
import type { Actor } from '../team/service.js';
import type { ContentContext } from './context.js';
import { PLATFORM_LABELS, STATUS_LABELS, THEME_LABELS, type ContentPlatform, type ContentStatus, type ThemeClass } from './model.js';
import type { FeedRow } from './store.js';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const WINDOW_PAST_DAYS = 30;
const WINDOW_AHEAD_DAYS = 180;

export function createIcsOps(ctx: ContentContext) {
  const { db, store, clock, team } = ctx;
  const urlOf = (token: string) => `${ctx.baseUrl.replace(/\/$/, '')}/api/v1/ics/${token}.ics`;
  const present = (f: FeedRow) => ({ id: f.id, name: f.name, accountId: f.accountId, createdAt: f.createdAt.toISOString(), revokedAt: f.revokedAt?.toISOString() ?? null });

  return {
    async listFeeds(actor: Pick<Actor, 'workspaceId'>) {
      return { items: (await store.listFeeds(db, actor.workspaceId)).map(present) };
    },

    /** The URL (with its secret) is shown once. */
    async createFeed(actor: Actor, input: { name: string; accountId?: string | null }) {
      if (input.accountId && !(await ctx.accountsOf(actor.workspaceId)).has(input.accountId)) {
        throw new DomainError('content.unknown_account', { fields: { accountId: 'unknown account' } });
      }
      const token = `ics_${newSecret(24)}`;
      return db.transaction(async (tx) => {
        const row = await store.insertFeed(tx, {
          id: newId(), workspaceId: actor.workspaceId, accountId: input.accountId ?? null, name: input.name, tokenHash: sha256(token), createdBy: actor.userId, createdAt: clock.now(),
        });
        await team.record(tx, actor, { action: 'content.feed_created', targetType: 'ics_feed', targetId: row.id, details: { name: input.name, accountId: input.accountId ?? null } });
        return { feed: present(row), url: urlOf(token) };
      });
    },

    async rotateFeed(actor: Actor, id: string) {
      const token = `ics_${newSecret(24)}`;
      return db.transaction(async (tx) => {
        const row = await store.updateFeed(tx, actor.workspaceId, id, { tokenHash: sha256(token) });
        if (!row) throw new DomainError('content.feed_not_found');
        await team.record(tx, actor, { action: 'content.feed_rotated', targetType: 'ics_feed', targetId: id });
        return { feed: present(row), url: urlOf(token) };
      });
    },

    async revokeFeed(actor: Actor, id: string) {
      await db.transaction(async (tx) => {
        const row = await store.updateFeed(tx, actor.workspaceId, id, { revokedAt: clock.now() });
        if (!row) throw new DomainError('content.feed_not_found');
        await team.record(tx, actor, { action: 'content.feed_revoked', targetType: 'ics_feed', targetId: id });
      });
    },

    /** The public feed: unknown and revoked tokens look the same (404). */
    async render(token: string): Promise<string> {
      const feed = token.startsWith('ics_') ? await store.findFeedByHash(db, sha256(token)) : undefined;
      if (!feed) throw new DomainError('content.feed_not_found');
      const now = clock.now().getTime();
      const items = await store.listItems(db, feed.workspaceId, {
        from: new Date(now - WINDOW_PAST_DAYS * 86_400_000), to: new Date(now + WINDOW_AHEAD_DAYS * 86_400_000), accountId: feed.accountId ?? undefined,
      });
      const events: EventAttributes[] = items.filter((i) => i.plannedAt && i.status !== 'cancelled').map((i) => {
        const platforms = i.platforms.map((p) => PLATFORM_LABELS[p as ContentPlatform] ?? p).join('、');
        const lines = [
          `状态：${STATUS_LABELS[i.status as ContentStatus] ?? i.status}`, platforms && `平台：${platforms}`,
          i.themeClass && `主题分类：${THEME_LABELS[i.themeClass as ThemeClass] ?? i.themeClass}`, i.format && `形式：${i.format}`,
          i.goal && `目标：${i.goal}`, i.summary && `文案摘要：${i.summary}`,
        ].filter(Boolean);
        return {
          uid: `${i.id}@chorus`, start: i.plannedAt!.getTime(), startInputType: 'utc', startOutputType: 'utc', duration: { minutes: 30 },
          title: `[${platforms || '未定平台'}] ${i.topic}`, description: lines.join('\n'),
          status: i.status === 'scheduled' || i.status === 'published' ? 'CONFIRMED' : 'TENTATIVE',
          categories: i.themeClass ? [THEME_LABELS[i.themeClass as ThemeClass] ?? i.themeClass] : undefined,
          lastModified: i.updatedAt.getTime(),
        } satisfies EventAttributes;
      });
      const { error, value } = createEvents(events, { calName: `${feed.name} · 合声内容排期`, productId: 'chorus/content' });
      if (error || !value) throw error ?? new Error('ics: no output');
      return value;
    },
  };
}
