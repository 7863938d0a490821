import { describe, expect, it } from 'vitest';
import {
  adaptForPlatform, cadenceGaps, canSchedule, canTransition, checkCopy, convertHashtags, countFor, extractHashtags, festivalNodes,
  fromLocal, learnBestTimes, moveToDate, parsePair, planAhead, readRows, slotConflict, suggestSlots, topCells, weekdayLabel,
  type ContentStatus,
} from './model.js';

describe('status machine', () => {
  it.each<[ContentStatus, ContentStatus, boolean]>([
    ['idea', 'draft', true], ['draft', 'in_review', true], ['in_review', 'approved', true], ['approved', 'scheduled', true],
    ['scheduled', 'published', true], ['scheduled', 'approved', true], ['approved', 'in_review', true], ['in_review', 'draft', true],
    ['draft', 'cancelled', true], ['cancelled', 'draft', true], ['idea', 'scheduled', false], ['draft', 'scheduled', false],
    ['published', 'cancelled', false], ['published', 'draft', false], ['cancelled', 'scheduled', false],
  ])('%s → %s is %s', (from, to, ok) => expect(canTransition(from, to)).toBe(ok));

  const now = new Date('2026-11-01T00:00:00Z');
  const later = new Date('2026-11-02T02:00:00Z');
  const v = (approved: boolean, accountId: string | null = 'a1') => ({ id: 'v', accountId, approved });
  it.each([
    ['approved item, approved variants', 'approved', [v(true), v(true)], later, null],
    ['review synced late', 'in_review', [v(true)], later, null],
    ['one variant changed since approval', 'approved', [v(true), v(false)], later, 'content.not_approved'],
    ['no variants', 'approved', [], later, 'content.no_variants'],
    ['variant without account', 'approved', [v(true, null)], later, 'content.no_account'],
    ['in the past', 'approved', [v(true)], new Date('2026-10-31T00:00:00Z'), 'content.in_past'],
    ['a draft', 'draft', [v(true)], later, 'content.not_approved'],
    ['a cancelled item', 'cancelled', [v(true)], later, 'content.invalid_transition'],
  ] as const)('canSchedule: %s', (_n, status, variants, at, code) => {
    const r = canSchedule({ status }, variants, at, now);
    expect(r.ok ? null : r.code).toBe(code);
  });
});

describe('platform adaptation', () => {
  const master = { text: '双11 你准备好了吗？\n#星河咖啡# 新品 #秋冬限定 上市\n评论区聊聊', hashtags: ['双11'], mentions: ['星河咖啡官方'] };
  it.each([
    ['weibo', '#星河咖啡# 新品 #秋冬限定# 上市', '#双11#', '@星河咖啡官方'],
    ['douyin', '#星河咖啡 新品 #秋冬限定 上市', '#双11', '@星河咖啡官方'],
    ['xiaohongshu', '#星河咖啡 新品 #秋冬限定 上市', '#双11', '@星河咖啡官方'],
  ] as const)('%s: converts topics and appends tags and mentions', (platform, line, tag, mention) => {
    const a = adaptForPlatform(master, platform);
    expect(a.text.split('\n')[1]).toBe(line);
    expect(a.text).toContain(tag);
    expect(a.text).toContain(mention);
  });
  it('wechat: no topics or mentions, a derived title ≤ 64 and a digest', () => {
    const a = adaptForPlatform({ ...master, text: `${'长'.repeat(80)}\n正文` }, 'wechat');
    expect(a.text).not.toContain('#');
    expect([...a.title!].length).toBe(64);
    expect(a.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['title.derived', 'title.truncated', 'hashtags.dropped', 'mentions.dropped']));
    expect(a.digest).toBeTruthy();
  });
  it('bilibili: topics go to the tags field', () => {
    const a = adaptForPlatform(master, 'bilibili');
    expect(a.tags).toEqual(['星河咖啡', '秋冬限定', '双11']);
    expect(a.text).not.toContain('#');
  });
  it.each([
    ['weibo', '中文abc', 4], ['weibo', 'abcd', 2], ['weibo', '😀', 1], ['douyin', '中文abc', 5], ['bluesky', '👍🏻a', 2],
  ] as const)('counts %s “%s” as %i', (p, t, n) => expect(countFor(t, p)).toBe(n));
  it('flags length: Weibo folds after 140 and refuses beyond 2000; Douyin needs a video', () => {
    expect(adaptForPlatform({ text: '字'.repeat(150) }, 'weibo').warnings.map((w) => w.code)).toContain('text.folded');
    expect(adaptForPlatform({ text: '字'.repeat(2001) }, 'weibo').warnings.map((w) => w.code)).toContain('text.too_long');
    expect(adaptForPlatform({ text: 'hi' }, 'douyin').warnings.map((w) => w.code)).toContain('media.video_required');
    expect(adaptForPlatform({ text: 'hi' }, 'douyin', [{ id: 'm', kind: 'video', durationSec: 30 }]).warnings).toEqual([]);
  });
  it('extracts and converts both hashtag syntaxes', () => {
    expect(extractHashtags('#甲# 和 #乙 还有#丙#')).toEqual(['甲', '丙', '乙']);
    expect(convertHashtags('#甲# 和 #乙', '#x#')).toBe('#甲# 和 #乙#');
    expect(convertHashtags('#甲# 和 #乙', 'none')).toBe('甲 和 乙');
  });
});

