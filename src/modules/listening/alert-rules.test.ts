import { describe, expect, it } from 'vitest';
import { highRiskMention, negativeSurge, volumeSpike, type WindowCounts } from './alert-rules.js';

const counts = (over: Partial<WindowCounts>): WindowCounts => ({
  monitorId: 'm1', monitorName: '星河咖啡', lastHour: 2, prev12h: 24, negLastHour: 0, negPrev12h: 2, last24h: 48, prevDays: [40, 50, 45, 55, 48, 52, 46], ...over,
});

describe('alert rules', () => {
  it.each<[string, Partial<WindowCounts>, string | null]>([
    ['a normal hour', {}, null],
    ['three times the hourly mean', { lastHour: 21, prev12h: 72, last24h: 140, prevDays: [140, 150, 130, 145, 150, 135, 140] }, 'yellow'],
    ['six times', { lastHour: 36, prev12h: 72, last24h: 140, prevDays: [140, 150, 130, 145, 150, 135, 140] }, 'orange'],
    ['ten times', { lastHour: 60, prev12h: 72, last24h: 150, prevDays: [140, 150, 130, 145, 150, 135, 140] }, 'red'],
    ['too few to matter, whatever the ratio', { lastHour: 12, prev12h: 0 }, null],
    ['a slow day-long rise above mean + 3σ', { lastHour: 5, prev12h: 50, last24h: 80, prevDays: [48, 50, 52, 49, 51, 50, 50] }, 'red'],
    ['a day within the usual spread', { lastHour: 5, prev12h: 50, last24h: 70, prevDays: [30, 70, 40, 65, 35, 60, 50] }, null],
  ])('volume: %s → %s', (_n, over, level) => {
    expect(volumeSpike(counts(over))?.level ?? null).toBe(level);
  });

  it('says why in words and keeps one key per monitor', () => {
    const a = volumeSpike(counts({ lastHour: 60, prev12h: 72 }))!;
    expect(a.reasons[0]).toBe('1 小时内 60 条，前 12 小时平均每小时 6 条（10 倍）');
    expect(a.dedupeKey).toBe('volume-spike:m1');
    expect(a.title).toBe('「星河咖啡」声量激增');
  });

  it.each<[string, Partial<WindowCounts>, string | null]>([
    ['negatives as usual', { lastHour: 20, negLastHour: 4, prev12h: 200, negPrev12h: 40 }, null],
    ['a negative hour after a calm day', { lastHour: 20, negLastHour: 12, prev12h: 200, negPrev12h: 20 }, 'yellow'],
    ['mostly negative, many', { lastHour: 60, negLastHour: 55, prev12h: 200, negPrev12h: 20 }, 'red'],
    ['negative but always was', { lastHour: 20, negLastHour: 12, prev12h: 200, negPrev12h: 110 }, null],
    ['too few', { lastHour: 8, negLastHour: 8, prev12h: 10, negPrev12h: 0 }, null],
  ])('negative share: %s → %s', (_n, over, level) => {
    expect(negativeSurge(counts(over))?.level ?? null).toBe(level);
  });

  it('raises a high-risk mention as red, one per group of near-duplicates', () => {
    const a = highRiskMention({ id: 'x', groupId: 'g', monitorIds: ['m1'], authorName: '大V', text: '打12315', riskReasons: ['12315 投诉'], reach: 9 });
    expect(a).toMatchObject({ level: 'red', dedupeKey: 'high-risk-mention:g', monitorId: 'm1', mentionId: 'x' });
  });
});
