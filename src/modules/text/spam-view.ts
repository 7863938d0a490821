/**
 * The "spam view" of a message: the text as a spammer meant it to be read, with the usual
 * evasions undone, so that one pattern per idea is enough.
 * - full-width letters and digits (NFKC), lower case; squared/circled letters (🆅 ⓥ) → v
 * - ➕ / + / 家 / 佳 before a contact word → 加; 威信 薇芯 嶶信 徽信 卫星 绿泡泡 vx wx v❤x → 微信;
 *   扣扣 蔻蔻 企鹅 → qq; 威/薇/嶶/溦 right after 加 → v
 * - emoji and symbols between characters dropped (微❤信, 1🌟2🌟3), keycap digits (1️⃣) read as digits
 * - Chinese numerals in runs (一三八零零一二三四五六, 幺) → digits; digits and letters split by
 *   spaces, dots or dashes (1 3 8 …, z.h.a.n.g) joined
 * Links are replaced by a marker first (they must not be joined with the next word).
 */

export const VIEW_LINK = '\u2318'; // ⌘: a link in the spam view

const SHORT_LINK = /(?:https?:\/\/|www\.)[^\s\u4e00-\u9fff，。！？👉👈]+|\b[a-z0-9-]{1,24}\.(?:cn|com|net|org|top|xyz|vip|cc|co|me|io|shop|club|site|ly|gl|im|link|info|ink|icu|fun|online|app|to)\b(?:\/[a-z0-9_./?=&%-]*)?/g;
const EMOJI = /[\p{Extended_Pictographic}\u{1F100}-\u{1F1FF}\u20e3\ufe0f\u200d\u2600-\u27bf\u2b00-\u2bff\u3030]/gu;
const NUMERAL: Record<string, string> = { 零: '0', 〇: '0', 一: '1', 幺: '1', 二: '2', 两: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };
const NUMERAL_RUN = /[0-9零〇一幺二两三四五六七八九]{5,}/g;

function letterOf(cp: number): string | undefined {
  // negative squared (🅰…🆉), negative circled (🅐…🅩), squared (🄰…🅉) Latin capitals
  for (const base of [0x1f170, 0x1f150, 0x1f130]) if (cp >= base && cp < base + 26) return String.fromCharCode(97 + cp - base);
  return undefined;
}

/** Characters outside plain CJK text and common punctuation: only then do the symbol steps run. */
const NON_PLAIN = /[^\u4e00-\u9fff\u3000-\u303f\uff01-\uff5e，。！？、：；“”‘’（）《》…—\n]/;
const HAS_ALNUM = /[0-9a-z]/;
const HOMOPHONE_CHARS = /[威薇嶶溦徽魏卫维唯伟巍危微vwq绿小扣蔻抠企家佳嘉珈加]/;
const HAS_NUMERAL = /[零〇一幺二两三四五六七八九]{5}/;

export function spamView(text: string): string {
  let s = text.length > 2000 ? text.slice(0, 2000) : text;
  s = s.normalize('NFKC').toLowerCase();
  if (NON_PLAIN.test(s)) {
    s = s.replace(/[\u{1F130}-\u{1F189}]/gu, (c) => letterOf(c.codePointAt(0)!) ?? c);
    s = s.replace(/[➕+]\s*/g, '加');
    // a heart inside a word is noise (微❤信); after 加 or between v and x it stands for 心/信 (加❤, V❤X)
    s = s.replace(/(?<=[\u4e00-\u9fff])[❤♥💗💓💖💕💚💜🧡💛💙🖤]\ufe0f?(?=[\u4e00-\u9fff])/gu, '').replace(/[❤♥💗💓💖💕💚💜🧡💛💙🖤]/gu, '心');
    if (s.includes('.') || s.includes('/')) s = s.replace(SHORT_LINK, VIEW_LINK);
    // a symbol or emoji between two characters is noise (微❤信, 1🌟2); at a word's edge it is a space
    s = s.replace(EMOJI, ' ');
  }
  const numerals = HAS_NUMERAL.test(s);
  if (numerals || /\d/.test(s)) {
    // digits (Arabic or Chinese) separated by spaces, dots, dashes: joined, then Chinese numerals read as digits
    s = s.replace(/([0-9零〇一幺二两三四五六七八九])[\s.\-_·*|/~、]+(?=[0-9零〇一幺二两三四五六七八九])/g, '$1');
    if (numerals) s = s.replace(/十(?=[三四五七八九][0-9零〇一幺二两三四五六七八九]{6,})/g, '1');
    s = s.replace(NUMERAL_RUN, (run) => (/[0-9]/.test(run) || run.length >= 7 ? run.replace(/[^0-9]/g, (c) => NUMERAL[c] ?? c) : run));
  }
  if (HAS_ALNUM.test(s)) {
    // single letters and digits split by spaces or dots (a b c 1 2 3, z.h.a.n.g) joined
    s = s.replace(/(?<![a-z0-9])([a-z0-9])(?:[\s.\-_·]+([a-z0-9])(?![a-z0-9]))+/g, (m) => m.replace(/[\s.\-_·]+/g, ''));
    s = s.replace(/([a-z])\s+(?=[a-z0-9]{3,})/g, (m, a: string) => (a === 'v' || a === 'q' || a === 'x' ? a : m)); // v x123 → vx123
  }
  // homophones of 微信 / qq and of 加 (one test first: most messages have none of these characters)
  if (!HOMOPHONE_CHARS.test(s)) return s.includes(' ') ? s.replace(/\s+/g, ' ').trim() : s;
  s = s.replace(/[威薇嶶溦徽魏卫维唯伟巍危]\s*[信芯心星欣]|v\s*心?\s*x(?=[\s:：0-9]|$)|vx|v\s*[信芯心]|[加家]\s*心(?=\s*[:：]?\s*[a-z0-9])|w\s*x|绿泡泡|小绿书|绿色软件|微\s*[芯心星]/g, '微信');
  s = s.replace(/扣扣|蔻蔻|抠抠|企鹅号|企鹅|q\s*q/g, 'qq');
  s = s.replace(/[家佳嘉珈](?=\s*(?:微信|v|威|薇|qq|扣|我))/g, '加');
  s = s.replace(/加(\s*我?)\s*[威薇嶶溦]/g, '加$1v');
  return s.includes(' ') ? s.replace(/\s+/g, ' ').trim() : s;
}
