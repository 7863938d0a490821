/**
 * API benchmark: `npm run bench:api -- --json [--database pglite|postgres] [--duration S] [--connections N]`.
 * Seeds one workspace (50 accounts, 100,000 inbox conversations, 20,000 content items, three months of metrics)
 * with batched inserts, serves it on loopback as `chorus serve` does, and runs autocannon against `/api/health`,
 * `/api/v1/me`, the content list (50 items), the calendar month, the inbox page (50 items, filtered) and the
 * analytics dashboard, one after another. Prints ONE JSON line
 * `{ database, results: { health, me, contentList, calendar, inbox, dashboard } }`, each `{ rps, p99Ms }`,
 * plus each route's ratio to health in `ratios`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/db/client.js';
import { migrateDatabase } from '../../src/db/migrate.js';
import { createJobs } from '../../src/jobs/queue.js';
import { systemClock } from '../../src/kernel/clock.js';
import { loadConfig } from '../../src/kernel/config.js';
import { buildApp } from '../../src/server/app.js';
import { registerJobs } from '../../src/server/jobs-registry.js';
import { createServices } from '../../src/server/services.js';

const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const jsonOnly = args.includes('--json');
const DATABASE = opt('--database', process.env.DATABASE_URL ? 'postgres' : 'pglite') as 'pglite' | 'postgres';
const DURATION = Number(opt('--duration', '10'));
const CONNECTIONS = Number(opt('--connections', '10'));
const ACCOUNTS = Number(opt('--accounts', '50'));
const CONVERSATIONS = Number(opt('--conversations', '100000'));
const ITEMS = Number(opt('--items', '20000'));
const DAYS = 90;
const BATCH = 5000;
const PLATFORMS = ['weibo', 'wechat', 'douyin', 'xiaohongshu', 'bilibili'] as const;
const say = (line: string) => (jsonOnly ? process.stderr : process.stdout).write(`${line}\n`);

if (DATABASE !== 'pglite' && DATABASE !== 'postgres') throw new Error('--database is pglite or postgres');
if (DATABASE === 'postgres' && !process.env.DATABASE_URL) throw new Error('--database postgres needs DATABASE_URL');

/** Deterministic: the same data on every machine. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Inserts `rows` column arrays with one `unnest` statement per batch (one statement costs ~0.13 ms on PGlite). */
async function bulk(database: Database, table: string, columns: Array<[string, string]>, rows: unknown[][]) {
  const list = columns.map(([c]) => c).join(', ');
  const unnest = columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ');
  for (let start = 0; start < rows.length; start += BATCH) {
    const chunk = rows.slice(start, start + BATCH);
    const values = columns.map((_, c) => chunk.map((r) => r[c]));
    await database.sql.query(`insert into ${table} (${list}) select * from unnest(${unnest})`, values);
  }
}

