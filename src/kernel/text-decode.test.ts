import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { UnsupportedEncodingError, decodeText } from './text-decode.js';

const CSV = '日期,平台,账号,标题\r\n2026-11-01,微博,星河咖啡官方微博,冬季限定「热红酒拿铁」上市\r\n';

describe('reading the text files spreadsheets write', () => {
  it.each([
    ['utf-8', Buffer.from(CSV, 'utf8')],
    ['utf-8 with a BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(CSV, 'utf8')])],
    ['GBK (Excel on Chinese Windows)', iconv.encode(CSV, 'gbk')],
    ['GB18030', iconv.encode(CSV, 'gb18030')],
    ['UTF-16 LE with a BOM (Excel "Unicode text")', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(CSV, 'utf-16le')])],
    ['UTF-16 BE with a BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(CSV, 'utf-16be')])],
    ['UTF-16 LE without a BOM', iconv.encode(CSV, 'utf-16le')],
  ])('reads %s', (_name, bytes) => {
    expect(decodeText(bytes).text).toBe(CSV);
  });

  it('names the encoding it cannot read', () => {
    const sjis = iconv.encode('日付,プラットフォーム,アカウント,タイトル\r\n2026-11-01,ツイッター,コーヒー,冬の限定ラテが新登場しました\r\n'.repeat(5), 'shift_jis');
    expect(() => decodeText(sjis)).toThrow(UnsupportedEncodingError);
    expect(() => decodeText(sjis)).toThrow(/Shift_JIS|EUC-JP|ISO-2022/);
  });
});
