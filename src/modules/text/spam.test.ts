import { describe, expect, it } from 'vitest';
import { normalizeText } from './normalize.js';
import { BurstDetector, spamSignals } from './spam.js';

// the analyzer hands the raw text to spamSignals: its own view undoes the evasions
const signals = (t: string) => spamSignals(t);

describe('spamSignals', () => {
  it.each([
    ['加V看简介，兼职日结300', 'job'],
    ['有需要的加我威信详聊', 'contact'],
    ['➕V：money666 带你一起赚', 'contact'],
    ['专业刷好评，QQ 123456789', 'traffic'],
    ['刷单返利，一单一结', 'job'],
    ['互粉互赞，回关必回', 'follow'],
    ['点击链接领取红包 http://t.cn/xxxx', 'prize'],
    ['真人粉丝一千只要九块九，需要的私', 'traffic'],
    ['想知道怎么瘦的看我主页', 'profile'],
    ['大牌高仿包包，一比一做工，私聊', 'fake_goods'],
    ['不看征信，黑白户都能下款', 'loan_invoice'],
    ['代开各类发票，税点低', 'loan_invoice'],
    ['时时彩带单，跟着老师稳赚', 'gambling'],
    ['￥Xk8s9Ab2cD￥ 复制这条信息打开淘宝', 'code'],
    ['出售抖音千粉号，可开橱窗', 'account'],
    ['同城寂寞可约，私我', 'dating'],
    ['已阅已赞，欢迎回踩', 'recycled'],
  ])('%s → spam on its own, family %s', (text, family) => {
    const s = signals(text);
    expect(s.score).toBeGreaterThanOrEqual(1);
    expect(s.family).toBe(family);
  });

  it.each([
    '加 V ： a b c 1 2 3 4 5',
    '家❤：love9527 私下聊',
    '嶶信 sz668899',
    'ｖｘ：ｍｏｎｅｙ６６６ 日结',
    '扣扣 三五六七八九一二',
    '微❤信 xiaomei886',
    '+v 1 3 8 🌟 1 2 3 4 🌟 5 6 7 8',
    '🈶意者➕🆅 aa556677',
    '戳 👉 t.cn/AbC12 👈 领红包',
  ])('sees through evasions: %s', (text) => {
    expect(signals(text).score).toBeGreaterThanOrEqual(1);
  });

  it.each([
    '请问客服电话是多少？',
    '我私信你们三次了都没人理',
    '我的订单号是2024051812345，麻烦查一下',
    '订单号 3821 5567 0921，想改地址',
    '有人一起拼单吗',
    '退出账号后再登录就好了',
    '可以加微信客服吗？',
    '官方客服的微信号是多少',
    '请问可以开发票吗？公司报销要用',
    '高仿的和正品怎么区分，怕买到假的',
    '我在你们店做过兼职，店长人很好',
    '淘口令打不开怎么办',
    '账号被盗了，找客服两天都没人处理',
    '看了主页的视频才来买的',
    '抽我抽我，求中奖',
    '提醒大家，评论区加v的都是骗子，别信',
    '同城的朋友可以一起去',
    '信用卡额度怎么提升啊',
  ])('ordinary messages are not spam: %s', (text) => {
    expect(signals(text).score).toBeLessThan(1);
  });

  it('flags long repeated text', () => {
    expect(signals('好好好好好好好好好好').reasons).toContain('recycled.repeated');
    expect(signals('快来快来快来快来快来').reasons).toContain('recycled.repeated');
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
