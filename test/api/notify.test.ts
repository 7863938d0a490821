import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../helpers/database.js';
import { startHttpReceiver, startSmtpReceiver } from '../helpers/receivers.js';
import { addMember, createTestRuntime, signUpOwner, type TestRuntime } from '../helpers/runtime.js';

describe.each(BACKENDS)('notifications (%s)', (backend) => {
  let rt: TestRuntime;
  let owner: Awaited<ReturnType<typeof signUpOwner>>;
  let robot: Awaited<ReturnType<typeof startHttpReceiver>>;
  let flaky: Awaited<ReturnType<typeof startHttpReceiver>>;
  let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
  const ws = () => `/api/v1/workspaces/${owner.workspaceId}`;
  const addChannel = async (payload: object) => {
    const res = await rt.app.inject({ method: 'POST', url: `${ws()}/notify/channels`, headers: owner.headers, payload });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().channel as { id: string; target: string };
  };
  const deliveries = async () => (await rt.app.inject({ method: 'GET', url: `${ws()}/notify/deliveries`, headers: owner.headers })).json().items as Array<{ kind: string; status: string; attempts: number; recipient: string }>;

  beforeAll(async () => {
    rt = await createTestRuntime({ backend, worker: true, notifyRetry: { retryLimit: 2, retryDelay: 1, retryBackoff: false } });
    owner = await signUpOwner(rt, 'notify');
    robot = await startHttpReceiver();
    flaky = await startHttpReceiver((_r, n) => (n === 1 ? { status: 502, body: { error: 'bad gateway' } } : { status: 200, body: { code: 0 } }));
    smtp = await startSmtpReceiver();
  });
  afterAll(async () => {
    await rt?.close();
    await Promise.all([robot?.close(), flaky?.close(), smtp?.close()]);
  });

  it('stores channel secrets encrypted and never shows them', async () => {
    const c = await addChannel({ kind: 'dingtalk', name: '运营群（钉钉）', events: ['publish.*'], config: { webhookUrl: `${robot.url}/robot/send?access_token=tok123`, secret: 'SECdingtalk' } });
    const raw = await rt.services.database.sql.query<{ secret_config: string }>('select secret_config from notify_channels where id = $1', [c.id]);
    expect(raw.rows[0]!.secret_config).not.toContain('SECdingtalk');
    const list = (await rt.app.inject({ method: 'GET', url: `${ws()}/notify/channels`, headers: owner.headers })).body;
    expect(list).not.toContain('SECdingtalk');
    expect(list).not.toContain('tok123');
    const bad = await rt.app.inject({ method: 'POST', url: `${ws()}/notify/channels`, headers: owner.headers, payload: { kind: 'webhook', name: 'x', events: ['*'], config: { url: 'not a url', secret: 'short' } } });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields)).toEqual(expect.arrayContaining(['config.url', 'config.secret']));
  });

  it('delivers one event to 企业微信, 钉钉 (signed), 飞书 (signed), a signed webhook, e-mail and the console feed', async () => {
    await addChannel({ kind: 'wecom', name: '企业微信群', events: ['publish.failed'], config: { webhookUrl: `${robot.url}/cgi-bin/webhook/send?key=k1` } });
    await addChannel({ kind: 'feishu', name: '飞书群', events: ['*'], config: { webhookUrl: `${robot.url}/open-apis/bot/v2/hook/h1`, secret: 'fs-secret' } });
    await addChannel({ kind: 'webhook', name: 'OA 系统', events: ['publish.failed'], config: { url: `${robot.url}/hooks/chorus`, secret: 'webhook-secret-0123' } });
    await addChannel({ kind: 'email', name: 'SMTP', events: ['*'], config: { host: '127.0.0.1', port: smtp.port, from: 'chorus@example.cn' } });
    const community = await addMember(rt, owner, 'community');
    await rt.services.notify.notify(null, owner.workspaceId, {
      event: 'publish.failed', severity: 'critical', title: '发布失败：双11预告', body: '微博账号「星河咖啡官方」发布失败，请处理。', link: 'http://127.0.0.1:3000/publishing', userIds: [owner.userId, community.userId],
    });
    await expect.poll(async () => (await deliveries()).filter((d) => d.status === 'sent').length, { timeout: 20_000, interval: 300 }).toBe(6);

    const byPath = (p: string) => robot.received.find((r) => r.url.startsWith(p))!;
    expect(JSON.parse(byPath('/cgi-bin/webhook/send').body)).toMatchObject({ msgtype: 'markdown' });
    const ding = byPath('/robot/send');
    const q = new URL(ding.url, robot.url).searchParams;
    expect(q.get('sign')).toBe(createHmac('sha256', 'SECdingtalk').update(`${q.get('timestamp')}\nSECdingtalk`).digest('base64'));
    expect(JSON.parse(ding.body).markdown.title).toBe('发布失败：双11预告');
    const fs = JSON.parse(byPath('/open-apis/bot/v2/hook').body);
    expect(fs.sign).toBe(createHmac('sha256', `${fs.timestamp}\nfs-secret`).update('').digest('base64'));
    const hook = byPath('/hooks/chorus');
    expect(hook.headers['x-chorus-signature']).toBe(`sha256=${createHmac('sha256', 'webhook-secret-0123').update(`${hook.headers['x-chorus-timestamp']}.${hook.body}`).digest('hex')}`);

    expect(smtp.mails.map((m) => (m.to as { text: string }).text).sort()).toHaveLength(2);
    expect(smtp.mails[0]!.subject).toBe('【合声】发布失败：双11预告');
    expect(smtp.mails[0]!.text).toContain('星河咖啡官方');

    const feed = (await rt.app.inject({ method: 'GET', url: `${ws()}/notifications`, headers: community.headers })).json();
    expect(feed.unread).toBe(1);
    expect(feed.items[0]).toMatchObject({ title: '发布失败：双11预告', severity: 'critical', readAt: null });
    const after = (await rt.app.inject({ method: 'GET', url: `${ws()}/notifications?after=${encodeURIComponent(feed.items[0].createdAt)}`, headers: community.headers })).json();
    expect(after.items).toEqual([]); // polling after the newest item does not return it again
    const read = (await rt.app.inject({ method: 'POST', url: `${ws()}/notifications/read`, headers: community.headers, payload: { all: true } })).json();
    expect(read).toEqual({ updated: 1, unread: 0 });
  });

  it('retries a receiver that fails and logs each attempt', async () => {
    await addChannel({ kind: 'feishu', name: '不稳定的群', events: ['review.overdue'], config: { webhookUrl: `${flaky.url}/open-apis/bot/v2/hook/flaky` } });
    await rt.services.notify.notify(null, owner.workspaceId, { event: 'review.overdue', severity: 'warning', title: '审核超时', body: '3 条内容等待合规审核超过 24 小时' });
    await expect.poll(async () => (await deliveries()).find((d) => d.recipient === '不稳定的群')?.status, { timeout: 30_000, interval: 500 }).toBe('sent');
    expect((await deliveries()).find((d) => d.recipient === '不稳定的群')!.attempts).toBe(2);
    expect(flaky.received).toHaveLength(2);
  });

  it('honours muted events and keeps each person’s feed to themselves', async () => {
    const analyst = await addMember(rt, owner, 'analyst');
    const put = await rt.app.inject({ method: 'PUT', url: `${ws()}/notify/preferences`, headers: analyst.headers, payload: { emailEnabled: false, mutedEvents: ['review.overdue'], quietHours: { start: '22:00', end: '08:00' } } });
    expect(put.statusCode).toBe(200);
    await rt.services.notify.notify(null, owner.workspaceId, { event: 'review.overdue', severity: 'info', title: '静音的', body: 'x', userIds: [analyst.userId] });
    await rt.services.notify.notify(null, owner.workspaceId, { event: 'content.thin', severity: 'info', title: '未来 7 天排期不足', body: 'x', userIds: [analyst.userId] });
    const feed = (await rt.app.inject({ method: 'GET', url: `${ws()}/notifications`, headers: analyst.headers })).json();
    expect(feed.items.map((i: { title: string }) => i.title)).toEqual(['未来 7 天排期不足']);
    const ownerFeed = (await rt.app.inject({ method: 'GET', url: `${ws()}/notifications`, headers: owner.headers })).json();
    expect(ownerFeed.items.map((i: { title: string }) => i.title)).not.toContain('未来 7 天排期不足');
  });

  it('commits notifications with the caller’s transaction or not at all', async () => {
    const before = (await deliveries()).length;
    await expect(rt.services.database.db.transaction(async (tx) => {
      await rt.services.notify.notify(tx, owner.workspaceId, { event: 'publish.failed', severity: 'critical', title: '回滚', body: 'x', userIds: [owner.userId] });
      throw new Error('rolled back');
    })).rejects.toThrow('rolled back');
    expect((await deliveries()).length).toBe(before);
  });
});
