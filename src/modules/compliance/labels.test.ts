import { describe, expect, it } from 'vitest';
import { hasAdLabel, hasAiLabel } from './labels.js';
import { createComplianceService } from './service.js';

const service = createComplianceService();
const applyFix = (text: string, f: { start: number; end: number; replacement: string | null }) => text.slice(0, f.start) + (f.replacement ?? '') + text.slice(f.end);

describe('「广告」 label on commercial items', () => {
  it('a commercial item without 「广告」 is blocked; the one-click fix inserts it and the copy passes', () => {
    const text = '新款耳机限时 299 元，点击链接购买';
    const result = service.check({ text, platform: 'weibo', commercial: true });
    const f = result.findings.find((x) => x.category === 'ad-label/missing')!;
    expect(f).toMatchObject({ rule: 'ad-label.missing', severity: 'block', start: 0, end: 0, replacement: '「广告」' });
    const fixed = applyFix(text, f);
    expect(fixed.startsWith('「广告」')).toBe(true);
    expect(service.check({ text: fixed, platform: 'weibo', commercial: true }).findings.map((x) => x.category)).not.toContain('ad-label/missing');
  });

  it('a non-commercial item needs no label', () => {
    expect(service.check({ text: '新款耳机限时 299 元', platform: 'weibo' }).findings).toEqual([]);
  });

  it.each(['【广告】新品上市', '#广告# 新品上市', '新品上市 | 广告', '广告：新品上市', '本文为广告，新品上市', '(广告) 新品上市'])('accepts %s', (text) => {
    expect(hasAdLabel(text)).toBe(true);
  });

  it.each(['遵守广告法', '我们在招广告位', '新品上市'])('does not take %s as a label', (text) => {
    expect(hasAdLabel(text)).toBe(false);
  });
});

describe('explicit AI label', () => {
  it('AI-generated copy without a label gets ai-label/missing; the fix inserts 「AI生成」', () => {
    const text = '秋天的第一杯咖啡，温暖上线。';
    const f = service.check({ text, platform: 'xiaohongshu', aiGenerated: true }).findings.find((x) => x.category === 'ai-label/missing')!;
    expect(f.replacement).toBe('「AI生成」');
    expect(service.check({ text: applyFix(text, f), platform: 'xiaohongshu', aiGenerated: true }).findings).toEqual([]);
  });

  it.each(['本内容由人工智能生成', '（ａｉ 生成）配图', 'AIGC 创作', '#AI合成#'])('accepts %s', (text) => {
    expect(hasAiLabel(text)).toBe(true);
  });

  it('copy written by a person needs none', () => {
    expect(service.check({ text: '秋天的第一杯咖啡', platform: 'weibo', aiGenerated: false }).findings).toEqual([]);
  });
});
