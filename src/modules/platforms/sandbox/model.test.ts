import { describe, expect, it } from 'vitest';
import {
  activityAt, audienceComment, commentOffsetMs, crisisBurst, dayKey, hourActivity, metricsAt, postOutcome,
  type AudienceAccount, type ModelPost, type PostFormat,
} from './model';

const account: AudienceAccount = { id: 'acc1', name: '星河咖啡', followers: 20_000 };
const at = (iso: string): number => Date.parse(iso);
// 2026-03-04 is a Wednesday; 2026-03-07 a Saturday.
const WED = '2026-03-04';
const SAT = '2026-03-07';
const post = (over: Partial<ModelPost> = {}): ModelPost => ({
  id: 'p1', accountId: 'acc1', createdAt: at(`${WED}T20:00:00+08:00`), format: 'image', theme: 'product',
  text: '#春季新品# 樱花拿铁今天上市', ...over,
});

describe('activity curve (DOMAIN §7)', () => {
  it.each([
    ['evening beats 4am', `${WED}T20:30:00+08:00`, `${WED}T04:00:00+08:00`],
    ['lunch beats mid-morning', `${WED}T12:30:00+08:00`, `${WED}T10:00:00+08:00`],
    ['weekday 21:00 beats 15:00', `${WED}T21:00:00+08:00`, `${WED}T15:00:00+08:00`],
    ['weekend 13:30 beats weekend 09:00', `${SAT}T13:30:00+08:00`, `${SAT}T09:00:00+08:00`],
    ['Wednesday evening beats Monday evening', `${WED}T20:00:00+08:00`, '2026-03-02T20:00:00+08:00'],
  ])('%s', (_name, high, low) => {
    expect(activityAt(at(high))).toBeGreaterThan(activityAt(at(low)) * 1.05);
  });

  it('keys days in China time', () => {
    expect(dayKey(at('2026-03-04T23:30:00+08:00'))).toBe('2026-03-04');
    expect(dayKey(at('2026-03-04T16:30:00Z'))).toBe('2026-03-05');
  });
});

describe('post outcome', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    expect(postOutcome('seed-a', account, post())).toEqual(postOutcome('seed-a', account, post()));
    expect(postOutcome('seed-a', account, post()).reach).not.toBe(postOutcome('seed-b', account, post()).reach);
  });

  const meanReach = (format: PostFormat, hour = '20:00', n = 1500): number => {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += postOutcome('s', account, post({ id: `${format}-${hour}-${i}`, format, createdAt: at(`${WED}T${hour}:00+08:00`) })).reach;
    return sum / n;
  };

  it('video reaches further than text on average, image in between', () => {
    const video = meanReach('video');
    const image = meanReach('image');
    const text = meanReach('text');
    expect(video).toBeGreaterThan(image);
    expect(image).toBeGreaterThan(text);
  });

  it('posting in the evening reaches more people than at 4am', () => {
    expect(meanReach('image', '20:00')).toBeGreaterThan(meanReach('image', '04:00') * 2);
  });

  it('has a heavy tail: a few hits far above the median', () => {
    const reaches = Array.from({ length: 3000 }, (_, i) => postOutcome('s', account, post({ id: `t${i}`, format: 'video' })).reach).sort((a, b) => a - b);
    const median = reaches[1500]!;
    expect(reaches[reaches.length - 1]!).toBeGreaterThan(median * 20);
    expect(reaches.filter((r) => r > median * 10).length).toBeGreaterThan(5);
    expect(reaches.filter((r) => r > median * 10).length).toBeLessThan(300);
  });

  it('interactive posts draw more comments per impression than brand posts', () => {
    const rate = (theme: 'interactive' | 'brand'): number => {
      let s = 0;
      for (let i = 0; i < 500; i++) s += postOutcome('s', account, post({ id: `${theme}${i}`, theme })).rates.comment;
      return s / 500;
    };
    expect(rate('interactive')).toBeGreaterThan(rate('brand') * 2);
  });

  it('only video has a completion rate', () => {
    expect(postOutcome('s', account, post({ format: 'video' })).completionRate).toBeGreaterThan(0);
    expect(postOutcome('s', account, post({ format: 'text' })).completionRate).toBeNull();
  });
});

