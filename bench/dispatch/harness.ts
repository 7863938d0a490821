/**
 * Pieces of the dispatch benchmark: a sandbox network in its own process (so it never shares an
 * event loop with a worker), a Chorus runtime on PostgreSQL or the embedded database with K
 * connected sandbox accounts, `chorus worker` child processes, and the measurements.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { loadConfig } from '../../src/kernel/config.js';
import type { ScheduleVariantInput } from '../../src/modules/publishing/service.js';
import type { Actor } from '../../src/modules/team/service.js';
import { openRuntime, type Runtime } from '../../src/server/runtime.js';

const CHORUS = fileURLToPath(new URL('../../bin/chorus', import.meta.url));
const SECRET = 'bench-secret-key-0123456789';

export function startProcess(args: string[], ready: RegExp, env: Record<string, string> = {}): Promise<{ child: ChildProcess; out: () => string }> {
  const child = spawn(process.execPath, [CHORUS, ...args], { env: { ...process.env, ...env } });
  let out = '';
  return new Promise((resolve, reject) => {
    const onData = (d: Buffer) => {
      out += d.toString();
      if (ready.test(out)) resolve({ child, out: () => out });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`chorus ${args[0]} exited ${code}: ${out.slice(-500)}`)));
  });
}

export async function startSandbox() {
  const p = await startProcess(['sandbox', '--port', '0', '--seed', 'bench', '--no-tokens'], /network at (http:\/\/\S+)/);
  const url = /network at (http:\/\/\S+)/.exec(p.out())![1]!;
  const call = async (method: string, path: string, body?: unknown) => {
    const r = await fetch(`${url}${path}`, { method, headers: { 'content-type': 'application/json' }, body: body ? JSON.stringify(body) : undefined });
    return r.status === 204 ? {} : (await r.json()) as Record<string, any>;
  };
  await call('POST', '/_sandbox/config', { honor_idempotency_key: false });
  return {
    url, call,
    async stats() {
      const s = await call('GET', '/_sandbox/stats');
      const dup = (s.duplicateKeys as { posts: number }[]).reduce((n, d) => n + d.posts - 1, 0);
      return { keys: Number(s.keys), posts: Number(s.posts.total), duplicates: dup };
    },
    stop: () => { p.child.kill('SIGTERM'); },
  };
}
export type Sandbox = Awaited<ReturnType<typeof startSandbox>>;

export async function createPgDatabase(base: string) {
  const name = `chorus_bench_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  const u = new URL(base);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop database if exists "${name}" with (force)`).catch(() => {});
      await c.end();
    },
  };
}

export interface Setup { rt: Runtime; actor: Actor; accounts: string[]; env: Record<string, string> }

/** A runtime (workers in this process only for the embedded database) with K connected sandbox accounts. */
export async function setUp(sb: Sandbox, opts: { databaseUrl?: string; accounts: number; worker: boolean }): Promise<Setup> {
  const env: Record<string, string> = {
    CHORUS_DATA_DIR: mkdtempSync(join(tmpdir(), 'chorus-bench-')), CHORUS_SECRET_KEY: SECRET,
    // The simulated network listens on loopback: the operator allows it, as `serve --demo` does.
    CHORUS_ALLOW_PRIVATE_HOSTS: 'true', CHORUS_LOG_LEVEL: 'silent', CHORUS_PUBLISH_BATCH: '200',
    ...(opts.databaseUrl ? { DATABASE_URL: opts.databaseUrl } : {}),
  };
  process.env.CHORUS_PUBLISH_BATCH = '200';
  const rt = await openRuntime(loadConfig(env), { worker: opts.worker });
  const s = rt.services;
  const { userId, workspaceId } = await s.team.adminCreate({ email: `bench-${Date.now()}@example.cn`, password: 'Str0ng!Passw0rd', name: 'bench', workspaceName: '压测工作区' });
  const actor: Actor = { userId, workspaceId, role: 'owner', via: 'session' };
  await s.accounts.updateSettings(actor, {
    approverRoles: ['owner'], naming: { pattern: null, prefixes: [], appliesTo: [], companyNames: [] },
    reportWorkingDays: 5, securityCheckDays: 90, tokenWarningDays: 7, syncStaleHours: 48,
  } as never);
  const accounts: string[] = [];
  for (let i = 0; i < opts.accounts; i++) {
    const sbAccount = await sb.call('POST', '/_sandbox/accounts', { name: `压测号${i}`, followers: 1000 + i });
    const token = await sb.call('POST', '/_sandbox/tokens', { account_id: sbAccount.id, client_id: 'chorus' });
    const { account, filing } = await s.accounts.create(actor, {
      platform: 'sandbox', type: 'brand', handle: `bench_${i}_${Date.now()}`, displayName: `压测号${i}`, function: '压测', apiBaseUrl: sb.url,
      filing: { purpose: '压测', operators: [], verificationPlan: '无' },
    } as never);
    await s.accounts.approve(actor, filing!.id, 'ok');
    await s.accounts.storeCredentials(actor, account.id, { accessToken: token.access_token, refreshToken: token.refresh_token, expiresAt: token.expires_at, appId: 'chorus' });
    accounts.push(account.id);
  }
  return { rt, actor, accounts, env };
}

let seq = 0;
/** Schedules posts in transactions of up to 500 (the content module's call). */
export async function schedule(set: Setup, dues: Date[]) {
  const { rt, actor, accounts } = set;
  for (let i = 0; i < dues.length; i += 500) {
    const chunk: ScheduleVariantInput[] = dues.slice(i, i + 500).map((dueAt) => {
      seq += 1;
      return {
        contentItemId: `bench-item-${seq}`, variantId: `bench-${seq}`, accountId: accounts[seq % accounts.length]!, platform: 'sandbox', dueAt,
        textHash: `h${seq}`, payload: { text: `星河咖啡压测第 ${seq} 条：春季新品樱花拿铁`, media: [] },
      };
    });
    await rt.services.database.db.transaction((tx) => rt.services.publishing.scheduleVariants(tx, actor, chunk));
  }
}

export async function publishedSince(set: Setup, since: Date) {
  const r = await set.rt.services.database.sql.query<{ n: number; last: Date | null }>(
    `select count(*)::int as n, max(published_at) as last from publications where state = 'published' and due_at >= $1`, [since.toISOString()]);
  return { n: Number(r.rows[0]!.n), last: r.rows[0]!.last ? new Date(r.rows[0]!.last) : null };
}

export async function latencies(set: Setup, since: Date) {
  const r = await set.rt.services.database.sql.query<{ ms: number }>(
    `select extract(epoch from (published_at - due_at)) * 1000 as ms from publications where state = 'published' and due_at >= $1 order by 1`, [since.toISOString()]);
  return r.rows.map((x) => Number(x.ms));
}

export const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : NaN);
