import { describe, expect, it } from 'vitest';
import { filtersFromParams, filtersToParams, summarize, type InboundItem } from './api';

const item = (analysis: InboundItem['analysis']): InboundItem => ({
  id: Math.random().toString(36), accountId: 'a', platform: 'weibo', type: 'comment', via: 'poll',
  occurredAt: '2025-01-01T00:00:00Z', receivedAt: '2025-01-01T00:00:00Z', author: null, platformPostId: null, text: 'x', analysis,
});

describe('summarize', () => {
  it('counts sentiment, intent and spam of analysed items only', () => {
    const s = summarize([
      item({ sentiment: 'positive', score: 0.9, intent: 'praise', spam: false, keywords: [] }),
      item({ sentiment: 'negative', score: -0.8, intent: 'complaint', spam: false, keywords: [] }),
      item({ sentiment: 'neutral', score: 0, intent: 'spam', spam: true, keywords: [] }),
      item(null),
    ]);
    expect(s).toEqual({
      total: 4, analysed: 3, spam: 1,
      sentiment: { positive: 1, neutral: 1, negative: 1 },
      intent: { inquiry: 0, complaint: 1, praise: 1, spam: 1, other: 0 },
    });
  });
});

describe('filters in the address', () => {
  it('reads known values and ignores the rest', () => {
    const id = '0b7c6a2e-8a57-4a0b-9d7e-2b1f3c4d5e6f';
    expect(filtersFromParams(new URLSearchParams(`type=dm&sentiment=negative&intent=bogus&accountId=${id}`)))
      .toEqual({ type: 'dm', sentiment: 'negative', intent: undefined, accountId: id });
    expect(filtersFromParams(new URLSearchParams('accountId=../../x')).accountId).toBeUndefined();
  });
  it('writes only what is set', () => {
    expect(filtersToParams({ type: 'comment', sentiment: undefined, intent: 'complaint' }).toString()).toBe('type=comment&intent=complaint');
  });
});
