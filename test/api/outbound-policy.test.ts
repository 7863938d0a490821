import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configureOutbound } from '../../src/kernel/outbound.js';
import { startHttpReceiver, startSmtpReceiver } from '../helpers/receivers.js';
import { addMember, createTestRuntime, signUpOwner, type TestRuntime } from '../helpers/runtime.js';

/** A port on which nothing listens (bound, then released). */
async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

// Chorus as deployed: CHORUS_ALLOW_PRIVATE_HOSTS off. Every URL a user chooses is refused when it points inside.
describe('outbound requests chosen by users stay off internal hosts', () => {
  let rt: TestRuntime;
  let owner: Awaited<ReturnType<typeof signUpOwner>>;
  let receiver: Awaited<ReturnType<typeof startHttpReceiver>>;
  let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
  const ws = () => `/api/v1/workspaces/${owner.workspaceId}`;
  const create = (payload: object) => rt.app.inject({ method: 'POST', url: `${ws()}/notify/channels`, headers: owner.headers, payload });

  beforeAll(async () => {
    rt = await createTestRuntime({ allowPrivateHosts: false });
    owner = await signUpOwner(rt, 'ssrf');
    receiver = await startHttpReceiver();
    smtp = await startSmtpReceiver();
  });
  afterAll(async () => {
    configureOutbound({ allowPrivateHosts: false });
    await rt?.close();
    await Promise.all([receiver?.close(), smtp?.close()]);
  });

  it.each([
    ['wecom', 'webhookUrl', (u: string) => `${u}/cgi-bin/webhook/send?key=k`],
    ['dingtalk', 'webhookUrl', (u: string) => u.replace('127.0.0.1', 'localhost') + '/robot/send'],
    ['feishu', 'webhookUrl', (u: string) => u.replace('127.0.0.1', '[::ffff:127.0.0.1]') + '/hook'],
    ['webhook', 'url', () => 'http://169.254.169.254/latest/meta-data/'],
    ['webhook', 'url', () => 'http://10.0.0.8:8080/internal'],
  ])('refuses a %s channel whose %s points inside', async (kind, field, urlOf) => {
    const res = await create({ kind, name: 'inside', events: ['*'], config: { [field]: urlOf(receiver.url), secret: 'a-secret-of-16-chars' } });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'outbound.blocked_host', fields: { [`config.${field}`]: expect.any(String) } });
    expect(receiver.received).toHaveLength(0);
  });

  it('refuses an SMTP host on loopback, by address and by name', async () => {
    for (const host of ['127.0.0.1', 'localhost']) {
      const res = await create({ kind: 'email', name: 'mail', events: ['*'], config: { host, port: smtp.port, from: 'chorus@example.cn' } });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.fields).toHaveProperty('config.host');
    }
  });

  it('checks again when sending, and answers the same for an open port, a closed one and an internal mail server', async () => {
    // Channels saved while the operator allowed private hosts, then the switch went off.
    configureOutbound({ allowPrivateHosts: true });
    const open = (await create({ kind: 'webhook', name: 'open', events: ['*'], config: { url: `${receiver.url}/hook`, secret: 'a-secret-of-16-chars' } })).json().channel;
    const closed = (await create({ kind: 'wecom', name: 'closed', events: ['*'], config: { webhookUrl: `http://127.0.0.1:${await closedPort()}/x` } })).json().channel;
    const mail = (await create({ kind: 'email', name: 'mail', events: ['*'], config: { host: '127.0.0.1', port: smtp.port, from: 'chorus@example.cn', to: ['a@example.cn'] } })).json().channel;
    configureOutbound({ allowPrivateHosts: false });

    const answers = [];
    for (const c of [open, closed, mail]) {
      const res = await rt.app.inject({ method: 'POST', url: `${ws()}/notify/channels/${c.id}/test`, headers: owner.headers });
      expect(res.statusCode, res.body).toBe(422);
      answers.push(res.json().error);
    }
    expect(answers[0]).toMatchObject({ code: 'notify.test_failed' });
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    expect(JSON.stringify(answers[0])).not.toMatch(/ECONN|127\.0\.0\.1|refused|timeout/i);
    expect(receiver.received).toHaveLength(0);
    expect(smtp.mails).toHaveLength(0);
  });
});

