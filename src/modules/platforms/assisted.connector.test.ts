import { describe, expect, it } from 'vitest';
import { mp4, png } from '../../../test/contract-servers/context';
import { createAssistedConnector, parsePostUrl } from './assisted.connector';
import { BadContentError } from './errors';
import type { OutgoingPost, PlatformSlug } from './connector';

const note = (over: Partial<OutgoingPost> = {}): OutgoingPost => ({
  title: '职场穿搭｜一周不重样', text: '通勤也能很好看', tags: ['职场穿搭', '通勤'], media: [png('1.png'), png('2.png')], idempotencyKey: 'k', ...over,
});

describe('assisted connector', () => {
  it('prepares a Xiaohongshu hand-off: final copy with #tags, media in order, checklist', async () => {
    const c = createAssistedConnector('xiaohongshu');
    expect(c.capabilities.publish).toEqual({ text: 'none', image: 'assisted', video: 'assisted', article: 'none' });
    expect(c.capabilities.completion).toBe('handoff');
    const res = await c.publish(note());
    expect(res.status).toBe('handoff');
    expect(res.handoff).toMatchObject({
      platform: 'xiaohongshu', title: '职场穿搭｜一周不重样', text: '通勤也能很好看 #职场穿搭 #通勤',
      media: [{ kind: 'image', filename: '1.png' }, { kind: 'image', filename: '2.png' }], warnings: [],
    });
    expect(res.handoff!.checklist.length).toBeGreaterThan(2);
  });

  it('enforces the platform rules before handing off, and warns about links and contact details', async () => {
    const c = createAssistedConnector('xiaohongshu');
    await expect(c.publish(note({ title: '这是一个超过二十个字的小红书标题真的太长了吧' }))).rejects.toBeInstanceOf(BadContentError);
    await expect(c.publish(note({ media: [] }))).rejects.toBeInstanceOf(BadContentError);
    expect(c.validate(note({ media: Array.from({ length: 19 }, (_, i) => png(`${i}.png`)) })).map((i) => i.code)).toEqual(['media.too_many_images']);
    const res = await c.publish(note({ text: '详情 https://example.com 加微信: brand_2026', media: [mp4()] }));
    expect(res.handoff!.warnings).toHaveLength(2);
  });

  it('Zhihu topics are a field: listed in the checklist, not appended to the text', async () => {
    const res = await createAssistedConnector('zhihu').publish(note({ media: [] }));
    expect(res.handoff!.text).toBe('通勤也能很好看');
    expect(res.handoff!.checklist.at(-1)).toBe('话题：职场穿搭、通勤');
  });

  it.each<[PlatformSlug, string, string]>([
    ['xiaohongshu', 'https://www.xiaohongshu.com/explore/64f1a2b3c4d5e6f708192a3b?xsec_token=abc', '64f1a2b3c4d5e6f708192a3b'],
    ['xiaohongshu', 'http://xhslink.com/a/Ab3dEf9', 'Ab3dEf9'],
    ['zhihu', 'https://zhuanlan.zhihu.com/p/660123456', '660123456'],
    ['zhihu', 'https://www.zhihu.com/question/123/answer/456789/', '456789'],
    ['zhihu', 'https://www.zhihu.com/pin/1700000000000', '1700000000000'],
    ['weibo', 'https://weibo.com/1902538057/NkCdE1fGh', 'NkCdE1fGh'],
    ['douyin', 'https://www.douyin.com/video/7301234567890123456', '7301234567890123456'],
    ['bilibili', 'https://www.bilibili.com/video/BV1GJ411x7h7/', 'BV1GJ411x7h7'],
    ['wechat', 'https://mp.weixin.qq.com/s/b5O2OUs25HBxRceL7hfReg', 'b5O2OUs25HBxRceL7hfReg'],
    ['linkedin', 'https://www.linkedin.com/feed/update/urn:li:share:7100000000001/', 'urn:li:share:7100000000001'],
  ])('confirms %s post URL %s', async (platform, url, id) => {
    expect(await createAssistedConnector(platform).confirmByUrl!(url)).toMatchObject({ platformPostId: id });
  });

  it.each<[PlatformSlug, string]>([
    ['xiaohongshu', 'https://www.xiaohongshu.com.evil.cn/explore/64f1a2b3c4d5e6f708192a3b'],
    ['xiaohongshu', 'https://www.xiaohongshu.com/user/profile/5a1b2c3d4e5f60718293a4b5'],
    ['xiaohongshu', 'https://www.zhihu.com/pin/1'],
    ['zhihu', 'https://www.zhihu.com/people/someone'],
    ['zhihu', 'javascript:alert(1)'],
    ['zhihu', 'not a url'],
  ])('refuses %s URL %s', (platform, url) => {
    expect(() => parsePostUrl(platform, url)).toThrow(BadContentError);
  });
});
