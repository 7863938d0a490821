/**
 * The default playbooks (预案) shipped in zh-CN, one per level, following the manuals: confirm facts
 * and reach, start the plan, the emergency group (总指挥、发言人、法务、客服、运营), one public line
 * from the 口径库, the channels, deadlines, keep updating, post-mortem.
 */
import type { IncidentLevel } from './model.js';

export const GROUP_ROLES = ['commander', 'spokesperson', 'legal', 'service', 'operations'] as const;
export type GroupRole = (typeof GROUP_ROLES)[number];
export const GROUP_ROLE_TITLES: Record<GroupRole, string> = { commander: '总指挥', spokesperson: '发言人', legal: '法务', service: '客服', operations: '运营' };

export interface PlaybookStep { key: string; title: string; role: GroupRole; dueMinutes: number | null }
export interface ResponseTemplate { key: string; scenario: string; title: string; text: string }
export interface PlaybookContent {
  name: string;
  description: string;
  steps: PlaybookStep[];
  roles: Array<{ role: GroupRole; title: string; userIds: string[] }>;
  templates: ResponseTemplate[];
  channels: string[];
  lessons: Array<{ at: string; incidentId: string | null; text: string }>;
}

const roles = (...keys: GroupRole[]) => keys.map((role) => ({ role, title: GROUP_ROLE_TITLES[role], userIds: [] as string[] }));

export const TEMPLATES: ResponseTemplate[] = [
  { key: 'service-reply', scenario: '个别投诉', title: '个别投诉回复', text: '您好，感谢您的反馈。关于{事件}，我们已第一时间联系您了解情况，{进展}。给您带来不好的体验，非常抱歉，后续处理结果会及时告知您。——{品牌}客服' },
  { key: 'clarification', scenario: '误解与不实信息', title: '情况说明', text: '关于网传“{事件}”的情况说明：我们已关注到相关讨论，经核实，{事实}。欢迎大家通过官方渠道了解准确信息，如有疑问可联系客服。感谢大家的关心与监督。——{品牌}' },
  { key: 'product-quality', scenario: '产品质量与安全', title: '致歉与处理声明', text: '关于{事件}的声明：我们已关注到相关反馈，第一时间成立专项小组核查。目前{进展}。涉事批次产品已暂停销售，我们将全力配合有关部门调查，并于{时间}前公布处理结果。给大家带来的困扰，我们深表歉意。——{品牌}' },
  { key: 'update', scenario: '进展通报', title: '进展通报', text: '关于{事件}的进展通报：{进展}。我们将持续通报后续情况，感谢大家的耐心与监督。——{品牌}' },
];

export const DEFAULT_PLAYBOOKS: Record<IncidentLevel, PlaybookContent> = {
  low: {
    name: '低级预案：个别差评与投诉',
    description: '单条差评或个别投诉：客服跟进，持续观察，不升级即可。',
    steps: [
      { key: 'confirm', title: '核实事实与传播范围', role: 'service', dueMinutes: 60 },
      { key: 'reply', title: '客服私信或评论回复用户，记录诉求', role: 'service', dueMinutes: 120 },
      { key: 'watch', title: '观察 24 小时声量，出现扩散即升级', role: 'operations', dueMinutes: 1440 },
    ],
    roles: roles('service', 'operations'),
    templates: TEMPLATES.filter((t) => t.key === 'service-reply' || t.key === 'update'),
    channels: ['customer-service'],
    lessons: [],
  },
  medium: {
    name: '中级预案：小范围误解与扩散',
    description: '小范围误解或负面正在传播：统一口径，官方说明，客服同步。',
    steps: [
      { key: 'confirm', title: '核实事实与传播范围（声量、转发、大号）', role: 'operations', dueMinutes: 30 },
      { key: 'assemble', title: '通知应急小组，内部通报', role: 'commander', dueMinutes: 60 },
      { key: 'line', title: '选定口径并起草说明', role: 'spokesperson', dueMinutes: 120 },
      { key: 'legal', title: '法务审核说明', role: 'legal', dueMinutes: 150 },
      { key: 'publish', title: '在选定渠道发布说明', role: 'spokesperson', dueMinutes: 180 },
      { key: 'service', title: '客服统一回复话术', role: 'service', dueMinutes: 240 },
      { key: 'update', title: '持续监测并更新进展', role: 'operations', dueMinutes: 1440 },
    ],
    roles: roles('commander', 'spokesperson', 'legal', 'service', 'operations'),
    templates: TEMPLATES.filter((t) => t.key !== 'service-reply'),
    channels: ['weibo', 'wechat', 'customer-service'],
    lessons: [],
  },
  high: {
    name: '高级预案：严重负面事件',
    description: '严重负面事件：总指挥牵头，暂停排期内容，两小时内首发声明，持续更新，事后复盘。',
    steps: [
      { key: 'confirm', title: '核实事实与传播范围', role: 'commander', dueMinutes: 15 },
      { key: 'assemble', title: '成立应急小组，内部通报', role: 'commander', dueMinutes: 30 },
      { key: 'hold', title: '暂停所有排期内容（危机期间不发促销）', role: 'operations', dueMinutes: 30 },
      { key: 'line', title: '统一口径，起草首发声明', role: 'spokesperson', dueMinutes: 60 },
      { key: 'legal', title: '法务审核声明', role: 'legal', dueMinutes: 90 },
      { key: 'publish', title: '首发声明（两小时内，绝不沉默）', role: 'spokesperson', dueMinutes: 120 },
      { key: 'service', title: '客服话术同步，开通专线', role: 'service', dueMinutes: 120 },
      { key: 'offline', title: '线下协调法务、公关、客服', role: 'commander', dueMinutes: 240 },
      { key: 'update', title: '持续更新进展', role: 'spokesperson', dueMinutes: 1440 },
    ],
    roles: roles('commander', 'spokesperson', 'legal', 'service', 'operations'),
    templates: TEMPLATES.filter((t) => t.key !== 'service-reply'),
    channels: ['weibo', 'wechat', 'website', 'customer-service'],
    lessons: [],
  },
};
