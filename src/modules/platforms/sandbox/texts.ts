/**
 * Chinese text for the simulated audience: comments, DMs and @mentions written from templates,
 * so the inbox, the intent/sentiment models and the crisis drills have something real to chew.
 * Each generated text carries the intent it was written with (ground truth for evaluations).
 */
import type { Rng } from './rng';

export type Intent = 'inquiry' | 'complaint' | 'praise' | 'spam' | 'neutral';

export interface GeneratedText { text: string; intent: Intent }

export interface TextContext {
  /** The brand / account name, e.g. 星河咖啡. */
  brand: string;
  /** A product or topic word taken from the post, e.g. 新品拿铁. */
  product: string;
}

const INQUIRY = [
  '请问{p}在哪里可以买到？',
  '请问{p}多少钱呀，有优惠吗',
  '请问这个{p}支持七天无理由吗？',
  '想问一下{p}有没有其他颜色',
  '请问线下门店有{p}吗？坐标{city}',
  '请问{b}的客服电话是多少？',
  '{p}适合学生党吗？求推荐',
  '请问发货一般要几天？急用',
  '怎么参加活动啊，求告知',
  '请问{p}和上一代比有什么区别？',
  '私信了没人回，请问{p}还有货吗',
  '请问可以开发票吗？公司采购{n}份',
];

const COMPLAINT = [
  '{p}质量太差了，用了{n}天就坏了',
  '客服一直不回复，{b}就是这么对待用户的？',
  '买的{p}到现在还没发货，退款也不处理',
  '说好的赠品呢？被骗了',
  '{p}和宣传的完全不一样，失望',
  '排队{n}分钟，态度还很差，再也不来了',
  '投诉！{p}有异味，要求退货',
  '价格刚买完就降了{n}块，能不能保价？',
  '快递盒都压坏了，{p}也有划痕',
  '已经第{n}次反馈了，{b}到底管不管',
];

const PRAISE = [
  '已经回购{n}次了，{p}真的好用[赞]',
  '{b}yyds！{p}太爱了',
  '小编好用心，这期内容干货满满',
  '{p}颜值和质量都在线，推荐给同事了',
  '客服小姐姐超耐心，点赞👍',
  '支持{b}，一直在用{p}',
  '收到了！包装很精致，比想象的好',
  '这个视频拍得太有质感了',
  '终于等到{p}上新，冲冲冲',
];

const SPAM = [
  '加V{wx}，日结兼职，在家就能做',
  '想要同款的私我，价格更低，加微信{wx}',
  '互粉互赞，回关必回❤',
  '点我头像看福利，免费领{p}',
  '代购正品{p}，全网最低，v：{wx}',
  '兼职刷单，一单{n}元，有意者加Q{qq}',
  '关注我送你{n}元红包，秒回',
];

const NEUTRAL = [
  '来了来了',
  '第一！',
  '沙发',
  '哈哈哈哈哈哈',
  '@{friend} 快来看',
  '路过，看看',
  '周末去{city}打卡',
  '有点意思[思考]',
  '马住，回头细看',
  '今天{city}下雨了，大家出门记得带伞',
  '评论区好热闹',
];

const DM_INQUIRY = [
  '你好，请问{p}批量采购有折扣吗？我们公司大概需要{n}份',
  '您好，想咨询一下{p}的售后政策',
  '在吗？订单号{order}一直显示未发货，麻烦查一下',
  '你好，想和{b}谈一下合作，我们是{city}本地的生活号',
  '请问{p}有没有企业定制服务？方便留个联系方式吗',
];

const DM_COMPLAINT = [
  '订单{order}收到的{p}是坏的，请尽快处理',
  '申请退款{n}天了还没到账，再不处理我就去12315投诉了',
  '你们的活动奖品一直没发，中奖截图我都有',
];

const MENTION = [
  '刚入手了@{b} 的{p}，分享一下使用感受：还不错',
  '@{b} 你们的{p}什么时候补货啊',
  '求@{b} 出个{p}的教程',
  '和朋友在{city}的@{b} 门店打卡，{p}好评',
  '@{b} 能不能管管你们的客服，{p}的问题拖了{n}天',
  '#{p}# 安利@{b} 家的新品',
];

const CRISIS_COMMENT = [
  '{t}这件事{b}必须给个说法！',
  '看到{t}的新闻，以后再也不买{b}了',
  '{t}是真的吗？{b}出来回应',
  '{b}装死是吧？{t}已经上热搜了',
  '退钱！{t}太恶心了',
  '建议大家避雷{b}，{t}',
  '{t}，一个道歉就完了？',
];

