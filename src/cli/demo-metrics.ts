import type { DateTime } from 'luxon';

/** Plausible daily metrics per platform for the demo (reach per post, interaction rate, followers). */
const PROFILE: Record<string, { reach: number; rate: number; followers: number; posts: number }> = {
  weibo: { reach: 30_000, rate: 0.011, followers: 120_000, posts: 2 },
  wechat: { reach: 18_000, rate: 0.014, followers: 60_000, posts: 1 },
  douyin: { reach: 80_000, rate: 0.021, followers: 210_000, posts: 1 },
  xiaohongshu: { reach: 40_000, rate: 0.026, followers: 45_000, posts: 1 },
  bilibili: { reach: 25_000, rate: 0.03, followers: 30_000, posts: 1 },
  sandbox: { reach: 10_000, rate: 0.02, followers: 86_000, posts: 1 },
};
const THEMES = ['brand', 'product', 'industry', 'interactive'] as const;
const TITLES: Record<string, string[]> = {
  brand: ['星河咖啡十年故事', '咖啡师的一天', '门店探访：成都春熙路'],
  product: ['冬季限定桂花燕麦拿铁', '冷萃新品测评', '双11 礼盒开箱'],
  industry: ['咖啡豆产地避坑指南', '2026 咖啡消费趋势', '手冲入门三步法'],
  interactive: ['评论区抽 10 杯', '晒出你的第一杯', '投票：最想要的新口味'],
};
const FORMAT: Record<string, string> = { weibo: 'text', wechat: 'article', douyin: 'short_video', xiaohongshu: 'note', bilibili: 'video', sandbox: 'text' };

/** A small deterministic generator: the demo looks the same on every machine. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Three weeks up to yesterday (workspace time), in the `chorus import metrics` CSV layouts. */
export function demoMetricsCsv(accounts: Array<{ platform: string; handle: string }>, today: DateTime) {
  const rnd = random(20261111);
  const posts = ['date,platform,account,post_id,post_title,theme,format,exposure,likes,comments,shares,saves,clicks,conversions'];
  const daily = ['date,platform,account,followers,new_followers,unfollows'];
  const start = today.startOf('day').minus({ days: 21 });
  for (const a of accounts) {
    const p = PROFILE[a.platform];
    if (!p) continue;
    let followers = p.followers;
    for (let d = 0; d < 21; d++) {
      const day = start.plus({ days: d });
      const date = day.toISODate();
      const growth = 1 + d / 60; // the operation is improving week on week
      for (let n = 0; n < p.posts; n++) {
        const theme = THEMES[Math.floor(rnd() * THEMES.length)]!;
        const hit = rnd() < 0.06 ? 3 + rnd() * 4 : 1;
        const exposure = Math.round(p.reach * growth * (0.6 + rnd() * 0.8) * hit);
        const interactions = exposure * p.rate * (theme === 'interactive' ? 1.6 : 1) * (0.7 + rnd() * 0.6);
        const likes = Math.round(interactions * 0.62);
        const comments = Math.round(interactions * (theme === 'interactive' ? 0.25 : 0.14));
        const shares = Math.round(interactions * 0.12);
        const saves = Math.round(interactions * (theme === 'industry' ? 0.2 : 0.08));
        const clicks = Math.round(exposure * 0.012 * (0.5 + rnd()));
        const conversions = Math.round(clicks * 0.08 * (0.5 + rnd()));
        const titles = TITLES[theme]!;
        const title = titles[(d + n) % titles.length]!;
        posts.push([date, a.platform, a.handle, `${a.handle}-${date}-${n}`, title, theme, FORMAT[a.platform], exposure, likes, comments, shares, saves, clicks, conversions].join(','));
      }
      const newFollowers = Math.round((p.followers / 400) * growth * (0.6 + rnd() * 0.8));
      const unfollows = Math.round(newFollowers * (0.08 + rnd() * 0.1));
      followers += newFollowers - unfollows;
      daily.push([date, a.platform, a.handle, followers, newFollowers, unfollows].join(','));
    }
  }
  return { posts: `${posts.join('\n')}\n`, accounts: `${daily.join('\n')}\n` };
}
