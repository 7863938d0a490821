import { describe, expect, it } from 'vitest';
import { INDUSTRIES, type Category, type Industry } from './model.js';
import { packSchema, rulePacks } from './packs.js';
import { createComplianceService, type CheckInput } from './service.js';

const service = createComplianceService();
const categories = (input: Partial<CheckInput> & { text: string }) =>
  [...new Set(service.check({ platform: 'weibo', ...input }).findings.map((f) => f.category))];

/** One violating copy per pack, each carrying the notice its industry requires (if any). */
const violations: Record<Industry, string[]> = {
  securities: ['这只牛股稳赚，跟着老师荐股。投资有风险，入市需谨慎', '内幕消息：下周必涨。股市有风险'],
  finance: ['新品理财到期保本，年化收益保证4%。理财有风险，投资需谨慎', '秒批秒到账，无视征信。风险提示：理财有风险'],
  education: ['考研保过班，不过退款', '名师押题，命中原题'],
  'health-food': ['每天两粒，降血压降血脂。本品不能代替药物', '无副作用，可以停药。本品不能代替药物'],
  cosmetics: ['医学级精华，七天祛斑', '药妆品牌，消炎祛痘'],
  'real-estate': ['买到就是赚到，坐享升值', '距地铁10分钟车程，名校学区'],
  medical: ['治愈率98%，无效退款', '祖传秘方，药到病除'],
  alcohol: ['今晚不醉不归', '一杯解乏，缓解压力'],
};

describe.each(INDUSTRIES)('industry pack %s', (industry) => {
  const category = `industry/${industry}` as Category;
  it.each(violations[industry])('flags %s when the item names the industry', (text) => {
    expect(categories({ text, industry })).toContain(category);
  });
  it.each(violations[industry])('flags %s when the workspace has the pack on', (text) => {
    expect(categories({ text, industries: [industry] })).toContain(category);
  });
  it.each(violations[industry])('leaves %s to the general rules when the pack is off', (text) => {
    expect(categories({ text })).not.toContain(category);
  });
});

describe('required notices', () => {
  it('a securities copy without a risk warning is blocked, and the fix appends it', () => {
    const text = '本周市场回顾：沪深300指数小幅上涨。';
    const result = service.check({ text, platform: 'weibo', industry: 'securities' });
    const notice = result.findings.find((f) => f.rule === 'industry.securities.notice.risk');
    expect(notice).toMatchObject({ category: 'industry/securities', severity: 'block', start: text.length, end: text.length });
    const fixed = text.slice(0, notice!.start) + notice!.replacement + text.slice(notice!.end);
    expect(service.check({ text: fixed, platform: 'weibo', industry: 'securities' }).findings).toEqual([]);
  });

  it('health food needs 本品不能代替药物, and that notice is not read as a medicine claim', () => {
    const without = service.check({ text: '蛋白粉，运动后来一勺。', platform: 'douyin', industry: 'health-food' });
    expect(without.findings.map((f) => f.rule)).toEqual(['industry.health-food.notice.not-medicine']);
    const withNotice = service.check({ text: '蛋白粉，运动后来一勺。本品不能代替药物。', platform: 'douyin', industry: 'health-food' });
    expect(withNotice.findings).toEqual([]);
  });

  it('a notice in the title counts, tolerant of spacing and punctuation', () => {
    const result = service.check({ text: '基金定投入门。', title: '投资有风险 · 入市需谨慎', platform: 'wechat', industries: ['securities'] });
    expect(result.findings).toEqual([]);
  });
});

describe('驰名商标 and claims that need proof', () => {
  it('blocks 驰名商标 in advertising with a rewrite', () => {
    const [f] = service.check({ text: '中国驰名商标，品质之选', platform: 'weibo' }).findings;
    expect(f).toMatchObject({ category: 'ad-law/trademark', severity: 'block', replacement: '注册商标' });
  });

  it.each(['省级非遗代表性项目首次亮相', '专精特新“小巨人”企业', '国家级非遗代表性项目', '我们是高新技术企业'])(
    'a certified designation (%s) is a warning asking for the certificate, not a superlative',
    (text) => {
      const findings = service.check({ text, platform: 'weibo' }).findings;
      expect([...new Set(findings.map((f) => f.category))]).toEqual(['ad-law/proof']);
      expect(findings.every((f) => f.severity === 'warn')).toBe(true);
      expect(findings[0].suggestion).toContain('证书');
    },
  );

  it.each(['新品巡展第一站', '今晚最后一班地铁', '最新一期节目上线', '新车首次亮相'])('time order (%s) is not a superlative', (text) => {
    expect(categories({ text })).toEqual([]);
  });

  it.each(['国家级品质', '行业第一', '最高级的享受'])('%s stays blocked', (text) => {
    const result = service.check({ text, platform: 'weibo' });
    expect(result.blocked).toBe(true);
    expect(result.findings.map((f) => f.category)).toContain('ad-law/absolute');
  });
});

describe('packs as data', () => {
  it('every industry rule and notice names its law, article and date', () => {
    const industryPacks = rulePacks.filter((p) => p.industry);
    expect(industryPacks.map((p) => p.industry).sort()).toEqual([...INDUSTRIES].sort());
    for (const p of industryPacks) {
      for (const r of [...p.rules, ...(p.notices ?? [])]) {
        expect(r.basis?.law, r.id).toMatch(/^《.+》$/);
        expect(r.basis?.article, r.id).toMatch(/^第.+条/);
        expect(r.basis?.date, r.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
    }
  });

  it('refuses an industry pack whose rule has no basis, or claims another industry', () => {
    const base = rulePacks.find((p) => p.industry === 'alcohol')!;
    const noBasis = { ...base, rules: [{ ...base.rules[0], basis: undefined }] };
    const r1 = packSchema.safeParse(JSON.parse(JSON.stringify(noBasis)));
    expect(r1.success).toBe(false);
    expect(r1.error!.issues[0].path).toEqual(['rules', 0, 'basis']);
    const wrong = { ...base, rules: [{ ...base.rules[0], category: 'industry/finance' }] };
    expect(packSchema.safeParse(wrong).success).toBe(false);
  });
});