async function seed(database: Database, workspaceId: string, ownerId: string) {
  const rnd = random(20261207);
  const now = Date.now();
  const day = (offset: number) => new Date(now + offset * 86_400_000).toISOString().slice(0, 10);
  const accounts = Array.from({ length: ACCOUNTS }, (_, i) => ({ id: randomUUID(), platform: PLATFORMS[i % PLATFORMS.length]!, handle: `bench_${i}` }));
  await bulk(database, 'accounts', [['id', 'uuid'], ['workspace_id', 'uuid'], ['platform', 'text'], ['type', 'text'], ['handle', 'text'],
    ['display_name', 'text'], ['owner_id', 'uuid'], ['status', 'text'], ['created_by', 'uuid']],
  accounts.map((a, i) => [a.id, workspaceId, a.platform, 'brand', a.handle, `基准账号 ${i + 1}`, ownerId, 'active', ownerId]));
  say(`[bench:api] ${ACCOUNTS} accounts`);

  const items = Array.from({ length: ITEMS }, (_, i) => {
    const a = accounts[i % ACCOUNTS]!;
    const planned = new Date(now + (Math.floor(rnd() * DAYS) - DAYS / 2) * 86_400_000 + Math.floor(rnd() * 12) * 3_600_000);
    return [randomUUID(), workspaceId, planned.toISOString(), JSON.stringify([a.platform]), JSON.stringify([a.id]), `选题 ${i + 1}`, 'product',
      'idea', JSON.stringify({ text: `第 ${i + 1} 条文案：新品上市，评论区聊聊你的看法` }), ownerId];
  });
  await bulk(database, 'content_items', [['id', 'uuid'], ['workspace_id', 'uuid'], ['planned_at', 'timestamptz'], ['platforms', 'jsonb'],
    ['account_ids', 'jsonb'], ['topic', 'text'], ['theme_class', 'text'], ['status', 'text'], ['master', 'jsonb'], ['owner_id', 'uuid']], items);
  say(`[bench:api] ${ITEMS.toLocaleString('en-US')} content items`);

  const kinds = ['comment', 'dm', 'mention'];
  const statuses = ['open', 'open', 'pending', 'resolved', 'resolved', 'spam'];
  const conversations = Array.from({ length: CONVERSATIONS }, (_, i) => {
    const a = accounts[i % ACCOUNTS]!;
    const at = new Date(now - Math.floor(rnd() * DAYS * 86_400_000));
    return [randomUUID(), workspaceId, a.id, a.platform, kinds[i % 3], `t${i}`, statuses[i % statuses.length], `u${i % 9000}`, `用户${i % 9000}`,
      '请问礼盒可以单独买吗？', 'neutral', 'inquiry', false, at.toISOString(), at.toISOString(), 1 + (i % 4),
      new Date(at.getTime() + 4 * 3_600_000).toISOString()];
  });
  await bulk(database, 'inbox_conversations', [['id', 'uuid'], ['workspace_id', 'uuid'], ['account_id', 'uuid'], ['platform', 'text'], ['kind', 'text'],
    ['thread_key', 'text'], ['status', 'text'], ['author_id', 'text'], ['author_name', 'text'], ['last_text', 'text'], ['last_sentiment', 'text'],
    ['last_intent', 'text'], ['last_spam', 'boolean'], ['last_message_at', 'timestamptz'], ['last_inbound_at', 'timestamptz'],
    ['message_count', 'int'], ['sla_due_at', 'timestamptz']], conversations);
  say(`[bench:api] ${CONVERSATIONS.toLocaleString('en-US')} conversations`);

  const rollups: unknown[][] = [];
  for (const a of accounts) {
    for (let d = -DAYS; d <= 0; d++) {
      rollups.push([workspaceId, day(d), a.platform, a.handle, 3, 20_000 + Math.floor(rnd() * 5000), 300 + Math.floor(rnd() * 100), 50, 10, 100_000, 120, 20]);
    }
  }
  await bulk(database, 'analytics_daily_rollups', [['workspace_id', 'uuid'], ['day', 'date'], ['platform', 'text'], ['account', 'text'], ['posts', 'int'],
    ['exposure', 'bigint'], ['interactions', 'bigint'], ['clicks', 'bigint'], ['conversions', 'bigint'], ['followers', 'bigint'], ['new_followers', 'bigint'],
    ['unfollows', 'bigint']], rollups);
  // Each post's first two weeks, one row a day: three months of post metrics.
  const snapshots: unknown[][] = [];
  for (let p = 0; p < ITEMS / 4; p++) {
    const a = accounts[p % ACCOUNTS]!;
    const published = -Math.floor(rnd() * (DAYS - 14)) - 14;
    for (let d = 0; d < 14; d++) {
      snapshots.push([workspaceId, day(published + d), a.platform, a.handle, `post-${p}`, `笔记 ${p}`, 'product', 'note', 12 + (p % 10),
        1000 * (d + 1), 30 * (d + 1), 5 * (d + 1), 3 * (d + 1), 2 * (d + 1), 10, 1]);
    }
  }
  await bulk(database, 'analytics_post_snapshots', [['workspace_id', 'uuid'], ['day', 'date'], ['platform', 'text'], ['account', 'text'], ['post_id', 'text'],
    ['post_title', 'text'], ['theme', 'text'], ['format', 'text'], ['published_hour', 'int'], ['exposure', 'bigint'], ['likes', 'bigint'],
    ['comments', 'bigint'], ['shares', 'bigint'], ['saves', 'bigint'], ['clicks', 'bigint'], ['conversions', 'bigint']], snapshots);
  await database.sql.query('analyze');
  say(`[bench:api] ${rollups.length.toLocaleString('en-US')} account-days and ${snapshots.length.toLocaleString('en-US')} post-days of metrics`);
  return { from: day(-27), to: day(0), monthFrom: day(-15), monthTo: day(15) };
}

