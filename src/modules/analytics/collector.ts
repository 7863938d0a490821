/**
 * Metrics collection through the connectors: published posts on a cadence (fresh posts often,
 * old posts rarely) and each connected account once a day. Platform calls happen outside
 * transactions; each account's readings are written in one transaction with their rollups.
 */
import { DateTime } from 'luxon';
import type { Database } from '../../db/client.js';
import type { Clock } from '../../kernel/clock.js';
import type { Emit } from '../../kernel/events.js';
import { DomainError } from '../../kernel/errors.js';
import type { AccountsService } from '../accounts/service.js';
import type { PostMetrics } from '../platforms/connector.js';
import type { PublishingService } from '../publishing/service.js';
import type { Actor, TeamService } from '../team/service.js';
import { applyReading, cumulativeOf, nextCollectionAt, retryCollectionAt, type Cumulative, type CumulativeState } from './collection-model.js';
import { createCollectionStore, type TrackedPostRow } from './collection-store.js';
import { interactions, type PostDailyRow } from './model.js';
import { createAnalyticsStore } from './store.js';

export interface CollectorDeps {
  database: Database;
  clock: Clock;
  team: TeamService;
  accounts: AccountsService;
  publishing: PublishingService;
  /** Domain events (`post.metrics_collected`). */
  emit?: Emit;
}

const SYSTEM_USER = '00000000-0000-0000-0000-000000000000';
/** The collector reads through other modules' services as the workspace itself. */
const systemActor = (workspaceId: string): Actor => ({ userId: SYSTEM_USER, via: 'session', workspaceId, role: 'owner' });
const BATCH = 20;
const errorText = (err: unknown) => (err instanceof DomainError ? err.code : (err as Error).message ?? String(err)).slice(0, 300);

