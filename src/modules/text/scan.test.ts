import { describe, expect, it } from 'vitest';
import { normalizeText } from './normalize.js';
import { LexScanner } from './scan.js';

const scanner = new LexScanner();
const net = (text: string) => {
  const s = scanner.scan(normalizeText(text));
  return s.pos - s.neg;
};

describe('lexicon scan: negation, degree, contrast', () => {
  it.each([
    ['好吃', 1],
    ['不好吃', -1],
    ['一点都不好吃', -1],
    ['不难用', 1],
    ['一点也不贵', 1],
    ['没问题', 1],
    ['很失望', -1],
    ['不错', 1],
    ['不太满意', -1],
  ])('%s has sign %i', (text, sign) => {
    expect(Math.sign(net(text))).toBe(sign);
  });

  it('degree adverbs scale the evidence: 非常好 > 好 > 有点好', () => {
    expect(net('非常好')).toBeGreaterThan(net('好'));
    expect(net('好')).toBeGreaterThan(net('有点好'));
  });

  it('strong negation outweighs plain negation: 一点都不好吃 < 不好吃', () => {
    expect(net('一点都不好吃')).toBeLessThan(net('不好吃'));
  });

  it('不是很好 is a milder negative than 很不好', () => {
    expect(net('不是很好')).toBeLessThan(0);
    expect(net('不是很好')).toBeGreaterThan(net('很不好'));
  });

  it('虽然…但是…: the clause after the contrast decides', () => {
    expect(net('虽然贵了点，但是效果真的好')).toBeGreaterThan(0);
    expect(net('虽然包装好看，但是味道很难吃')).toBeLessThan(0);
    const s = scanner.scan(normalizeText('虽然贵，但是好'));
    expect(s.contrast).toBe(true);
    expect(s.charWeight[0]).toBeLessThan(s.charWeight[s.length - 1]);
  });

  it('就是 only reads as contrast at the start of a clause', () => {
    expect(scanner.scan(normalizeText('客服不错，就是物流太慢了')).contrast).toBe(true);
    expect(scanner.scan(normalizeText('这就是我要的')).contrast).toBe(false);
    expect(net('客服不错，就是物流太慢了')).toBeLessThan(0);
  });

  it('negation does not reach across a clause break', () => {
    expect(net('不，好吃')).toBeGreaterThan(0);
  });

  it('compounds with 不 that are not negations stay neutral', () => {
    expect(net('不仅')).toBe(0);
    expect(scanner.scan(normalizeText('不少人')).negated).toBe(0);
  });

  it('counts emoji, question and exclamation marks', () => {
    const s = scanner.scan(normalizeText('好吃吗？😊😊！😡'));
    expect(s.emoPos).toBe(2);
    expect(s.emoNeg).toBe(1);
    expect(s.questions).toBe(1);
    expect(s.exclaims).toBe(1);
  });
});
