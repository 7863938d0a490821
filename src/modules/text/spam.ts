import { MARK_URL } from './normalize.js';
import { spamView, VIEW_LINK } from './spam-view.js';

/**
 * Spam and traffic diversion (引流): contact details, money-making offers, follow-for-follow,
 * links and phone numbers, repeated text. `spamSignals` scores one normalised message;
 * `BurstDetector` watches a stream of (author, text, time) for floods of identical comments.
 */

export interface SpamSignals {
  /** sum of the pattern weights; ≥ 1 reads as spam on its own */
  score: number;
  /** names of the patterns that fired (`family.pattern`), for explanations and tests */
  reasons: string[];
  /** the spam family with the most evidence, or null when no family pattern fired */
  family: SpamFamily | null;
}

/** Spam families (issue #19), each with its own patterns; reported per family by the evaluation. */
export const SPAM_FAMILIES = [
  'contact', 'traffic', 'profile', 'prize', 'fake_goods', 'job', 'loan_invoice', 'gambling', 'code', 'account', 'dating', 'follow', 'recycled',
] as const;
export type SpamFamily = (typeof SPAM_FAMILIES)[number];

interface SpamPattern {
  family: SpamFamily | 'cta' | 'phone';
  name: string;
  /** global: every distinct match counts */
  re: RegExp;
  /** per distinct match: 1 = spam on its own; 0.5 needs a second piece of evidence */
  weight: number;
}

