/**
 * A workspace with sandbox accounts connected to a sandbox network server, and helpers to schedule
 * posts through the content contract and watch them go out. Fast engine timings (short leases,
 * a sweep every second) so recovery shows within a test's patience.
 */
import { expect } from 'vitest';
import { startSandboxServer, type SandboxServer, type SandboxServerOptions } from '../../src/modules/platforms/sandbox/server.js';
import type { ScheduleVariantInput } from '../../src/modules/publishing/service.js';
import type { Actor } from '../../src/modules/team/service.js';
import type { Backend } from '../helpers/database.js';
import { PASSWORD, createTestRuntime, login, type TestRuntime } from '../helpers/runtime.js';

export interface Fixture {
  rt: TestRuntime;
  sb: SandboxServer;
  actor: Actor;
  headers: Record<string, string>;
  ws: string;
  /** The owner's e-mail (password: PASSWORD from the runtime helper). */
  email: string;
  account(opts?: { platform?: string; sandboxIndex?: number; connect?: boolean }): Promise<string>;
  /** Connects (again) with a fresh sandbox token; returns the access token. */
  connect(accountId: string, sandboxIndex?: number): Promise<string>;
  schedule(posts: Array<Partial<ScheduleVariantInput> & { accountId: string; dueAt: Date; text?: string }>): Promise<ScheduleVariantInput[]>;
  states(): Promise<Map<string, { state: string; id: string; attempts: number; url: string | null }>>;
  waitForStates(variantIds: string[], done: (s: string) => boolean, timeoutMs?: number): Promise<void>;
  api(method: string, path: string, payload?: unknown): Promise<{ status: number; json: any; body: string }>;
  notifications(): Promise<Array<{ event: string; title: string }>>;
  close(): Promise<void>;
}

let seq = 0;

export async function createFixture(opts: { backend: Backend; worker?: boolean; sandbox?: Partial<SandboxServerOptions> }): Promise<Fixture> {
  process.env.CHORUS_PUBLISH_TIMINGS = 'fast';
  const rt = await createTestRuntime({ backend: opts.backend, worker: opts.worker ?? true, notifyRetry: { retryLimit: 0, retryDelay: 1, retryBackoff: false } });
  // Read once when the services were built; do not leak into other tests of this process.
  delete process.env.CHORUS_PUBLISH_TIMINGS;
  const email = `pub-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.cn`;
  const created = await rt.services.team.adminCreate({ email, password: PASSWORD, name: '发布负责人', workspaceName: `发布测试-${Math.random()}` });
  const owner = { ...(await login(rt, email)), workspaceId: created.workspaceId };
  const actor: Actor = { userId: owner.userId, workspaceId: owner.workspaceId, role: 'owner', via: 'session' };
  const sb = await startSandboxServer({ seed: `pub-${opts.backend}`, webhookRetryDelaysMs: [], videoProcessingMs: 1_500, ...opts.sandbox });
  const { accounts, publishing, database } = rt.services;
  await accounts.updateSettings(actor, {
    approverRoles: ['owner'], naming: { pattern: null, prefixes: [], appliesTo: [], companyNames: [] },
    reportWorkingDays: 5, securityCheckDays: 90, tokenWarningDays: 7, syncStaleHours: 48,
  } as never);

  const fx: Fixture = {
    rt, sb, actor, headers: owner.headers, ws: owner.workspaceId, email,
    async account({ platform = 'sandbox', sandboxIndex = 0, connect = true } = {}) {
      seq += 1;
      const { account, filing } = await accounts.create(actor, {
        platform: platform as never, type: 'brand', handle: `h${seq}_${Date.now()}`, displayName: `测试号${seq}`, function: '发布测试',
        apiBaseUrl: platform === 'sandbox' ? sb.url : undefined,
        filing: { purpose: '发布测试', operators: [], verificationPlan: '无' },
      } as never);
      await accounts.approve(actor, filing!.id, 'ok');
      if (connect && platform !== 'xiaohongshu' && platform !== 'zhihu') await fx.connect(account.id, sandboxIndex);
      return account.id;
    },
    async connect(accountId, sandboxIndex = 0) {
      const sbAccount = sb.state.accounts()[sandboxIndex]!;
      const t = sb.state.auth.issue(sbAccount.id, 'chorus');
      await accounts.storeCredentials(actor, accountId, {
        accessToken: t.accessToken, refreshToken: t.refreshToken, expiresAt: new Date(t.expiresAt).toISOString(), appId: 'chorus', platformAccountId: sbAccount.id,
      });
      return t.accessToken;
    },
    async schedule(posts) {
      const variants = posts.map((p, i): ScheduleVariantInput => {
        seq += 1;
        return {
          contentItemId: p.contentItemId ?? `item-${seq}`, variantId: p.variantId ?? `var-${seq}-${i}`, accountId: p.accountId, platform: p.platform ?? 'sandbox',
          dueAt: p.dueAt, textHash: p.textHash ?? `hash-${seq}`, payload: p.payload ?? { text: p.text ?? `星河咖啡春季新品第 ${seq} 弹`, media: [] },
        };
      });
      await database.db.transaction((tx) => publishing.scheduleVariants(tx, actor, variants));
      return variants;
    },
    async states() {
      const r = await database.sql.query<{ variant_id: string; state: string; id: string; attempts: number; url: string | null }>(
        'select variant_id, state, id, attempts, url from publications where workspace_id = $1', [owner.workspaceId]);
      return new Map(r.rows.map((x) => [x.variant_id, { state: x.state, id: x.id, attempts: Number(x.attempts), url: x.url }]));
    },
    async waitForStates(variantIds, done, timeoutMs = 30_000) {
      await expect.poll(async () => {
        const s = await fx.states();
        return variantIds.filter((v) => !done(s.get(v)?.state ?? 'missing'));
      }, { timeout: timeoutMs, interval: 200 }).toEqual([]);
    },
    async api(method, path, payload) {
      const res = await rt.app.inject({ method: method as never, url: `/api/v1/workspaces/${owner.workspaceId}/publishing${path}`, headers: owner.headers, payload: payload as never });
      return { status: res.statusCode, body: res.body, json: res.body ? JSON.parse(res.body) : undefined };
    },
    async notifications() {
      const r = await database.sql.query<{ event: string; title: string }>('select event, title from notifications where workspace_id = $1 order by created_at', [owner.workspaceId]);
      return r.rows;
    },
    async close() {
      await rt.services.publishing.drain().catch(() => {});
      await rt.close();
      await sb.close();
    },
  };
  return fx;
}

/** Publish count per idempotency key from the sandbox: exactly one each means no loss and no double. */
export function publishCounts(sb: SandboxServer, publicationIds: string[]) {
  return publicationIds.map((id) => sb.state.publishCountByKey(`chorus-pub-${id}`));
}
