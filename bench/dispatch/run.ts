/**
 * Publishing dispatch benchmark: `npm run bench:dispatch -- [--json] [--posts N] [--steady-seconds S]
 * [--backend postgres|embedded|both] [--workers 2] [--accounts 20]`.
 * Burst: N posts (default 10,000) due in the same instant, published to the sandbox network (its own
 * idempotency off, so every duplicate would count) — by 2 `chorus worker` processes on PostgreSQL,
 * or by this one process on the embedded database. Steady: 100 posts due per minute, lateness from
 * due to published. Prints progress, then ends with ONE JSON line.
 */
import type { ChildProcess } from 'node:child_process';
import { createPgDatabase, latencies, percentile, publishedSince, schedule, setUp, startProcess, startSandbox, type Sandbox } from './harness.js';

const args = process.argv.slice(2);
const jsonOnly = args.includes('--json');
const opt = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const posts = Number(opt('--posts', '10000'));
const steadySeconds = Number(opt('--steady-seconds', '120'));
const workers = Number(opt('--workers', '2'));
const accountCount = Number(opt('--accounts', '20'));
const backendArg = opt('--backend', process.env.DATABASE_URL ? 'both' : 'embedded');
const say = (line: string) => (jsonOnly ? process.stderr : process.stdout).write(`${line}\n`);

interface RunResult {
  backend: string; posts: number; published: number; duplicates: number; lost: number; seconds: number;
  latenessP50Ms: number; latenessP99Ms: number; steadyPosts: number; workers: number;
}

async function waitPublished(set: Parameters<typeof publishedSince>[0], since: Date, total: number, label: string, timeoutMs: number) {
  const started = Date.now();
  let last = { n: 0, last: null as Date | null };
  while (Date.now() - started < timeoutMs) {
    last = await publishedSince(set, since);
    const t = ((Date.now() - since.getTime()) / 1000).toFixed(1);
    process.stderr.write(`\r[bench:dispatch] ${label}: ${last.n}/${total} published, t=${t}s   `);
    if (last.n >= total) break;
    await new Promise((r) => setTimeout(r, 1000));
  }
  process.stderr.write('\n');
  return last;
}

async function runBackend(backend: 'postgres' | 'embedded', sb: Sandbox): Promise<RunResult> {
  const db = backend === 'postgres' ? await createPgDatabase(process.env.DATABASE_URL!) : undefined;
  const set = await setUp(sb, { databaseUrl: db?.url, accounts: accountCount, worker: backend === 'embedded' });
  const children: ChildProcess[] = [];
  try {
    if (backend === 'postgres') {
      const started = await Promise.all(Array.from({ length: workers }, () => startProcess(['worker'], /chorus worker \d+ started/, set.env)));
      children.push(...started.map((s) => s.child));
    }
    const before = await sb.stats();
    // Burst: everything due at one instant, scheduled ahead of it.
    const due = new Date(Date.now() + (backend === 'postgres' ? 8_000 : 3_000) + posts * 1.5);
    say(`[bench:dispatch] ${backend}: scheduling ${posts} posts due at ${due.toISOString()} (${accountCount} accounts, ${backend === 'postgres' ? `${workers} worker processes` : 'one process'})`);
    await schedule(set, Array.from({ length: posts }, () => due));
    const burst = await waitPublished(set, due, posts, `${backend} burst`, 300_000);
    const seconds = burst.last ? (burst.last.getTime() - due.getTime()) / 1000 : NaN;
    const after = await sb.stats();

    // Steady: 100 due per minute (one every 600 ms).
    const steadyPosts = Math.max(1, Math.round(steadySeconds / 0.6));
    const start = new Date(Date.now() + 3_000);
    say(`[bench:dispatch] ${backend}: steady ${steadyPosts} posts, one every 600 ms`);
    await schedule(set, Array.from({ length: steadyPosts }, (_, i) => new Date(start.getTime() + i * 600)));
    await waitPublished(set, start, steadyPosts, `${backend} steady`, steadySeconds * 1000 + 120_000);
    const lat = await latencies(set, start);
    const final = await sb.stats();
    const duplicates = final.duplicates - before.duplicates;
    return {
      backend, posts, published: after.keys - before.keys, duplicates, lost: posts - burst.n, seconds: Math.round(seconds * 10) / 10,
      latenessP50Ms: Math.round(percentile(lat, 50)), latenessP99Ms: Math.round(percentile(lat, 99)), steadyPosts, workers: backend === 'postgres' ? workers : 1,
    };
  } finally {
    for (const c of children) c.kill('SIGTERM');
    await Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once('exit', r)))));
    await set.rt.close();
    await db?.drop();
  }
}

const sb = await startSandbox();
const results: RunResult[] = [];
try {
  const backends = backendArg === 'both' ? (['postgres', 'embedded'] as const) : [backendArg as 'postgres' | 'embedded'];
  for (const b of backends) {
    if (b === 'postgres' && !process.env.DATABASE_URL) throw new Error('--backend postgres needs DATABASE_URL');
    const r = await runBackend(b, sb);
    results.push(r);
    say(`[bench:dispatch] ${b}: ${r.published}/${r.posts} published in ${r.seconds}s, ${r.duplicates} duplicates, ${r.lost} lost; steady lateness p50 ${r.latenessP50Ms} ms, p99 ${r.latenessP99Ms} ms`);
  }
} finally {
  sb.stop();
}
const head = results[0]!;
process.stdout.write(`${JSON.stringify({
  posts: head.posts, published: head.published, duplicates: head.duplicates, lost: head.lost, seconds: head.seconds,
  latenessP50Ms: head.latenessP50Ms, latenessP99Ms: head.latenessP99Ms, backend: head.backend, runs: results,
})}\n`);
process.exit(0);
