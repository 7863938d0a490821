/**
 * Scheduled report delivery: a weekly schedule (Monday 09:00, workspace zone) sends the review
 * once per week through notify — the robot gets a summary and a link, e-mail gets the file —
 * and notify retries a receiver that fails. Local receivers stand in for the robot and SMTP.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../helpers/database.js';
import { startHttpReceiver, startSmtpReceiver } from '../helpers/receivers.js';
import { addMember, createTestRuntime, fixedClock, signUpOwner, type TestRuntime } from '../helpers/runtime.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/analytics/${name}`, import.meta.url));

describe.each(BACKENDS)('scheduled report delivery (%s)', (backend) => {
  let rt: TestRuntime;
  let owner: Awaited<ReturnType<typeof signUpOwner>>;
  let robot: Awaited<ReturnType<typeof startHttpReceiver>>;
  let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
  const clock = fixedClock('2026-11-23T00:30:00Z'); // Monday 08:30 in Asia/Shanghai
  const url = (p: string) => `/api/v1/workspaces/${owner.workspaceId}${p}`;
  const call = async (method: string, p: string, payload?: unknown, headers = owner.headers) => {
    const res = await rt.app.inject({ method: method as never, url: url(p), headers, payload: payload as never });
    return { status: res.statusCode, json: res.body ? JSON.parse(res.body) : undefined, body: res.body };
  };
  const deliveries = async () => (await call('GET', '/notify/deliveries')).json.items as Array<{ kind: string; status: string; attempts: number; event: string }>;

  beforeAll(async () => {
    rt = await createTestRuntime({ backend, clock, worker: true, notifyRetry: { retryLimit: 2, retryDelay: 1, retryBackoff: false } });
    owner = await signUpOwner(rt, 'reports');
    robot = await startHttpReceiver((_r, n) => (n === 1 ? { status: 502, body: { errcode: -1 } } : { status: 200, body: { errcode: 0, errmsg: 'ok' } }));
    smtp = await startSmtpReceiver();
    for (const name of ['posts-sample.csv', 'accounts-sample.csv']) {
      const r = await call('POST', '/analytics/imports', { filename: name, contentBase64: fixture(name).toString('base64') });
      expect(r.status, r.body).toBe(201);
    }
  });
  afterAll(async () => {
    await rt?.close();
    await Promise.all([robot?.close(), smtp?.close()]);
  });

  let scheduleId: string;

  it('keeps a schedule per workspace and checks its channels', async () => {
    const wecom = await call('POST', '/notify/channels', { kind: 'wecom', name: '运营周报群', events: ['publish.failed'], config: { webhookUrl: `${robot.url}/cgi-bin/webhook/send?key=k` } });
    const mail = await call('POST', '/notify/channels', { kind: 'email', name: '管理层邮件', events: ['review.*'], config: { host: '127.0.0.1', port: smtp.port, from: 'chorus@example.cn', to: ['boss@example.cn'] } });
    expect(wecom.status).toBe(201);
    const bad = await call('POST', '/analytics/schedules', { name: 'x', report: 'weekly', format: 'pdf', day: 8, time: '25:00', channelIds: [] });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.json.error.fields)).toEqual(expect.arrayContaining(['day', 'time']));
    const unknown = await call('POST', '/analytics/schedules', { name: 'x', report: 'weekly', format: 'pdf', day: 1, time: '09:00', channelIds: ['00000000-0000-4000-8000-000000000000'] });
    expect(unknown.status).toBe(400);
    const created = await call('POST', '/analytics/schedules', {
      name: '周一运营周报', report: 'weekly', format: 'pdf', day: 1, time: '09:00', channelIds: [wecom.json.channel.id, mail.json.channel.id],
    });
    expect(created.status, created.body).toBe(201);
    scheduleId = created.json.schedule.id;
    const analyst = await addMember(rt, owner, 'analyst');
    expect((await call('GET', '/analytics/schedules', undefined, analyst.headers)).json.items).toHaveLength(1);
    expect((await call('DELETE', `/analytics/schedules/${scheduleId}`, undefined, analyst.headers)).status).toBe(204);
    const again = await call('POST', '/analytics/schedules', {
      name: '周一运营周报', report: 'weekly', format: 'pdf', day: 1, time: '09:00', channelIds: [wecom.json.channel.id, mail.json.channel.id],
    });
    scheduleId = again.json.schedule.id;
  });

  it('sends nothing before Monday 09:00 and the review of last week once after it', async () => {
    // The schedule was created "now" (08:30); the 09:00 run is the first one it owns.
    expect(await rt.services.analytics.delivery().deliverDue()).toEqual([]);
    clock.set('2026-11-23T01:02:00Z');
    const sent = await rt.services.analytics.delivery().deliverDue();
    expect(sent).toEqual([{ scheduleId, period: '2026-W47', sent: true }]);
    expect(await rt.services.analytics.delivery().deliverDue()).toEqual([]);
    await expect.poll(async () => (await deliveries()).filter((d) => d.event === 'analytics.report' && d.status === 'sent').length, { timeout: 30_000, interval: 300 }).toBe(2);

    const hook = robot.received.filter((r) => r.url.startsWith('/cgi-bin/webhook/send'));
    expect(hook).toHaveLength(2); // the first answer was a 502: notify tried again
    const content = JSON.parse(hook[1]!.body).markdown.content as string;
    expect(content).toContain('周度运营复盘报告');
    expect(content).toContain('曝光总量');
    expect(content).toContain('/analytics/reports?week=2026-W47');
    expect((await deliveries()).find((d) => d.kind === 'wecom')!.attempts).toBe(2);

    expect(smtp.mails).toHaveLength(1);
    const m = smtp.mails[0]!;
    expect((m.to as { text: string }).text).toBe('boss@example.cn');
    expect(m.subject).toContain('周度运营复盘报告');
    expect(m.attachments).toHaveLength(1);
    expect(m.attachments[0]!.filename).toBe('weekly-report-2026-W47.pdf');
    expect(m.attachments[0]!.contentType).toBe('application/pdf');
    expect(m.attachments[0]!.content.subarray(0, 5).toString()).toBe('%PDF-');
    const s = (await call('GET', '/analytics/schedules')).json.items[0];
    expect(s).toMatchObject({ lastPeriod: '2026-W47' });
  });

  it('sends now on request, as XLSX to the members chosen', async () => {
    const patched = await call('PATCH', `/analytics/schedules/${scheduleId}`, { format: 'xlsx', channelIds: [], userIds: [owner.userId] });
    expect(patched.status, patched.body).toBe(200);
    await call('POST', '/notify/channels', { kind: 'email', name: '个人邮件', events: ['*'], config: { host: '127.0.0.1', port: smtp.port, from: 'chorus@example.cn' } });
    const r = await call('POST', `/analytics/schedules/${scheduleId}/send`, { period: '2026-W47' });
    expect(r.status, r.body).toBe(200);
    expect(r.json).toEqual({ sent: true, period: '2026-W47' });
    await expect.poll(() => smtp.mails.length, { timeout: 30_000, interval: 300 }).toBe(2);
    const att = smtp.mails[1]!.attachments[0]!;
    expect(att.filename).toBe('weekly-report-2026-W47.xlsx');
    expect(att.content.subarray(0, 2).toString()).toBe('PK');
    const feed = (await call('GET', '/notifications')).json.items;
    expect(feed[0].title).toContain('周度运营复盘报告');
    expect(robot.received).toHaveLength(2);
  });
});
