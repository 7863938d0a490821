import { describe, expect, it } from 'vitest';
import { normalizeText } from './normalize.js';
import { BurstDetector, spamSignals } from './spam.js';

const signals = (t: string) => spamSignals(normalizeText(t));

describe('spamSignals', () => {
  it.each([
    ['加V看简介，兼职日结300', 'contact.wechat'],
    ['有需要的加我威信详聊', 'contact.wechat'],
    ['➕V：money666 带你一起赚', 'contact.wechat'],
    ['专业刷好评，QQ 123456789', 'contact.qq'],
    ['刷单返利，一单一结', 'money.fraud'],
    ['互粉互赞，回关必回', 'follow.swap'],
    ['想赚钱的联系13812345678', 'phone'],
    ['点击链接领取红包 http://t.cn/xxxx', 'link'],
  ])('%s → %s, spam on its own', (text, reason) => {
    const s = signals(text);
    expect(s.reasons).toContain(reason);
    expect(s.score).toBeGreaterThanOrEqual(1);
  });

  it.each([
    '请问客服电话是多少？',
    '我私信你们三次了都没人理',
    '我的订单号是2024051812345，麻烦查一下',
    '有人一起拼单吗',
    '退出账号后再登录就好了',
  ])('ordinary messages are not spam: %s', (text) => {
    expect(signals(text).score).toBeLessThan(1);
  });

  it('flags long repeated text', () => {
    expect(signals('好好好好好好好好好好').reasons).toContain('repeated');
    expect(signals('快来快来快来快来快来').reasons).toContain('repeated');
  });
});

describe('BurstDetector', () => {
  const t0 = Date.parse('2025-03-01T10:00:00Z');
  const text = normalizeText('这家店太好了大家快去买');

  it('flags one author posting the same text again and again', () => {
    const d = new BurstDetector();
    expect(d.observe('u1', text, t0).burst).toBe(false);
    expect(d.observe('u1', text, t0 + 1000).burst).toBe(false);
    expect(d.observe('u1', text, t0 + 2000)).toEqual({ burst: true, reason: 'author.repeat', count: 3 });
  });

  it('flags the same text from many authors (a coordinated wave)', () => {
    const d = new BurstDetector({ distinctAuthors: 4 });
    const verdicts = ['a', 'b', 'c', 'd'].map((a, i) => d.observe(a, text, t0 + i * 10_000));
    expect(verdicts.map((v) => v.burst)).toEqual([false, false, false, true]);
    expect(verdicts[3].reason).toBe('many.authors');
  });

  it('forgets messages outside the window', () => {
    const d = new BurstDetector({ windowMs: 60_000 });
    d.observe('u1', text, t0);
    d.observe('u1', text, t0 + 1000);
    expect(d.observe('u1', text, t0 + 120_000)).toEqual({ burst: false, count: 1 });
  });

  it('ignores digits when comparing (same template, different numbers)', () => {
    const d = new BurstDetector();
    d.observe('u1', normalizeText('兼职日结300元私聊'), t0);
    d.observe('u1', normalizeText('兼职日结500元私聊'), t0 + 1);
    expect(d.observe('u1', normalizeText('兼职日结800元私聊'), t0 + 2).burst).toBe(true);
  });

  it('flags an author flooding different messages', () => {
    const d = new BurstDetector({ floodCount: 5, floodWindowMs: 60_000 });
    const v = Array.from({ length: 5 }, (_, i) => d.observe('bot', normalizeText(`第${'一二三四五'[i]}条不一样的评论内容`), t0 + i * 1000));
    expect(v[3].burst).toBe(false);
    expect(v[4]).toMatchObject({ burst: true, reason: 'author.flood' });
  });

  it('does not count very short texts (沙发, 666) as duplicates', () => {
    const d = new BurstDetector();
    for (let i = 0; i < 5; i++) expect(d.observe(`u${i % 2}`, normalizeText('沙发'), t0 + i).burst).toBe(false);
  });

  it('stays bounded', () => {
    const d = new BurstDetector({ maxKeys: 10 });
    for (let i = 0; i < 100; i++) d.observe(`u${i}`, normalizeText(`完全不同的第${i}条消息内容abc`), t0 + i);
    expect((d as unknown as { texts: Map<string, unknown> }).texts.size).toBeLessThanOrEqual(10);
  });
});
