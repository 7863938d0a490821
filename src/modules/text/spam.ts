import { MARK_URL } from './normalize.js';

/**
 * Spam and traffic diversion (引流): contact details, money-making offers, follow-for-follow,
 * links and phone numbers, repeated text. `spamSignals` scores one normalised message;
 * `BurstDetector` watches a stream of (author, text, time) for floods of identical comments.
 */

export interface SpamSignals {
  /** sum of the pattern weights; ≥ 1 reads as spam on its own */
  score: number;
  /** names of the patterns that fired, for explanations and tests */
  reasons: string[];
}

interface SpamPattern {
  name: string;
  re: RegExp;
  weight: number;
}

const PATTERNS: readonly SpamPattern[] = [
  { name: 'contact.wechat', re: /加\s*[vｖ微薇威]|[vｖ]\s*[:：]|[➕+]\s*[vｖ微]|威信|薇信|微信号|vx|wx[:：\s]|加微|加我[微v]|v我|加我好友|加好友/, weight: 1 },
  { name: 'contact.qq', re: /q\s*q\s*[:：]?\s*\d{5,}|扣扣|q群|加q|qq群/, weight: 1 },
  { name: 'contact.private', re: /私我|私聊|滴滴我|扣1|私信获取|私信咨询|私信领取|联系我|看我主页|看主页|戳主页|点我头像|看我头像|看简介|主页有|加群|进群/, weight: 0.7 },
  { name: 'money.job', re: /兼职|日结|日赚|月入|躺赚|网赚|打字员|赚钱|一单一结|一单\d+元|有偿/, weight: 0.7 },
  { name: 'money.fraud', re: /刷单|刷好评|刷粉|刷赞|刷播放|返利|好评返现|返现|贷款|低息|网贷|黑白户|代写|代做|包过|高价回收|代购|内部优惠|更便宜的渠道|出售.{0,6}账号|(?<![退登导提])出.{0,4}账号/, weight: 0.8 },
  { name: 'follow.swap', re: /互粉|互赞|互关|回关|关注必回|有关必回|求回关|求互粉/, weight: 1 },
  { name: 'lure', re: /免费领|免费送|领取.{0,6}(红包|资料|秘籍|教程|试用)|扫码|福利视频|陪聊|涨粉|限时秒杀|名额有限|抽.{0,3}送iphone|送教程/, weight: 0.6 },
  { name: 'phone', re: /(?<!\d)1[3-9]\d{9}(?!\d)/, weight: 0.8 },
];

const URL_WEIGHT = 0.6;

/** Longest run of one character repeated, or one 2–6 character chunk repeated, ≥ 4 times. */
function repeated(s: string): boolean {
  if (s.length < 8) return false;
  for (let len = 1; len <= 6; len++) {
    let run = 1;
    for (let i = len; i + len <= s.length; i += len) {
      if (s.substr(i, len) === s.substr(i - len, len)) {
        run++;
        if (run >= (len === 1 ? 6 : 4)) return true;
      } else run = 1;
    }
  }
  return false;
}

export function spamSignals(normalised: string): SpamSignals {
  const reasons: string[] = [];
  let score = 0;
  for (const p of PATTERNS) {
    if (p.re.test(normalised)) { score += p.weight; reasons.push(p.name); }
  }
  if (normalised.includes(MARK_URL)) { score += URL_WEIGHT; reasons.push('link'); }
  if (repeated(normalised)) { score += 0.5; reasons.push('repeated'); }
  return { score: Math.round(score * 100) / 100, reasons };
}

/** Fingerprint for duplicate detection: letters and CJK only, digits folded, at most 64 chars. */
export function fingerprint(normalised: string): string {
  return normalised.replace(/[^\p{L}\p{N}]/gu, '').replace(/\d+/g, '0').slice(0, 64);
}

export interface BurstOptions {
  /** window in milliseconds (default 10 minutes) */
  windowMs?: number;
  /** the same text this many times from one author within the window (default 3) */
  sameAuthorRepeats?: number;
  /** the same text from this many distinct authors within the window (default 5) */
  distinctAuthors?: number;
  /** this many messages from one author within `floodWindowMs` (default 10 in 60 s) */
  floodCount?: number;
  floodWindowMs?: number;
  /** bound on tracked keys; the oldest are dropped beyond it (default 50,000) */
  maxKeys?: number;
}

export interface BurstVerdict {
  burst: boolean;
  reason?: 'author.repeat' | 'many.authors' | 'author.flood';
  /** how many times this text was seen in the window, this message included */
  count: number;
}

interface Seen {
  times: number[];
  authors: string[];
}

/**
 * Stateful: feed every inbound message in time order (authorId, text, at). Texts that are too
 * short to mean anything (< 4 characters after fingerprinting: "沙发", "666") are not counted
 * as duplicates, but they count towards an author's flood.
 */
export class BurstDetector {
  private readonly texts = new Map<string, Seen>();
  private readonly authors = new Map<string, number[]>();
  private readonly o: Required<BurstOptions>;

  constructor(options: BurstOptions = {}) {
    this.o = {
      windowMs: 10 * 60_000, sameAuthorRepeats: 3, distinctAuthors: 5, floodCount: 10,
      floodWindowMs: 60_000, maxKeys: 50_000, ...options,
    };
  }

  observe(authorId: string, normalisedText: string, at: Date | number): BurstVerdict {
    const t = typeof at === 'number' ? at : at.getTime();
    const recent = this.prune(this.authors, authorId, t - this.o.floodWindowMs);
    recent.push(t);
    const flood = recent.length >= this.o.floodCount;
    const key = fingerprint(normalisedText);
    if (key.length < 4) return { burst: flood, reason: flood ? 'author.flood' : undefined, count: 1 };
    let seen = this.texts.get(key);
    if (!seen) {
      seen = { times: [], authors: [] };
      this.texts.set(key, seen);
      this.bound(this.texts);
    }
    const from = t - this.o.windowMs;
    while (seen.times.length && seen.times[0] < from) { seen.times.shift(); seen.authors.shift(); }
    seen.times.push(t);
    seen.authors.push(authorId);
    const count = seen.times.length;
    const mine = seen.authors.filter((a) => a === authorId).length;
    if (mine >= this.o.sameAuthorRepeats) return { burst: true, reason: 'author.repeat', count };
    if (new Set(seen.authors).size >= this.o.distinctAuthors) return { burst: true, reason: 'many.authors', count };
    if (flood) return { burst: true, reason: 'author.flood', count };
    return { burst: false, count };
  }

  private prune(map: Map<string, number[]>, key: string, from: number): number[] {
    let list = map.get(key);
    if (!list) {
      list = [];
      map.set(key, list);
      this.bound(map);
    }
    while (list.length && list[0] < from) list.shift();
    return list;
  }

  private bound<V>(map: Map<string, V>): void {
    if (map.size <= this.o.maxKeys) return;
    const drop = map.size - this.o.maxKeys;
    let k = 0;
    for (const key of map.keys()) {
      if (k++ >= drop) break;
      map.delete(key);
    }
  }
}