// Patterns run on the spam view (spam-view.ts): evasions are already undone there, so 加V,
// ➕薇, 家❤ and 嶶信 all read 加v / 微信, and split or Chinese-numeral digits are digits.
// Strong words (weight 1) are spam on their own; weak ones (0.5) need a second piece of
// evidence — another word of the family, a call to action, a contact, a link, a phone number —
// which is what keeps look-alikes (可以加微信客服吗, an order number, 高仿的怎么区分, 我做过兼职) out.
const ID = String.raw`\s*[:：]?\s*(?=[a-z0-9_ -]{5,})[a-z0-9][a-z0-9_-]*(?: ?[a-z0-9_-]+)*`;
const p = (family: SpamPattern['family'], name: string, weight: number, re: RegExp): SpamPattern => ({ family, name, weight, re: new RegExp(re.source, 'g') });
const PATTERNS: readonly SpamPattern[] = [
  p('contact', 'id', 1, new RegExp(String.raw`(?:(?:微信|加v|qq|扣|q群|企鹅)(?:号|群|同号|搜)?|(?<![a-z])v(?=\s*[:：]|\s))${ID}`)),
  p('contact', 'add', 0.6, /加\s*v|加\s*微信|加我\s*(?:微信|v|qq|好友)?(?!们)|加\s*qq|微信同号|qq群|加扣|私下聊|加个好友|联系\s*(?:我|微信|v|qq)/),
  p('profile', 'look', 1, /(?:看|点|戳|进|去|来|翻)(?:一下|一眼|下)?我(?:的)?(?:头像|主页|简介|昵称|名字|个签|签名|资料|相册|背景|置顶|动态|空间|id)|[点戳看进去]\s*(?:头像|主页|简介|资料|个签)(?!的|那)|我(?:的)?(?:主页|头像|简介|置顶)(?:里)?有|置顶动态|主页链接|(?:照片|号码|联系方式|方法|链接)在(?:我的?)?(?:主页|头像|简介)/),
  p('profile', 'has', 0.7, /(?:头像|主页|简介|个签|资料|相册|置顶)(?:里|上)?(?:有|见|自取|了解)(?!货|吗|没)|主页见|懂的都懂/),
  p('prize', 'won', 1, /恭喜.{0,10}(?:中奖|获得|抽中|被选|成为|幸运)|被抽中.{0,4}(?:等奖|奖)|百分百中奖|100%中奖|幸运(?:大转盘|用户|粉丝)|获得.{0,8}(?:iphone|手机|平板|一台)|就送一[台部个瓶]|包裹待领取|积分.{0,4}(?:清零|兑换礼品)|免单名额/),
  p('prize', 'claim', 0.6, /(?:点击|点我|点|戳|复制|打开).{0,8}(?:链接|领取|登记|兑换|领奖|参与|抢)|免费(?:领|送)|(?:领|抢)(?:取)?.{0,6}(?:红包|奖品|礼包|资格|京东卡|购物卡|会员|现金)|速领|免单活动|只需(?:支付)?邮费|领奖|扫码(?:领|参与|进)|真的能领|链接在(?:评论区|主页|简介)/),
  p('traffic', 'sell', 1, /涨粉|刷粉|买粉|真人粉|活粉|僵尸粉|真人关注|起号|代运营|冲榜|刷量|刷阅读|刷直播|上热门|上首页|代刷|人气冲|十万加|粉丝破万|不掉量|冲销量|冲评价|不降权|好评返现|刷好评|有偿求|(?:点赞|评论|播放|阅读|收藏|关注|在线人数|人气|销量|赞藏|三连|双击|粉丝|观看).{0,6}(?:一毛|五毛|一元|\d+元|块钱|打包价|最低价|起刷|万起|只要|秒到)/),
  p('traffic', 'promo', 0.5, /推广|引流|曝光量|流量|播放量|返现/),
  p('fake_goods', 'replica', 0.7, /高仿|a货|超a|精仿|复刻|一比一|1比1|1:1|原单|尾单|尾货|莆田|纯原|货源|工厂(?:直|店)|厂家直|海关罚没|罚没货|免税店内部|内部渠道|内部价|内部优惠|同厂同料|仿真表|看不出来|真假自辨|鉴定不出|更便宜的渠道/),
  p('fake_goods', 'sell', 0.5, /批发|零售|代购|原厂|分装|比(?:专柜|官方|旗舰店)便宜|大牌(?:平替|同款|口红|香水|包包|护肤)|一模一样|特卖|清仓|出闲置|小刀|九块九|低价|白菜价|货到付款/),
  p('job', 'pay', 1, /日结|一单一结|日赚|日入|月入|躺赚|网赚|刷单|做单|打字员|点赞员|评论员|好评员|垫付|返佣|手工活外发|一单\d+元|每条\d+元?|立马结算|当天结算/),
  p('job', 'work', 0.5, /兼职|做任务|佣金|零基础|动动手指|时间自由|多劳多得|赚零花|赚钱|无需露脸|底薪|宝妈|在家.{0,6}(?:赚|做|操作)|招聘|诚招|招募|急招/),
  p('loan_invoice', 'loan', 1, /不看征信|不查征信|征信花|黑白户|白户也能|下款|放款|秒批|空放|套现|代还|网贷|逾期也能|三分钟审核|资金周转/),
  p('loan_invoice', 'credit', 0.5, /低息|无抵押|包过|借款|贷款|当天到账|秒到账|额度.{0,4}(?:\d+万|[一二三五十]万|高)|能借|下卡|利息面谈|大额信用卡/),
  p('loan_invoice', 'invoice', 1, /代开|(?:各类|各种|全国).{0,4}(?:发票|票)|开票找我|税点|可查可验|可验真伪|报销用的票|专票普票/),
  p('gambling', 'strong', 1, /百家乐|时时彩|六合彩|特码|竞彩|娱乐城|博彩|资金盘|炸金花|带单|跟单|上分下分|下注|买球|爆分|棋牌.{0,4}上/),
  p('gambling', 'weak', 0.5, /上岸|稳赚|稳赢|必中|红单|棋牌|合约|提款|充值送|回本|翻倍|准确率|内部计划|挖矿|币圈|必胜|包赔|注册就送|收益/),
  p('code', 'token', 1, /[¥€$₴¢₤£][a-z0-9]{5,}[¥€$₴¢₤£]|\d+[¥€$₴¢₤£][a-z0-9 ]{5,}[¥€$₴¢₤£]|m\.tb\.cn|[a-z]{2,}:\/\s|复制.{0,14}(?:打开|到|去|后).{0,6}(?:淘|tb|app|拼多多|抖音|快手|京东|支付宝|闲鱼|浏览器|猫)|砍一刀|帮我助力|帮忙助力|助力一下|吱口令|数字口令|(?:淘|喵|抖音)口令[:：在]|口令[:：]/),
  p('code', 'copy', 0.5, /复制|口令|长按/),
  p('account', 'trade', 1, /(?:出售|出租|转让|收购|回收|高价收|收闲置|(?<![退登导提付支输外演日进])出|卖)(?:一批|几个|闲置|各种|各类|各平台|一个|的)?.{0,8}?(?:账号|老号|千粉号|万粉号|橱窗号|实名号|认证号|蓝v号|qq号|微信号|游戏号|店铺|的号)|(?:账号|店铺|号)(?:出租|转让|出售|买卖)|号商|接码|代注册|要账号|高价回收|长期收购/),
  p('dating', 'date', 1, /寂寞|可约|陪聊|上门服务|找知己|深夜陪|成年人的快乐|一个人.{0,6}(?:无聊|孤单|好闷|在酒店)|(?:哥哥|小哥哥).{0,12}(?:陪|聊|加|找我|交朋友|好看吗|等你|想)|附近的人|我在你附近|找个男朋友|单身.{0,6}(?:美女|少妇|的来|本人)|本人女|今晚.{0,4}陪/),
  p('dating', 'weak', 0.5, /交友|约会|脱单|视频聊天|红娘|同城(?!的门店|配送|自提|快递|送)/),
  p('follow', 'swap', 1, /互粉|互赞|互关|回关|关注必回|有关必回|必回访|互相关注|互动互赞|不取关|回一个呗|关注我.{0,6}关注你|求关注|求扶持|挨个关注|每条都给你点赞|互相点赞/),
  p('recycled', 'template', 1, /欢迎.{0,4}(?:回访|回踩|互访|来我|常来|做客)|回踩|互踩|求回访|已阅已赞|留爪|留个脚印|来我(?:这里|主页|空间|家)|(?:看看|看下)我的(?:作品|新作|主页)|去看看我|我也发了.{0,8}去看|顺便.{0,6}(?:宣传|看看我)|求回赞|回个关注|来我主页|来踩|踩一踩/),
  p('cta', 'cta', 0.5, /私我|私聊|私信(?:获取|领取|报价|咨询)|[,，。!！]\s*私$|^私|滴滴|扣1|详聊|有意(?:者|向)|需要的(?:朋友)?(?:私|加|找|联系|看)|要的(?:私|扣|来|找)|懂的(?:来|私)|先到先得|名额有限|量大(?:优惠|从优)|价格(?:美丽|好说|面谈|超低)|联系方式|带你(?:飞|赚|入门|上岸)|了解一下$|有惊喜|速来|白菜价|便宜出|进群|加群|拉你|入群|瘦[一二三四五六七八九十\d]+斤|三天瘦|看过来|自取|打这个电话/),
  p('contact', 'number', 0.5, /(?<![\da-z])\d{8,12}(?![\d])/),
  p('phone', 'phone', 0.6, /(?<!\d)1[3-9]\d{9}(?!\d)/),
];

