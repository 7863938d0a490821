import { describe, expect, it } from 'vitest';
import type { Category, Platform } from './model.js';
import { createComplianceService } from './service.js';

const service = createComplianceService();
const check = (text: string, platform: Platform = 'weibo') => service.check({ text, platform });
const categories = (text: string, platform: Platform = 'weibo') => [...new Set(check(text, platform).findings.map((f) => f.category))];

describe.each<[Category, string[], string[]]>([
  [
    'ad-law/absolute',
    ['最好的选择', '全网最低价', '国家级工艺', '世界级音质', '顶级面料', 'No.1品牌', '100%纯天然', '史无前例', '绝无仅有', '万能胶水般好用的万能清洁膏', '销量冠军', '第一品牌', '唯一指定', '首个', '独家秘方'],
    ['最近很忙', '最后一天', '最初的样子', '最终结果', '第一次见面', '第一届大会', '第一时间回复', '第一批用户', '第一场直播', '第一天上班', '第一步', '你最好提前到', '唯一的办法', '独家专访', '奥运冠军', '1100%'],
  ],
  ['ad-law/authority', ['央视推荐', '国家机关推荐', '特供酒', '部队专供', '领导人同款'], ['央视新闻报道了这件事', '政府采购项目', '国家图书馆']],
  ['ad-law/medical', ['治疗失眠', '根治脚气', '降血压', '抗癌', '消炎', '药到病除'], ['心理治疗师', '保湿乳液', '杀菌率实测报告']],
  ['ad-law/guarantee', ['保本理财', '稳赚不赔', '零风险', '考试保过', '无效退款'], ['投资有风险', '效果因人而异', '保湿', '退款流程说明', '确保本次活动顺利', '面包过期了别吃', '抢红包赚积分', '确保过程透明']],
  ['sensitive/vulgar', ['傻逼', '他妈的', '卧槽', '屌丝', 'SB玩意'], ['USB接口', '你妈妈真好', '露点温度', '去死皮']],
  ['sensitive/violence', ['砍死', '弄死你', '自制炸弹', '血洗'], ['秒杀', '秒杀人气王', '杀毒软件', '打击感', '狼人杀']],
  ['sensitive/political', ['上街游行', '推翻政府', '颠覆国家政权', '游行示威'], ['政府采购', '违反政府规定', '财政变化', '游行路线花车巡游']],
])('%s', (category, violations, clean) => {
  it.each(violations)('flags %s', (text) => {
    expect(categories(text)).toContain(category);
  });
  it.each(clean)('leaves %s clean', (text) => {
    expect(categories(text)).toEqual([]);
  });
});

describe('noise tolerance', () => {
  it.each([
    ['最 * 好', '最 * 好'],
    ['这是最-好的', '最-好'],
    ['最😀好', '最😀好'],
    ['ＮＯ．１', 'ＮＯ．１'],
    ['國家級', '國家級'],
    ['頂級', '頂級'],
    ['No 1', 'No 1'],
  ])('catches %s', (text, match) => {
    const [f] = check(text).findings;
    expect(f).toMatchObject({ category: 'ad-law/absolute', match });
  });

  it('catches a dodged WeChat id on Douyin', () => {
    const f = check('加微.信 abc_123456', 'douyin').findings;
    expect(f.map((x) => x.category)).toContain('platform/contact');
  });
});

describe('offsets', () => {
  it('are UTF-16 offsets into the original text, end exclusive, with emoji before the match', () => {
    const text = '🎉👍🏻 新品上市！全网最低价，快来抢';
    const [f] = check(text).findings;
    expect(text.slice(f.start, f.end)).toBe(f.match);
    expect(f.match).toBe('全网最低价');
    expect(f.start).toBe(text.indexOf('全网'));
  });

  it('cover fillers inside the match', () => {
    const text = '😀最 ** 好';
    const [f] = check(text).findings;
    expect([f.start, f.end]).toEqual([2, 8]);
  });

  it('merge overlapping spans of one category', () => {
    const f = check('全网最低价').findings;
    expect(f).toHaveLength(1);
    expect(f[0].match).toBe('全网最低价');
  });
});

