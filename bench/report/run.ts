/**
 * Weekly report benchmark: `npm run bench:report -- [--json] [--backend postgres|embedded|both]
 * [--accounts 50] [--posts 20000] [--snapshots 5000000] [--embedded-snapshots 1000000] [--runs 15] [--keep]`.
 * Generates a workspace (accounts on five platforms, posts published over the last ~500 days, one
 * snapshot row per post and day since it was published) with batched unnest inserts and a progress
 * bar, then times the 周度运营复盘报告 of the last complete week (the review document, which builds the
 * 周度数据监测表 inside) and the table alone. PostgreSQL: a fresh database next to DATABASE_URL,
 * dropped afterwards. Embedded (PGlite): a smaller default scale. Ends with ONE JSON line.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import pg from 'pg';
import { openDatabase, sqlOf, type Database } from '../../src/db/client.js';
import { migrateDatabase } from '../../src/db/migrate.js';
import { systemClock } from '../../src/kernel/clock.js';
import { createAnalyticsService } from '../../src/modules/analytics/service.js';
import { createAnalyticsStore } from '../../src/modules/analytics/store.js';
import { isoWeekOf, isoWeekRange, previousIsoWeek } from '../../src/modules/analytics/weekly-report.js';
import { createTeamService } from '../../src/modules/team/service.js';

const args = process.argv.slice(2);
const jsonOnly = args.includes('--json');
const opt = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const ACCOUNTS = Number(opt('--accounts', '50'));
const POSTS = Number(opt('--posts', '20000'));
const SNAPSHOTS = Number(opt('--snapshots', '5000000'));
const EMBEDDED_SNAPSHOTS = Number(opt('--embedded-snapshots', '1000000'));
const RUNS = Number(opt('--runs', '15'));
const backendArg = opt('--backend', process.env.DATABASE_URL ? 'both' : 'embedded');
const BATCH = 50_000;
const PLATFORMS = ['weibo', 'wechat', 'douyin', 'xiaohongshu', 'bilibili'] as const;
const THEMES = ['brand', 'product', 'industry', 'interactive', 'trending'] as const;
const FORMATS = ['text', 'article', 'short_video', 'note', 'video'] as const;
const say = (line: string) => (jsonOnly ? process.stderr : process.stdout).write(`${line}\n`);

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

function progress(label: string, done: number, total: number, started: number) {
  const width = 30;
  const filled = Math.round((done / total) * width);
  const secs = (Date.now() - started) / 1000;
  const rate = done / Math.max(secs, 0.001);
  process.stderr.write(`\r[bench:report] ${label} ${'█'.repeat(filled)}${'░'.repeat(width - filled)} ${((done / total) * 100).toFixed(0).padStart(3)}% `
    + `${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} rows ${secs.toFixed(0)}s (${Math.round(rate).toLocaleString('en-US')}/s)   `);
  if (done >= total) process.stderr.write('\n');
}

/** Post i's age in days: spread so that the ages (= its snapshot rows) add up to `snapshots`. */
function agesFor(posts: number, snapshots: number): number[] {
  const maxAge = (2 * snapshots) / posts;
  const ages = Array.from({ length: posts }, (_, i) => Math.max(1, Math.floor(((i + 0.5) * maxAge) / posts)));
  let diff = snapshots - ages.reduce((a, b) => a + b, 0);
  for (let i = posts - 1; diff !== 0; i = (i - 1 + posts) % posts) {
    const step = diff > 0 ? 1 : -1;
    if (ages[i]! + step >= 1) { ages[i]! += step; diff -= step; }
  }
  return ages;
}

async function generate(database: Database, workspaceId: string, label: string, snapshots: number, today: DateTime) {
  const ages = agesFor(POSTS, snapshots);
  const oldest = Math.max(...ages) + 1;
  const days = Array.from({ length: oldest + 1 }, (_, k) => today.minus({ days: oldest - k }).toISODate()!); // days.at(-1) = today
  const rnd = random(20261123);
  const started = Date.now();
  const client = sqlOf(database.db);
  const cols: unknown[][] = Array.from({ length: 15 }, () => []);
  let done = 0;
  const flush = async () => {
    if (!cols[0]!.length) return;
    await client.query(`
      insert into analytics_post_snapshots (workspace_id, day, platform, account, post_id, post_title, theme, format, published_hour,
        exposure, likes, comments, shares, saves, clicks, conversions, source)
      select $1::uuid, u.*, 'bench' from unnest($2::date[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::int[],
        $10::bigint[], $11::bigint[], $12::bigint[], $13::bigint[], $14::bigint[], $15::bigint[], $16::bigint[]) as u`, [workspaceId, ...cols]);
    done += cols[0]!.length;
    for (const c of cols) c.length = 0;
    progress(label, done, snapshots, started);
  };
  for (let i = 0; i < POSTS; i++) {
    const account = i % ACCOUNTS;
    const platform = PLATFORMS[account % PLATFORMS.length]!;
    const theme = THEMES[Math.floor(rnd() * THEMES.length)]!;
    const base = 2_000 + rnd() * 40_000;
    const rate = 0.005 + rnd() * 0.04;
    const hour = 7 + Math.floor(rnd() * 16);
    const first = days.length - 1 - ages[i]!;
    for (let d = 0; d < ages[i]!; d++) {
      const exposure = Math.round(base * 0.6 ** d + rnd() * 20);
      const inter = exposure * rate;
      cols[0]!.push(days[first + d]);
      cols[1]!.push(platform);
      cols[2]!.push(`${platform}_acc${account}`);
      cols[3]!.push(`p${i}`);
      cols[4]!.push(`第${i}篇：${theme} 内容`);
      cols[5]!.push(theme);
      cols[6]!.push(FORMATS[account % FORMATS.length]);
      cols[7]!.push(hour);
      cols[8]!.push(exposure);
      cols[9]!.push(Math.round(inter * 0.6));
      cols[10]!.push(Math.round(inter * 0.15));
      cols[11]!.push(Math.round(inter * 0.1));
      cols[12]!.push(platform === 'weibo' ? null : Math.round(inter * 0.15)); // a platform without saves: unknown, not 0
      cols[13]!.push(Math.round(exposure * 0.02));
      cols[14]!.push(Math.round(exposure * 0.001));
      if (cols[0]!.length >= BATCH) await flush();
    }
  }
  await flush();
  const accounts = [];
  for (let a = 0; a < ACCOUNTS; a++) {
    const platform = PLATFORMS[a % PLATFORMS.length]!;
    let followers = 20_000 + Math.round(rnd() * 200_000);
    for (let d = 520; d >= 1; d--) {
      const added = Math.round(rnd() * 300);
      const lost = Math.round(rnd() * 60);
      followers += added - lost;
      accounts.push({ date: today.minus({ days: d }).toISODate()!, platform, account: `${platform}_acc${a}`, followers, newFollowers: added, unfollows: lost });
    }
  }
  await createAnalyticsStore().upsertAccountSnapshots(database.db, workspaceId, accounts, 'bench');
  say(`[bench:report] refreshing the per-post weekly totals (${days.length} days)`);
  const weeksStarted = Date.now();
  await createAnalyticsStore().refreshPostWeeks(database.db, workspaceId, days);
  const weeksSeconds = (Date.now() - weeksStarted) / 1000;
  await client.query('analyze analytics_post_weeks');
  await client.query('analyze analytics_post_snapshots');
  await client.query('analyze analytics_account_snapshots');
  return { seconds: (Date.now() - started) / 1000, weeksSeconds };
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const round = (v: number) => Math.round(v * 10) / 10;

async function time(runs: number, f: () => Promise<unknown>) {
  await f(); // warm-up
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await f();
    ms.push(performance.now() - t);
  }
  return { p50: round(pct(ms, 50)), p95: round(pct(ms, 95)), max: round(Math.max(...ms)) };
}