// One pass over the message decides whether any pattern can fire (most messages are not spam).
const ANY = new RegExp(PATTERNS.map((x) => `(?:${x.re.source})`).join('|'));

const LINK_WEIGHT = 0.5;
const FAMILY_CAP = 1.2;
/** A question about the shop's own channel (可以加微信客服吗, 官方客服的微信号是多少) is not a lure. */
const ASKS = /[吗么嘛呢][?？]?$|请问|[?？]$|是多少|在哪/;
const WEAK_ONLY = new Set(['contact.add', 'cta.cta', 'phone.phone', 'prize.claim', 'code.copy']);

/** Longest run of one character repeated, or one 2–6 character chunk repeated, ≥ 4 times. */
function repeated(s: string): boolean {
  if (s.length < 8) return false;
  for (let len = 1; len <= 6; len++) {
    let run = 1;
    for (let i = len; i + len <= s.length; i += len) {
      if (s.substr(i, len) === s.substr(i - len, len)) {
        run++;
        if (run >= (len === 1 ? 6 : 4)) return true;
      } else run = 1;
    }
  }
  return false;
}

/**
 * Spam evidence of one message (raw or normalised text: the spam view undoes the evasions
 * itself). Each family's strongest pattern counts once; supporting evidence (a call to action,
 * a phone number, a link) adds to it.
 */
export function spamSignals(text: string): SpamSignals {
  const view = spamView(text);
  const reasons: string[] = [];
  const byFamily = new Map<string, number>();
  for (const pat of ANY.test(view) ? PATTERNS : []) {
    pat.re.lastIndex = 0;
    const matches = new Set<string>();
    for (let m = pat.re.exec(view); m; m = pat.re.exec(view)) {
      if (m[0].length === 0) { pat.re.lastIndex++; continue; }
      matches.add(m[0]);
    }
    if (matches.size === 0) continue;
    reasons.push(`${pat.family}.${pat.name}`);
    byFamily.set(pat.family, (byFamily.get(pat.family) ?? 0) + pat.weight * matches.size);
  }
  if (view.includes(VIEW_LINK) || text.includes(MARK_URL)) { reasons.push('link'); byFamily.set('link', LINK_WEIGHT); }
  if (repeated(view.replace(/\s/g, ''))) { reasons.push('recycled.repeated'); byFamily.set('recycled', (byFamily.get('recycled') ?? 0) + 1); }
  let score = 0;
  let family: SpamFamily | null = null;
  let best = 0;
  for (const [f, w] of byFamily) {
    const capped = Math.min(w, FAMILY_CAP);
    score += capped;
    // contact is the generic family: a more specific one with as much evidence names the message
    const rank = f === 'contact' ? capped - 0.01 : capped;
    if ((SPAM_FAMILIES as readonly string[]).includes(f) && rank > best) { best = rank; family = f as SpamFamily; }
  }
  // asking the brand about its own channel is a question, not a lure
  if (ASKS.test(view) && reasons.every((r) => WEAK_ONLY.has(r))) score *= 0.5;
  if (family === null && byFamily.has('link') && score >= 1) family = 'prize';
  return { score: Math.round(score * 100) / 100, reasons, family };
}