describe('per-platform contact and link rules', () => {
  const contact = '电话 138 1234 5678，微信号 chorus_2025，邮箱 hi@chorus.example.cn，QQ 12345678';
  it.each<[Platform, 'block' | 'warn' | null]>([
    ['douyin', 'block'],
    ['xiaohongshu', 'block'],
    ['kuaishou', 'block'],
    ['bilibili', 'warn'],
    ['zhihu', 'warn'],
    ['weibo', null],
    ['wechat', null],
    ['linkedin', null],
  ])('contact details on %s → %s', (platform, severity) => {
    const found = check(contact, platform).findings.filter((f) => f.category === 'platform/contact');
    if (severity === null) expect(found).toEqual([]);
    else {
      expect(found.map((f) => f.match)).toEqual(['138 1234 5678', '微信号 chorus_2025', 'hi@chorus.example.cn', 'QQ 12345678']);
      expect(new Set(found.map((f) => f.severity))).toEqual(new Set([severity]));
    }
  });

  const link = '详情见 https://chorus.example.com/a 或 example.cn';
  it.each<[Platform, 'block' | 'warn' | null]>([
    ['douyin', 'block'],
    ['kuaishou', 'block'],
    ['xiaohongshu', 'block'],
    ['bilibili', 'block'],
    ['wechat', 'warn'],
    ['weibo', null],
    ['zhihu', null],
    ['linkedin', null],
  ])('links on %s → %s', (platform, severity) => {
    const found = check(link, platform).findings.filter((f) => f.category === 'platform/external-link');
    if (severity === null) expect(found).toEqual([]);
    else {
      expect(found.map((f) => f.match)).toEqual(['https://chorus.example.com/a', 'example.cn']);
      expect(found.every((f) => f.severity === severity)).toBe(true);
    }
  });

  it('does not take an e-mail domain or a file name for a link', () => {
    expect(categories('邮箱 hi@example.com', 'wechat')).toEqual([]);
    expect(categories('附件 report.pdf 与 v1.2.3 版本说明', 'douyin')).toEqual([]);
  });

  it('words that merely contain a dodge stay clean', () => {
    expect(categories('增加微博话题的互动', 'douyin')).toEqual([]);
    expect(categories('效果更加微妙', 'xiaohongshu')).toEqual([]);
    expect(categories('互动率 = 互动量 / 曝光量 ×100%', 'weibo')).toEqual([]);
  });

  it('mentions of WeChat payment stay clean on Douyin, a WeChat mention warns', () => {
    expect(categories('支持微信支付', 'douyin')).toEqual([]);
    expect(check('关注微信了解更多', 'douyin').findings[0]).toMatchObject({ category: 'platform/contact', severity: 'warn' });
  });
});

describe('findings', () => {
  it('carry message, suggestion, a rewrite where one exists, and the legal source', () => {
    const [f] = check('这是最好的面霜').findings;
    expect(f).toMatchObject({
      rule: 'ad-law.absolute.superlative',
      severity: 'block',
      replacement: '优质',
      suggestion: '将「最好」改为「优质」',
      source: '《广告法》第九条第三项',
    });
    expect(f.en.message).toMatch(/superlative/);
  });

  it('block vs warn: blocked only with a block finding', () => {
    expect(check('这是最好的').blocked).toBe(true);
    expect(check('关注微信了解更多', 'douyin').blocked).toBe(false);
    expect(check('早上好').packVersion).toMatch(/^ad-law@\d+\.\d+\.\d+\+platform@/);
  });
});

describe('brand policy', () => {
  const brand = { forbiddenTerms: ['竞品A'], requiredTerms: [{ when: ['智能音箱'], require: '合声®智能音箱' }], companyNames: ['合声科技', '合声'] };
  it('flags forbidden terms (noise-tolerant) and missing registered names', () => {
    const r = service.check({ text: '比竞 品 A 好用的智能音箱', platform: 'weibo', brand });
    expect(r.findings.map((f) => [f.category, f.match])).toEqual([
      ['brand/forbidden', '竞 品 A'],
      ['brand/required', '智能音箱'],
    ]);
    expect(service.check({ text: '合声®智能音箱上市', platform: 'weibo', brand }).findings).toEqual([]);
  });

  it('checks employee account names only', () => {
    expect(service.checkAccountName({ name: '合声-小王', accountType: 'employee', brand }).findings[0]).toMatchObject({
      category: 'brand/account-name',
      match: '合声',
    });
    expect(service.checkAccountName({ name: '合声科技官方', accountType: 'official', brand }).findings).toEqual([]);
  });

  it('compiles the engine once per forbidden-term list', () => {
    const other = { forbiddenTerms: ['竞品B'] };
    expect(service.check({ text: '竞品B', platform: 'weibo', brand: other }).findings[0].category).toBe('brand/forbidden');
    expect(service.check({ text: '竞品B', platform: 'weibo' }).findings).toEqual([]);
  });
});

describe('title', () => {
  it('checks the title as its own field', () => {
    const r = service.check({ text: '正文', title: '最佳拍档', platform: 'xiaohongshu' });
    expect(r.findings[0]).toMatchObject({ field: 'title', match: '最佳', start: 0, end: 2 });
  });
});
