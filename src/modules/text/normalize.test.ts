import { describe, expect, it } from 'vitest';
import { MARK_EMO, MARK_NEG_EMO, MARK_POS_EMO, MARK_URL, normalizeText } from './normalize.js';

describe('normalizeText', () => {
  it('folds full-width characters and case', () => {
    expect(normalizeText('ＡＢＣ１２３，ＯＫ！')).toBe('abc123,ok!');
  });

  it('turns emoji into polarity markers', () => {
    expect(normalizeText('好吃😊')).toBe(`好吃${MARK_POS_EMO}`);
    expect(normalizeText('难吃😡')).toBe(`难吃${MARK_NEG_EMO}`);
    expect(normalizeText('❤️')).toBe(MARK_POS_EMO);
    expect(normalizeText('🍜')).toBe(MARK_EMO);
  });

  it('reads Weibo bracket emoji and leaves other brackets alone', () => {
    expect(normalizeText('不错[赞]')).toBe(`不错${MARK_POS_EMO}`);
    expect(normalizeText('气死了[怒]')).toBe(`气死了${MARK_NEG_EMO}`);
    expect(normalizeText('[公告]今天')).toBe('[公告]今天');
  });

  it('reads 颜文字', () => {
    expect(normalizeText('太棒了(^_^)')).toBe(`太棒了${MARK_POS_EMO}`);
    expect(normalizeText('又没抢到T_T')).toBe(`又没抢到${MARK_NEG_EMO}`);
    expect(normalizeText('呜呜QAQ')).toBe(`呜呜${MARK_NEG_EMO}`);
  });

  it('replaces links with one marker', () => {
    expect(normalizeText('点击 http://t.cn/abc 领取')).toBe(`点击 ${MARK_URL} 领取`);
    expect(normalizeText('进群 www.quan-shop.top')).toBe(`进群 ${MARK_URL}`);
  });
});
