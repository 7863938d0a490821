import type { Services } from '../server/services.js';
import { newSecret } from '../kernel/ids.js';

export const DEMO_ADMIN_EMAIL = 'admin@demo.chorus.local';

/**
 * First start with --demo: a workspace for a fictional coffee brand, a team with each role,
 * and sample data from every module that has some. Later starts keep what is there.
 */
export async function seedDemo(services: Services): Promise<void> {
  if ((await services.team.store.countUsers(services.database.db)) > 0) return;
  const password = `Demo-${newSecret(9)}`;
  const { workspaceId, userId } = await services.team.adminCreate({
    email: DEMO_ADMIN_EMAIL, password, name: '演示管理员', workspaceName: '星河咖啡 · 社媒运营中心',
  });
  const owner = { userId, workspaceId, role: 'owner' as const, via: 'session' as const };
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
