/**
 * Content planning (DOMAIN §4, §5, §7): the content item and its status machine, the columns of
 * 内容策划与排期表, weekday derivation in the workspace time zone, and — re-exported from the pure
 * helpers beside this file — platform adaptation, the copy checklist, best times, cadence and festivals.
 * No I/O; the clock is passed in.
 */
import { DateTime } from 'luxon';

export * from './adapt.js';
export * from './copy-checks.js';
export * from './best-times.js';
export * from './cadence.js';
export * from './festivals.js';
export * from './sheet-model.js';

export const CONTENT_STATUSES = ['idea', 'draft', 'in_review', 'approved', 'scheduled', 'published', 'cancelled'] as const;
export type ContentStatus = (typeof CONTENT_STATUSES)[number];

export const STATUS_LABELS: Record<ContentStatus, string> = {
  idea: '选题', draft: '草稿', in_review: '审核中', approved: '已通过', scheduled: '已排期', published: '已发布', cancelled: '已取消',
};

/**
 * idea → draft → in_review → approved → scheduled → published, cancelled from anywhere before publishing.
 * Review sends back (in_review → draft); an edit after approval goes back to review; unscheduling
 * returns to approved; a cancelled item may be revived as a draft.
 */
const TRANSITIONS: Record<ContentStatus, readonly ContentStatus[]> = {
  idea: ['draft', 'in_review', 'cancelled'],
  draft: ['idea', 'in_review', 'cancelled'],
  in_review: ['draft', 'in_review', 'approved', 'cancelled'],
  approved: ['draft', 'in_review', 'scheduled', 'cancelled'],
  scheduled: ['approved', 'scheduled', 'published', 'cancelled'],
  published: [],
  cancelled: ['draft'],
};

export function canTransition(from: ContentStatus, to: ContentStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Text and variants may change until the item is scheduled (unschedule first) or finished. */
export function isEditable(status: ContentStatus): boolean {
  return !['scheduled', 'published', 'cancelled'].includes(status);
}

export const THEME_CLASSES = ['brand', 'product', 'industry', 'interactive', 'trending'] as const;
export type ThemeClass = (typeof THEME_CLASSES)[number];
export const THEME_LABELS: Record<ThemeClass, string> = {
  brand: '品牌宣传', product: '产品服务', industry: '行业价值', interactive: '互动活动', trending: '热点借势',
};

/** 内容形式: the manual's formats; free text is accepted too (a planner may write 图集, 测评 …). */
export const CONTENT_FORMATS = ['图文', '短视频', '直播', '长图', '长文', '笔记', '话题', '视频教程', '文章'] as const;

export type VerdictCode =
  | 'content.not_approved' | 'content.in_past' | 'content.no_variants' | 'content.no_account' | 'content.invalid_transition';
export type Verdict = { ok: true } | { ok: false; code: VerdictCode; message: string };

/**
 * May this item be scheduled at `at`? Every variant must have an account and be approved for its
 * exact current text hash (`approved` says which are), and the time must be ahead of now.
 */
export function canSchedule(
  item: { status: ContentStatus },
  variants: ReadonlyArray<{ id: string; accountId: string | null; approved: boolean }>,
  at: Date,
  now: Date,
): Verdict {
  if (item.status === 'published' || item.status === 'cancelled') {
    return { ok: false, code: 'content.invalid_transition', message: `an item in status ${item.status} cannot be scheduled` };
  }
  if (variants.length === 0) return { ok: false, code: 'content.no_variants', message: 'the item has no variants to publish' };
  const noAccount = variants.filter((v) => !v.accountId);
  if (noAccount.length) return { ok: false, code: 'content.no_account', message: `${noAccount.length} variant(s) have no account` };
  const pending = variants.filter((v) => !v.approved);
  if (pending.length) return { ok: false, code: 'content.not_approved', message: `${pending.length} variant(s) are not approved in their current version` };
  if (item.status === 'idea' || item.status === 'draft') return { ok: false, code: 'content.not_approved', message: 'submit the item for review first' };
  if (at.getTime() <= now.getTime()) return { ok: false, code: 'content.in_past', message: 'the time is not in the future' };
  return { ok: true };
}

export const WEEKDAY_LABELS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'] as const;

/** ISO weekday (1 = Monday … 7 = Sunday) of an instant as seen in a time zone. */
export function weekdayIn(at: Date, timeZone: string): number {
  return DateTime.fromJSDate(at, { zone: timeZone }).weekday;
}

/** 星期 column of the schedule table: 周一 … 周日 in the workspace time zone. */
export function weekdayLabel(at: Date, timeZone: string): string {
  return WEEKDAY_LABELS[weekdayIn(at, timeZone) - 1]!;
}

/** The local calendar date (yyyy-MM-dd) and time (HH:mm) of an instant in a time zone. */
export function localParts(at: Date, timeZone: string): { date: string; time: string } {
  const d = DateTime.fromJSDate(at, { zone: timeZone });
  return { date: d.toFormat('yyyy-MM-dd'), time: d.toFormat('HH:mm') };
}

/** A local date and time in a time zone as an instant; null for an impossible date or time. */
export function fromLocal(date: string, time: string, timeZone: string): Date | null {
  const d = DateTime.fromFormat(`${date} ${time}`, 'yyyy-MM-dd H:mm', { zone: timeZone });
  if (!d.isValid) return null;
  // A time skipped by a DST change is moved forward by luxon; refuse it instead of guessing.
  if (d.toFormat('H:mm') !== time.replace(/^0(\d)/, '$1')) return null;
  return d.toJSDate();
}

/** Keeps the local time of day when an item is dragged to another day (DST-safe). */
export function moveToDate(at: Date, date: string, timeZone: string): Date | null {
  return fromLocal(date, DateTime.fromJSDate(at, { zone: timeZone }).toFormat('HH:mm'), timeZone);
}