async function runBackend(backend: 'postgres' | 'embedded') {
  const snapshots = backend === 'postgres' ? SNAPSHOTS : EMBEDDED_SNAPSHOTS;
  let url: URL | undefined;
  let dir: string | undefined;
  if (backend === 'postgres') {
    url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/chorus_bench_report_${Date.now().toString(36)}`;
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`create database "${url.pathname.slice(1)}"`);
    await admin.end();
  } else {
    dir = mkdtempSync(join(tmpdir(), 'chorus-bench-report-'));
  }
  const database = await openDatabase(url ? { databaseUrl: url.toString(), dataDir: '/nonexistent', poolSize: 4 } : { dataDir: dir! });
  try {
    await migrateDatabase(database);
    const team = createTeamService({ database, clock: systemClock });
    const { workspaceId } = await team.adminCreate({ email: `bench-${Date.now()}@example.cn`, password: 'Str0ng!Passw0rd', workspaceName: '基准测试' });
    const today = DateTime.now().setZone((await team.workspaceSettings(workspaceId)).timeZone).startOf('day');
    say(`[bench:report] ${backend}: generating ${ACCOUNTS} accounts, ${POSTS.toLocaleString('en-US')} posts, ${snapshots.toLocaleString('en-US')} snapshots`);
    const gen = await generate(database, workspaceId, backend, snapshots, today);
    const analytics = createAnalyticsService({ database, clock: systemClock, team });
    const caller = { workspaceId, userId: null };
    const week = isoWeekOf(today.minus({ weeks: 1 }).toISODate()!);
    const weekRows = Number((await database.sql.query<{ n: string }>(
      'select count(*) as n from analytics_post_snapshots where workspace_id = $1 and day between $2 and $3',
      [workspaceId, isoWeekRange(previousIsoWeek(week)).start, isoWeekRange(week).end])).rows[0]!.n);
    say(`[bench:report] ${backend}: timing the weekly report of ${week} (${RUNS} runs)`);
    const review = await time(RUNS, () => analytics.weeklyReview(caller, week));
    const table = await time(RUNS, () => analytics.weeklyTable(caller, week));
    const doc = await analytics.weeklyReview(caller, week);
    const xlsx = await time(3, () => analytics.render(doc, 'xlsx'));
    const pdf = await time(3, () => analytics.render(doc, 'pdf'));
    const result = {
      backend, accounts: ACCOUNTS, posts: POSTS, snapshots, week, weekRows, generateSeconds: round(gen.seconds), weeklyTotalsSeconds: round(gen.weeksSeconds),
      reportP50Ms: review.p50, reportP95Ms: review.p95, reportMaxMs: review.max, tableP50Ms: table.p50, xlsxMs: xlsx.p50, pdfMs: pdf.p50,
    };
    say(`[bench:report] ${backend}: report p50 ${review.p50} ms, p95 ${review.p95} ms; table p50 ${table.p50} ms; xlsx ${xlsx.p50} ms, pdf ${pdf.p50} ms`);
    return result;
  } finally {
    await database.close();
    if (url && !args.includes('--keep')) {
      const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await admin.connect();
      await admin.query(`drop database if exists "${url.pathname.slice(1)}" with (force)`);
      await admin.end();
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

const backends = backendArg === 'both' ? (['postgres', 'embedded'] as const) : [backendArg as 'postgres' | 'embedded'];
const results = [];
for (const b of backends) results.push(await runBackend(b));
const pgResult = results.find((r) => r.backend === 'postgres');
console.log(JSON.stringify({ bench: 'report', targetMs: 300, meetsTarget: pgResult ? pgResult.reportP95Ms <= 300 : null, results }));