describe('weekday and local time in the workspace time zone', () => {
  it.each([
    ['2026-11-01T16:30:00Z', 'Asia/Shanghai', '周一'], ['2026-11-01T16:30:00Z', 'America/New_York', '周日'],
    ['2026-03-08T06:59:00Z', 'America/New_York', '周日'], ['2026-03-29T00:30:00Z', 'Europe/Berlin', '周日'],
    ['2026-10-25T23:30:00Z', 'Europe/Berlin', '周一'],
  ])('%s in %s is %s', (iso, tz, label) => expect(weekdayLabel(new Date(iso), tz)).toBe(label));
  it('keeps the local time of day across a DST change and refuses a skipped time', () => {
    const before = fromLocal('2026-03-27', '09:00', 'Europe/Berlin')!;
    expect(before.toISOString()).toBe('2026-03-27T08:00:00.000Z');
    expect(moveToDate(before, '2026-03-30', 'Europe/Berlin')!.toISOString()).toBe('2026-03-30T07:00:00.000Z');
    expect(fromLocal('2026-03-29', '02:30', 'Europe/Berlin')).toBeNull();
  });
});

describe('copy checklist', () => {
  const keys = (t: string) => checkCopy(t).filter((c) => c.ok).map((c) => c.key);
  it.each([
    ['你还在为早起犯困发愁吗？\n一杯冷萃，三分钟唤醒一整天：低酸、顺滑、咖啡因刚刚好，通勤路上也能喝。\n评论区聊聊你的提神方法 #早安咖啡#', ['hook', 'hook_short', 'value', 'cta', 'topic']],
    ['3 个方法挑到好咖啡豆\n看产地看烘焙日期看风味描述，买豆子之前先想清楚自己喜欢什么口味再下单。\n关注我们获取更多', ['hook', 'hook_short', 'value', 'cta']],
    ['我们更新了官网。', ['hook_short']],
  ])('%s', (text, ok) => expect(keys(text)).toEqual(ok));
});

describe('best times learn from data', () => {
  const tz = 'Asia/Shanghai';
  it('starts from the manuals’ defaults with no confidence', () => {
    const g = learnBestTimes([], tz, 'weibo');
    expect(g).toMatchObject({ source: 'default', confidence: 0, samples: 0 });
    const top = topCells(g, 3);
    expect(top.every((c) => c.weekday <= 5 && c.hour >= 12 && c.hour <= 19)).toBe(true);
  });
  it('moves to the account’s own best slot as observations arrive, with rising confidence', () => {
    // Saturday 09:00 local performs three times better than the account's other posts.
    const rows = [];
    for (let w = 0; w < 12; w++) {
      const sat = new Date(Date.UTC(2026, 8, 5 + 7 * w, 1));
      rows.push({ publishedAt: sat, interactionRate: 0.09 });
      rows.push({ publishedAt: new Date(Date.UTC(2026, 8, 1 + 7 * w, 4)), interactionRate: 0.03 });
    }
    const few = learnBestTimes(rows.slice(0, 2), tz, 'weibo');
    const many = learnBestTimes(rows, tz, 'weibo');
    expect(topCells(few, 1)[0]).not.toMatchObject({ weekday: 6, hour: 9 });
    expect(topCells(many, 1)[0]).toMatchObject({ weekday: 6, hour: 9, samples: 12 });
    expect(many.confidence).toBeGreaterThan(few.confidence);
    const slots = suggestSlots(many, new Date('2026-11-02T00:00:00Z'), tz, 2);
    expect(slots.map((s) => s.at.toISOString())).toContain('2026-11-07T01:00:00.000Z');
  });
});

