/**
 * The manuals' copywriting rules (DOMAIN §4) as a checklist for the editor: a hook in the first line
 * (question, number, pain point or benefit), value in the middle, a call to action at the end.
 * Pure heuristics: they advise, they never block.
 */

export type CopyCheckKey = 'hook' | 'hook_short' | 'value' | 'cta' | 'topic';
export interface CopyCheck {
  key: CopyCheckKey;
  ok: boolean;
  hint: string;
}

const QUESTION = /[?？]|吗|呢|为什么|怎么|如何|难道|是不是|有没有|哪/;
const NUMBER = /\d|[一二三四五六七八九十百千万两]+(个|招|步|种|条|分钟|秒|天|倍|折)/;
const PAIN_OR_BENEFIT = /还在|别再|再也不|终于|揭秘|秘诀|干货|必看|踩坑|避坑|烦恼|头疼|焦虑|痛点|省钱|省时|免费|福利|限时|首发|新品|惊喜|原来|竟然|真相/;
const CTA = /评论区|聊聊|留言|点击|点赞|关注|转发|收藏|私信|戳|预约|报名|了解更多|链接|扫码|下单|抢购|参与|分享给|告诉我们|你怎么看/;
const TOPIC = /#[^#\s]+#?/;

const lines = (text: string) => text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length > 0);

export function checkCopy(text: string): CopyCheck[] {
  const ls = lines(text);
  const first = ls[0] ?? '';
  const last = ls.at(-1) ?? '';
  const body = ls.length > 2 ? ls.slice(1, -1).join('') : ls.join('');
  const tail = ls.length > 1 ? last : [...last].slice(-30).join('');
  return [
    { key: 'hook', ok: QUESTION.test(first) || NUMBER.test(first) || PAIN_OR_BENEFIT.test(first), hint: '首行用提问、数字、痛点或利益点抓住注意力' },
    { key: 'hook_short', ok: first.length > 0 && [...first].length <= 30, hint: '首行不超过 30 字，三秒内读完' },
    { key: 'value', ok: [...body].length >= 30, hint: '中段给出价值：信息、方法或故事（至少 30 字）' },
    { key: 'cta', ok: CTA.test(tail), hint: '结尾给出行动号召，如“评论区聊聊你的看法”' },
    { key: 'topic', ok: TOPIC.test(text), hint: '带上相关话题标签' },
  ];
}

/** How many of the checks pass, for a compact badge. */
export function copyScore(text: string): { passed: number; total: number } {
  const checks = checkCopy(text);
  return { passed: checks.filter((c) => c.ok).length, total: checks.length };
}
