import { describe, expect, it } from 'vitest';
import { createTextService } from './service.js';

// Behaviour of the trained models shipped in models/. These are cases the models must get
// right whatever the retraining; the measured scores live in docs/models/text.md.
const text = createTextService();
const one = (t: string, userWords?: string[]) => text.analyze([t], { userWords })[0];

describe('sentiment', () => {
  it.each([
    ['这个面霜不难用，挺顺手的', 'positive'],
    ['一点都不好吃，面是坨的', 'negative'],
    ['虽然贵了点，但是效果真的好', 'positive'],
    ['虽然包装好看，但是味道很一般，不会回购', 'negative'],
    ['很不好吃', 'negative'],
    ['没有想象中那么难用，上手很快', 'positive'],
    ['再也不会买了', 'negative'],
    ['请问什么时候补货？', 'neutral'],
    ['新品发布会定在下周三下午两点', 'neutral'],
  ])('%s → %s', (t, expected) => {
    expect(one(t).sentiment).toBe(expected);
  });

  it('negation flips the score: 好吃 > 0 > 不好吃', () => {
    expect(one('好吃').score).toBeGreaterThan(0);
    expect(one('不好吃').score).toBeLessThan(0);
  });

  it('不难用 leans positive although 难用 is negative', () => {
    expect(one('不难用').score).toBeGreaterThan(one('难用').score);
    expect(one('不难用').score).toBeGreaterThan(0);
  });

  it('emoji and 颜文字 carry sentiment', () => {
    expect(one('今天收到了😊😊').score).toBeGreaterThan(one('今天收到了').score);
    expect(one('今天收到了😭😭').score).toBeLessThan(one('今天收到了').score);
    expect(one('太棒了(^_^)').sentiment).toBe('positive');
    expect(one('气死了[怒]').sentiment).toBe('negative');
  });

  it('score is P(positive) − P(negative) in [−1, 1]', () => {
    for (const r of text.analyze(['好', '差', '嗯', ''])) {
      expect(r.score).toBeGreaterThanOrEqual(-1);
      expect(r.score).toBeLessThanOrEqual(1);
    }
  });
});

describe('intent', () => {
  it.each([
    ['请问这款面霜敏感肌可以用吗？', 'inquiry'],
    ['能寄到新疆吗？运费多少', 'inquiry'],
    ['收到的杯子是碎的，要求退款', 'complaint'],
    ['客服一直不回复，什么态度', 'complaint'],
    ['谢谢客服，问题很快就解决了，点赞', 'praise'],
    ['已经回购第三次了，真的好用', 'praise'],
    ['加V看简介，兼职日结300', 'spam'],
    ['周末去逛了逛商场，人挺多的', 'other'],
  ])('%s → %s', (t, expected) => {
    expect(one(t).intent).toBe(expected);
  });
});

describe('spam', () => {
  it('pattern evidence makes the verdict and the intent', () => {
    const r = one('刷单返利，一单一结，私聊我');
    expect(r).toMatchObject({ spam: true, intent: 'spam' });
  });

  it('mentions of contact words in a complaint are not spam', () => {
    expect(one('我私信你们三次了都没人理').spam).toBe(false);
    expect(one('你们的客服电话是多少？').spam).toBe(false);
  });

  it('the burst detector works on raw text through the service', () => {
    const d = text.createBurstDetector({ distinctAuthors: 3 });
    const at = Date.parse('2025-01-01T00:00:00Z');
    d.observe('a', '这家店真的太好了推荐', at);
    d.observe('b', '这家店真的太好了推荐！', at + 1);
    expect(d.observe('c', '这家店真的太好了推荐～', at + 2)).toMatchObject({ burst: true, reason: 'many.authors' });
  });
});

describe('keywords and user words', () => {
  it('returns content keywords', () => {
    expect(one('请问这款面霜敏感肌可以用吗？').keywords).toEqual(expect.arrayContaining(['面霜', '敏感肌']));
  });

  it('a workspace word is kept whole and ranked', () => {
    const r = one('合声云的排期功能很好用', ['合声云']);
    expect(r.keywords).toContain('合声云');
    expect(one('合声云的排期功能很好用').keywords).not.toContain('合声云');
  });

  it('TextRank variant is available for longer texts', () => {
    const kws = text.keywords('客服态度很好，客服回复及时，物流也快，物流包装完好', { method: 'textrank', topK: 2 });
    expect(kws).toHaveLength(2);
    for (const k of kws) expect('客服态度很好，客服回复及时，物流也快，物流包装完好').toContain(k.word);
  });
});

describe('analyze()', () => {
  it('keeps order and length, with the contract shape', () => {
    const input = ['好吃', '加V看简介', '请问几点开门？', '差评'];
    const out = text.analyze(input);
    expect(out).toHaveLength(4);
    expect(out[1].spam).toBe(true);
    expect(out[2].intent).toBe('inquiry');
    for (const r of out) expect(Object.keys(r)).toEqual(['sentiment', 'score', 'intent', 'spam', 'keywords', 'riskCues']);
  });

  it('handles more than one batch', () => {
    const many = Array.from({ length: 600 }, (_, i) => (i % 2 ? '味道很好' : '太难吃了'));
    const out = text.analyze(many);
    expect(out).toHaveLength(600);
    expect(out[1].sentiment).toBe('positive');
    expect(out[598].sentiment).toBe('negative');
  });
});

describe('social comments: neutral that holds, complaints as questions, contrast, sarcasm, spam families', () => {
  it.each([
    ['周日营业到几点呀？', 'neutral', 'inquiry'],
    ['请问这个礼盒能寄到北京吗', 'neutral', 'inquiry'],
    ['上周去杭州打卡了这家店', 'neutral', 'other'],
    ['转发微博 @小林', 'neutral', 'other'],
    ['抽我抽我，想要这个', 'neutral', 'other'],
    ['都两周了，退款到底什么时候到？', 'negative', 'complaint'],
    ['虽然排队很久，但是口味真的没话说', 'positive', 'praise'],
    ['谢谢你们啊，让我又等了一个小时', 'negative', 'complaint'],
    ['真行，买了三天就降价', 'negative', 'complaint'],
    ['这样也叫售后？', 'negative', 'complaint'],
  ])('%s → %s / %s', (t, sentiment, intent) => {
    expect(one(t)).toMatchObject({ sentiment, intent, spam: false });
  });

  it('a customer asking for the official WeChat or giving an order number is not spam', () => {
    for (const t of ['可以加个微信客服吗？想问下尺码', '订单号 202312120098877，帮查下物流']) expect(one(t).spam, t).toBe(false);
  });

  it('spam of every kind is spam, with its family in the detailed analysis', () => {
    const cases: Array<[string, string]> = [
      ['加薇❤ kk5566 领福利', 'contact'],
      ['想要同款的看我头像', 'profile'],
      ['出售闲置王者账号，全皮肤', 'account'],
      ['每天躺赚五百，跟着老师买彩票', 'job'],
    ];
    const out = text.analyzeDetailed(cases.map(([t]) => t));
    out.forEach((r, i) => {
      expect(r.spam, cases[i][0]).toBe(true);
      expect(r.intent).toBe('spam');
    });
    expect(out[1].spamFamily).toBe('profile');
    expect(out[2].spamFamily).toBe('account');
  });
});
