/**
 * Deterministic benchmark input: ≥ 10 MB of mixed Chinese social-media copy and a
 * ≥ 10,000-term list (generated phrases plus the real rule-pack terms). Same seed, same bytes.
 */
import { packRules } from '../../src/modules/compliance/packs.js';

/** mulberry32: small, fast, good enough for test data. */
export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COMMON =
  '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经' +
  '十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形' +
  '相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展' +
  '五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战' +
  '先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白' +
  '教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且';

const WORDS = [
  '新品', '上市', '限时', '优惠', '福利', '直播', '今晚', '粉丝', '宝宝', '姐妹', '种草', '好物', '分享', '推荐', '测评', '体验', '颜值',
  '质感', '通勤', '穿搭', '护肤', '保湿', '清爽', '口感', '香气', '味道', '早餐', '周末', '假期', '旅行', '打卡', '攻略', '教程', '干货',
  '职场', '效率', '团队', '品牌', '用户', '产品', '服务', '客服', '活动', '抽奖', '转发', '评论', '点赞', '收藏', '关注', '话题', '超话',
  '数据', '增长', '复盘', '运营', '内容', '策划', '创意', '设计', '视频', '图文', '笔记', '文章', '海报', '门店', '城市', '生活', '日常',
  '心情', '阳光', '秋天', '冬天', '春节', '双十一', '年货', '礼盒', '学生党', '上班族', '妈妈', '孩子', '健康', '运动', '跑步', '咖啡',
  '奶茶', '面包', '火锅', '旅途', '风景', '朋友', '家人', '感谢', '支持', '陪伴', '期待', '惊喜', '官宣', '合作', '联名', '发布会',
];

const EMOJI = ['😀', '🎉', '👍🏻', '✨', '🔥', '❤️', '🌟', '😂'];
const PUNCT = ['，', '，', '，', '。', '！', '？', '～', '、'];

export interface BenchInput {
  docs: string[];
  corpusBytes: number;
  /** Every term the bare matchers search: generated phrases, then the rule terms. */
  terms: string[];
  generatedTerms: string[];
  ruleTerms: string[];
}

export function generateTerms(count: number, seed = 20250601): string[] {
  const rand = seeded(seed);
  const out = new Set<string>();
  while (out.size < count) {
    const len = 3 + Math.floor(rand() * rand() * 4); // 3–6 characters, mostly 3–4
    let term = '';
    for (let i = 0; i < len; i++) term += COMMON[Math.floor(rand() * COMMON.length)];
    out.add(term);
  }
  return [...out];
}

export function generateInput(targetBytes = 10 * 1024 * 1024, seed = 7): BenchInput {
  const rand = seeded(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)];
  const generatedTerms = generateTerms(10_000);
  const ruleTerms = [...new Set(packRules.flatMap((r) => r.terms ?? []))];
  const terms = [...generatedTerms, ...ruleTerms.filter((t) => !generatedTerms.includes(t))];

  const word = (): string => {
    const r = rand();
    if (r < 0.45) return pick(WORDS);
    if (r < 0.8) return COMMON[Math.floor(rand() * COMMON.length)] + COMMON[Math.floor(rand() * COMMON.length)];
    if (r < 0.9) return COMMON[Math.floor(rand() * COMMON.length)];
    if (r < 0.93) return pick(generatedTerms);
    if (r < 0.945) return pick(ruleTerms);
    if (r < 0.96) return String(Math.floor(rand() * 1000));
    if (r < 0.97) return pick(['iPhone 15', 'Vlog', 'OOTD', 'App', 'CEO', 'KPI', 'SPF50']);
    if (r < 0.98) return pick(EMOJI);
    if (r < 0.985) return pick(['最 好', '微.信', '第一次', '最近', '秒杀', '國家級', 'ＮＯ．１']);
    return pick(WORDS);
  };

  const docs: string[] = [];
  let bytes = 0;
  while (bytes < targetBytes) {
    const sentences = 2 + Math.floor(rand() * 10);
    let doc = '';
    for (let s = 0; s < sentences; s++) {
      const words = 4 + Math.floor(rand() * 16);
      for (let w = 0; w < words; w++) doc += word();
      doc += pick(PUNCT);
    }
    if (rand() < 0.03) doc += ' 电话 138' + String(10_000_000 + Math.floor(rand() * 89_999_999));
    if (rand() < 0.03) doc += ' 详见 https://example.com/p/' + Math.floor(rand() * 1e6);
    docs.push(doc);
    bytes += Buffer.byteLength(doc, 'utf8');
  }
  return { docs, corpusBytes: bytes, terms, generatedTerms, ruleTerms };
}
