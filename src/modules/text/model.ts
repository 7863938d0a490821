import type { LexScan } from './scan.js';

/** The analysis of one message, as the CLI (`--jsonl`), the API and every inbound path see it. */
export type Sentiment = 'positive' | 'neutral' | 'negative';
export type Intent = 'inquiry' | 'complaint' | 'praise' | 'spam' | 'other';

export const SENTIMENTS: readonly Sentiment[] = ['negative', 'neutral', 'positive'];
export const INTENTS: readonly Intent[] = ['inquiry', 'complaint', 'praise', 'spam', 'other'];

export interface TextAnalysis {
  sentiment: Sentiment;
  /** P(positive) − P(negative), in [−1, 1] */
  score: number;
  intent: Intent;
  spam: boolean;
  keywords: string[];
  /** reputational risk cues found in the message (12315, 律师, 曝光, 过敏 …), canonical names, in order */
  riskCues: string[];
}

/** The same plus the evidence, for the console and for tuning. */
export interface DetailedAnalysis extends TextAnalysis {
  /** raw polarity margin of the binary model (log-odds of positive) */
  polarity: number;
  sentimentProbabilities: Record<Sentiment, number>;
  intentProbabilities: Record<Intent, number>;
  spamScore: number;
  spamReasons: string[];
  /** for spam: the family with the most evidence (traffic, profile, prize, fake_goods, job, loan_invoice, gambling, code, account, dating, follow, recycled, contact; 'other' when only the model saw it) */
  spamFamily: string | null;
}

// ---- rule features shared by training and inference ----

const Q_WORDS = /请问|想问|问下|问一下|求问|咨询|怎么|如何|多少|哪里|哪儿|哪个|哪家|哪款|哪些|几点|几号|几天|几个|什么时候|什么|是否|能否|能不能|可不可以|可以.{0,8}吗|有没有|是不是|会不会|要不要|支持.{0,8}吗|求链接|求推荐|推荐一[款个下]|了解一下/;
const Q_END = /[吗呢嘛么][?？!！~。.…]*$|[吗呢][?？，,。]/;
const WHY = /为什么|凭什么|到底|怎么回事|怎么又|怎么还|还没|什么态度|什么破|能不能管/;
const DEMAND = /要求|请尽快|尽快|给个说法|给个解释|退款|退货|换货|赔偿|投诉|处理|解决|负责|维权|差评|拉黑|别买|千万别|不推荐/;
const PROBLEM = /坏了|破损|碎了|没到|没收到|没人|不回|不理|发错|送错|漏了|少了|少放|闪退|故障|过敏|异物|死机|卡住|掉色|起球|发烫|异响|不给|拒绝|用不了|打不开|登不上|连不上|没反应|还没|拖了|等了|一直没/;
const THANKS = /谢谢|感谢|多谢|感恩|辛苦了|点赞|点个赞|给力|支持你们|加油/;
const PRAISE = /推荐|好评|回购|满意|喜欢|爱了|绝了|真香|宝藏|惊喜|惊艳|不愧|yyds|种草|安利/;
// Rhetorical questions: the construction, not the topic (这就是…？ 难道…吗 有这么…的吗 谁还敢…).
const RHET_NEG = /难道|这就是|这叫|这也叫|这也能叫|这也算|有这么.{0,12}的吗|谁还敢|还好意思|也好意思|是不是还得|谁给你们的|哪家.{0,10}会|还能说什么|自己.{0,4}过吗|不是.{0,10}吗[?？]/;
const RHET_POS = /谁能不爱|谁顶得住|顶得住啊|还有比这更|怎么会有这么(?:好|棒|香|美)|不比.{0,6}强/;
// Chatter that carries no evaluation: check-ins, retweet boilerplate, lottery "pick me", tags, @s.
const CHATTER = /打卡|转发|轉發|^转$|repost|mark|码住|马住|收藏|路过|抽我|选我|锦鲤|分母|陪跑|许愿|接好运|中奖|凑个热闹|#[^#]{1,20}#|^@|\/\/@|坐标|沙发|前排|吃瓜|蹲一个|^哈哈|刚下飞机|出差|追剧|坐等/;
// A complaint worded as a question: how long it has taken, where it is, why again.
const COMPLAINT_Q = /(?:[都已]|已经).{0,4}(?:[一二三四五六七八九十两\d]+|半)(?:天|周|个月|个小时|小时|星期).{0,12}(?:[?？]|吗|呢)|到底|凭什么|怎么又|怎么还|还要.{0,4}多久|什么时候.{0,6}(?:退|发|到|处理)|是不打算|有没有人/;
const NEWS = /据报道|发布|公告|声明|宣布|同比|营收|报告显示|举行|上热搜|代言人/;

