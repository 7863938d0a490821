/**
 * Fairness across workspaces: one workspace's mass import due at 10:00 must not make another
 * workspace's everyday post wait behind thousands (queue priority + round-robin claims).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/modules/team/service.js';
import { BACKENDS } from '../helpers/database.js';
import { PASSWORD } from '../helpers/runtime.js';
import { createFixture, type Fixture } from './fixture.js';

describe.each(BACKENDS)('fair dispatch across workspaces (%s)', (backend) => {
  let fx: Fixture;

  beforeAll(async () => {
    fx = await createFixture({ backend });
  });
  afterAll(async () => {
    await fx?.close();
  });

  it('publishes a small workspace’s post in the first wave of a big workspace’s burst', async () => {
    const { services } = fx.rt;
    const big = await fx.account({ sandboxIndex: 0 });
    const created = await services.team.adminCreate({ email: `small-${Date.now()}@example.cn`, password: PASSWORD, name: '小团队', workspaceName: `小团队-${Math.random()}` });
    const small: Actor = { userId: created.userId, workspaceId: created.workspaceId, role: 'owner', via: 'session' };
    await services.accounts.updateSettings(small, { approverRoles: ['owner'], naming: { pattern: null, prefixes: [], appliesTo: [], companyNames: [] }, reportWorkingDays: 5, securityCheckDays: 90, tokenWarningDays: 7, syncStaleHours: 48 } as never);
    const { account, filing } = await services.accounts.create(small, {
      platform: 'sandbox', type: 'brand', handle: `small_${Date.now()}`, displayName: '小团队号', function: '发布', apiBaseUrl: fx.sb.url,
      filing: { purpose: '发布', operators: [], verificationPlan: '无' },
    } as never);
    await services.accounts.approve(small, filing!.id, 'ok');
    const sbAccount = fx.sb.state.accounts()[2]!;
    const t = fx.sb.state.auth.issue(sbAccount.id, 'chorus');
    await services.accounts.storeCredentials(small, account.id, { accessToken: t.accessToken, refreshToken: t.refreshToken, expiresAt: new Date(t.expiresAt).toISOString(), appId: 'chorus' });

    const due = new Date(Date.now() + 4_000);
    const bigVariants = await fx.schedule(Array.from({ length: 300 }, () => ({ accountId: big, dueAt: due })));
    await services.database.db.transaction((tx) => services.publishing.scheduleVariants(tx, small, [0, 1].map((i) => ({
      contentItemId: `small-item-${i}`, variantId: `small-v-${i}`, accountId: account.id, platform: 'sandbox', dueAt: due, textHash: 'h',
      payload: { text: `小团队的日常内容 ${i}`, media: [] },
    }))));
    await fx.waitForStates(bigVariants.map((v) => v.variantId), (s) => s === 'published', 60_000);
    const times = async (workspaceId: string) => (await services.database.sql.query<{ t: Date }>(
      `select published_at as t from publications where workspace_id = $1 and due_at = $2 and state = 'published' order by 1`, [workspaceId, due.toISOString()])).rows.map((r) => new Date(r.t).getTime());
    await expect.poll(async () => (await times(small.workspaceId)).length, { timeout: 10_000 }).toBe(2);
    const bigTimes = await times(fx.ws);
    const smallTimes = await times(small.workspaceId);
    const median = bigTimes[Math.floor(bigTimes.length / 2)]!;
    expect(Math.max(...smallTimes)).toBeLessThan(median);
  }, 90_000);
});
