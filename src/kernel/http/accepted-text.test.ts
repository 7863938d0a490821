import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { acceptText, checkHeaders, scrubText } from './accepted-text.js';

const fieldOf = (f: () => unknown) => {
  try {
    f();
  } catch (err) {
    expect(err).toBeInstanceOf(DomainError);
    return Object.keys((err as DomainError).fields ?? {});
  }
  throw new Error('accepted');
};

describe('the text Chorus accepts', () => {
  it('names the field that holds a NUL or a lone surrogate, however deep', () => {
    expect(fieldOf(() => acceptText({ master: { hashtags: ['ok', 'a\u0000'] } }, 'body'))).toEqual(['master.hashtags.1']);
    expect(fieldOf(() => acceptText({ title: 'x\udc00' }, 'body'))).toEqual(['title']);
    expect(fieldOf(() => acceptText({ q: '\ud83d' }, 'query'))).toEqual(['query.q']);
    expect(fieldOf(() => acceptText({ ['k\u0000']: 1 }, 'body'))).toEqual(['body']);
    expect(fieldOf(() => checkHeaders({ 'x-trace': 'a\u0000' }))).toEqual(['headers.x-trace']);
  });

  it('keeps emoji and Chinese as they are and stores NFC', () => {
    expect(acceptText({ t: '星河咖啡 ☕️ 😀', n: 5, ok: true, none: null }, 'body')).toEqual({ t: '星河咖啡 ☕️ 😀', n: 5, ok: true, none: null });
    expect(acceptText({ t: 'cafe\u0301' }, 'body')).toEqual({ t: 'caf\u00e9' });
  });

  it('refuses JSON nested deeper than any schema, instead of exhausting the stack', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 10_000; i++) deep = [deep];
    expect(fieldOf(() => acceptText({ a: deep }, 'body'))[0]).toMatch(/^a(\.0)+$/);
  });

  it('makes text from platforms storable instead of refusing it', () => {
    const at = new Date('2026-11-11T00:00:00Z');
    expect(scrubText({ text: 'a\u0000b\ud800c 😀 cafe\u0301', at, n: [1, 'x\udc00'] })).toEqual({ text: 'ab\ufffdc 😀 caf\u00e9', at, n: [1, 'x\ufffd'] });
  });

  it('leaves raw bodies (webhook bytes) alone', () => {
    const raw = Buffer.from([0, 0xed, 0xa0, 0x80]);
    expect(acceptText(raw, 'body')).toBe(raw);
  });
});