export function createCollector(deps: CollectorDeps) {
  const { database, clock, team, accounts, publishing } = deps;
  const db = database.db;
  const store = createAnalyticsStore();
  const tracking = createCollectionStore();

  const zoneOf = async (workspaceId: string) => (await team.workspaceSettings(workspaceId)).timeZone;

  /** The publication in whichever workspace holds it (publishing answers per workspace). */
  async function findPublication(publicationId: string, workspaceId?: string) {
    const ids = workspaceId ? [workspaceId] : (await team.listAllWorkspaces()).map((w) => w.id);
    for (const id of ids) {
      try {
        return { workspaceId: id, ...(await publishing.detail(systemActor(id), publicationId)) };
      } catch (err) {
        if (!(err instanceof DomainError) || err.code !== 'publishing.not_found') throw err;
      }
    }
    return undefined;
  }

  /** Read a group of one account's posts and write their day's rows. */
  async function readAccountPosts(workspaceId: string, accountId: string, rows: TrackedPostRow[]) {
    const now = clock.now();
    let metrics: PostMetrics[] = [];
    try {
      const connector = await accounts.connectorFor(workspaceId, accountId);
      if (!connector.capabilities.postMetrics || !connector.postMetrics) {
        for (const r of rows) await tracking.updateTracked(db, r, { status: 'unsupported', nextCollectAt: null });
        return { read: 0, failed: 0 };
      }
      for (let i = 0; i < rows.length; i += BATCH) metrics.push(...(await connector.postMetrics(rows.slice(i, i + BATCH).map((r) => r.platformPostId))));
      await accounts.recordSync(workspaceId, accountId, 'ok');
    } catch (err) {
      if (!(err instanceof DomainError)) await accounts.recordSync(workspaceId, accountId, 'failed').catch(() => {});
      for (const r of rows) {
        await tracking.updateTracked(db, r, { failures: r.failures + 1, lastError: errorText(err), nextCollectAt: retryCollectionAt(now, r.failures) });
      }
      return { read: 0, failed: rows.length };
    }
    const day = DateTime.fromJSDate(now).setZone(await zoneOf(workspaceId)).toISODate()!;
    const byId = new Map(metrics.map((m) => [m.platformPostId, m]));
    const snapshots: PostDailyRow[] = [];
    const updates: Array<[TrackedPostRow, Partial<TrackedPostRow>]> = [];
    for (const r of rows) {
      const m = byId.get(r.platformPostId);
      if (!m) {
        updates.push([r, { failures: r.failures + 1, lastError: 'post not in the platform answer', nextCollectAt: retryCollectionAt(now, r.failures) }]);
        continue;
      }
      const { daily, state } = applyReading({ cumDay: r.cumDay, base: r.base, last: r.last } as CumulativeState, cumulativeOf(m as never), day);
      snapshots.push({
        date: day, platform: r.platform, account: r.account, postId: r.platformPostId, postTitle: r.postTitle, theme: r.theme,
        format: r.format, publishedHour: r.publishedHour, ...daily,
      });
      const next = nextCollectionAt(r.publishedAt, now);
      updates.push([r, {
        cumDay: state.cumDay, base: state.base as Record<string, number | null>, last: state.last as Record<string, number | null>,
        collections: r.collections + 1, failures: 0, lastError: null, lastCollectedAt: now, nextCollectAt: next, status: next ? 'active' : 'done',
      }]);
    }
    await db.transaction(async (tx) => {
      if (snapshots.length) await store.upsertPostSnapshots(tx, workspaceId, snapshots, 'collector');
      for (const [r, patch] of updates) {
        await tracking.updateTracked(tx, r, patch);
        const last = patch.last as Partial<Cumulative> | undefined;
        if (deps.emit && last && r.publicationId) {
          await deps.emit(tx, 'post.metrics_collected', {
            workspaceId, publicationId: r.publicationId, exposure: last.exposure ?? null,
            interactions: interactions({ likes: last.likes ?? null, comments: last.comments ?? null, shares: last.shares ?? null, saves: last.saves ?? null }),
            conversions: last.conversions ?? null, collectedAt: now.toISOString(),
          });
        }
      }
      if (snapshots.length) {
        await store.refreshRollups(tx, workspaceId, [day]);
        await store.refreshPostWeeks(tx, workspaceId, [day], [...new Map(rows.map((r) => [`${r.platform}\u0000${r.account}`, { platform: r.platform, account: r.account }])).values()]);
      }
    });
    return { read: snapshots.length, failed: rows.length - snapshots.length };
  }

  async function readRows(rows: TrackedPostRow[]) {
    const groups = new Map<string, TrackedPostRow[]>();
    for (const r of rows) {
      const k = `${r.workspaceId}/${r.accountId}`;
      const g = groups.get(k);
      if (g) g.push(r);
      else groups.set(k, [r]);
    }
    let read = 0;
    let failed = 0;
    for (const [k, group] of groups) {
      const [workspaceId, accountId] = k.split('/');
      const out = await readAccountPosts(workspaceId!, accountId!, group);
      read += out.read;
      failed += out.failed;
    }
    return { read, failed };
  }

  return {
    /**
     * analytics.collect_post: follow a post publishing has just published and take its first
     * reading. Posts without a platform id (a hand-off confirmed by a bare URL) are not followed.
     */
    async collectPublication(publicationId: string, workspaceId?: string) {
      const known = await tracking.findTrackedByPublication(db, publicationId);
      if (known) return readRows([known]);
      const found = await findPublication(publicationId, workspaceId);
      const p = found?.publication;
      if (!found || !p || p.state !== 'published' || !p.platformPostId || !p.publishedAt) return { read: 0, failed: 0 };
      const { account } = await accounts.get(systemActor(found.workspaceId), p.accountId);
      const publishedAt = new Date(p.publishedAt);
      const media = p.media as Array<{ kind: string }>;
      const row = await tracking.upsertTracked(db, {
        workspaceId: found.workspaceId, accountId: p.accountId, platformPostId: p.platformPostId, publicationId, platform: p.platform,
        account: account.displayName, postTitle: (p.title || p.text || '').replace(/\s+/g, ' ').trim().slice(0, 120),
        format: media.some((m) => m.kind === 'video') ? 'video' : media.length ? 'image' : 'text',
        publishedAt, publishedHour: DateTime.fromJSDate(publishedAt).setZone(found.timeZone).hour, nextCollectAt: clock.now(),
      });
      return readRows([row]);
    },

    /** analytics.collect_sweep: every post whose next reading is due. */
    async collectDue(opts: { limit?: number; workspaceId?: string } = {}) {
      return readRows(await tracking.listDue(db, clock.now(), opts.limit ?? 500, opts.workspaceId));
    },

    /**
     * analytics.collect_accounts: yesterday's followers, new followers and unfollows of every
     * connected account, for workspaces where the day has just turned (or the given workspace and day).
     */
    async collectAccounts(opts: { workspaceId?: string; day?: string; force?: boolean } = {}) {
      const workspaces = opts.workspaceId ? [await team.workspaceSettings(opts.workspaceId)] : await team.listAllWorkspaces();
      let read = 0;
      let failed = 0;
      for (const w of workspaces) {
        const local = DateTime.fromJSDate(clock.now()).setZone(w.timeZone);
        if (!opts.force && !opts.day && local.hour !== 0) continue;
        const day = opts.day ?? local.minus({ days: 1 }).toISODate()!;
        const start = DateTime.fromISO(day, { zone: w.timeZone });
        const { items } = await accounts.list(systemActor(w.id), { status: 'active' });
        for (const a of items.filter((x) => x.connection.connected)) {
          try {
            const connector = await accounts.connectorFor(w.id, a.id);
            if (!connector.capabilities.accountMetrics || !connector.accountMetrics) continue;
            const m = await connector.accountMetrics({ from: start.toJSDate(), to: start.endOf('day').toJSDate() });
            await accounts.recordSync(w.id, a.id, 'ok');
            await db.transaction(async (tx) => {
              await store.upsertAccountSnapshots(tx, w.id, [{
                date: day, platform: a.platform, account: a.displayName, followers: m.followers, newFollowers: m.newFollowers, unfollows: m.unfollows,
              }], 'collector');
              await store.refreshRollups(tx, w.id, [day]);
            });
            read += 1;
          } catch (err) {
            if (!(err instanceof DomainError)) await accounts.recordSync(w.id, a.id, 'failed').catch(() => {});
            failed += 1;
          }
        }
      }
      return { read, failed };
    },

    /** What the collector follows in a workspace (the console's 采集状态). */
    async trackedPosts(workspaceId: string) {
      return (await tracking.listTracked(db, workspaceId)).map((r) => ({
        platform: r.platform, account: r.account, postId: r.platformPostId, title: r.postTitle, status: r.status,
        publishedAt: r.publishedAt.toISOString(), lastCollectedAt: r.lastCollectedAt?.toISOString() ?? null,
        nextCollectAt: r.nextCollectAt?.toISOString() ?? null, collections: r.collections, lastError: r.lastError,
      }));
    },
  };
}

export type Collector = ReturnType<typeof createCollector>;
