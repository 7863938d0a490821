/**
 * Reputational risk cues: the words in a message that tell a brand it may become a public
 * problem — a regulator or hotline (12315, 消协, 市场监管), a lawyer or a lawsuit, the press or
 * a public exposure, the police, a safety incident (食物中毒, 异物, 过敏, 受伤), 维权 and
 * collective action. `riskCues` returns the canonical cue names (stable strings the inbox's
 * priority and listening's risk levels key on), each once, in the order they first appear.
 *
 * Works on the normalised text (NFKC, lower case): full-width digits are already folded. Digits
 * split by spaces, dots or emoji (1 2 3 1 5, 12·315) and Chinese numerals (一二三一五, 幺二三幺五)
 * are read as numbers. Mentions that say the opposite are skipped: a negation right before the
 * word (没有过敏, 不用报警), product wording (抗过敏, 曝光补偿, 报警器, 新媒体), and a question
 * about a possibility (敏感肌会过敏吗).
 */

interface RiskCue {
  /** canonical name returned to callers */
  cue: string;
  re: RegExp;
}

const CUES: readonly RiskCue[] = ([
  { cue: '12315', re: /12315|一二三一五|幺二三幺五/ },
  { cue: '12345', re: /(?<!\d)12345(?!\d)|市长热线|政务热线|市民热线/ },
  { cue: '315', re: /(?<![\d.])3[.·-]?15(?![\d%元块])|三一五晚会|315晚会/ },
  { cue: '消协', re: /消协|消费者协会|消委会|消保委|消费者权益保护/ },
  { cue: '市场监管', re: /市场监[管督]|市监局|工商局|找工商|质监局|食药监|药监局|卫健委|卫生局/ },
  { cue: '金融监管', re: /银保监|银监会|金融监管|金管局|证监会|人民银行投诉|人行投诉/ },
  { cue: '工信部', re: /工信部|通管局|电信申诉/ },
  { cue: '投诉平台', re: /黑猫投诉|聚投诉|消费保|人民网留言|领导留言板/ },
  { cue: '律师', re: /律师|律所|法务函/ },
  { cue: '起诉', re: /起诉|上诉|诉讼|告上法庭|法院|打官司|法庭见|走法律程序|法律途径|追究.{0,4}法律责任|告你们|告到底/ },
  { cue: '曝光', re: /(?<![过欠长短])曝光(?!补偿|度|时间|过度|不足|值|参数|模式|锁定)|挂出来|挂网上|发到网上|上热搜|(要|会|就|去|我)(发|挂)到?(微博|抖音|小红书|网上|朋友圈)|让大家评评理|让网友评评理/ },
  { cue: '媒体', re: /(?<![新自全融])媒体|电视台|报社|新闻热线|今日说法|焦点访谈|1818黄金眼|都市快报/ },
  { cue: '记者', re: /记者|爆料/ },
  { cue: '报警', re: /报警(?!器|灯|声|音|功能|提示)|报案|(?<!\d)110(?![\d元块米斤分件克])|派出所|找警察|叫警察|公安局/ },
  { cue: '食物中毒', re: /食物中毒|食品中毒|中毒了|上吐下泻|吃坏肚子|吃完.{0,6}(拉肚子|进医院|住院|急诊|呕吐)|拉到住院|食品安全/ },
  { cue: '异物', re: /异物|吃出.{0,4}(头发|虫|苍蝇|蟑螂|玻璃|钢丝|塑料|指甲|创可贴|烟头|石子|铁丝|毛|钉子)|里面有.{0,3}(虫|苍蝇|蟑螂|玻璃|头发|钢丝|老鼠)|(?<!没有)(蟑螂|老鼠屎|活虫)/ },
  { cue: '过敏', re: /过敏|烂脸|起疹子|起红疹|长疹子|红肿|刺痛|灼烧感|脸.{0,2}(肿|红)了/ },
  { cue: '受伤', re: /受伤|受了伤|划伤|割伤|烫伤|烧伤|摔伤|扎伤|砸伤|伤到|流血|骨折|缝了.{0,2}针|送医|进了医院|住院|急诊|爆炸|(电池|手机|充电宝|锅|瓶|罐|杯).{0,3}炸了|自燃|起火|着火|漏电|触电/ },
  { cue: '欺诈', re: /欺诈|诈骗|虚假宣传|假一赔|退一赔三|退一赔十|三倍赔偿|十倍赔偿|骗钱/ },
  { cue: '隐私泄露', re: /(信息|隐私|号码|地址).{0,2}泄[露漏]|泄[露漏].{0,4}(信息|隐私)|个人信息被|骚扰电话/ },
  { cue: '维权', re: /维权/ },
  { cue: '集体', re: /集体.{0,4}(投诉|维权|起诉|诉讼|退款|索赔)|联名.{0,2}(投诉|举报)|组团.{0,4}(投诉|维权)|一起.{0,4}(投诉|维权|起诉)|维权群|受害者群|大家都.{0,4}(中招|被骗|过敏|拉肚子)/ },
  { cue: '举报', re: /举报|实名投诉/ },
] as RiskCue[]).map(({ cue, re }) => ({ cue, re: new RegExp(re.source, 'g') }));

