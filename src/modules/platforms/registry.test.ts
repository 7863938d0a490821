import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../kernel/clock';
import { noNetworkFetch } from '../../../test/contract-servers/harness';
import type { ConnectorContext, PlatformSlug } from './connector';
import { createConnector, getPlatform, listPlatforms } from './registry';

const ctx = (flags: ConnectorContext['flags'] = {}): ConnectorContext => ({ credentials: {}, fetch: noNetworkFetch, clock: fixedClock('2026-11-20T00:00:00Z'), flags });

describe('platform registry', () => {
  it('lists every platform the manuals name, with zh-CN and en-US names', () => {
    const slugs = listPlatforms().map((p) => p.slug);
    expect(slugs).toEqual(expect.arrayContaining(['weibo', 'wechat', 'douyin', 'kuaishou', 'xiaohongshu', 'bilibili', 'zhihu', 'linkedin', 'mastodon', 'bluesky', 'telegram', 'sandbox']));
    for (const p of listPlatforms()) {
      expect(p.names['zh-CN']).toBeTruthy();
      expect(p.names['en-US']).toBeTruthy();
    }
    expect(getPlatform('xiaohongshu')?.names['zh-CN']).toBe('小红书');
  });

  it('summaries match the research table: restricted, assisted and api where they should be', () => {
    expect(getPlatform('weibo')!.capabilities.publish.text).toBe('restricted');
    expect(getPlatform('douyin')!.capabilities.publish.video).toBe('restricted');
    expect(getPlatform('douyin')!.capabilities.completion).toBe('handoff');
    expect(getPlatform('xiaohongshu')!.capabilities.publish.image).toBe('assisted');
    expect(getPlatform('zhihu')!.capabilities.completion).toBe('handoff');
    expect(getPlatform('wechat')!.capabilities.publish.article).toBe('api');
    expect(getPlatform('kuaishou')!.capabilities.comments.list).toBe(false);
    expect(getPlatform('bilibili')!.capabilities.completion).toBe('poll');
  });

  it('creates every connector offline, and its platform matches the slug', () => {
    for (const p of listPlatforms()) {
      const c = createConnector(p.slug, ctx());
      expect(c.platform).toBe(p.slug);
      expect(c.rules.maxText).toBeGreaterThan(0);
    }
  });

  it('account flags upgrade or switch off capabilities without code changes', () => {
    expect(createConnector('douyin', ctx({ publishApproved: true })).capabilities.publish.video).toBe('api');
    const c = createConnector('wechat', ctx({ 'off:comments.reply': true, 'off:dms': true, 'off:publish.article': true }));
    expect(c.capabilities.comments).toMatchObject({ list: true, reply: false });
    expect(c.capabilities.dms).toEqual({ receive: false, send: false, replyWindowHours: null });
    expect(c.capabilities.publish.article).toBe('none');
    expect(typeof c.publish).toBe('function');
  });

  it('a slug without a connector falls back to the assisted hand-off', () => {
    const c = createConnector('x-unknown' as PlatformSlug, ctx());
    expect(c.capabilities.completion).toBe('handoff');
    expect(c.capabilities.publish.text).toBe('assisted');
  });
});
