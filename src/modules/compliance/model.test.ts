import { describe, expect, it } from 'vitest';
import { checkLengths, checkMedia, measure, type MediaItem } from './model.js';
import { platformLimits } from './packs.js';

describe('measure', () => {
  it('counts code points, and half-width as half on Weibo', () => {
    expect(measure('你好😀', 'codepoint', 10).count).toBe(3);
    expect(measure('abcd你好', 'weibo', 10).count).toBe(4);
    expect(measure('一二三四', 'codepoint', 3).overflowAt).toBe(3);
    expect(measure('😀😀😀', 'codepoint', 2).overflowAt).toBe(4);
  });
});

describe('checkLengths', () => {
  it('flags a Xiaohongshu title over 20 characters from the first character beyond it', () => {
    const title = '这个秋天最值得入手的一件羊毛大衣推荐给你们';
    const [f] = checkLengths({ text: '正文', title }, 'xiaohongshu', platformLimits('xiaohongshu'));
    expect(f).toMatchObject({ category: 'platform/length', field: 'title', start: 20, end: title.length, severity: 'block' });
  });

  it.each([
    ['bilibili', 250],
    ['xiaohongshu', 1000],
    ['douyin', 1000],
    ['kuaishou', 500],
    ['linkedin', 3000],
  ] as const)('%s body limit %i', (platform, limit) => {
    expect(checkLengths({ text: '字'.repeat(limit) }, platform, platformLimits(platform))).toEqual([]);
    expect(checkLengths({ text: '字'.repeat(limit + 1) }, platform, platformLimits(platform))[0].start).toBe(limit);
  });

  it('Weibo allows 2000 characters, counting half-width characters as half', () => {
    expect(checkLengths({ text: 'a'.repeat(4000) }, 'weibo', platformLimits('weibo'))).toEqual([]);
    expect(checkLengths({ text: '字'.repeat(2001) }, 'weibo', platformLimits('weibo'))).toHaveLength(1);
  });

  it('a Weibo repost stops at 140', () => {
    expect(checkLengths({ text: '字'.repeat(140), variant: 'share' }, 'weibo', platformLimits('weibo'))).toEqual([]);
    expect(checkLengths({ text: '字'.repeat(141), variant: 'share' }, 'weibo', platformLimits('weibo'))[0].start).toBe(140);
  });

  it('WeChat article titles stop at 64', () => {
    expect(checkLengths({ text: '', title: '标'.repeat(64) }, 'wechat', platformLimits('wechat'))).toEqual([]);
    expect(checkLengths({ text: '', title: '标'.repeat(65) }, 'wechat', platformLimits('wechat'))).toHaveLength(1);
  });

  it('warns about too many hashtags', () => {
    const text = Array.from({ length: 11 }, (_, i) => `#话题${i}#`).join(' ');
    expect(checkLengths({ text }, 'xiaohongshu', platformLimits('xiaohongshu'))[0]).toMatchObject({ category: 'platform/format', severity: 'warn' });
  });
});

describe('checkMedia', () => {
  const cases: Array<[string, MediaItem, string[]]> = [
    ['no rights record', { id: 'a', kind: 'image' }, ['media/rights']],
    ['licensed without licence id', { id: 'b', kind: 'video', rights: { basis: 'licensed', licenceId: ' ' } }, ['media/rights']],
    ['licensed with licence id', { id: 'c', kind: 'image', rights: { basis: 'licensed', licenceId: 'VCG-1' } }, []],
    ['original', { id: 'd', kind: 'image', rights: { basis: 'original' } }, []],
    ['people shown without consent', { id: 'e', kind: 'image', rights: { basis: 'original', peopleShown: true } }, ['media/consent']],
    ['people shown with consent', { id: 'f', kind: 'video', rights: { basis: 'original', peopleShown: true, consentIds: ['c1'] } }, []],
    ['nothing at all, people shown', { id: 'g', kind: 'image', rights: { peopleShown: true } }, ['media/rights', 'media/consent']],
  ];
  it.each(cases)('%s', (_name, item, expected) => {
    const findings = checkMedia([item]);
    expect(findings.map((f) => f.category)).toEqual(expected);
    for (const f of findings) expect(f).toMatchObject({ mediaId: item.id, severity: 'block', field: 'media' });
  });
});
