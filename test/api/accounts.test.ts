import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoAccounts } from '../../src/modules/accounts/demo.js';
import { scheduleFilingsRemind } from '../../src/modules/accounts/filings-remind.job.js';
import { startWeiboServer } from '../contract-servers/weibo.server.js';
import { BACKENDS } from '../helpers/database.js';
import { addMember, createTestRuntime, fixedClock, signUpOwner, type Session, type TestRuntime } from '../helpers/runtime.js';

// Monday 2 March 2026, 10:00 in Shanghai.
const START = '2026-03-02T02:00:00.000Z';
const TOKEN = 'wb-access-7f3c9e-very-secret';
const REFRESH = 'wb-refresh-2b81d0-very-secret';

describe.each(BACKENDS)('the account matrix (%s)', (backend) => {
  let rt: TestRuntime;
  const clock = fixedClock(START);
  let owner: Session & { workspaceId: string };
  const who: Record<string, Session> = {};
  let weibo: Awaited<ReturnType<typeof startWeiboServer>>;
  let ws: string;

  const call = async (s: Session, method: string, path: string, payload?: unknown) => {
    const res = await rt.app.inject({ method: method as never, url: `/api/v1/workspaces/${ws}${path}`, headers: s.headers, payload: payload as never });
    return { status: res.statusCode, body: res.body, json: res.body ? res.json() : undefined };
  };
  const approveAll = async (filingId: string) => {
    let last;
    for (const role of ['compliance', 'leader', 'manager']) {
      last = await call(who[role]!, 'POST', `/accounts/filings/${filingId}/approve`, { note: `${role} ok` });
      expect(last.status, last.body).toBe(200);
    }
    return last!.json;
  };
  const fileAccount = async (body: Record<string, unknown>, as: Session = who.creator!) =>
    call(as, 'POST', '/accounts', { function: '品牌宣传', filing: { purpose: '官方发布', operators: [], verificationPlan: '蓝V 企业认证' }, ...body });
  const activeAccount = async (body: Record<string, unknown>) => {
    const r = await fileAccount(body);
    expect(r.status, r.body).toBe(201);
    return (await approveAll(r.json.filing.id)).account;
  };

  beforeAll(async () => {
    weibo = await startWeiboServer({ appKey: '3344556677', appSecret: 'app-secret-weibo', safeDomain: 'xinghe.example.cn', uid: '7788990011' });
    rt = await createTestRuntime({ backend, clock, platformHosts: { weibo: weibo.url } });
    owner = await signUpOwner(rt, 'acc');
    ws = owner.workspaceId;
    for (const role of ['compliance', 'leader', 'manager', 'creator', 'community', 'viewer'] as const) who[role] = await addMember(rt, owner, role);
    const put = await call(owner, 'PUT', '/accounts/settings', {
      approverRoles: ['compliance', 'leader', 'manager'],
      naming: { pattern: '^星河咖啡(官方|客服|招聘)?', prefixes: [], appliesTo: ['official', 'brand', 'service', 'recruitment', 'campaign'], companyNames: ['星河咖啡', '星河', 'XH Coffee'] },
      reportWorkingDays: 5, securityCheckDays: 90, tokenWarningDays: 7, syncStaleHours: 48,
    });
    expect(put.status, put.body).toBe(200);
  });
  afterAll(async () => {
    await weibo?.close();
    await rt?.close();
  });

  it('files an account, needs every configured role, then activates it and connects it with sealed tokens', async () => {
    const filed = await fileAccount({ platform: 'weibo', type: 'official', handle: 'xinghe_official', displayName: '星河咖啡官方', filing: { purpose: '品牌官方发布', operators: [who.creator!.userId], verificationPlan: '蓝V' } });
    expect(filed.status, filed.body).toBe(201);
    const { account, filing } = filed.json;
    expect(account.status).toBe('filing');
    expect(filing).toMatchObject({ kind: 'initial', status: 'pending', requiredRoles: ['compliance', 'leader', 'manager'], form: { name: '星河咖啡官方', platform: 'weibo', ownerId: who.creator!.userId } });

    const early = await call(who.manager!, 'POST', `/accounts/${account.id}/credentials`, { accessToken: TOKEN });
    expect(early.status).toBe(409);
    expect(early.json.error.code).toBe('accounts.not_active');

    const notApprover = await call(who.community!, 'POST', `/accounts/filings/${filing.id}/approve`, {});
    expect(notApprover.status).toBe(403);
    expect(notApprover.json.error.code).toBe('accounts.not_an_approver');

    const first = await call(who.compliance!, 'POST', `/accounts/filings/${filing.id}/approve`, {});
    expect(first.json.account.status).toBe('filing');
    expect((await call(who.compliance!, 'POST', `/accounts/filings/${filing.id}/approve`, {})).json.error.code).toBe('accounts.already_approved');
    await call(who.leader!, 'POST', `/accounts/filings/${filing.id}/approve`, {});
    const last = await call(who.manager!, 'POST', `/accounts/filings/${filing.id}/approve`, { note: 'IT 已登记' });
    expect(last.json.filing.status).toBe('approved');
    expect(last.json.filing.approvals.map((a: { role: string }) => a.role)).toEqual(['compliance', 'leader', 'manager']);
    expect(last.json.account.status).toBe('active');

    const stored = await call(who.manager!, 'POST', `/accounts/${account.id}/credentials`, { accessToken: TOKEN, refreshToken: REFRESH, expiresAt: '2026-03-05T00:00:00Z', platformAccountId: '7788990011' });
    expect(stored.status, stored.body).toBe(200);
    expect(stored.json.account.connection).toEqual({ connected: true, platformAccountId: '7788990011', tokenExpiresAt: '2026-03-05T00:00:00.000Z', connectedAt: START });
    expect(stored.json.account.health.flags).toContain('token_expiring');

    const { rows } = await rt.services.database.sql.query<{ credentials: string }>('select credentials from accounts where id = $1', [account.id]);
    expect(rows[0]!.credentials.startsWith('v1.')).toBe(true);
    expect(rows[0]!.credentials).not.toContain(TOKEN);
    expect(JSON.parse(rt.services.vault.decrypt(rows[0]!.credentials))).toMatchObject({ accessToken: TOKEN, refreshToken: REFRESH });

    const everything = [stored.body, (await call(owner, 'GET', `/accounts/${account.id}`)).body, (await call(owner, 'GET', '/accounts')).body,
      (await call(owner, 'GET', '/accounts/matrix')).body, (await call(owner, 'GET', '/audit?limit=200')).body].join('\n');
    expect(everything).not.toContain(TOKEN);
    expect(everything).not.toContain(REFRESH);
    expect(everything).not.toContain('v1.');
    const audit = (await call(owner, 'GET', '/audit?action=accounts.&limit=200')).json.items.map((e: { action: string }) => e.action);
    expect(audit).toEqual(expect.arrayContaining(['accounts.created', 'accounts.filing_submitted', 'accounts.filing_approved', 'accounts.activated', 'accounts.credentials_stored']));
  });

  it('connects through OAuth: a signed state, the code exchanged at the platform, the tokens sealed', async () => {
    const account = await activeAccount({ platform: 'weibo', type: 'service', handle: 'xinghe_kefu', displayName: '星河咖啡客服' });
    const noApp = await call(who.manager!, 'GET', `/accounts/${account.id}/connect`);
    expect(noApp.json.error.code).toBe('accounts.app_credentials_missing');
    await call(who.manager!, 'POST', `/accounts/${account.id}/credentials`, { appId: '3344556677', appSecret: 'app-secret-weibo' });
    const start = await call(who.manager!, 'GET', `/accounts/${account.id}/connect`);
    expect(start.status, start.body).toBe(200);
    const url = new URL(start.json.authorizeUrl);
    expect(url.searchParams.get('client_id')).toBe('3344556677');
    expect(url.searchParams.get('redirect_uri')).toBe(start.json.redirectUri);
    const state = url.searchParams.get('state')!;

    const forged = await rt.app.inject({ method: 'GET', url: `/api/v1/oauth/weibo/callback?code=c1&state=${encodeURIComponent(state.slice(0, -4) + 'AAAA')}` });
    expect(forged.statusCode).toBe(400);
    const wrongPlatform = await rt.app.inject({ method: 'GET', url: `/api/v1/oauth/douyin/callback?code=c1&state=${encodeURIComponent(state)}` });
    expect(wrongPlatform.json().error.code).toBe('accounts.oauth_state_invalid');

    weibo.issueCode('code-123');
    const cb = await rt.app.inject({ method: 'GET', url: `/api/v1/oauth/weibo/callback?code=code-123&state=${encodeURIComponent(state)}` });
    expect(cb.statusCode, cb.body).toBe(302);
    expect(cb.headers.location).toBe(`/accounts/matrix?connected=${account.id}`);
    const after = (await call(owner, 'GET', `/accounts/${account.id}`)).json.account;
    expect(after.connection).toMatchObject({ connected: true, platformAccountId: '7788990011' });
    expect(weibo.unexpected).toEqual([]);

    const replay = await rt.app.inject({ method: 'GET', url: `/api/v1/oauth/weibo/callback?code=code-123&state=${encodeURIComponent(state)}` });
    expect(replay.json().error.code).toBe('accounts.oauth_exchange_failed');
    clock.advance(11 * 60_000);
    const late = await rt.app.inject({ method: 'GET', url: `/api/v1/oauth/weibo/callback?code=code-456&state=${encodeURIComponent(state)}` });
    expect(late.json().error.code).toBe('accounts.oauth_state_invalid');
    clock.set(START);

    const connector = await rt.services.accounts.connectorFor(ws, account.id);
    expect((await connector.profile()).accountId).toBe('7788990011');
  });

  it('files a rename again and applies it only once approved', async () => {
    const account = await activeAccount({ platform: 'wechat', type: 'official', handle: 'xinghe_wx', displayName: '星河咖啡 公众号' });
    const bad = await call(who.manager!, 'PATCH', `/accounts/${account.id}`, { displayName: '银河咖啡' });
    expect(bad.status).toBe(422);
    expect(bad.json.error).toMatchObject({ code: 'accounts.naming_violation', fields: { displayName: expect.stringContaining('命名规范') } });

    const renamed = await call(who.manager!, 'PATCH', `/accounts/${account.id}`, { displayName: '星河咖啡官方服务号', bio: '每天一杯好咖啡', reason: '升级服务号' });
    expect(renamed.status, renamed.body).toBe(200);
    expect(renamed.json.account).toMatchObject({ displayName: '星河咖啡 公众号', bio: '每天一杯好咖啡', status: 'active' });
    expect(renamed.json.filing).toMatchObject({ kind: 'refiling', status: 'pending', changes: { displayName: { from: '星河咖啡 公众号', to: '星河咖啡官方服务号' } }, dueAt: null });

    const again = await call(who.manager!, 'PATCH', `/accounts/${account.id}`, { function: '客户服务' });
    expect(again.json.error.code).toBe('accounts.filing_pending');
    const done = await approveAll(renamed.json.filing.id);
    expect(done.account.displayName).toBe('星河咖啡官方服务号');

    const handover = await call(who.manager!, 'PATCH', `/accounts/${account.id}`, { ownerId: who.community!.userId });
    expect(handover.json.filing.changes.ownerId.to).toBe(who.community!.userId);
    expect(handover.json.filing.dueAt).toBe('2026-03-09T02:00:00.000Z');
  });

  it('retires an account with a report due 5 working days later (holidays skipped) and reminds when overdue', async () => {
    const holidays = await rt.app.inject({ method: 'PATCH', url: `/api/v1/workspaces/${ws}`, headers: owner.headers, payload: { holidays: [{ date: '2026-03-04', name: '调休' }] } });
    expect(holidays.statusCode).toBe(200);
    const account = await activeAccount({ platform: 'douyin', type: 'campaign', handle: 'xinghe_618', displayName: '星河咖啡618' });
    await call(who.manager!, 'POST', `/accounts/${account.id}/credentials`, { accessToken: TOKEN });
    const retired = await call(who.manager!, 'POST', `/accounts/${account.id}/retire`, { reason: '活动结束' });
    expect(retired.status, retired.body).toBe(200);
    expect(retired.json.account).toMatchObject({ status: 'retired', connection: { connected: false } });
    expect(retired.json.filing).toMatchObject({ kind: 'retirement', status: 'pending', dueAt: '2026-03-10T02:00:00.000Z', overdue: false });
    const { rows } = await rt.services.database.sql.query<{ credentials: string | null }>('select credentials from accounts where id = $1', [account.id]);
    expect(rows[0]!.credentials).toBeNull();
    expect((await call(who.manager!, 'POST', `/accounts/${account.id}/resume`)).json.error.code).toBe('accounts.invalid_transition');

    clock.set('2026-03-11T01:00:00.000Z');
    expect(await rt.services.accounts.remindOverdueFilings()).toBeGreaterThanOrEqual(1);
    expect(await rt.services.accounts.remindOverdueFilings()).toBe(0);
    const reminders = (await call(who.viewer!, 'GET', '/accounts/reminders')).json.items;
    expect(reminders.find((r: { filingId: string }) => r.filingId === retired.json.filing.id)).toMatchObject({ day: '2026-03-11', message: expect.stringContaining('星河咖啡618') });
    const overdue = (await call(who.viewer!, 'GET', '/accounts/filings?overdue=true')).json.items;
    expect(overdue.map((f: { id: string }) => f.id)).toContain(retired.json.filing.id);
    const row = (await call(who.viewer!, 'GET', '/accounts/matrix')).json.items.find((i: { id: string }) => i.id === account.id);
    expect(row.health).toContain('filing_overdue');
    await approveAll(retired.json.filing.id);
    expect((await call(who.viewer!, 'GET', '/accounts/filings?overdue=true')).json.items.map((f: { id: string }) => f.id)).not.toContain(retired.json.filing.id);
    clock.set(START);
  });

  it('refuses an employee account named after the company, however it is spelled', async () => {
    for (const displayName of ['星河咖啡小王', '小王@星 河', 'ｘｈ ｃｏｆｆｅｅ 小王']) {
      const r = await fileAccount({ platform: 'xiaohongshu', type: 'employee', handle: `emp-${displayName.length}-${Math.random()}`, displayName });
      expect(r.status, displayName).toBe(422);
      expect(r.json.error.code).toBe('accounts.naming_violation');
      expect(r.json.error.fields.displayName).toContain('公司名称');
    }
    const ok = await fileAccount({ platform: 'xiaohongshu', type: 'employee', handle: 'emp-ok', displayName: '咖啡师小王' });
    expect(ok.status, ok.body).toBe(201);
    const rejected = await call(who.leader!, 'POST', `/accounts/filings/${ok.json.filing.id}/reject`, { reason: '请补充运营人' });
    expect(rejected.json.filing.status).toBe('rejected');
    const refiled = await call(who.creator!, 'POST', `/accounts/${ok.json.account.id}/filings`, { purpose: '个人分享', operators: [who.creator!.userId] });
    expect(refiled.status, refiled.body).toBe(201);
  });

  it('grants per-account actions on top of roles', async () => {
    const account = await activeAccount({ platform: 'bilibili', type: 'brand', handle: 'xinghe_bili', displayName: '星河咖啡B站' });
    const community = { workspaceId: ws, userId: who.community!.userId, role: 'community' as const };
    const manager = { workspaceId: ws, userId: who.manager!.userId, role: 'manager' as const };
    expect(await rt.services.accounts.canActOn(manager, account.id, 'publish')).toBe(true);
    expect(await rt.services.accounts.canActOn({ workspaceId: ws, userId: who.creator!.userId, role: 'creator' }, account.id, 'publish')).toBe(true); // the account's owner
    expect(await rt.services.accounts.canActOn(community, account.id, 'draft')).toBe(false);

    expect((await call(who.community!, 'PUT', `/accounts/${account.id}/grants/${who.community!.userId}`, { actions: ['draft'] })).status).toBe(403);
    const set = await call(who.manager!, 'PUT', `/accounts/${account.id}/grants/${who.community!.userId}`, { actions: ['draft', 'reply'] });
    expect(set.status, set.body).toBe(200);
    expect(await rt.services.accounts.canActOn(community, account.id, 'draft')).toBe(true);
    expect(await rt.services.accounts.canActOn(community, account.id, 'publish')).toBe(false);
    expect((await call(who.viewer!, 'GET', `/accounts/${account.id}/grants`)).json.items).toEqual([
      expect.objectContaining({ userId: who.community!.userId, actions: ['draft', 'reply'] }),
    ]);
    expect((await call(who.manager!, 'DELETE', `/accounts/${account.id}/grants/${who.community!.userId}`)).status).toBe(204);
    expect(await rt.services.accounts.canActOn(community, account.id, 'draft')).toBe(false);
    const outsider = await signUpOwner(rt, 'outsider');
    const notMember = await call(who.manager!, 'PUT', `/accounts/${account.id}/grants/${outsider.userId}`, { actions: ['draft'] });
    expect(notMember.json.error.code).toBe('accounts.not_a_member');
  });

  it('records security checks and shows the matrix', async () => {
    const account = await activeAccount({ platform: 'kuaishou', type: 'product', handle: 'xinghe_ks', displayName: '星河咖啡豆', cadence: { minPosts: 3, per: 'week' } });
    const settings = (await call(owner, 'GET', '/accounts/settings')).json.settings;
    expect((await call(owner, 'PUT', '/accounts/settings', { ...settings, securityCheckDays: 7 })).status).toBe(200);
    clock.set('2026-03-12T02:00:00.000Z'); // sessions last 14 days
    let row = (await call(who.viewer!, 'GET', '/accounts/matrix')).json.items.find((i: { id: string }) => i.id === account.id);
    expect(row).toMatchObject({ platform: 'kuaishou', type: 'product', status: 'active', cadence: { minPosts: 3, per: 'week' }, health: ['security_check_due'] });
    const checked = await call(who.manager!, 'POST', `/accounts/${account.id}/security-checks`, { note: '已改密、核对绑定手机' });
    expect(checked.json.account.health).toMatchObject({ flags: [], lastSecurityCheckAt: '2026-03-12T02:00:00.000Z' });
    expect((await call(who.manager!, 'POST', `/accounts/${account.id}/pause`)).json.account.status).toBe('paused');
    row = (await call(who.viewer!, 'GET', '/accounts/matrix')).json;
    expect(row.summary.total).toBeGreaterThanOrEqual(5);
    expect(row.summary.byStatus.paused).toBe(1);
    clock.set(START);
  });

  it('seeds the demo matrix', async () => {
    const demo = await signUpOwner(rt, 'demo');
    const compliance = await addMember(rt, demo, 'compliance');
    await seedDemoAccounts(rt.services, { ...demo, via: 'session', role: 'owner' });
    const res = await rt.app.inject({ method: 'GET', url: `/api/v1/workspaces/${demo.workspaceId}/accounts/matrix`, headers: compliance.headers });
    const { items, summary } = res.json();
    expect(summary).toMatchObject({ total: 9, byStatus: { active: 8, filing: 1 } });
    expect(items.filter((i: { connected: boolean }) => i.connected).map((i: { platform: string }) => i.platform)).toEqual(['sandbox']);
    expect(res.body).not.toContain('sandbox-demo-token');
  });

  it('schedules the daily overdue-filing reminder in pg-boss', async () => {
    await scheduleFilingsRemind(rt.jobs);
    await scheduleFilingsRemind(rt.jobs); // idempotent
    const schedules = await rt.jobs.boss.getSchedules();
    expect(schedules.filter((x: { name: string }) => x.name === 'accounts.filings_remind')).toEqual([
      expect.objectContaining({ cron: '0 9 * * *', timezone: 'Asia/Shanghai' }),
    ]);
  });
});