describe('metrics over time', () => {
  const outcome = postOutcome('s', account, post({ id: 'grow' }));

  it('start at zero and never decrease', () => {
    expect(metricsAt(outcome, 0).impressions).toBe(0);
    let prev = metricsAt(outcome, 0);
    for (let h = 1; h <= 72; h++) {
      const m = metricsAt(outcome, h * 3_600_000);
      for (const k of ['impressions', 'reads', 'likes', 'comments', 'shares', 'saves', 'clicks', 'conversions'] as const) {
        expect(m[k]).toBeGreaterThanOrEqual(prev[k]);
      }
      prev = m;
    }
    expect(prev.impressions).toBeGreaterThan(outcome.reach * 0.95);
  });

  it('keeps plausible ratios: reads ≤ impressions, interaction rate between 0.3% and 15%', () => {
    for (let i = 0; i < 200; i++) {
      const o = postOutcome('s', account, post({ id: `r${i}` }));
      const m = metricsAt(o, 7 * 86_400_000);
      expect(m.reads).toBeLessThanOrEqual(m.impressions);
      const rate = (m.likes + m.comments + m.shares + m.saves) / m.impressions;
      expect(rate).toBeGreaterThan(0.003);
      expect(rate).toBeLessThan(0.15);
    }
  });

  it('materialises exactly the counted comments, in time order', () => {
    const p = post({ id: 'cm', theme: 'interactive' });
    const o = postOutcome('s', account, p);
    const elapsed = 6 * 3_600_000;
    const count = metricsAt(o, elapsed).comments;
    expect(count).toBeGreaterThan(0);
    expect(commentOffsetMs(o, count)).toBeLessThanOrEqual(elapsed);
    expect(commentOffsetMs(o, count + 1)).toBeGreaterThan(elapsed);
    const c1 = audienceComment('s', account, p, o, 1);
    expect(c1).toEqual(audienceComment('s', account, p, o, 1));
    expect(c1.text).toMatch(/[\u4e00-\u9fff]|\p{Emoji}/u);
  });
});

describe('audience text', () => {
  it('mixes inquiries, praise, complaints and spam', () => {
    const p = post({ id: 'mix' });
    const o = { ...postOutcome('s', account, p), reach: 1e6 };
    const intents = new Set(Array.from({ length: 300 }, (_, i) => audienceComment('s', account, p, o, i + 1).intent));
    expect([...intents].sort()).toEqual(['complaint', 'inquiry', 'neutral', 'praise', 'spam']);
  });

  it('writes spam that looks like 引流', () => {
    const p = post({ id: 'spam' });
    const o = { ...postOutcome('s', account, p), commentMix: { inquiry: 0, complaint: 0, praise: 0, spam: 1, neutral: 0 } };
    const texts = Array.from({ length: 40 }, (_, i) => audienceComment('s', account, p, o, i + 1).text);
    expect(texts.some((t) => /加V|微信|v：|加Q|私我/.test(t))).toBe(true);
  });
});

describe('hourly activity and crises', () => {
  const evening = at(`${WED}T20:00:00+08:00`);

  it('is deterministic per hour', () => {
    expect(hourActivity('s', account, evening, [])).toEqual(hourActivity('s', account, evening, []));
  });

  it('brings DMs and mentions over a day, more in the evening than at night', () => {
    let night = 0;
    let eve = 0;
    for (let d = 0; d < 30; d++) {
      const base = evening + d * 86_400_000;
      const a = hourActivity('s', { ...account, followers: 200_000 }, base, []);
      const b = hourActivity('s', { ...account, followers: 200_000 }, base - 16 * 3_600_000, []);
      eve += a.dms.length + a.mentions.length;
      night += b.dms.length + b.mentions.length;
    }
    expect(eve).toBeGreaterThan(night * 3);
  });

  it('a crisis brings a burst of complaints about the topic and extra unfollows', () => {
    const crisis = { id: 'k1', accountId: 'acc1', topic: '门店卫生问题', startedAt: evening, durationMs: 6 * 3_600_000, intensity: 2 };
    const calm = hourActivity('s', account, evening, [], post());
    const storm = hourActivity('s', account, evening, [crisis], post());
    const complaints = storm.mentions.filter((m) => m.intent === 'complaint' && m.text.includes('门店卫生问题'));
    expect(complaints.length).toBeGreaterThan(20);
    expect(storm.crisisComments.length).toBeGreaterThan(10);
    expect(storm.unfollows).toBeGreaterThan(calm.unfollows + 20);
    for (const m of storm.mentions) expect(m.createdAt).toBeGreaterThanOrEqual(evening);
    const burst = crisisBurst('s', account, crisis, post());
    expect(burst.mentions).toHaveLength(16);
    expect(burst.comments.every((c) => c.text.includes('门店卫生问题'))).toBe(true);
  });
});
