import { describe, expect, it } from 'vitest';
import { textRankKeywords, tfidfKeywords, type IdfTable } from './keywords.js';
import { normalizeText } from './normalize.js';
import { cutBatch, prepareUserWords, segment } from './segmenter.js';

const idf: IdfTable = {
  get: (w) => ({ 面霜: 6, 敏感肌: 8, 客服: 4, 物流: 4, 味道: 3, 好吃: 2.5 } as Record<string, number>)[w],
  fallback: 9,
};

describe('segmentation', () => {
  it('keeps the built-in social-media words whole', () => {
    const words = segment('我在小红书上看到的穿搭很有学生气').map((t) => t.word);
    expect(words).toEqual(expect.arrayContaining(['小红书', '穿搭', '学生气']));
  });

  it('tags parts of speech', () => {
    const tokens = segment('客服一直不回复');
    expect(tokens.find((t) => t.word === '客服')?.tag).toMatch(/^n/);
  });

  it('keeps a workspace’s user words whole without leaking them to other calls', () => {
    const userWords = prepareUserWords(['合声云', 'Chorus Pro']);
    const withWords = cutBatch([normalizeText('合声云的chorus pro真好用')], userWords)[0].map((t) => t.word);
    expect(withWords).toEqual(expect.arrayContaining(['合声云', 'chorus pro']));
    const without = cutBatch([normalizeText('合声云的chorus pro真好用')])[0].map((t) => t.word);
    expect(without).not.toContain('合声云');
  });

  it('batched cutting equals one call per text', () => {
    const texts = ['味道不错，送餐也快', '请问什么时候发货？', '', '加V看简介\n兼职日结'].map(normalizeText);
    const batched = cutBatch(texts).map((ts) => ts.map((t) => t.word));
    const single = texts.map((t) => cutBatch([t])[0].map((x) => x.word));
    expect(batched).toEqual(single);
    expect(batched[2]).toEqual([]);
  });
});

describe('keywords', () => {
  it('TF-IDF ranks rare content words first and drops stopwords and punctuation', () => {
    const tokens = segment(normalizeText('请问这款面霜敏感肌可以用吗？我们很想知道'));
    const words = tfidfKeywords(tokens, idf, 3).map((k) => k.word);
    expect(words.slice(0, 2).sort()).toEqual(['敏感肌', '面霜']);
    expect(words).not.toContain('我们');
    expect(words).not.toContain('？');
  });

  it('user words count as keywords even when short', () => {
    const tokens = segment(normalizeText('合声真的好用'), prepareUserWords(['合声']));
    expect(tfidfKeywords(tokens, idf, 3).map((k) => k.word)).toContain('合声');
  });

  it('TextRank favours words connected to many others', () => {
    const text = '客服态度很好，客服回复及时，物流也快，物流包装完好，客服还送了小礼物';
    const kws = textRankKeywords(segment(normalizeText(text)), idf, 3).map((k) => k.word);
    expect(kws[0]).toBe('客服');
    expect(kws).toContain('物流');
  });

  it('returns nothing for text without content words', () => {
    expect(tfidfKeywords(segment('哈哈哈哈！！'), idf)).toEqual([]);
  });
});
