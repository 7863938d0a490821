/**
 * Group commit for successful attempts: at high volume most attempts end "published", and writing
 * each in its own transaction is what limits the embedded database (one connection). Outcomes are
 * buffered for a few milliseconds and written together — attempts in one insert, rows in one
 * conditional update, the first-reply reminder as one job per flush.
 */
import { sqlOf } from '../../db/client.js';
import { newId } from '../../kernel/ids.js';
import type { AttemptResult } from './attempt.js';
import type { PublishingContext } from './context.js';
import { COLLECT_POST_JOB, FIRST_REPLY_JOB, JOB_OPTIONS, announcePublished, type Outcomes } from './outcome.js';
import type { PublicationRow } from './store.js';
import { publishAttempts } from './tables.js';

const MAX_BATCH = 200;
const LINGER_MS = 10;

interface Item { row: PublicationRow; r: AttemptResult; done: () => void; fail: (e: unknown) => void }

export function createPublishBuffer(ctx: PublishingContext, outcomes: Outcomes) {
  const { db, jobs, clock, options } = ctx;
  let items: Item[] = [];
  let timer: NodeJS.Timeout | undefined;
  let flushing = Promise.resolve();

  async function write(batch: Item[]) {
    const collect = await outcomes.hasCollector();
    const now = clock.now();
    await db.transaction(async (tx) => {
      await tx.insert(publishAttempts).values(batch.map(({ row, r }) => ({
        id: newId(), workspaceId: row.workspaceId, publicationId: row.id, number: row.attempts, kind: r.kind, outcome: r.outcome,
        startedAt: r.startedAt, finishedAt: r.finishedAt, worker: ctx.worker, raw: (r.raw ?? null) as never,
      })));
      const values = batch.map(({ row, r }) => ({
        id: row.id, platform_post_id: r.platformPostId ?? null, url: r.url ?? null, published_at: r.finishedAt.toISOString(), confirmed: Boolean(r.confirmed),
      }));
      const updated = await sqlOf(tx).query<{ id: string }>(`
        update publications p set state = 'published', platform_post_id = x.platform_post_id, url = x.url, published_at = x.published_at,
          confirmed_at = case when x.confirmed then $2::timestamptz else null end, lease_until = null, claimed_by = null, job_id = null,
          last_error = null, last_error_kind = null, metrics_follow_up = $3, updated_at = $2::timestamptz
        from jsonb_to_recordset($1::jsonb) as x(id uuid, platform_post_id text, url text, published_at timestamptz, confirmed boolean)
        where p.id = x.id and p.state in ('publishing', 'unconfirmed')
        returning p.id`, [JSON.stringify(values), now.toISOString(), collect ? 'queued' : 'recorded']);
      const ids = updated.rows.map((x) => x.id);
      if (ids.length === 0) return;
      const byId = new Map(batch.map((i) => [i.row.id, { ...i.row, url: i.r.url ?? null, platformPostId: i.r.platformPostId ?? null, publishedAt: i.r.finishedAt }]));
      await announcePublished(tx, ctx.emit, ids.map((id) => byId.get(id)!));
      if (collect) {
        const wsOf = new Map(batch.map((i) => [i.row.id, i.row.workspaceId]));
        for (const id of ids) await jobs.send(tx, COLLECT_POST_JOB, { publicationId: id, workspaceId: wsOf.get(id) }, { startAfter: new Date(now.getTime() + 60_000) });
      }
      await jobs.send(tx, FIRST_REPLY_JOB, { publicationIds: ids }, { startAfter: new Date(now.getTime() + options.firstReplyReminderMs), ...JOB_OPTIONS });
    });
  }

  function flush() {
    if (timer) clearTimeout(timer);
    timer = undefined;
    const batch = items;
    items = [];
    if (batch.length === 0) return flushing;
    flushing = flushing.then(() => write(batch)).then(
      () => { for (const i of batch) i.done(); },
      (e: unknown) => { for (const i of batch) i.fail(e); },
    );
    return flushing;
  }

  return {
    /** Resolves once the outcome is committed. */
    add(row: PublicationRow, r: AttemptResult): Promise<void> {
      return new Promise<void>((done, fail) => {
        items.push({ row, r, done, fail });
        if (items.length >= MAX_BATCH) void flush();
        else timer ??= setTimeout(() => void flush(), LINGER_MS);
      });
    },
    flush,
  };
}