describe('cadence', () => {
  const tz = 'Asia/Shanghai';
  const at = (d: string, h = 10) => new Date(`${d}T${String(h - 8).padStart(2, '0')}:00:00Z`);
  const midnight = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) - 8 * 3_600_000);
  it('finds days below Weibo’s 1/day and weeks below WeChat’s 3/week', () => {
    const days = cadenceGaps({ minPosts: 1, per: 'day' }, [at('2026-11-02'), at('2026-11-04')], midnight('2026-11-02'), midnight('2026-11-05'), tz);
    expect(days.map((g) => g.periodStart)).toEqual(['2026-11-03']);
    const weeks = cadenceGaps({ minPosts: 3, per: 'week' }, [at('2026-11-02'), at('2026-11-03'), at('2026-11-10')], midnight('2026-11-02'), midnight('2026-11-16'), tz);
    expect(weeks).toEqual([
      { periodStart: '2026-11-02', periodEnd: '2026-11-08', planned: 2, required: 3 },
      { periodStart: '2026-11-09', periodEnd: '2026-11-15', planned: 1, required: 3 },
    ]);
  });
  it('warns when the next 7 days are thin', () => {
    expect(planAhead({ minPosts: 3, per: 'week' }, [at('2026-11-03')], at('2026-11-02', 8))).toEqual({ thin: true, planned: 1, expected: 3 });
    expect(planAhead({ minPosts: 1, per: 'week' }, [at('2026-11-03')], at('2026-11-02', 8)).thin).toBe(false);
  });
  it('refuses crowded slots: 30-minute spacing and WeChat once a day', () => {
    expect(slotConflict('weibo', at('2026-11-02', 10), [at('2026-11-02', 10)], tz)).toMatch(/30 分钟/);
    expect(slotConflict('weibo', at('2026-11-02', 12), [at('2026-11-02', 10)], tz)).toBeNull();
    expect(slotConflict('wechat', at('2026-11-02', 20), [at('2026-11-02', 9)], tz)).toMatch(/每天最多/);
  });
});

describe('festival nodes and the sheet', () => {
  it('lists lunar and commerce nodes for 2026 and 2027', () => {
    const names = (y: number) => Object.fromEntries(festivalNodes(y).map((n) => [n.name, n.date]));
    expect(names(2026)).toMatchObject({ 春节: '2026-02-17', 元宵节: '2026-03-03', 七夕: '2026-08-19', 中秋节: '2026-09-25', 双11: '2026-11-11', 618: '2026-06-18' });
    expect(names(2027)).toMatchObject({ 春节: '2027-02-06', 七夕: '2027-08-08', 中秋节: '2027-09-15', 双12: '2027-12-12' });
  });
  it.each([['50000/1200', [50000, 1200]], ['5万/1,200', [50000, 1200]], ['', [null, null]], ['8000', [8000, null]], ['很多', undefined]] as const)(
    'reads 预期数据 %s', (raw, out) => expect(parsePair(raw)).toEqual(out));
  it('reads rows with line numbers and reports every bad cell', () => {
    const members = new Map([['陈晨', 'u1']]);
    const ok = { 日期: '2026-11-03 12:00', 发布平台: '微博、抖音', 内容主题: '预热', 负责人: '陈晨', '预期数据(曝光/互动)': '5万/800' };
    const r = readRows([ok, { ...ok, 日期: '11月3日', 发布平台: '推特', 负责人: '路人' }], 2, 'Asia/Shanghai', members);
    expect(Object.keys(r.problems)).toEqual(['line 3 · 日期', 'line 3 · 发布平台', 'line 3 · 负责人']);
    expect(r.items[0]!.item).toMatchObject({ platforms: ['weibo', 'douyin'], ownerId: 'u1', expectedExposure: 50000, plannedAt: new Date('2026-11-03T04:00:00Z') });
  });
});
