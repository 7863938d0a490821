/**
 * Column mapping for metric imports: our column names, the headers people actually use
 * (Chinese exports from platform back-ends included), and a helper that maps arbitrary
 * headers onto ours for the console's import dialog. Pure.
 */
export const POST_COLUMNS = [
  'date', 'platform', 'account', 'post_id', 'post_title', 'theme', 'format',
  'exposure', 'likes', 'comments', 'shares', 'saves', 'clicks', 'conversions',
] as const;
export const ACCOUNT_COLUMNS = ['date', 'platform', 'account', 'followers', 'new_followers', 'unfollows'] as const;
export type PostColumn = (typeof POST_COLUMNS)[number];
export type AccountColumn = (typeof ACCOUNT_COLUMNS)[number];
export type MetricColumn = PostColumn | AccountColumn;
export type ImportKind = 'posts' | 'accounts';

/** Every column of the file contract (`chorus import metrics`). */
export const REQUIRED: Record<ImportKind, readonly MetricColumn[]> = {
  posts: POST_COLUMNS,
  accounts: ACCOUNT_COLUMNS,
};
/** With a mapping chosen by a person, only these are needed; unmapped counts stay unknown. */
export const CORE: Record<ImportKind, readonly MetricColumn[]> = {
  posts: ['date', 'platform', 'account', 'post_id', 'exposure'],
  accounts: ['date', 'platform', 'account'],
};

/** Header spellings we recognise, by our column (compared after normaliseHeader). */
const ALIASES: Record<MetricColumn, string[]> = {
  date: ['date', 'day', '日期', '数据日期', '统计日期', '时间', '发布日期'],
  platform: ['platform', 'channel', '平台', '发布平台', '渠道'],
  account: ['account', 'account_name', 'handle', '账号', '账号名称', '帐号', '账户'],
  post_id: ['post_id', 'id', 'content_id', 'post', '内容id', '作品id', '帖子id', '笔记id', '文章id', '内容编号'],
  post_title: ['post_title', 'title', '标题', '内容标题', '作品标题', '内容主题', '文章标题', '笔记标题'],
  theme: ['theme', 'category', 'topic', '主题', '主题分类', '内容分类', '内容类型', '主题类型'],
  format: ['format', 'type', 'content_format', '形式', '内容形式', '体裁'],
  exposure: ['exposure', 'impressions', 'reach', 'views', '曝光', '曝光量', '阅读量', '播放量', '浏览量', '展现量', '阅读数', '播放数'],
  likes: ['likes', 'like', '点赞', '点赞数', '点赞量', '赞'],
  comments: ['comments', 'comment', '评论', '评论数', '评论量'],
  shares: ['shares', 'share', 'reposts', 'retweets', '转发', '转发数', '转发量', '分享', '分享数'],
  saves: ['saves', 'save', 'favorites', 'bookmarks', 'collects', '收藏', '收藏数', '收藏量'],
  clicks: ['clicks', 'click', '点击', '点击量', '点击数', '链接点击'],
  conversions: ['conversions', 'conversion', 'leads', '转化', '转化量', '转化数', '咨询', '咨询量', '领取'],
  followers: ['followers', 'fans', 'total_followers', '粉丝', '粉丝数', '粉丝总数', '总粉丝数', '累计粉丝'],
  new_followers: ['new_followers', 'follows', 'new_fans', '新增粉丝', '新增粉丝数', '新增关注', '涨粉'],
  unfollows: ['unfollows', 'lost_followers', '取关', '取关数', '取消关注', '取消关注数', '掉粉', '掉粉数'],
};

/** Lower-case, trim, drop a BOM, unify spaces/hyphens to underscores and full-width brackets. */
export function normaliseHeader(h: string): string {
  return h
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[（(].*?[)）]/g, '') // 曝光量(次) → 曝光量
    .replace(/[\s\-]+/g, '_');
}

const LOOKUP = new Map<string, MetricColumn>();
for (const [col, names] of Object.entries(ALIASES) as [MetricColumn, string[]][]) {
  for (const n of names) LOOKUP.set(normaliseHeader(n), col);
}

/** Our column for one header, or null. */
export function matchHeader(header: string): MetricColumn | null {
  return LOOKUP.get(normaliseHeader(header)) ?? null;
}

export interface MappingSuggestion {
  kind: ImportKind;
  /** Our column → the index of the file's header that feeds it (null when none does). */
  mapping: Partial<Record<MetricColumn, number | null>>;
  /** Headers in the file that map to nothing. */
  unmapped: string[];
  /** Our columns of that kind with no header yet. */
  missing: MetricColumn[];
}

/** Guess the kind and the mapping from a header row. The user may correct it before import. */
export function suggestColumnMapping(headers: readonly string[]): MappingSuggestion {
  const matched = headers.map(matchHeader);
  const has = (c: MetricColumn) => matched.includes(c);
  const kind: ImportKind = has('followers') || has('new_followers') || has('unfollows')
    ? (has('post_id') || has('exposure') ? 'posts' : 'accounts')
    : 'posts';
  const cols = REQUIRED[kind];
  const mapping: Partial<Record<MetricColumn, number | null>> = {};
  for (const c of cols) {
    const i = matched.indexOf(c);
    mapping[c] = i === -1 ? null : i;
  }
  const used = new Set(Object.values(mapping).filter((i): i is number => i !== null));
  return {
    kind,
    mapping,
    unmapped: headers.filter((_, i) => !used.has(i)),
    missing: cols.filter((c) => mapping[c] === null),
  };
}

/** Re-shape rows of cells into records keyed by our columns, following a mapping. */
export function applyColumnMapping(
  rows: readonly (readonly unknown[])[], mapping: Partial<Record<MetricColumn, number | null>>,
): Record<string, unknown>[] {
  return rows.map((cells) => {
    const rec: Record<string, unknown> = {};
    for (const [col, i] of Object.entries(mapping)) rec[col] = i === null || i === undefined ? undefined : cells[i];
    return rec;
  });
}
