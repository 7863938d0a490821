/**
 * Assisted publishing for platforms without a server-side API (Xiaohongshu, Zhihu) and for any
 * account that is not connected. publish() returns a hand-off package — the final copy per the
 * platform's rules, the media list and a checklist — and a person posts it. The post is then
 * confirmed by its URL: the host is checked per platform and the post id extracted.
 * Chorus never automates these platforms' web UIs.
 */
import type {
  Capabilities, Connector, ConnectorContext, ContentRules, HandoffPackage, OutgoingPost, PlatformPost, PlatformSlug, PublishSupport,
} from './connector';
import { extractUrls, validateAgainstRules, withHashtags } from './content-rules';
import { BadContentError } from './errors';

/** Where a post of each platform lives: [host, path] patterns; the path's first group is the post id. */
type UrlRule = [host: RegExp, path: RegExp][];
export const POST_URL_RULES: Partial<Record<PlatformSlug, UrlRule>> = {
  xiaohongshu: [
    [/^(www\.)?xiaohongshu\.com$/, /^\/(?:explore|discovery\/item)\/([0-9a-f]{24})$/],
    [/^xhslink\.com$/, /^\/(?:[aom]\/)?([A-Za-z0-9]{4,})$/],
  ],
  zhihu: [
    [/^zhuanlan\.zhihu\.com$/, /^\/p\/(\d+)$/],
    [/^(www\.)?zhihu\.com$/, /^\/(?:question\/\d+\/answer|pin|zvideo)\/(\d+)$/],
  ],
  weibo: [[/^(www\.)?weibo\.com$/, /^\/\d+\/([A-Za-z0-9]+)$/], [/^m\.weibo\.cn$/, /^\/(?:status|detail)\/(\d+)$/]],
  douyin: [[/^(www\.)?douyin\.com$/, /^\/video\/(\d+)$/], [/^www\.iesdouyin\.com$/, /^\/share\/video\/(\d+)$/], [/^v\.douyin\.com$/, /^\/([A-Za-z0-9]+)$/]],
  kuaishou: [[/^www\.kuaishou\.com$/, /^\/short-video\/([A-Za-z0-9]+)$/], [/^v\.kuaishou\.com$/, /^\/([A-Za-z0-9]+)$/]],
  bilibili: [[/^(www|m)\.bilibili\.com$/, /^\/video\/(BV[0-9A-Za-z]{10})$/], [/^b23\.tv$/, /^\/([A-Za-z0-9]+)$/]],
  wechat: [[/^mp\.weixin\.qq\.com$/, /^\/s\/([A-Za-z0-9_-]+)$/]],
  linkedin: [[/^(www\.)?linkedin\.com$/, /^\/(?:feed\/update\/(urn:li:[a-zA-Z]+:\d+)|posts\/([A-Za-z0-9_-]+))$/]],
};

const RULES: Partial<Record<PlatformSlug, ContentRules>> = {
  xiaohongshu: { maxText: 1000, textCounting: 'chars', maxTitle: 20, maxImages: 18, maxImageBytes: 20 * 1024 * 1024, hashtagStyle: '#x', mentionStyle: '@name' },
  zhihu: { maxText: 100_000, textCounting: 'chars', maxTitle: 100, maxImages: 100, hashtagStyle: 'field', mentionStyle: '@name' },
};
const DEFAULT_RULES: ContentRules = { maxText: 5000, textCounting: 'chars', maxImages: 9, hashtagStyle: '#x', mentionStyle: '@name' };

const CHECKLISTS: Partial<Record<PlatformSlug, string[]>> = {
  xiaohongshu: [
    '在小红书 App 点「+」，按顺序选择图片/视频（首图即封面）', '粘贴标题（≤ 20 字）与正文', '添加话题与 @ 对象，检查无联系方式与外链',
    '发布后复制笔记链接，粘贴回合声完成确认',
  ],
  zhihu: ['在知乎选择发布类型（文章 / 想法 / 回答）', '粘贴标题与正文，上传配图', '选择话题（最多 5 个）', '发布后复制链接，粘贴回合声完成确认'],
};
const GENERIC_CHECKLIST = ['在平台 App 或网页中新建内容', '粘贴文案并按顺序上传媒体', '核对话题、@ 对象与链接', '发布后复制链接，粘贴回合声完成确认'];