// One pass decides whether any cue can be there (most messages carry none).
const ANY = new RegExp(CUES.map((c) => `(?:${c.re.source})`).join('|'));

// A negation right before the matched word cancels it (没有过敏, 不用报警, 不至于起诉).
const NEGATED_BEFORE = /(不|没|没有|无|未|不会|不用|不必|不至于|用不着|防|抗|低|预防|不易|不容易|不怕)$/;
// A question about whether it could happen is not a report that it did (会过敏吗, 孕妇会不会过敏).
const ASKING = /^[^，,。.!！;；]{0,6}[吗么嘛][?？]?|^[^，,。.!！;；]{0,6}[?？]/;
const ASK_BEFORE = /(会不会|会|容易|可能|怕|担心|是否|能不能)$/;
const QUESTION_SENSITIVE = new Set(['过敏', '受伤', '食物中毒', '异物']);

/** Chinese numerals (and 幺) read as digits, so 一二三一五 and 幺二三幺五 reach the digit patterns too. */
function compactDigits(s: string): string {
  // digits separated by spaces, dots, dashes, markers or emoji: 1 2 3 1 5, 1-2-3-1-5, 1🌟2🌟315
  return s.replace(/(\d)[\u20e3\ufe0f]*(?:[\s.·\-_/*|\uE000-\uE003\u20e3\ufe0f]+)(?=\d)/g, '$1');
}

/** The canonical risk cues found in a normalised message, each once, in order of appearance. */
export function riskCues(normalised: string): string[] {
  if (normalised.length === 0) return [];
  const s = /\d/.test(normalised) ? compactDigits(normalised) : normalised;
  if (!ANY.test(s)) return [];
  const found: Array<{ cue: string; at: number }> = [];
  for (const { cue, re } of CUES) {
    const g = re;
    g.lastIndex = 0;
    for (let m = g.exec(s); m; m = g.exec(s)) {
      if (m[0].length === 0) { g.lastIndex++; continue; }
      const before = s.slice(Math.max(0, m.index - 4), m.index);
      if (NEGATED_BEFORE.test(before)) continue;
      if (QUESTION_SENSITIVE.has(cue) && (ASK_BEFORE.test(before) || ASKING.test(s.slice(m.index + m[0].length)))) continue;
      found.push({ cue, at: m.index });
      break;
    }
  }
  found.sort((a, b) => a.at - b.at);
  return found.map((f) => f.cue);
}

/** All cue names, for documentation, the console's filters and tests. */
export const RISK_CUES: readonly string[] = CUES.map((c) => c.cue);