/** Fingerprint for duplicate detection: letters and CJK only, digits folded, at most 64 chars. */
export function fingerprint(normalised: string): string {
  return normalised.replace(/[^\p{L}\p{N}]/gu, '').replace(/\d+/g, '0').slice(0, 64);
}

export interface BurstOptions {
  /** window in milliseconds (default 10 minutes) */
  windowMs?: number;
  /** the same text this many times from one author within the window (default 3) */
  sameAuthorRepeats?: number;
  /** the same text from this many distinct authors within the window (default 5) */
  distinctAuthors?: number;
  /** this many messages from one author within `floodWindowMs` (default 10 in 60 s) */
  floodCount?: number;
  floodWindowMs?: number;
  /** bound on tracked keys; the oldest are dropped beyond it (default 50,000) */
  maxKeys?: number;
}

export interface BurstVerdict {
  burst: boolean;
  reason?: 'author.repeat' | 'many.authors' | 'author.flood';
  /** how many times this text was seen in the window, this message included */
  count: number;
}

interface Seen {
  times: number[];
  authors: string[];
}

/**
 * Stateful: feed every inbound message in time order (authorId, text, at). Texts that are too
 * short to mean anything (< 4 characters after fingerprinting: "沙发", "666") are not counted
 * as duplicates, but they count towards an author's flood.
 */
export class BurstDetector {
  private readonly texts = new Map<string, Seen>();
  private readonly authors = new Map<string, number[]>();
  private readonly o: Required<BurstOptions>;

  constructor(options: BurstOptions = {}) {
    this.o = {
      windowMs: 10 * 60_000, sameAuthorRepeats: 3, distinctAuthors: 5, floodCount: 10,
      floodWindowMs: 60_000, maxKeys: 50_000, ...options,
    };
  }

  observe(authorId: string, normalisedText: string, at: Date | number): BurstVerdict {
    const t = typeof at === 'number' ? at : at.getTime();
    const recent = this.prune(this.authors, authorId, t - this.o.floodWindowMs);
    recent.push(t);
    const flood = recent.length >= this.o.floodCount;
    const key = fingerprint(normalisedText);
    if (key.length < 4) return { burst: flood, reason: flood ? 'author.flood' : undefined, count: 1 };
    let seen = this.texts.get(key);
    if (!seen) {
      seen = { times: [], authors: [] };
      this.texts.set(key, seen);
      this.bound(this.texts);
    }
    const from = t - this.o.windowMs;
    while (seen.times.length && seen.times[0] < from) { seen.times.shift(); seen.authors.shift(); }
    seen.times.push(t);
    seen.authors.push(authorId);
    const count = seen.times.length;
    const mine = seen.authors.filter((a) => a === authorId).length;
    if (mine >= this.o.sameAuthorRepeats) return { burst: true, reason: 'author.repeat', count };
    if (new Set(seen.authors).size >= this.o.distinctAuthors) return { burst: true, reason: 'many.authors', count };
    if (flood) return { burst: true, reason: 'author.flood', count };
    return { burst: false, count };
  }

  private prune(map: Map<string, number[]>, key: string, from: number): number[] {
    let list = map.get(key);
    if (!list) {
      list = [];
      map.set(key, list);
      this.bound(map);
    }
    while (list.length && list[0] < from) list.shift();
    return list;
  }

  private bound<V>(map: Map<string, V>): void {
    if (map.size <= this.o.maxKeys) return;
    const drop = map.size - this.o.maxKeys;
    let k = 0;
    for (const key of map.keys()) {
      if (k++ >= drop) break;
      map.delete(key);
    }
  }
}