async function load(url: string, headers: Record<string, string>) {
  const result = await autocannon({ url, headers, connections: CONNECTIONS, duration: DURATION });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return { rps: Math.round(result.requests.average), p99Ms: result.latency.p99 };
}

async function main() {
  let url: URL | undefined;
  let dir: string | undefined;
  if (DATABASE === 'postgres') {
    url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/chorus_bench_api_${Date.now().toString(36)}`;
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`create database "${url.pathname.slice(1)}"`);
    await admin.end();
  } else {
    dir = mkdtempSync(join(tmpdir(), 'chorus-bench-api-'));
  }
  const dataDir = dir ?? mkdtempSync(join(tmpdir(), 'chorus-bench-api-'));
  const config = loadConfig({ CHORUS_DATA_DIR: dataDir, CHORUS_LOG_LEVEL: 'silent', CHORUS_SECRET_KEY: 'bench-secret-key-0123456789', ...(url && { DATABASE_URL: url.toString() }) });
  const database = await openDatabase(url ? { databaseUrl: url.toString(), dataDir: '/nonexistent' } : { dataDir });
  const jobs = createJobs(database);
  try {
    await migrateDatabase(database);
    const services = createServices({ database, jobs, clock: systemClock, config });
    registerJobs(services);
    await jobs.start();
    const email = `bench-${Date.now()}@example.cn`;
    const { userId, workspaceId } = await services.team.adminCreate({ email, password: 'Str0ng!Passw0rd', workspaceName: '基准测试' });
    say(`[bench:api] ${DATABASE}: seeding`);
    const range = await seed(database, workspaceId, userId);
    const { secret } = await services.team.createToken({ userId, via: 'session', workspaceId, role: 'owner' }, {
      name: 'bench', scopes: ['workspace.read', 'content.read', 'inbox.read', 'analytics.read'],
    });
    const app = await buildApp({ services, logger: false });
    const base = await app.listen({ host: '127.0.0.1', port: 0 });
    const auth = { authorization: `Bearer ${secret}` };
    const w = `${base}/api/v1/workspaces/${workspaceId}`;
    const results = {
      health: await load(`${base}/api/health`, {}),
      me: await load(`${base}/api/v1/me`, auth),
      contentList: await load(`${w}/content/items?limit=50`, auth),
      calendar: await load(`${w}/content/calendar?from=${range.monthFrom}&to=${range.monthTo}`, auth),
      inbox: await load(`${w}/inbox/conversations?status=open&limit=50`, auth),
      dashboard: await load(`${w}/analytics/dashboard?from=${range.from}&to=${range.to}`, auth),
    };
    await app.close();
    const ratios = Object.fromEntries(Object.entries(results).map(([k, r]) => [k, Math.round((r.rps / results.health.rps) * 100) / 100]));
    for (const [k, r] of Object.entries(results)) say(`[bench:api] ${k.padEnd(12)} ${String(r.rps).padStart(6)} req/s  p99 ${r.p99Ms} ms  (${ratios[k]}× health)`);
    process.stdout.write(`${JSON.stringify({ database: DATABASE, connections: CONNECTIONS, durationSeconds: DURATION, results, ratios })}\n`);
  } finally {
    await jobs.stop().catch(() => {});
    await database.close();
    if (url) {
      const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await admin.connect();
      await admin.query(`drop database if exists "${url.pathname.slice(1)}" with (force)`);
      await admin.end();
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  process.stderr.write(`bench:api failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