// Item: a platform's API host is the connector's; only instance-type accounts take an instance URL, set when connecting.
describe('account API hosts cannot be pointed elsewhere', () => {
  let rt: TestRuntime;
  let owner: Awaited<ReturnType<typeof signUpOwner>>;
  let manager: Awaited<ReturnType<typeof addMember>>;
  let creator: Awaited<ReturnType<typeof addMember>>;
  let fakeInstance: Awaited<ReturnType<typeof startHttpReceiver>>;
  let n = 0;
  const call = async (who: { headers: Record<string, string> }, method: string, path: string, payload?: unknown) => {
    const res = await rt.app.inject({ method: method as never, url: `/api/v1/workspaces/${owner.workspaceId}${path}`, headers: who.headers, payload: payload as never });
    return { status: res.statusCode, body: res.body, json: res.body ? res.json() : undefined };
  };
  const activeAccount = async (platform: string, extra: Record<string, unknown> = {}) => {
    n += 1;
    const filed = await call(owner, 'POST', '/accounts', { platform, type: 'brand', handle: `h${n}`, displayName: `号${n}`, function: '发布', filing: { purpose: '发布', operators: [], verificationPlan: '无' }, ...extra });
    expect(filed.status, filed.body).toBe(201);
    const ok = await call(owner, 'POST', `/accounts/filings/${filed.json.filing.id}/approve`, {});
    expect(ok.status, ok.body).toBe(200);
    return filed.json.account.id as string;
  };
  const sealed = async (id: string) => {
    const { rows } = await rt.services.database.sql.query<{ credentials: string | null; api_base_url: string | null }>('select credentials, api_base_url from accounts where id = $1', [id]);
    return { creds: rows[0]!.credentials ? JSON.parse(rt.services.vault.decrypt(rows[0]!.credentials)) : null, apiBaseUrl: rows[0]!.api_base_url };
  };

  beforeAll(async () => {
    rt = await createTestRuntime({ allowPrivateHosts: false });
    owner = await signUpOwner(rt, 'hosts');
    manager = await addMember(rt, owner, 'manager');
    creator = await addMember(rt, owner, 'creator');
    fakeInstance = await startHttpReceiver();
    const put = await call(owner, 'PUT', '/accounts/settings', {
      approverRoles: ['owner'], naming: { pattern: null, prefixes: [], appliesTo: [], companyNames: [] },
      reportWorkingDays: 5, securityCheckDays: 90, tokenWarningDays: 7, syncStaleHours: 48,
    });
    expect(put.status, put.body).toBe(200);
  });
  afterAll(async () => {
    configureOutbound({ allowPrivateHosts: false });
    await rt?.close();
    await fakeInstance?.close();
  });

  it('refuses a manager’s PATCH of the API base URL, and leaves the stored token where it was', async () => {
    const id = await activeAccount('weibo');
    expect((await call(manager, 'POST', `/accounts/${id}/credentials`, { accessToken: 'wb-secret-token' })).status).toBe(200);
    const patch = await call(manager, 'PATCH', `/accounts/${id}`, { apiBaseUrl: `${fakeInstance.url}/steal`, bio: '新简介' });
    expect(patch.status, patch.body).toBe(400);
    expect(patch.json.error.fields).toHaveProperty('apiBaseUrl');
    expect(await sealed(id)).toEqual({ creds: expect.objectContaining({ accessToken: 'wb-secret-token' }), apiBaseUrl: null });
  });

  it('takes an instance URL only for instance platforms, only from those who manage credentials, only to public hosts', async () => {
    const weibo = await call(owner, 'POST', '/accounts', { platform: 'weibo', type: 'brand', handle: 'wb-x', displayName: '微博号', function: '发布', apiBaseUrl: 'https://gateway.example.cn', filing: { purpose: '发布', operators: [], verificationPlan: '无' } });
    expect(weibo.status, weibo.body).toBe(400);
    expect(weibo.json.error.code).toBe('accounts.instance_url_not_allowed');
    const byCreator = await call(creator, 'POST', '/accounts', { platform: 'mastodon', type: 'brand', handle: 'm-x', displayName: '长毛象', function: '发布', apiBaseUrl: 'https://8.8.8.8', filing: { purpose: '发布', operators: [], verificationPlan: '无' } });
    expect(byCreator.status, byCreator.body).toBe(403);
    const id = await activeAccount('mastodon');
    const inside = await call(manager, 'POST', `/accounts/${id}/credentials`, { instanceUrl: `${fakeInstance.url}/`, accessToken: 'tok' });
    expect(inside.status, inside.body).toBe(400);
    expect(inside.json.error).toMatchObject({ code: 'outbound.blocked_host', fields: { instanceUrl: expect.any(String) } });
    expect((await sealed(id)).creds).toBeNull();
  });

  it('drops the stored credentials when the instance changes, and never sends them to an internal host', async () => {
    configureOutbound({ allowPrivateHosts: true });
    const id = await activeAccount('sandbox');
    const first = await call(manager, 'POST', `/accounts/${id}/credentials`, { instanceUrl: `${fakeInstance.url}/a`, accessToken: 'sandbox-token-1', platformAccountId: 'u1' });
    expect(first.status, first.body).toBe(200);
    expect(first.json.account.connection.connected).toBe(true);
    const moved = await call(manager, 'POST', `/accounts/${id}/credentials`, { instanceUrl: `${fakeInstance.url}/b` });
    expect(moved.status, moved.body).toBe(200);
    expect(moved.json.account.connection).toMatchObject({ connected: false, platformAccountId: null });
    expect(await sealed(id)).toEqual({ creds: {}, apiBaseUrl: `${fakeInstance.url}/b` });
    const audit = (await call(owner, 'GET', '/audit?action=accounts.&limit=200')).json.items.map((e: { action: string }) => e.action);
    expect(audit).toContain('accounts.instance_changed');

    await call(manager, 'POST', `/accounts/${id}/credentials`, { accessToken: 'sandbox-token-2' });
    configureOutbound({ allowPrivateHosts: false });
    const connector = await rt.services.accounts.connectorFor(owner.workspaceId, id);
    const before = fakeInstance.received.length;
    await expect(connector.profile()).rejects.toThrow();
    expect(fakeInstance.received.length).toBe(before);
  });
});
