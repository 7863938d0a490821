import type { Token } from './segmenter.js';

/**
 * Keywords: TF-IDF over content words (nouns, verbs, adjectives, user words, Latin names),
 * and a TextRank variant for longer texts (co-occurrence graph in a sliding window,
 * PageRank with the IDF as the teleport prior, so rare content words win ties).
 */

const STOPWORDS = new Set(`的 了 和 是 就 都 而 及 与 着 或 一个 没有 我们 你们 他们 她们 它们 我 你 他 她 它 这 那 这个 那个
这些 那些 这样 那样 之 在 也 还 又 很 太 非常 特别 真的 真 挺 蛮 比较 有点 一点 一下 一些 有些 什么 怎么 怎么样 为什么
吗 呢 吧 啊 呀 哦 哈 嘛 啦 哇 嗯 喔 噢 诶 哎 唉 呵呵 哈哈 哈哈哈 给 让 被 把 对 从 向 到 于 以 为 因为 所以 但是 但 可是
不过 然后 而且 并且 如果 虽然 即使 只是 就是 还是 或者 不 没 别 要 会 能 可以 可能 应该 已经 正在 将 把 被 比 跟 同 等
个 些 次 下 上 里 中 后 前 时 时候 今天 昨天 明天 现在 之前 之后 一直 还有 其实 感觉 觉得 知道 东西 事情 问题 情况 方面
有 没 是不是 有没有 能不能 可不可以 请问 想问 问下 一下子 大家 自己 人家 亲 请 谢谢 感谢 好 好的 行 对 嗯嗯 呃 哎呀 哟
说 看 想 做 用 来 去 过 得 地 啥 咋 么 嘛 呗 哈 个人 本人 楼主 小编 官方 那么 这么 多 少 再 才 刚 刚刚 又是 几 第 每
它们 咱们 您 您好 你好 各位`.split(/\s+/).filter(Boolean));

const CONTENT_TAG = /^(n|v|a|vn|an|nz|nr|ns|nt|eng|l|i|j)/;

export function isStopword(word: string): boolean {
  return STOPWORDS.has(word);
}

function candidate(t: Token): boolean {
  if (t.tag === 'x' || STOPWORDS.has(t.word)) return false;
  if (t.tag === 'nz') return true; // user word or jieba's proper noun
  if (t.word.length < 2) return false;
  if (/^[\d.%]+$/.test(t.word)) return false;
  return t.tag === '' || CONTENT_TAG.test(t.tag); // '' = fast path without POS

}

export interface IdfTable {
  get(word: string): number | undefined;
  /** IDF assumed for unseen words (rare, so informative) */
  readonly fallback: number;
}

export interface Keyword {
  word: string;
  weight: number;
}

function rank(weights: Map<string, number>, topK: number): Keyword[] {
  return [...weights.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, topK)
    .map(([word, weight]) => ({ word, weight: Math.round(weight * 1000) / 1000 }));
}

export function tfidfKeywords(tokens: readonly Token[], idf: IdfTable, topK = 5): Keyword[] {
  const tf = new Map<string, number>();
  let total = 0;
  for (const t of tokens) {
    if (!candidate(t)) continue;
    total++;
    tf.set(t.word, (tf.get(t.word) ?? 0) + (t.tag === 'nz' ? 1.5 : 1));
  }
  if (total === 0) return [];
  const scored = new Map<string, number>();
  for (const [w, c] of tf) scored.set(w, (c / total) * (idf.get(w) ?? idf.fallback));
  return rank(scored, topK);
}

/** TextRank with an IDF-weighted teleport vector; window = co-occurrence distance. */
export function textRankKeywords(tokens: readonly Token[], idf: IdfTable, topK = 5, window = 4): Keyword[] {
  const words: string[] = [];
  for (const t of tokens) if (candidate(t)) words.push(t.word);
  const ids = new Map<string, number>();
  for (const w of words) if (!ids.has(w)) ids.set(w, ids.size);
  const n = ids.size;
  if (n === 0) return [];
  const adj: Array<Map<number, number>> = Array.from({ length: n }, () => new Map());
  for (let i = 0; i < words.length; i++) {
    const a = ids.get(words[i])!;
    for (let j = i + 1; j < Math.min(words.length, i + window); j++) {
      const b = ids.get(words[j])!;
      if (a === b) continue;
      adj[a].set(b, (adj[a].get(b) ?? 0) + 1);
      adj[b].set(a, (adj[b].get(a) ?? 0) + 1);
    }
  }
  const vocab = [...ids.keys()];
  const prior = new Float64Array(n);
  let ps = 0;
  for (let i = 0; i < n; i++) { prior[i] = idf.get(vocab[i]) ?? idf.fallback; ps += prior[i]; }
  for (let i = 0; i < n; i++) prior[i] /= ps;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) for (const v of adj[i].values()) out[i] += v;
  let r = Float64Array.from(prior);
  const d = 0.85;
  for (let iter = 0; iter < 30; iter++) {
    const next = new Float64Array(n);
    for (let i = 0; i < n; i++) next[i] = (1 - d) * prior[i];
    let dangling = 0;
    for (let i = 0; i < n; i++) {
      if (out[i] === 0) { dangling += r[i]; continue; }
      for (const [j, wgt] of adj[i]) next[j] += (d * r[i] * wgt) / out[i];
    }
    for (let i = 0; i < n; i++) next[i] += d * dangling * prior[i];
    r = next;
  }
  const scored = new Map<string, number>();
  for (let i = 0; i < n; i++) scored.set(vocab[i], r[i] * n);
  return rank(scored, topK);
}
