/**
 * Code-unit folding for noise-tolerant matching.
 *
 * One table of 65,536 entries maps every UTF-16 code unit to its canonical form:
 * full-width ASCII → half-width, upper case → lower case, traditional → simplified
 * (single-character mapping derived once from opencc-js), and filler characters that
 * people insert to dodge filters (最 * 好, 微.信, 最-好, emoji) → FILLER (skipped).
 *
 * Every mapping is one code unit to one code unit (or to "skip"), so a matcher can scan
 * the ORIGINAL text through the table and report offsets into it without building a
 * normalised copy and an offset map.
 */
import * as OpenCC from 'opencc-js';

/** Marks a code unit that is skipped (not part of any term, does not break a match). */
export const FILLER = 0xffff;

/**
 * Characters skipped inside words. Sentence punctuation (。，！？；：), line breaks and
 * the percent sign are NOT fillers: they keep sentences apart and "100%" meaningful.
 */
const FILLER_CHARS =
  ' \t\u00a0\u3000*-_.·•~`\'"|/\\+=^()[]{}<>@&$#、～＊－＿．｀＂＇｜／＼＋＝＾（）［］｛｝＜＞' +
  '「」『』【】〔〕《》〈〉“”‘’…—–·★☆○●◎◇◆□■△▲▽▼※♡♥❤✿❀✪✰✨♪♫→←↑↓' +
  '\u200b\u200c\u200d\u2060\ufeff\ufe0f';

let foldTable: Uint16Array | null = null;

/** Traditional → simplified pairs for BMP ideographs, derived from opencc-js once. */
export function deriveT2sPairs(): Array<[number, number]> {
  const convert = OpenCC.Converter({ from: 't', to: 'cn' });
  const chars: string[] = [];
  for (let c = 0x3400; c <= 0x9fff; c++) chars.push(String.fromCharCode(c));
  for (let c = 0xf900; c <= 0xfaff; c++) chars.push(String.fromCharCode(c));
  // One character per line: opencc converts phrases, a line break keeps them apart.
  const converted = convert(chars.join('\n')).split('\n');
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < chars.length; i++) {
    const out = converted[i];
    if (out !== undefined && out.length === 1 && out !== chars[i]) {
      pairs.push([chars[i].charCodeAt(0), out.charCodeAt(0)]);
    }
  }
  return pairs;
}

/** The shared fold table (built on first use, ~60 ms, then cached for the process). */
export function getFoldTable(): Uint16Array {
  if (foldTable) return foldTable;
  const table = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) table[c] = c;
  for (let c = 0x41; c <= 0x5a; c++) table[c] = c + 0x20; // A-Z → a-z
  for (let c = 0xff01; c <= 0xff5e; c++) table[c] = table[c - 0xfee0]; // full-width ASCII
  for (const [from, to] of deriveT2sPairs()) table[from] = to;
  for (const ch of FILLER_CHARS) table[ch.charCodeAt(0)] = FILLER;
  // Emoji and pictographs (surrogate halves) and the dingbat/symbol blocks are fillers.
  for (let c = 0xd800; c <= 0xdfff; c++) table[c] = FILLER;
  for (let c = 0x2600; c <= 0x27bf; c++) table[c] = FILLER;
  foldTable = table;
  return table;
}

/** Folds one code unit (FILLER for characters that are skipped). */
export function foldCodeUnit(code: number): number {
  return getFoldTable()[code];
}

/**
 * Canonical form of a term or text: folded, fillers removed. Use it to compare terms
 * ("最 好" and "最好" have the same key); scanning uses the table directly.
 */
export function normalizeTerm(text: string): string {
  const table = getFoldTable();
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const f = table[text.charCodeAt(i)];
    if (f !== FILLER) out += String.fromCharCode(f);
  }
  return out;
}

export interface NormalizedText {
  /** Folded text with fillers removed. */
  text: string;
  /** For each code unit of `text`, its UTF-16 offset in the original. */
  offsets: Int32Array;
}

/** Folded text plus an offset map back to the original (for regex-style detectors). */
export function normalizeWithOffsets(original: string): NormalizedText {
  const table = getFoldTable();
  const codes = new Uint16Array(original.length);
  const offsets = new Int32Array(original.length);
  let n = 0;
  for (let i = 0; i < original.length; i++) {
    const f = table[original.charCodeAt(i)];
    if (f === FILLER) continue;
    codes[n] = f;
    offsets[n++] = i;
  }
  let text = '';
  const CHUNK = 8192;
  for (let i = 0; i < n; i += CHUNK) {
    text += String.fromCharCode.apply(null, codes.subarray(i, Math.min(n, i + CHUNK)) as unknown as number[]);
  }
  return { text, offsets: offsets.slice(0, n) };
}
