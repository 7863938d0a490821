import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { FILLER, foldCodeUnit, normalizeTerm, normalizeWithOffsets } from './normalize.js';

describe('fold table', () => {
  it('folds case and full width', () => {
    expect(normalizeTerm('ＡｂＣ１２３')).toBe('abc123');
    expect(normalizeTerm('VX')).toBe('vx');
  });

  it('maps traditional characters to simplified ones as opencc-js does', () => {
    const convert = OpenCC.Converter({ from: 't', to: 'cn' });
    for (const ch of '國家級頂獨發們說時會對開與') {
      expect(String.fromCharCode(foldCodeUnit(ch.charCodeAt(0)))).toBe(convert(ch));
    }
    expect(normalizeTerm('國家級')).toBe('国家级');
  });

  it('treats dodging characters as fillers but keeps sentence punctuation', () => {
    for (const ch of ' *-_.·~|/😀★❤') expect(foldCodeUnit(ch.charCodeAt(0))).toBe(FILLER);
    for (const ch of '，。！？；：%\n') expect(foldCodeUnit(ch.charCodeAt(0))).not.toBe(FILLER);
    expect(normalizeTerm('最 * 好')).toBe('最好');
  });
});

describe('normalizeWithOffsets', () => {
  it('maps every folded code unit back to its original offset', () => {
    const original = '😀最-好Ａ';
    const { text, offsets } = normalizeWithOffsets(original);
    expect(text).toBe('最好a');
    expect([...offsets]).toEqual([2, 4, 5]);
  });
});
