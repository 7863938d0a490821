import { describe, expect, it } from 'vitest';
import { rebase, replaceSpan, segment } from './marks';

const f = (start: number, end: number, id = `${start}-${end}`) => ({ start, end, id });

describe('segment', () => {
  it.each([
    ['no findings', 'abc', [], [['abc', []]]],
    ['one in the middle', 'ab最好cd', [f(2, 4)], [['ab', []], ['最好', ['2-4']], ['cd', []]]],
    ['at both ends', '最好x加微信', [f(0, 2), f(3, 6)], [['最好', ['0-2']], ['x', []], ['加微信', ['3-6']]]],
    ['overlapping', 'abcdef', [f(1, 4), f(2, 5)], [['a', []], ['b', ['1-4']], ['cd', ['1-4', '2-5']], ['e', ['2-5']], ['f', []]]],
    ['out of range is ignored', 'ab', [f(1, 9)], [['ab', []]]],
    ['emoji (surrogate pairs) count as two', '🎉最好', [f(2, 4)], [['🎉', []], ['最好', ['2-4']]]],
  ])('%s', (_name, text, findings, expected) => {
    expect(segment(text, findings).map((s) => [s.text, s.findings.map((x) => x.id)])).toEqual(expected);
  });
});

describe('rebase', () => {
  const text = 'ab最好cd加微信';
  const found = [f(2, 4, 'best'), f(6, 9, 'wechat')];
  it.each([
    ['unchanged', text, ['best:2', 'wechat:6']],
    ['typing before everything shifts both', `X${text}`, ['best:3', 'wechat:7']],
    ['typing between keeps the first and shifts the second', 'ab最好cXd加微信', ['best:2', 'wechat:7']],
    ['editing inside a finding drops it', 'ab最X好cd加微信', ['wechat:7']],
    ['deleting at the end keeps the first', 'ab最好cd', ['best:2']],
  ])('%s', (_name, after, expected) => {
    expect(rebase(text, after, found).map((x) => `${x.id}:${x.start}`)).toEqual(expected);
  });
});

describe('replaceSpan', () => {
  it('replaces the span', () => {
    expect(replaceSpan('全网最好的咖啡', { start: 2, end: 4 }, '优质')).toBe('全网优质的咖啡');
  });
});
