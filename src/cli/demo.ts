import { join } from 'node:path';
import { DateTime } from 'luxon';
import type { Config } from '../kernel/config.js';
import { newSecret } from '../kernel/ids.js';
import type { Services } from '../server/services.js';
import type { Actor } from '../modules/team/service.js';
import { seedDemoAccounts } from '../modules/accounts/demo.js';
import { seedDemoContent } from '../modules/content/demo.js';
import { startSandboxServer, type SandboxServer } from '../modules/platforms/sandbox/server.js';
import { demoMetricsCsv } from './demo-metrics.js';

export const DEMO_ADMIN_EMAIL = 'admin@demo.chorus.local';
const SANDBOX_NAME = '星河咖啡沙盒演练号';

/** The demo's simulated social network: its own port, its state kept beside the database. */
export async function startDemoNetwork(config: Config): Promise<SandboxServer> {
  const port = Number(process.env.CHORUS_SANDBOX_PORT ?? (config.port === 0 ? 0 : config.port + 10));
  return startSandboxServer({ port, host: config.host, seed: 'chorus-demo', persistPath: join(config.dataDir, 'sandbox-network.json') });
}

async function admin(sandbox: SandboxServer, path: string, body: unknown) {
  const res = await fetch(`${sandbox.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`sandbox ${path}: HTTP ${res.status}`);
  return (await res.json()) as Record<string, unknown>;
}

/**
 * First start with --demo: a workspace for a fictional coffee brand, a team with each role, the
 * account matrix, two weeks of planned content, two weeks of metrics, and a sandbox account whose
 * audience comments, mentions and DMs reach the inbox. Later starts keep the data and only point
 * the sandbox account at wherever the network listens now.
 */
export async function seedDemo(services: Services, sandbox: SandboxServer): Promise<void> {
  if ((await services.team.store.countUsers(services.database.db)) > 0) {
    await repointSandbox(services, sandbox);
    return;
  }
  const password = `Demo-${newSecret(9)}`;
  const { workspaceId, userId } = await services.team.adminCreate({
    email: DEMO_ADMIN_EMAIL, password, name: '演示管理员', workspaceName: '星河咖啡 · 社媒运营中心',
  });
  const owner: Actor = { userId, workspaceId, role: 'owner', via: 'session' };
  const team: Array<[string, string, Parameters<Services['team']['inviteMember']>[1]['role']]> = [
    ['leader@demo.chorus.local', '王总（领导小组）', 'leader'],
    ['manager@demo.chorus.local', '李娜（运营经理）', 'manager'],
    ['creator@demo.chorus.local', '陈晨（内容创作）', 'creator'],
    ['community@demo.chorus.local', '赵敏（用户互动）', 'community'],
    ['analyst@demo.chorus.local', '孙浩（数据分析）', 'analyst'],
    ['compliance@demo.chorus.local', '周洁（风控与合规）', 'compliance'],
  ];
  for (const [email, name, role] of team) await services.team.inviteMember(owner, { email, name, role });
  await services.team.updateWorkspace(owner, {
    holidays: [
      { date: '2026-12-25', name: '圣诞节' }, { date: '2027-01-01', name: '元旦' },
      { date: '2027-02-06', name: '春节' }, { date: '2027-02-07', name: '春节' },
    ],
  });
  const step = (what: string) => process.stdout.write(`  · ${what}\n`);
  step('账号矩阵 account matrix');
  await seedDemoAccounts(services, owner);
  step('沙盒网络 sandbox network');
  await connectSandbox(services, owner, sandbox);
  step('内容排期 content plan');
  await seedDemoContent(services, owner);
  step('数据 metrics');
  const { timeZone } = await services.team.workspaceSettings(workspaceId);
  const { items } = await services.accounts.list(owner, {});
  const csv = demoMetricsCsv(items.filter((a) => a.status === 'active').map((a) => ({ platform: a.platform, handle: a.handle })), DateTime.now().setZone(timeZone));
  await services.analytics.importMetrics({ workspaceId, userId }, { data: Buffer.from(csv.posts), filename: 'demo-posts.csv' });
  await services.analytics.importMetrics({ workspaceId, userId }, { data: Buffer.from(csv.accounts), filename: 'demo-accounts.csv' });

  process.stdout.write([
    '',
    '  ┌────────────────────────────────────────────────────────────┐',
    '  │ 演示工作区已创建 · Demo workspace created                   │',
    `  │ 登录 Sign in:  ${DEMO_ADMIN_EMAIL.padEnd(44)}│`,
    `  │ 密码 Password: ${password.padEnd(44)}│`,
    '  │ 此密码只显示一次 · This password is shown only once.       │',
    '  └────────────────────────────────────────────────────────────┘',
    '',
  ].join('\n') + '\n');
}

/** Gives the demo's sandbox account a real audience on the network, tokens, a webhook and a first inbox. */
async function connectSandbox(services: Services, owner: Actor, sandbox: SandboxServer) {
  const { items } = await services.accounts.list(owner, { platform: 'sandbox' });
  const account = items.find((a) => a.status === 'active');
  if (!account) return;
  // The demo's posts go out 36 hours "ago" and the network catches up to now, so it runs on real time
  // afterwards (comments arrive now, not in the future). A network that already has posts stays as it is.
  const rewound = await admin(sandbox, '/_sandbox/tick', { rewind: '36h' }).then(() => true, () => false);
  const remote = await admin(sandbox, '/_sandbox/accounts', { name: SANDBOX_NAME, followers: 86_000, handle: 'xinghe_sandbox' });
  const token = await admin(sandbox, '/_sandbox/tokens', { account_id: remote.id });
  const webhookToken = `whk_${newSecret(18)}`;
  await services.accounts.storeCredentials(owner, account.id, {
    instanceUrl: sandbox.url,
    accessToken: String(token.access_token), refreshToken: String(token.refresh_token), expiresAt: String(token.expires_at),
    platformAccountId: String(remote.id), webhookToken,
  });
  const hook = `${services.config.baseUrl}/api/v1/hooks/sandbox/${owner.workspaceId}/${account.id}`;
  const auth = { authorization: `Bearer ${token.access_token}`, 'content-type': 'application/json' };
  await fetch(`${sandbox.url}/api/webhooks`, { method: 'POST', headers: auth, body: JSON.stringify({ url: hook, secret: webhookToken }) });
  const posts = [
    { text: '冬季限定·桂花燕麦拿铁今天上新！评论区说说你最想在哪个城市喝到？', theme: 'product' },
    { text: '咖啡师小课堂：在家做一杯好喝的冷萃，只需要三步。收藏起来慢慢学～', theme: 'industry' },
    { text: '双11 预告：会员日全场第二杯半价，转发本条抽 10 位送月卡！', theme: 'interactive' },
  ];
  for (const [i, p] of posts.entries()) {
    await fetch(`${sandbox.url}/api/posts`, { method: 'POST', headers: { ...auth, 'idempotency-key': `demo-${i}` }, body: JSON.stringify(p) });
  }
  if (rewound) await admin(sandbox, '/_sandbox/tick', { advance: '36h' });
  await services.inbound.collect(owner.workspaceId, account.id).catch((err: Error) => process.stderr.write(`  (inbox: ${err.message})\n`));
}

/** The network may listen on another port after a restart: keep the sandbox accounts pointing at it. */
async function repointSandbox(services: Services, sandbox: SandboxServer) {
  for (const w of await services.team.listAllWorkspaces()) {
    const { items: members } = await services.team.listMembers({ workspaceId: w.id } as Actor);
    const owner = members.find((m) => m.role === 'owner');
    if (!owner) continue;
    const actor: Actor = { userId: owner.userId, workspaceId: w.id, role: 'owner', via: 'session' };
    const { items } = await services.accounts.list(actor, { platform: 'sandbox' });
    for (const a of items) {
      // The operator's own network: the stored tokens stay (the sandbox keeps its accounts across the move).
      if (a.status === 'active' && a.apiBaseUrl && a.apiBaseUrl !== sandbox.url) await services.accounts.storeCredentials(actor, a.id, { instanceUrl: sandbox.url }, { keepCredentials: true });
    }
  }
}
