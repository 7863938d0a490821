import { describe, expect, it } from 'vitest';
import type { ContentRules } from './connector';
import { countText, formatHashtag, validateAgainstRules, withHashtags } from './content-rules';
import { parseSimpleXml, xmlList, xmlText } from './webhook-util';

describe('countText', () => {
  it.each([
    ['合声', 'chars', 2], ['👍🏽', 'chars', 2], ['👍🏽', 'graphemes', 1], ['👨‍👩‍👧', 'graphemes', 1],
    ['合声', 'bytes', 6], ['abc', 'cjk-weighted', 2], ['合声ab', 'cjk-weighted', 3], ['，。', 'cjk-weighted', 2],
  ] as const)('%s counted as %s is %d', (text, counting, n) => {
    expect(countText(text, counting)).toBe(n);
  });
});

describe('hashtags', () => {
  it('renders each style and does not repeat a tag already in the text', () => {
    expect(formatHashtag('新品', '#x#')).toBe('#新品#');
    expect(formatHashtag('open source', '#x')).toBe('#opensource');
    expect(withHashtags('上新 #新品', ['新品', '春季'], '#x')).toBe('上新 #新品 #春季');
    expect(withHashtags('上新', ['新品'], 'field')).toBe('上新');
  });
});

describe('validateAgainstRules', () => {
  const rules: ContentRules = { maxText: 14, textCounting: 'chars', maxImages: 1, hashtagStyle: '#x', mentionStyle: '@name', linkDomainRequired: ['a.cn'], requiresMedia: 'image' };
  it('reports every broken rule with a code', () => {
    const issues = validateAgainstRules({ text: 'https://b.cn/xyz', media: [], idempotencyKey: 'k' }, rules);
    expect(issues.map((i) => i.code)).toEqual(['text.too_long', 'media.image_required', 'link.domain_required']);
    expect(validateAgainstRules({ text: 'http://x.a.cn', media: [{ kind: 'image', filename: 'a', mimeType: 'image/png', data: new Uint8Array(1) }], idempotencyKey: 'k' }, rules)).toEqual([]);
  });
});

describe('parseSimpleXml', () => {
  it('reads CDATA, nesting and repeated tags', () => {
    const x = parseSimpleXml('<?xml version="1.0"?><xml><A><![CDATA[你好 <b>]]></A><L><item><i>1</i></item><item><i>2</i></item></L><E/></xml>');
    const root = x.xml as Record<string, any>;
    expect(xmlText(root.A)).toBe('你好 <b>');
    expect(xmlList(root.L.item).map((n: any) => n.i)).toEqual(['1', '2']);
    expect(root.E).toBe('');
    expect(() => parseSimpleXml('<xml><a></xml>')).toThrow();
  });
});
