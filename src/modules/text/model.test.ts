import { describe, expect, it } from 'vitest';
import { ruleFlags } from './model.js';
import { normalizeText } from './normalize.js';

const flags = (t: string) => ruleFlags(normalizeText(t));

describe('intent rule flags', () => {
  it.each(['请问什么时候补货', '这个色号黄皮适合吗', '怎么申请开发票', '能不能开专票', '有没有男款', '求链接'])('question: %s', (t) => {
    const f = flags(t);
    expect(f.qWord || f.qEnd).toBe(true);
  });

  it.each(['东西坏了，要求退款', '请尽快给个说法', '我要投诉'])('demand: %s', (t) => {
    expect(flags(t).demand).toBe(true);
  });

  it.each(['收到的杯子碎了', '客服一直不回', '发错货了', 'app一直闪退'])('problem report: %s', (t) => {
    expect(flags(t).problem).toBe(true);
  });

  it.each(['谢谢客服', '感谢品牌方', '小编辛苦了'])('thanks: %s', (t) => {
    expect(flags(t).thanks).toBe(true);
  });

  it('news-like and mentions', () => {
    expect(flags('据报道，该公司营收同比增长').news).toBe(true);
    expect(flags('@小王 快来看').mention).toBe(true);
  });

  it('plain chit-chat raises no flag', () => {
    const f = flags('周末去逛了逛商场');
    expect(Object.values(f).some(Boolean)).toBe(false);
  });
});