function support(platform: PlatformSlug): Capabilities['publish'] {
  const a: PublishSupport = 'assisted';
  if (platform === 'xiaohongshu') return { text: 'none', image: a, video: a, article: 'none' };
  return { text: a, image: a, video: a, article: a };
}

export function createAssistedConnector(platform: PlatformSlug, _ctx?: ConnectorContext): Connector {
  const rules = RULES[platform] ?? DEFAULT_RULES;
  const capabilities: Capabilities = {
    publish: support(platform), completion: 'handoff',
    comments: { list: false, reply: false, delete: false, hide: false, pin: false },
    dms: { receive: false, send: false, replyWindowHours: null },
    mentions: false, postMetrics: false, accountMetrics: false, webhooks: false,
  };

  function warnings(post: OutgoingPost): string[] {
    const w: string[] = [];
    if (platform === 'xiaohongshu' && extractUrls(post.text).length) w.push('小红书正文中的外链不可点击，且可能导致限流');
    if (/(微信|vx|wx|电话|手机号)[:：\s]*[A-Za-z0-9_-]{5,}/i.test(post.text)) w.push('文案疑似包含联系方式，部分平台会限流或删除');
    return w;
  }

  const connector: Connector = {
    platform,
    capabilities,
    rules,
    async profile() {
      return { accountId: String(_ctx?.credentials.accountId ?? platform), name: String(_ctx?.credentials.name ?? platform) };
    },
    validate(post) {
      const issues = validateAgainstRules(post, rules);
      if (platform === 'xiaohongshu' && !post.media.length) issues.push({ field: 'media', code: 'media.required', message: '小红书笔记需要至少一张图片或一个视频' });
      return issues;
    },
    async publish(post) {
      const issues = connector.validate(post);
      if (issues.length) throw new BadContentError(platform, issues.map((i) => i.message).join('; '), { field: issues[0].field });
      const handoff: HandoffPackage = {
        platform, title: post.title, text: withHashtags(post.text, post.tags, rules.hashtagStyle),
        media: post.media.map((m) => ({ kind: m.kind, filename: m.filename })),
        checklist: CHECKLISTS[platform] ?? GENERIC_CHECKLIST, warnings: warnings(post),
      };
      if (rules.hashtagStyle === 'field' && post.tags?.length) handoff.checklist = [...handoff.checklist, `话题：${post.tags.join('、')}`];
      return { status: 'handoff', handoff };
    },
    async confirmByUrl(url) {
      return parsePostUrl(platform, url);
    },
  };
  return connector;
}

/** Validates a pasted post URL for the platform and extracts the post id. */
export function parsePostUrl(platform: PlatformSlug, raw: string): PlatformPost {
  const bad = (why: string) => new BadContentError(platform, `not a ${platform} post URL: ${why}`, { platformCode: 'invalid_url', field: 'link' });
  let u: URL;
  try { u = new URL(raw.trim()); } catch { throw bad('unparsable'); }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') throw bad('scheme');
  const rules = POST_URL_RULES[platform];
  if (!rules) throw bad('this platform has no URL rule');
  const host = u.hostname.toLowerCase();
  const forHost = rules.filter(([h]) => h.test(host));
  if (!forHost.length) throw bad(`host ${u.hostname}`);
  const path = u.pathname.replace(/\/+$/, '') || '/';
  for (const [, p] of forHost) {
    const m = p.exec(path);
    const id = m?.slice(1).find(Boolean);
    if (id) return { platformPostId: id, url: `https://${host}${path}` };
  }
  throw bad('no post id in the path');
}
