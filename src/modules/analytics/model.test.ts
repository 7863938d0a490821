import { describe, expect, it } from 'vitest';
import {
  type PostDailyRow, type PostPeriod, aggregatePosts, conversionRate, followerGrowthRate, interactionRate,
  median, round, timeSlotOf, weekOnWeek,
} from './model.js';
import { classifyPosts, contentMix, describeReason, recommendMix } from './performance.js';
import { goalActual, goalProgress } from './goals.js';
import { compareCompetitors } from './competitors.js';

describe('formulas', () => {
  it.each([
    // likes, comments, shares, saves, exposure → rate
    [1000, 400, 400, 200, 200_000, 1],
    [5000, 1000, 800, 1200, 500_000, 1.6],
    [0, 0, 0, 0, 1000, 0],
    [10, 0, 0, null, 1000, 1], // a platform without saves
    [null, null, null, null, 1000, null], // nothing known
    [10, 1, 1, 1, 0, null], // no exposure
    [10, 1, 1, 1, null, null],
  ])('互动率 (%s+%s+%s+%s)/%s → %s', (likes, comments, shares, saves, exposure, want) => {
    expect(round(interactionRate({ likes, comments, shares, saves, exposure }))).toBe(want);
  });

  it.each([
    [800, 100, 50_000, 1.4],
    [100, 300, 10_000, -2],
    [100, null, 10_000, null],
    [null, 10, 10_000, null],
    [100, 0, 0, null],
    [100, 0, null, null],
  ])('粉丝增长率 (%s − %s) / %s → %s', (n, u, start, want) => {
    expect(round(followerGrowthRate(n, u, start))).toBe(want);
  });

  it.each([
    [150, 200_000, 0.075],
    [300, 500_000, 0.06],
    [null, 500_000, null],
    [10, 0, null],
  ])('转化率 %s / %s → %s', (c, e, want) => {
    expect(round(conversionRate(c, e), 3)).toBe(want);
  });

  it.each([
    [200_000, 173_913, 15],
    [115, 100, 15],
    [80, 100, -20],
    [100, 0, null],
    [100, null, null],
    [null, 100, null],
  ])('环比 %s vs %s → %s', (cur, prev, want) => {
    expect(round(weekOnWeek(cur, prev), 0)).toBe(want);
  });

  it.each([
    [1.005, 2, 1.01],
    [-1.005, 2, -1.01],
    [1.6000000001, 2, 1.6],
    [0.0749999, 3, 0.075],
    [null, 2, null],
    [Number.NaN, 2, null],
  ])('round(%s, %s) → %s', (v, d, want) => {
    expect(round(v as number | null, d)).toBe(want);
  });

  it.each([[7, 'morning'], [12, 'noon'], [15, 'afternoon'], [19, 'evening'], [23, 'night'], [3, 'night'], [null, null], [24, null]])(
    'time slot of %s → %s', (h, want) => expect(timeSlotOf(h)).toBe(want),
  );

  it('median ignores unknowns', () => {
    expect(median([3, null, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([null])).toBeNull();
  });
});

const day = (over: Partial<PostDailyRow>): PostDailyRow => ({
  date: '2026-11-16', platform: 'weibo', account: 'a', postId: 'p', postTitle: 't', theme: 'brand',
  format: 'image_text', exposure: 1000, likes: 10, comments: 0, shares: 0, saves: 0, clicks: 0, conversions: 0,
  ...over,
});

/** A post with a given interaction rate over 10,000 exposure. */
const post = (id: string, rate: number, over: Partial<PostDailyRow> = {}): PostPeriod =>
  aggregatePosts([day({ postId: id, postTitle: id, exposure: 10_000, likes: rate * 100, ...over })])[0];

describe('aggregatePosts', () => {
  it('sums a post over its days and keeps unknowns null', () => {
    const [p] = aggregatePosts([
      day({ exposure: 1000, likes: 10, saves: null, conversions: null }),
      day({ date: '2026-11-17', exposure: 3000, likes: 30, saves: null, conversions: null, publishedHour: 12 }),
    ]);
    expect(p).toMatchObject({ exposure: 4000, likes: 40, saves: null, conversions: null, interactions: 40, interactionRate: 1, conversionRate: null, timeSlot: 'noon' });
  });
});

describe('classifyPosts', () => {
  const posts = [
    post('v1', 4, { format: 'short_video' }), post('v2', 3.6, { format: 'short_video' }),
    post('i1', 1, { format: 'image_text' }), post('i2', 1.2, { format: 'image_text' }),
    post('i3', 0.3, { format: 'image_text' }), post('i4', 1.1, { format: 'image_text' }),
  ];

  it.each([
    ['own median (1.15)', {}, ['v1', 'v2'], ['i3']],
    ['industry 3 %', { baseline: { kind: 'industry', rate: 3 } }, [], ['i1', 'i2', 'i3', 'i4']],
    ['industry 2 %, dud under 5 %', { baseline: { kind: 'industry', rate: 2 }, dud: { kind: 'absolute', rate: 5 } }, ['v1', 'v2'], ['i1', 'i2', 'i3', 'i4']],
    ['hit factor 3', { hitFactor: 3 }, ['v1', 'v2'], ['i3']],
    ['hit factor 3.5', { hitFactor: 3.5 }, [], ['i3']],
  ] as const)('%s', (_name, opts, hits, duds) => {
    const c = classifyPosts(posts, opts as Parameters<typeof classifyPosts>[1]);
    expect(c.hits.map((h) => h.post.postId)).toEqual(hits);
    expect(c.duds.map((d) => d.post.postId).sort()).toEqual([...duds].sort());
  });

  it('explains a hit by its format and a dud by its format', () => {
    const c = classifyPosts(posts);
    expect(c.baselineRate).toBe(1.15);
    expect(c.hits[0].reasons).toEqual([{ dimension: 'format', value: 'short_video', groupRate: 3.8, overallRate: 1.15 }]);
    expect(describeReason(c.hits[0].reasons[0])).toBe('形式「短视频」中位互动率 3.8%高于整体 1.15%');
    expect(describeReason(c.hits[0].reasons[0], 'en-US')).toContain('format "short video"');
    // Every post is the same theme: theme explains nothing; i3 trails its own format too.
    expect(c.duds[0].reasons).toEqual([]);
  });

  it('skips posts without exposure and returns nothing for an empty set', () => {
    expect(classifyPosts([post('x', 1, { exposure: null })])).toEqual({ baselineRate: null, dudRate: null, hits: [], duds: [] });
    expect(classifyPosts([])).toMatchObject({ hits: [], duds: [] });
  });
});

describe('content mix and recommendations', () => {
  const posts = [
    post('v1', 3, { format: 'short_video', theme: 'product', conversions: 30 }),
    post('i1', 1, { format: 'image_text', theme: 'product', conversions: 5 }),
    post('i2', 1, { format: 'image_text', theme: 'brand', conversions: 5 }),
    post('i3', 1, { format: 'image_text', theme: 'industry', conversions: 5, platform: 'wechat' }),
  ];

  it('gives share and performance per format', () => {
    expect(contentMix(posts, 'format')).toEqual([
      { value: 'image_text', posts: 3, share: 75, exposure: 30_000, exposureShare: 75, interactions: 300, interactionRate: 1, conversions: 15, conversionRate: 0.05 },
      { value: 'short_video', posts: 1, share: 25, exposure: 10_000, exposureShare: 25, interactions: 300, interactionRate: 3, conversions: 30, conversionRate: 0.3 },
    ]);
  });

  it('recommends more short video, in both languages', () => {
    const zh = recommendMix(posts, { dimensions: ['format'] });
    expect(zh.map((r) => [r.code, r.value, r.metric])).toEqual([
      ['mix.grow', 'short_video', 'conversionRate'],
      ['mix.reduce', 'image_text', 'conversionRate'],
    ]);
    expect(zh[0].text).toBe('短视频转化率（0.3%）高于图文（0.05%）→ 加大短视频投入');
    const en = recommendMix(posts, { dimensions: ['format'], locale: 'en-US' });
    expect(en[0].text).toBe('short video has a higher conversion rate (0.3%) than image post (0.05%) → invest more in short video');
  });

  it('says nothing when groups perform alike', () => {
    expect(recommendMix([post('a', 1, { format: 'note' }), post('b', 1.1, { format: 'video' })], { dimensions: ['format'] })).toEqual([]);
  });
});

describe('goals', () => {
  const goal = { metric: 'exposure' as const, target: 5_000_000, scope: { platforms: ['xiaohongshu'] }, start: '2026-01-01', end: '2026-03-31' };
  it.each([
    // actual, asOf → progress, projectedProgress, status
    [2_000_000, '2026-02-14', 40, 80, 'off_track'], // day 45 of 90
    [2_300_000, '2026-02-14', 46, 92, 'at_risk'],
    [2_500_000, '2026-02-14', 50, 100, 'on_track'],
    [5_100_000, '2026-04-10', 102, 102, 'on_track'], // ended
    [null, '2026-02-14', null, null, null],
    [100, '2025-12-01', 0, null, null], // not started
  ] as const)('%s by %s → %s%% (projected %s%%) %s', (actual, asOf, progress, projected, status) => {
    const g = goalProgress(goal, actual, asOf);
    expect(g.progress).toBe(progress);
    expect(g.projectedProgress).toBe(projected);
    expect(g.status).toBe(status);
  });

  it('does not project rates', () => {
    const g = goalProgress({ ...goal, metric: 'interaction_rate', target: 2 }, 1.8, '2026-01-10');
    expect(g).toMatchObject({ projected: 1.8, projectedProgress: 90, status: 'at_risk', daysTotal: 90, daysElapsed: 10 });
  });

  it('computes actuals within scope and period', () => {
    const posts = [
      day({ platform: 'xiaohongshu', date: '2026-01-05', exposure: 1000 }),
      day({ platform: 'xiaohongshu', date: '2026-04-05', exposure: 9999 }),
      day({ platform: 'weibo', date: '2026-01-05', exposure: 7777 }),
    ];
    const accounts = [
      { date: '2025-12-31', platform: 'xiaohongshu', account: 'a', followers: 1000, newFollowers: 0, unfollows: 0 },
      { date: '2026-01-05', platform: 'xiaohongshu', account: 'a', followers: 1090, newFollowers: 100, unfollows: 10 },
    ];
    expect(goalActual(goal, posts, accounts, '2026-03-31')).toBe(1000);
    expect(goalActual({ ...goal, metric: 'net_followers' }, posts, accounts, '2026-03-31')).toBe(90);
    expect(goalActual({ ...goal, metric: 'follower_growth_rate' }, posts, accounts, '2026-03-31')).toBe(9);
    expect(goalActual({ ...goal, metric: 'conversions', scope: { platforms: ['douyin'] } }, posts, accounts, '2026-03-31')).toBeNull();
  });
});

describe('compareCompetitors', () => {
  it('ranks by each metric and overall, unknowns unranked', () => {
    const rows = compareCompetitors([
      { name: 'us', platform: 'weibo', own: true, followers: 50_000, followersAtStart: 45_000, posts: 30, days: 30, interactionRate: 1.2 },
      { name: 'rival A', platform: 'weibo', followers: 120_000, followersAtStart: 118_000, posts: 60, days: 30, interactionRate: 0.8 },
      { name: 'rival B', platform: 'weibo', followers: null, followersAtStart: null, posts: 15, days: 30, interactionRate: null },
    ]);
    expect(rows.map((r) => [r.name, r.overallRank, r.score])).toEqual([['rival A', 1, 1.5], ['us', 2, 1.5], ['rival B', 3, 3]]);
    expect(rows[1]).toMatchObject({ postsPerWeek: 7, growth: 11.11, ranks: { followers: 2, postsPerWeek: 2, interactionRate: 1, growth: 1 } });
    expect(rows[2].ranks).toEqual({ followers: null, postsPerWeek: 3, interactionRate: null, growth: null });
  });
});