/** The rule patterns, tested once per message and shared by the sentiment stacker and intent. */
export interface RuleFlags {
  qWord: boolean; qEnd: boolean; why: boolean; demand: boolean; problem: boolean;
  thanks: boolean; praise: boolean; news: boolean; mention: boolean;
  rhetNeg: boolean; rhetPos: boolean; chatter: boolean; complaintQ: boolean;
}

export function ruleFlags(norm: string): RuleFlags {
  return {
    qWord: Q_WORDS.test(norm), qEnd: Q_END.test(norm), why: WHY.test(norm), demand: DEMAND.test(norm),
    problem: PROBLEM.test(norm), thanks: THANKS.test(norm), praise: PRAISE.test(norm), news: NEWS.test(norm),
    mention: norm.includes('@'),
    rhetNeg: RHET_NEG.test(norm), rhetPos: RHET_POS.test(norm), chatter: CHATTER.test(norm), complaintQ: COMPLAINT_Q.test(norm),
  };
}

export const RULE_NAMES = [
  'question', 'qWord', 'qEnd', 'why', 'demand', 'problem', 'thanks', 'praise', 'news', 'mention',
  'spam', 'pPos', 'pNeg', 'veryShort', 'rhetNeg', 'rhetPos', 'chatter', 'complaintQ', 'sarcasm',
] as const;
export const RULE_COUNT = RULE_NAMES.length;

const b = (v: boolean) => (v ? 1 : 0);

/** Rule features for intent (0/1 flags, plus spam score and sentiment probabilities). */
export function intentRules(f: RuleFlags, scan: LexScan, spamScore: number, pPos: number, pNeg: number, out: Float64Array): Float64Array {
  out[0] = scan.questions > 0 ? 1 : 0;
  out[1] = b(f.qWord);
  out[2] = b(f.qEnd);
  out[3] = b(f.why);
  out[4] = b(f.demand);
  out[5] = b(f.problem);
  out[6] = b(f.thanks);
  out[7] = b(f.praise);
  out[8] = b(f.news);
  out[9] = b(f.mention);
  out[10] = Math.min(spamScore, 2) / 2;
  out[11] = pPos;
  out[12] = pNeg;
  out[13] = scan.length <= 4 ? 1 : 0;
  out[14] = b(f.rhetNeg);
  out[15] = b(f.rhetPos);
  out[16] = b(f.chatter);
  out[17] = b(f.complaintQ);
  out[18] = sarcasm(f, scan);
  return out;
}

export const META_NAMES = [
  'bias', 'margin', 'absMargin', 'lexPos', 'lexNeg', 'emoPos', 'emoNeg', 'question', 'qWord', 'noPolar', 'short', 'thanks', 'problem',
  'rhetNeg', 'rhetPos', 'chatter', 'complaintQ', 'sarcasm', 'events', 'contrast',
] as const;

/**
 * Sarcasm as a construction: thanks or praise side by side with a complaint event or a
 * negative word in a message without a contrast marker (太感谢了，又让我白跑一趟; 真行啊，
 * 下单三天还在仓库). Praise plus a complaint *with* 但是/不过 is contrast, read by the scanner.
 */
export function sarcasm(f: RuleFlags, scan: LexScan): number {
  if (scan.contrast) return 0;
  const praising = f.thanks || f.praise || scan.hitsPos > 0;
  return praising && (scan.events > 0 || scan.hitsNeg > 0 || f.problem || f.rhetNeg) ? 1 : 0;
}
export const META_COUNT = META_NAMES.length;

/** Features of the neutral-band stacker: the polarity margin and the evidence behind it. */
export function sentimentMeta(margin: number, f: RuleFlags, scan: LexScan, out: Float64Array): Float64Array {
  const m = Math.max(-8, Math.min(8, margin)) / 4;
  out[0] = 1;
  out[1] = m;
  out[2] = Math.abs(m);
  out[3] = Math.log1p(scan.pos);
  out[4] = Math.log1p(scan.neg);
  out[5] = Math.min(scan.emoPos, 3) / 3;
  out[6] = Math.min(scan.emoNeg, 3) / 3;
  out[7] = scan.questions > 0 ? 1 : 0;
  out[8] = b(f.qWord);
  out[9] = scan.hitsPos + scan.hitsNeg + scan.emoPos + scan.emoNeg === 0 ? 1 : 0;
  out[10] = scan.length <= 6 ? 1 : 0;
  out[11] = b(f.thanks);
  out[12] = b(f.problem);
  out[13] = b(f.rhetNeg);
  out[14] = b(f.rhetPos);
  out[15] = b(f.chatter);
  out[16] = b(f.complaintQ);
  out[17] = sarcasm(f, scan);
  out[18] = Math.min(scan.events, 3) / 3;
  out[19] = scan.contrast ? 1 : 0;
  return out;
}
