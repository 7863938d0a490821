/**
 * Demo data: two weeks of a festival launch across the demo accounts (or, before there are any,
 * across platforms), a hashtag group, a template and a workspace node. Called by `src/cli/demo.ts`.
 * The plan is written for 双11 in winter; it is re-dated to the festival of the coming weeks and the
 * season of today, so a December demo never plans a 双11 campaign.
 */
import { DateTime } from 'luxon';
import type { AppServices as Services } from '../../kernel/http/app-services.js';
import type { Actor } from '../team/service.js';
import { nodesBetween } from './festivals.js';
import type { ThemeClass } from './model.js';

const SEASONS = ['冬季', '冬季', '春季', '春季', '春季', '夏季', '夏季', '夏季', '秋季', '秋季', '秋季', '冬季'];

/** The campaign of the coming weeks: the first commerce day or festival within 30 days of the start. */
export function demoCampaign(start: DateTime): { festival: string; season: string } {
  const nodes = nodesBetween(start.toISODate()!, start.plus({ days: 30 }).toISODate()!).filter((n) => n.kind === 'commerce' || n.kind === 'festival');
  return { festival: nodes[0]?.name ?? '会员日', season: SEASONS[start.month - 1]! };
}

const PLAN: Array<[number, string, string, ThemeClass, string, string, string]> = [
  [0, '10:00', '双11 倒计时开启：冬季限定预告', 'brand', '图文', '预热曝光', '你准备好迎接今年的第一杯冬季限定了吗？\n星河咖啡冬季限定系列即将登场，#双11# 当天开售。\n评论区聊聊你最期待哪一款'],
  [1, '12:00', '冬季限定三款风味解析', 'product', '长文', '种草', '3 款冬季限定，一次讲清楚风味差异\n焦糖海盐、桂花乌龙拿铁、黑糖燕麦，分别适合什么场景？\n收藏这篇，下单不纠结'],
  [2, '18:30', '咖啡师教你在家做拿铁', 'industry', '短视频', '专业形象', '在家也能做出咖啡馆级拿铁？\n咖啡师手把手：打奶泡的 3 个关键。\n关注我们看下一期'],
  [3, '12:00', '晒出你的冬日咖啡杯', 'interactive', '话题', '互动', '#冬日咖啡杯# 晒出你的杯子！\n点赞最高的 10 位送冬季限定兑换券。\n评论区晒图参与'],
  [4, '19:00', '双11 预售开启', 'product', '图文', '转化', '双11 预售今晚 8 点开启\n冬季限定礼盒早鸟价，前 500 名加赠马克杯。\n点击主页链接预约'],
  [5, '20:00', '直播：冬季限定品鉴会', 'product', '直播', '转化', '今晚 8 点直播间见！\n咖啡师现场品鉴冬季限定，直播间专享券。\n预约直播不迷路'],
  [6, '13:00', '周末咖啡地图', 'brand', '笔记', '到店', '周末去哪喝咖啡？\n星河咖啡 5 家城市限定门店地图，附招牌单品。\n收藏备用'],
  [7, '12:00', '咖啡豆产地故事：云南保山', 'industry', '长文', '品牌价值', '你喝的咖啡豆来自哪里？\n走进云南保山的咖啡庄园，看一颗豆子的旅程。\n评论区聊聊你喜欢的产地'],
  [8, '18:00', '双11 倒计时 2 天', 'trending', '图文', '预热', '倒计时 2 天！\n冬季限定礼盒库存告急，加购的朋友记得提前付定金。\n转发提醒你的咖啡搭子'],
  [9, '20:00', '双11 正式开售', 'product', '短视频', '转化', '双11 正式开售！\n冬季限定全线上架，今晚前 2 小时第二杯半价。\n点击链接立即抢购'],
  [10, '12:00', '开售战报与感谢', 'brand', '长图', '口碑', '感谢大家的热情！\n开售首日冬季限定售出 2 万杯，补货安排在这里。\n关注我们获取补货通知'],
  [11, '19:00', '用户测评征集', 'interactive', '话题', 'UGC', '#冬季限定测评# 征集中！\n写下你的真实口感评价，优质测评送全年会员。\n评论区留言参与'],
  [12, '12:00', '双12 预告与会员日', 'trending', '图文', '复购', '双12 会员日提前看\n冬季限定会员价、积分翻倍规则一次说清。\n收藏本帖'],
  [13, '18:30', '两周运营复盘（内部）', 'industry', '长文', '复盘', '两周活动复盘：哪些内容表现最好？\n数据、经验与下一步计划。\n欢迎补充'],
];

/** Plans the launch starting next Monday in the workspace time zone; returns how many items it created. */
export async function seedDemoContent(services: Services, owner: Actor): Promise<number> {
  const { timeZone } = await services.team.workspaceSettings(owner.workspaceId);
  const { items: accounts } = await services.accounts.list(owner, {});
  const usable = accounts.filter((a) => a.status !== 'retired');
  const monday = DateTime.fromJSDate(services.clock.now(), { zone: timeZone }).startOf('week').plus({ weeks: 1 });
  const platforms = ['weibo', 'wechat', 'douyin', 'xiaohongshu'] as const;
  const { festival, season } = demoCampaign(monday);
  const local = (s: string) => s.replaceAll('双11', festival).replaceAll('冬季', season);
  let created = 0;
  for (const [n, time, rawTopic, themeClass, format, goal, rawText] of PLAN) {
    const [topic, text] = [local(rawTopic), local(rawText)];
    const [h, m] = time.split(':').map(Number) as [number, number];
    const at = monday.plus({ days: n }).set({ hour: h, minute: m });
    const account = usable.length ? usable[n % usable.length]! : null;
    await services.content.create(owner, {
      plannedAt: at.toUTC().toISO()!, topic, themeClass, format, goal, ownerId: owner.userId,
      ...(account ? { accountIds: [account.id] } : { platforms: [platforms[n % platforms.length]!] }),
      summary: text.split('\n')[1] ?? text, engagementPrompt: text.split('\n').at(-1) ?? null, mediaNotes: format === '短视频' ? '竖版 30 秒视频' : '产品图 3 张',
      expectedExposure: 20_000 + 5_000 * (n % 4), expectedInteractions: 600 + 100 * (n % 5), campaign: local('双11 冬季限定'),
      master: { text, hashtags: ['星河咖啡'] },
    });
    created += 1;
  }
  await services.content.library.createTemplate(owner, { kind: 'hashtags', name: local('双11 话题组'), hashtags: [festival, '星河咖啡', `${season}限定`] });
  await services.content.library.createTemplate(owner, {
    kind: 'template', name: '新品种草模板', format: '图文', themeClass: 'product', body: '你还在为 ___ 发愁吗？\n（价值：三个要点）\n评论区聊聊你的看法',
  });
  await services.content.library.createEvent(owner, { date: monday.plus({ days: 16 }).toISODate()!, name: '咖啡行业峰会' });
  return created;
}
