/** Demo data for `chorus serve --demo`: the matrix of the fictional 星河咖啡 (called from src/cli/demo.ts). */
import type { AppServices as Services } from '../../kernel/http/app-services.js';
import type { Role } from '../team/model.js';
import type { Actor } from '../team/service.js';
import type { AccountType, CadenceRule, Platform } from './model.js';

interface DemoAccount {
  platform: Platform; type: AccountType; handle: string; displayName: string; function: string; positioning: string; bio: string;
  verification: 'none' | 'planned' | 'pending' | 'verified'; cadence: CadenceRule | null; approve: boolean; team: string;
}

const DEMO_ACCOUNTS: DemoAccount[] = [
  { platform: 'weibo', type: 'official', handle: 'xinghe_coffee', displayName: '星河咖啡官方微博', function: '品牌发布与热点互动', positioning: '专业、温暖的咖啡伙伴', bio: '每一杯，都是认真生活的样子。', verification: 'verified', cadence: { minPosts: 1, per: 'day' }, approve: true, team: '品牌部' },
  { platform: 'wechat', type: 'official', handle: 'xinghe_coffee_wx', displayName: '星河咖啡 公众号', function: '深度内容与会员服务', positioning: '懂咖啡的生活家', bio: '咖啡知识、新品与会员福利。', verification: 'verified', cadence: { minPosts: 3, per: 'week' }, approve: true, team: '品牌部' },
  { platform: 'douyin', type: 'brand', handle: 'xinghe_coffee_dy', displayName: '星河咖啡抖音号', function: '短视频种草与直播', positioning: '年轻、有趣的咖啡实验室', bio: '30 秒学会一杯手冲。', verification: 'pending', cadence: { minPosts: 1, per: 'day' }, approve: true, team: '内容组' },
  { platform: 'xiaohongshu', type: 'brand', handle: 'xinghe_coffee_xhs', displayName: '星河咖啡小红书', function: '图文笔记与门店探店', positioning: '精致日常的咖啡搭子', bio: '门店新品、拉花教程、周末去哪儿。', verification: 'verified', cadence: { minPosts: 3, per: 'week' }, approve: true, team: '内容组' },
  { platform: 'bilibili', type: 'product', handle: 'xinghe_coffee_bili', displayName: '星河咖啡B站', function: '长视频教程与产地纪录', positioning: '认真讲咖啡的 UP 主', bio: '从产地到杯子的每一步。', verification: 'planned', cadence: { minPosts: 1, per: 'week' }, approve: true, team: '内容组' },
  { platform: 'weibo', type: 'service', handle: 'xinghe_kefu', displayName: '星河咖啡客服', function: '售后与投诉处理', positioning: '耐心、及时', bio: '工作日 9:00–18:00 在线，私信必回。', verification: 'verified', cadence: null, approve: true, team: '客服中心' },
  { platform: 'xiaohongshu', type: 'employee', handle: 'barista_chen', displayName: '咖啡师小陈的日常', function: '员工个人分享', positioning: '门店咖啡师', bio: '一名爱拉花的咖啡师。', verification: 'none', cadence: null, approve: true, team: '门店' },
  { platform: 'zhihu', type: 'recruitment', handle: 'xinghe_hr', displayName: '星河咖啡招聘', function: '雇主品牌与校园招聘', positioning: '真诚的雇主', bio: '和我们一起做好每一杯咖啡。', verification: 'planned', cadence: { minPosts: 1, per: 'week' }, approve: false, team: '人力资源部' },
  { platform: 'sandbox', type: 'campaign', handle: 'xinghe_sandbox', displayName: '星河咖啡沙盒演练号', function: '发布演练（模拟网络）', positioning: '演练用', bio: '不会真的发出去。', verification: 'none', cadence: null, approve: true, team: '运营中心' },
];

/** Creates the demo matrix; filings are approved by the workspace's members in the approver roles. */
export async function seedDemoAccounts(services: Services, owner: Actor): Promise<void> {
  const accounts = services.accounts;
  const { items: members } = await services.team.listMembers(owner);
  const byRole = new Map<Role, string>();
  for (const m of members) if (!byRole.has(m.role)) byRole.set(m.role, m.userId);
  const wanted: Role[] = ['compliance', 'leader', 'manager'];
  const approverRoles = wanted.filter((r) => byRole.has(r));
  await accounts.updateSettings(owner, {
    approverRoles: approverRoles.length ? approverRoles : ['owner'],
    naming: { pattern: '^星河咖啡', prefixes: [], appliesTo: ['official', 'brand', 'product', 'service', 'recruitment', 'campaign', 'mascot', 'university', 'regional'], companyNames: ['星河咖啡', '星河', 'XH Coffee'] },
    reportWorkingDays: 5, securityCheckDays: 90, tokenWarningDays: 7, syncStaleHours: 48,
  });
  const approvers: Actor[] = (approverRoles.length ? approverRoles : (['owner'] as Role[]))
    .map((role) => ({ userId: role === 'owner' ? owner.userId : byRole.get(role)!, via: 'session', workspaceId: owner.workspaceId, role }));
  const ownerOf = (a: DemoAccount) => (a.type === 'employee' ? byRole.get('creator') : a.type === 'service' ? byRole.get('community') : byRole.get('manager')) ?? owner.userId;

  for (const a of DEMO_ACCOUNTS) {
    const { approve, ...fields } = a;
    const { account, filing } = await accounts.create(owner, {
      ...fields, ownerId: ownerOf(a),
      filing: { purpose: `${a.function}（${a.team}）`, operators: [ownerOf(a)], verificationPlan: a.verification === 'none' ? '暂不认证' : '申请企业蓝V认证' },
    });
    if (!approve || !filing) continue;
    for (const who of approvers) await accounts.approve(who, filing.id, '演示数据：材料齐全');
    if (a.platform === 'sandbox') {
      await accounts.storeCredentials(owner, account.id, { accessToken: 'sandbox-demo-token', platformAccountId: 'sandbox:xinghe' });
    }
    if (a.type === 'official') await accounts.recordSecurityCheck(owner, account.id, '演示：已核对密码、绑定手机与登录设备');
  }
}
