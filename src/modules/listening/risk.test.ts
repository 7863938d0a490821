import { describe, expect, it } from 'vitest';
import { DEFAULT_RISK_MATRIX, assessRisk, cuesIn, formatCount, reachOf, type MentionFacts, type RiskMatrix } from './risk.js';
import { duplicateKey, monitorWantsSource } from './model.js';

const now = new Date('2026-12-07T10:00:00Z');
const facts = (over: Partial<MentionFacts> = {}): MentionFacts => ({
  followers: 300, verified: false, reposts: 0, comments: 0, likes: 0, publishedAt: new Date('2026-12-07T09:30:00Z'),
  sentiment: 'neutral', intent: 'other', cues: [], ...over,
});

describe('risk of one mention: impact × likelihood on the matrix', () => {
  it.each<[string, Partial<MentionFacts>, string]>([
    ['a neutral mention', {}, 'none'],
    ['a praising big account', { sentiment: 'positive', followers: 2_100_000 }, 'none'],
    ['one bad review from a small account', { sentiment: 'negative' }, 'low'],
    ['a small complaint', { sentiment: 'negative', intent: 'complaint' }, 'low'],
    ['a complaint threatening 12315', { sentiment: 'negative', intent: 'complaint', cues: ['12315', '投诉'] }, 'medium'],
    ['a bad review from a 2.1M account', { sentiment: 'negative', followers: 2_100_000 }, 'medium'],
    ['a complaint spreading fast', { sentiment: 'negative', intent: 'complaint', reposts: 3400 }, 'high'],
    ['12315 from a 2.1M account', { sentiment: 'negative', intent: 'complaint', cues: ['12315'], followers: 2_100_000 }, 'high'],
  ])('%s → %s', (_name, over, risk) => {
    expect(assessRisk(facts(over), DEFAULT_RISK_MATRIX, now).risk).toBe(risk);
  });

  it('shows the reasons a person can read', () => {
    const v = assessRisk(facts({ sentiment: 'negative', intent: 'complaint', cues: ['12315'], followers: 2_100_000, reposts: 3400, publishedAt: new Date('2026-12-07T08:30:00Z') }), DEFAULT_RISK_MATRIX, now);
    expect(v.reasons).toEqual(expect.arrayContaining(['12315 投诉', '负面情绪', '粉丝 210 万', '2 小时内转发 3,400']));
    expect(v.risk).toBe('high');
  });

  it('follows an edited matrix', () => {
    const strict: RiskMatrix = { ...DEFAULT_RISK_MATRIX, cells: { ...DEFAULT_RISK_MATRIX.cells, low: { low: 'medium', medium: 'high', high: 'high' } } };
    expect(assessRisk(facts({ sentiment: 'negative' }), strict, now).risk).toBe('medium');
    const lowBar: RiskMatrix = { ...DEFAULT_RISK_MATRIX, impact: { ...DEFAULT_RISK_MATRIX.impact, mediumFollowers: 100, highFollowers: 200 } };
    expect(assessRisk(facts({ sentiment: 'negative' }), lowBar, now).impact).toBe('high');
  });

  it('finds escalation cues without counting 315 inside 12315', () => {
    expect(cuesIn('再不退款我就打12315投诉')).toEqual(['12315', '投诉']);
    expect(cuesIn('今晚315晚会曝光了')).toEqual(['315', '曝光']);
    expect(cuesIn('很好喝')).toEqual([]);
  });

  it('formats counts the Chinese way', () => {
    expect([formatCount(2_100_000), formatCount(12_000), formatCount(3400), formatCount(250_000_000)]).toEqual(['210 万', '1.2 万', '3,400', '2.5 亿']);
  });

  it('estimates reach from the audience, reposts and comments', () => {
    expect(reachOf({ followers: 1000, reposts: 10, comments: 5, likes: 3 })).toBeGreaterThan(reachOf({ followers: 1000, reposts: 0, comments: 0, likes: 0 }));
  });
});

describe('near-duplicates and sources', () => {
  it('gives reposts, links, @names and punctuation of one text the same key', () => {
    const k = duplicateKey('星河咖啡的杯子里有异物！');
    expect(duplicateKey('转发微博 星河咖啡的杯子里有异物')).toBe(k);
    expect(duplicateKey('//@小王: 星河咖啡的杯子里有异物!! https://t.cn/abc')).toBe(k);
    expect(duplicateKey('@星河咖啡 星河咖啡的杯子里有异物～')).toBe(k);
    expect(duplicateKey('星河咖啡的杯子很好看')).not.toBe(k);
  });

  it('lets a monitor listen to every source or the listed ones', () => {
    expect(monitorWantsSource([], 'weibo')).toBe(true);
    expect(monitorWantsSource(['weibo'], 'weibo')).toBe(true);
    expect(monitorWantsSource(['weibo'], 'douyin')).toBe(false);
    expect(monitorWantsSource(['feed:*'], 'feed:news.example.cn')).toBe(true);
  });
});
