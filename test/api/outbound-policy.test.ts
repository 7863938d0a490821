import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configureOutbound } from '../../src/kernel/outbound.js';
import { startHttpReceiver, startSmtpReceiver } from '../helpers/receivers.js';
import { createTestRuntime, signUpOwner, type TestRuntime } from '../helpers/runtime.js';

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
