/**
 * Text files as people's spreadsheets write them: UTF-8 (with or without a BOM), UTF-16 LE/BE (Excel's
 * "Unicode text", with a BOM or recognisable by its zero bytes) and GB18030/GBK/GB2312 (Excel's CSV on
 * Chinese Windows), Big5 from Traditional-Chinese systems. Anything else is refused with the encoding
 * that was found, so that the person knows to save the file as "CSV UTF-8".
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';

export interface DecodedText { text: string; encoding: string }

export class UnsupportedEncodingError extends Error {
  constructor(readonly found: string) {
    super(`the file is in ${found}, which Chorus cannot read: save it as "CSV UTF-8"`);
  }
}

/** UTF-16 without a BOM: most characters of a CSV are ASCII, so every other byte is zero. */
function utf16Guess(buf: Buffer): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(buf.length - (buf.length % 2), 4096);
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (buf[i] === 0) evenZero++;
    if (buf[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.3 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.3 && oddZero < pairs * 0.05) return 'utf-16be';
  return null;
}

const CHINESE = new Map([['GB18030', 'gb18030'], ['GBK', 'gb18030'], ['GB2312', 'gb18030'], ['Big5', 'big5']]);

export function decodeText(buf: Buffer): DecodedText {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return { text: buf.subarray(3).toString('utf8'), encoding: 'utf-8' };
  if (buf[0] === 0xff && buf[1] === 0xfe) return { text: iconv.decode(buf.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
  if (buf[0] === 0xfe && buf[1] === 0xff) return { text: iconv.decode(buf.subarray(2), 'utf-16be'), encoding: 'utf-16be' };
  const wide = utf16Guess(buf);
  if (wide) return { text: iconv.decode(buf, wide), encoding: wide };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buf), encoding: 'utf-8' };
  } catch {
    // not UTF-8: ask what it looks like
  }
  const found = chardet.detect(buf) ?? 'an unknown encoding';
  const chinese = CHINESE.get(found);
  if (chinese) return { text: iconv.decode(buf, chinese), encoding: chinese };
  throw new UnsupportedEncodingError(found);
}