const CRISIS_MENTION = [
  '#{t}# @{b} 请正面回应，不要删评',
  '扒一扒@{b} 的{t}，转发让更多人看到',
  '实名举报@{b}：{t}',
  '@{b} {t}，消费者的信任就这么被消耗光了',
  '{t}事件持续发酵，@{b} 至今没有声明',
];

const CITIES = ['北京', '上海', '广州', '深圳', '杭州', '成都', '武汉', '西安', '南京', '重庆', '长沙', '苏州'];
const NICK_A = ['小', '大', '爱吃', '不吃', '会飞的', '快乐', '睡不醒的', '追光', '佛系', '元气', '一只', '今天也要'];
const NICK_B = ['橘子', '鹿', '猫', '番茄', '咸鱼', '星星', '阿泽', '可乐', '桃子', '程序员', '打工人', '团子', '柠檬'];
const NICK_C = ['', '', '', '呀', '酱', '_', '同学', '本人', '2024', '666', '_sh', 'QAQ'];

function fill(template: string, ctx: TextContext, rng: Rng, topic = ''): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    switch (key) {
      case 'p': return ctx.product;
      case 'b': return ctx.brand;
      case 't': return topic;
      case 'n': return String(rng.int(2, 30));
      case 'city': return rng.pick(CITIES);
      case 'wx': return `${rng.pick(['vx', 'wx', 'abc', 'hk'])}${rng.int(1000, 99999)}`;
      case 'qq': return String(rng.int(10000000, 999999999));
      case 'order': return `SO${rng.int(10000000, 99999999)}`;
      case 'friend': return nickname(rng);
      default: return '';
    }
  });
}

export function nickname(rng: Rng): string {
  return `${rng.pick(NICK_A)}${rng.pick(NICK_B)}${rng.pick(NICK_C)}`;
}

/** Comment intent mix for a post; `interactive` posts pull more chatter, complaints stay a minority. */
export function commentText(rng: Rng, ctx: TextContext, weights: Record<Intent, number>): GeneratedText {
  const intent = weightedIntent(rng, weights);
  const pool = { inquiry: INQUIRY, complaint: COMPLAINT, praise: PRAISE, spam: SPAM, neutral: NEUTRAL }[intent];
  return { intent, text: fill(rng.pick(pool), ctx, rng) };
}

export function dmText(rng: Rng, ctx: TextContext): GeneratedText {
  const r = rng.next();
  if (r < 0.55) return { intent: 'inquiry', text: fill(rng.pick(DM_INQUIRY), ctx, rng) };
  if (r < 0.75) return { intent: 'complaint', text: fill(rng.pick(DM_COMPLAINT), ctx, rng) };
  if (r < 0.9) return { intent: 'spam', text: fill(rng.pick(SPAM), ctx, rng) };
  return { intent: 'praise', text: fill(rng.pick(PRAISE), ctx, rng) };
}

export function mentionText(rng: Rng, ctx: TextContext): GeneratedText {
  const i = rng.int(0, MENTION.length - 1);
  const intent: Intent = i === 4 ? 'complaint' : i === 1 || i === 2 ? 'inquiry' : 'praise';
  return { intent, text: fill(MENTION[i]!, ctx, rng) };
}

export function crisisText(rng: Rng, ctx: TextContext, topic: string, kind: 'comment' | 'mention'): GeneratedText {
  return { intent: 'complaint', text: fill(rng.pick(kind === 'comment' ? CRISIS_COMMENT : CRISIS_MENTION), ctx, rng, topic) };
}

function weightedIntent(rng: Rng, w: Record<Intent, number>): Intent {
  const entries = Object.entries(w) as [Intent, number][];
  const total = entries.reduce((s, [, v]) => s + v, 0);
  let r = rng.next() * total;
  for (const [k, v] of entries) {
    r -= v;
    if (r < 0) return k;
  }
  return 'neutral';
}

const GENERIC_PRODUCTS = ['新品', '这款', '限定款', '礼盒', '套餐', '会员活动', '这个活动', '联名款'];

/** A product/topic word for templates: a #话题#, a 《名》/【名】, a short title, else a generic noun. */
export function productWord(text: string, title?: string): string {
  const tag = /#([^#\s]{1,12})#?/.exec(text) ?? /[《【「]([^》】」]{1,12})[》】」]/.exec(`${title ?? ''} ${text}`);
  if (tag) return tag[1]!;
  if (title && [...title].length <= 10) return title;
  let h = 0;
  for (const ch of text) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return GENERIC_PRODUCTS[h % GENERIC_PRODUCTS.length]!;
}
