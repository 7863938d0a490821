/**
 * bench/ingest: mentions analysed, matched, scored and stored per second through the batch API
 * (`POST …/listening/mentions:batch`, 1,000 per request, via app.inject), on PGlite and PostgreSQL,
 * with PostgreSQL COPY of the same rows as the ceiling; then alert latency: a surge pushed in batches,
 * time from the batch that crosses the threshold being sent to the alert being listed.
 *   npx tsx bench/ingest/run.ts [--n 50000] [--embedded-n 20000]   (PostgreSQL when DATABASE_URL is set)
 */
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/db/client.js';
import { migrateDatabase } from '../../src/db/migrate.js';
import { createJobs } from '../../src/jobs/queue.js';
import { systemClock } from '../../src/kernel/clock.js';
import { loadConfig } from '../../src/kernel/config.js';
import { buildApp } from '../../src/server/app.js';
import { createServices } from '../../src/server/services.js';

const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => { const i = args.indexOf(name); return i >= 0 && args[i + 1] ? args[i + 1]! : fallback; };
const N = Number(opt('--n', '50000'));
const EMBEDDED_N = Number(opt('--embedded-n', '20000'));
const BATCH = 1000;
const TEXTS = ['星河咖啡的新品拿铁真好喝', '星河咖啡排队太久了，服务有点慢', '今天在星河咖啡写作业', '星河咖啡杯子里有异物，太恶心了，要投诉',
  '月光咖啡和星河咖啡哪家好喝', '星河咖啡退款拖了一个月，再不处理就打12315', '路过星河咖啡买了一杯美式', '星河咖啡门店环境不错'];

function mentions(n: number, offset: number, publishedAt: () => string) {
  return Array.from({ length: n }, (_, k) => {
    const i = offset + k;
    return { source: 'bench', externalId: `b${i}`, text: `${TEXTS[i % TEXTS.length]} #${i}`, author: { name: `用户${i % 5000}`, followers: (i * 7919) % 300_000 }, publishedAt: publishedAt(), reposts: i % 97, comments: i % 31 };
  });
}

async function run(label: string, database: Database) {
  await migrateDatabase(database);
  const config = loadConfig({ CHORUS_DATA_DIR: mkdtempSync(join(tmpdir(), 'chorus-bench-ingest-')), CHORUS_LOG_LEVEL: 'silent', CHORUS_SECRET_KEY: 'bench-secret-key-0123456789' });
  const jobs = createJobs(database);
  const services = createServices({ database, jobs, clock: systemClock, config });
  await jobs.start();
  const app = await buildApp({ services, logger: false });
  const { userId, workspaceId } = await services.team.adminCreate({ email: `bench-${Date.now()}@example.cn`, password: 'Str0ng!Passw0rd', name: 'bench', workspaceName: `bench-${label}` });
  const { token } = (await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: (await services.team.me({ userId, via: 'session' } as never)).user.email, password: 'Str0ng!Passw0rd' } })).json();
  const headers = { authorization: `Bearer ${token}` };
  const url = `/api/v1/workspaces/${workspaceId}/listening/mentions:batch`;
  for (const [name, query] of [['星河咖啡', '星河咖啡 NOT 招聘'], ['月光咖啡', '月光咖啡'], ['投诉', '(投诉 OR 12315 OR 退款) NEAR/10 咖啡']]) {
    await app.inject({ method: 'POST', url: `/api/v1/workspaces/${workspaceId}/listening/monitors`, headers, payload: { name, kind: 'brand', query } });
  }
  const n = database.kind === 'pglite' ? EMBEDDED_N : N;
  const spread = (i: number) => new Date(Date.now() - 7 * 86_400_000 + (i % 600_000) * 1000).toISOString();
  let seq = 0;
  services.text.warm();
  const started = performance.now();
  for (let i = 0; i < n; i += BATCH) {
    const res = await app.inject({ method: 'POST', url, headers, payload: { mentions: mentions(Math.min(BATCH, n - i), i, () => spread(seq++)) } });
    if (res.statusCode !== 200 || res.json().accepted !== Math.min(BATCH, n - i)) throw new Error(`batch failed: ${res.statusCode} ${res.body.slice(0, 200)}`);
    process.stderr.write(`\r[bench:ingest] ${label} ${i + BATCH}/${n}`);
  }
  const secs = (performance.now() - started) / 1000;
  process.stderr.write('\n');
  const result: Record<string, number | string> = { database: label, mentions: n, seconds: Math.round(secs * 100) / 100, perSecond: Math.round(n / secs) };

  if (database.pool) {
    // the ceiling: the same rows, written by COPY from a server-side file (the server is on this machine)
    const dir = mkdtempSync(join(tmpdir(), 'chorus-copy-'));
    chmodSync(dir, 0o777);
    const file = join(dir, 'mentions.copy');
    await database.pool.query(`copy (select * from listening_mentions where workspace_id = '${workspaceId}') to '${file}'`);
    await database.pool.query('create table copy_ceiling (like listening_mentions including all)');
    const t0 = performance.now();
    await database.pool.query(`copy copy_ceiling from '${file}'`);
    result.copyPerSecond = Math.round(n / ((performance.now() - t0) / 1000));
    await database.pool.query('drop table copy_ceiling');
  }

  // alert latency: one surge batch (published now) after a quiet spell; from sending it to the alert being listed
  const monitor = (await app.inject({ method: 'POST', url: `/api/v1/workspaces/${workspaceId}/listening/monitors`, headers, payload: { name: '暴雷', kind: 'product', query: '暴雷奶茶' } })).json().monitor.id;
  const latencies: number[] = [];
  for (let round = 0; round < 20; round++) {
    for (const a of (await services.listening.listAlerts({ workspaceId } as never, { state: 'open', monitorId: monitor })).items) {
      await services.listening.setAlertState({ workspaceId, userId } as never, a.id, 'closed');
    }
    await new Promise((r) => setTimeout(r, 1100)); // intake runs the volume rules at most once a second per workspace
    const sent = performance.now();
    await app.inject({ method: 'POST', url, headers, payload: { mentions: Array.from({ length: 30 }, (_, k) => ({ source: 'surge', externalId: `s${round}-${k}`, text: `暴雷奶茶喝出异物 ${round}-${k}`, author: { name: `网友${k}` }, publishedAt: new Date().toISOString() })) } });
    for (;;) {
      const alerts = await services.listening.listAlerts({ workspaceId } as never, { state: 'open', monitorId: monitor });
      if (alerts.items.some((a) => a.kind === 'volume-spike')) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    latencies.push(performance.now() - sent);
  }
  latencies.sort((a, b) => a - b);
  result.alertLatencyMsP99 = Math.round(latencies[Math.ceil(latencies.length * 0.99) - 1]!);
  await app.close();
  await jobs.stop();
  await database.close();
  return result;
}

const results = [];
results.push(await run('pglite', await openDatabase({ dataDir: mkdtempSync(join(tmpdir(), 'chorus-bench-pglite-')) })));
if (process.env.DATABASE_URL) {
  const name = `chorus_bench_ingest_${Date.now()}`;
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  const u = new URL(process.env.DATABASE_URL);
  u.pathname = `/${name}`;
  results.push(await run('postgres', await openDatabase({ databaseUrl: u.toString(), dataDir: '/nonexistent', poolSize: 4 })));
  await admin.query(`drop database "${name}" with (force)`);
  await admin.end();
}
for (const r of results) process.stdout.write(`${JSON.stringify(r)}\n`);
