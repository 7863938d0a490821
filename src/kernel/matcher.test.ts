import { describe, expect, it } from 'vitest';
import { compileMatcher, type MatcherMatch } from './matcher.js';

function brute(terms: string[], text: string): MatcherMatch[] {
  const found: MatcherMatch[] = [];
  for (let end = 1; end <= text.length; end++) {
    const byLength: MatcherMatch[] = [];
    terms.forEach((term, i) => {
      if (term.length > 0 && end >= term.length && text.slice(end - term.length, end) === term) {
        byLength.push({ term: i, start: end - term.length, end });
      }
    });
    byLength.sort((a, b) => a.start - b.start || a.term - b.term);
    found.push(...byLength);
  }
  return found;
}

const sortKey = (m: MatcherMatch) => `${m.end}:${m.start}:${m.term}`;
const sorted = (ms: MatcherMatch[]) => [...ms].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : 1));

/** Deterministic generator (mulberry32). */
function rng(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('compileMatcher (exact)', () => {
  it('finds every overlapping occurrence with positions', () => {
    const terms = ['he', 'she', 'his', 'hers'];
    const m = compileMatcher(terms);
    expect(sorted(m.findAll('ushers'))).toEqual(
      sorted([
        { term: 1, start: 1, end: 4 },
        { term: 0, start: 2, end: 4 },
        { term: 3, start: 2, end: 6 },
      ]),
    );
  });

  it('handles Chinese terms that nest and overlap', () => {
    const terms = ['最好', '最好的', '好的', '第一', '第一名'];
    const m = compileMatcher(terms);
    const text = '这是最好的产品，销量第一名';
    expect(sorted(m.findAll(text))).toEqual(sorted(brute(terms, text)));
    for (const f of m.findAll(text)) expect(text.slice(f.start, f.end)).toBe(terms[f.term]);
  });

  it('reports duplicate terms under each index and ignores empty terms', () => {
    const m = compileMatcher(['ab', '', 'ab']);
    expect(sorted(m.findAll('xab'))).toEqual(sorted([
      { term: 0, start: 1, end: 3 },
      { term: 2, start: 1, end: 3 },
    ]));
  });

  it('matches a brute-force scan on random input', () => {
    const next = rng(42);
    const alphabet = '最好佳第一名级国家顶abc';
    const pick = (n: number) => Array.from({ length: n }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
    for (let round = 0; round < 30; round++) {
      const terms = Array.from({ length: 1 + Math.floor(next() * 40) }, () => pick(1 + Math.floor(next() * 4)));
      const text = pick(200);
      expect(sorted(compileMatcher(terms).findAll(text))).toEqual(sorted(brute(terms, text)));
    }
  });

  it('counts offsets in UTF-16 code units (emoji before a match)', () => {
    const m = compileMatcher(['最好']);
    const text = '😀👍🏻最好';
    expect(m.findAll(text)).toEqual([{ term: 0, start: 6, end: 8 }]);
    expect(text.slice(6, 8)).toBe('最好');
  });

  it('test() answers whether anything matches', () => {
    const m = compileMatcher(['独家']);
    expect(m.test('全网独家首发')).toBe(true);
    expect(m.test('全网首发')).toBe(false);
  });

  it('builds a large automaton', () => {
    const next = rng(7);
    const chars = '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞';
    const terms = Array.from({ length: 20000 }, () => Array.from({ length: 2 + Math.floor(next() * 4) }, () => chars[Math.floor(next() * chars.length)]).join(''));
    const m = compileMatcher(terms);
    const text = Array.from({ length: 3000 }, () => chars[Math.floor(next() * chars.length)]).join('') + terms[123];
    const found = m.findAll(text);
    expect(found.some((f) => f.term === 123 && f.end === text.length)).toBe(true);
    for (const f of found) expect(text.slice(f.start, f.end)).toBe(terms[f.term]);
  });
});

describe('compileMatcher (normalize)', () => {
  const terms = ['最好', '微信', 'No.1', '國家級', 'VX'];
  const m = compileMatcher(terms, { normalize: true });
  const hits = (text: string) => m.findAll(text).map((f) => [terms[f.term], text.slice(f.start, f.end)]);

  it('folds case, width and traditional characters', () => {
    expect(hits('ＮＯ．１的品质')).toEqual([['No.1', 'ＮＯ．１']]);
    expect(hits('no1')).toEqual([['No.1', 'no1']]);
    expect(hits('国家级')).toEqual([['國家級', '国家级']]);
    expect(hits('加vx')).toEqual([['VX', 'vx']]);
    expect(hits('加微信')).toEqual([['微信', '微信']]);
  });

  it('skips fillers inserted to dodge filters and maps offsets to the original', () => {
    expect(hits('最 * 好')).toEqual([['最好', '最 * 好']]);
    expect(hits('加微.信')).toEqual([['微信', '微.信']]);
    expect(hits('最-好')).toEqual([['最好', '最-好']]);
    expect(hits('最😀好')).toEqual([['最好', '最😀好']]);
  });

  it('does not match across sentence punctuation or line breaks', () => {
    expect(hits('最。好')).toEqual([]);
    expect(hits('最\n好')).toEqual([]);
  });

  it('keeps UTF-16 offsets with emoji before the match', () => {
    const text = '🎉🎉 这款是最好的';
    const [f] = m.findAll(text);
    expect(text.slice(f.start, f.end)).toBe('最好');
    expect(f.start).toBe(8);
  });
});
