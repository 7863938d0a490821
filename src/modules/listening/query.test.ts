import { describe, expect, it } from 'vitest';
import { QuerySyntaxError, evaluate, parseQuery, positiveTerms, prepareText } from './query.js';

const matches = (query: string, text: string) => evaluate(parseQuery(query), prepareText(text));

describe('monitor queries: what matches', () => {
  it.each([
    ['星河咖啡', '星河咖啡的拿铁太甜了', true],
    ['星河咖啡', '星河奶茶', false],
    ['星河 咖啡', '咖啡是星河家的', true], // juxtaposition is AND
    ['星河 AND 退款', '星河退款慢', true],
    ['星河 AND 退款', '星河好喝', false],
    ['星河 OR 银河', '银河咖啡', true],
    ['星河 OR 银河', '太空咖啡', false],
    ['星河 NOT 招聘', '星河招聘店员', false],
    ['星河 NOT 招聘', '星河好喝', true],
    ['星河 -招聘', '星河招聘店员', false],
    ['"星河 咖啡"', '星河咖啡', true], // spaces are folded away like the compliance matcher does
    ['"iPhone 15"', '我的ＩＰＨＯＮＥ15坏了', true],
    ['(星河 OR 银河) AND (退款 OR 投诉)', '银河咖啡我要投诉', true],
    ['(星河 OR 银河) AND (退款 OR 投诉)', '银河咖啡真好喝', false],
    ['星河 OR 银河 AND 投诉', '星河好喝', true], // AND binds tighter than OR
    ['星河 NEAR/3 退款', '星河咖啡不退款', true], // 咖啡不 is 3 characters between
    ['星河 NEAR/2 退款', '星河咖啡不退款', false],
    ['退款 NEAR/2 星河', '星河咖啡退款', true], // either order
    ['"星河咖啡" NEAR/5 食品安全', '食品安全问题，星河咖啡回应', true],
    ['星河 AND NOT (招聘 OR 广告)', '星河广告', false],
    ['星河 and 退款', '星河退款', false], // lower-case "and" is a word
    ['星河 and 退款', '星河and退款', true],
    ['星河 AND NOT NOT 退款', '星河退款', true],
    ['咖啡 NEAR/1 咖啡', '咖啡咖啡', true],
  ])('%s on %s → %s', (query, text, expected) => {
    expect(matches(query, text)).toBe(expected);
  });

  it('folds traditional characters and case in the text', () => {
    expect(matches('食品安全', '食品安全')).toBe(true);
    expect(matches('chorus', 'CHORUS 合声')).toBe(true);
  });

  it('lists the words a query looks for, without the excluded ones', () => {
    expect(positiveTerms(parseQuery('(星河 OR 银河) NOT 招聘 a NEAR/3 b'))).toEqual(['星河', '银河', 'a', 'b']);
  });
});

describe('monitor queries: where a bad query breaks', () => {
  it.each([
    ['', 1, 'empty'],
    ['星河 AND', 7, 'AND needs something on its right'],
    ['OR 星河', 1, 'needs something on its left'],
    ['(星河 OR 银河', 10, "missing ')'"],
    ['星河 OR 银河)', 9, "unexpected ')'"],
    ['"星河 咖啡', 1, 'unclosed quote'],
    ['星河 NEAR 退款', 4, 'NEAR needs a distance'],
    ['星河 NEAR/0 退款', 4, 'NEAR needs a distance from 1'],
    ['(a OR b) NEAR/3 c', 10, 'NEAR needs a word or a phrase on its left'],
    ['a NEAR/3 (b OR c)', 3, 'on its right'],
    ['NOT 招聘', 1, 'only excludes'],
    ['星河 ()', 4, 'empty parentheses'],
    ['星河 AND ★', 8, 'without letters'],
    ['a NEAR/3 b NEAR/3 c', 12, 'chain NEAR'],
  ])('%j breaks at %i (%s)', (query, position, message) => {
    let err: unknown;
    try { parseQuery(query); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(QuerySyntaxError);
    expect((err as QuerySyntaxError).position + 1).toBe(position);
    expect((err as QuerySyntaxError).message).toContain(message);
  });
});
