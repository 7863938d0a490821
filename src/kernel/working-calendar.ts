/**
 * The one working calendar: a workspace's weekly hours in its time zone, China's public holidays and 调休
 * make-up days (from `chinese-days`, which follows the State Council's yearly notice), and the workspace's
 * own days off and days on. SLA clocks, review deadlines and filing deadlines all count on it.
 * Pure: no I/O, the caller passes the workspace's settings in.
 */
import chineseDays from 'chinese-days';
import { DateTime } from 'luxon';

// The package's Node entry is CommonJS: named imports fail under plain Node ESM (the CLI), the default works everywhere.
const { getDayDetail } = chineseDays;

export interface WeeklyHours { weekday: number; start: string; end: string } // weekday 1 = Monday … 7 = Sunday

export interface WorkingCalendar {
  timeZone: string;
  /** Weekly working hours; several entries for one weekday make several intervals (a lunch break). */
  weekly: WeeklyHours[];
  /** Follow China's public holidays and 调休 make-up working days. */
  chinesePublicHolidays: boolean;
  /** The workspace's own days off and extra working days (YYYY-MM-DD, in the calendar's zone). */
  daysOff: ReadonlySet<string>;
  daysOn: ReadonlySet<string>;
}

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';
export const DEFAULT_WEEKLY_HOURS: WeeklyHours[] = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '18:00' }));

export function defaultCalendar(): WorkingCalendar {
  return { timeZone: DEFAULT_TIME_ZONE, weekly: DEFAULT_WEEKLY_HOURS, chinesePublicHolidays: true, daysOff: new Set(), daysOn: new Set() };
}

/** The workspace settings as the team service presents them (`holidays[].working` marks a day on). */
export interface WorkspaceCalendarSettings {
  timeZone?: string;
  workingHours?: { days: WeeklyHours[] };
  holidays?: Array<{ date: string; name?: string; working?: boolean }>;
}

export function calendarFromWorkspace(ws: WorkspaceCalendarSettings): WorkingCalendar {
  const holidays = ws.holidays ?? [];
  return {
    timeZone: ws.timeZone || DEFAULT_TIME_ZONE,
    weekly: ws.workingHours?.days ?? DEFAULT_WEEKLY_HOURS,
    chinesePublicHolidays: true,
    daysOff: new Set(holidays.filter((h) => !h.working).map((h) => h.date)),
    daysOn: new Set(holidays.filter((h) => h.working).map((h) => h.date)),
  };
}

export type DayKind = 'workday' | 'weekend' | 'public_holiday' | 'make_up_workday' | 'day_off' | 'day_on';

const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** What a local date is on this calendar, and why. */
export function dayKind(cal: WorkingCalendar, date: string): DayKind {
  if (cal.daysOff.has(date)) return 'day_off';
  if (cal.daysOn.has(date)) return 'day_on';
  const weekday = DateTime.fromISO(date, { zone: 'UTC' }).weekday; // 1..7
  if (cal.chinesePublicHolidays) {
    const detail = getDayDetail(date);
    // chinese-days names listed days after the festival and plain days after the weekday
    const listed = detail.name !== WEEKDAY_NAMES[weekday % 7];
    if (listed && !detail.work) return 'public_holiday';
    if (listed && detail.work && (weekday === 6 || weekday === 7)) return 'make_up_workday';
  }
  return cal.weekly.some((h) => h.weekday === weekday) ? 'workday' : 'weekend';
}

/** The hours a make-up or extra day borrows: the first regular weekday's hours (Monday's, usually). */
function borrowedHours(cal: WorkingCalendar): WeeklyHours[] {
  for (let wd = 1; wd <= 7; wd++) {
    const hours = cal.weekly.filter((h) => h.weekday === wd);
    if (hours.length) return hours;
  }
  return [];
}

export function isWorkingDay(cal: WorkingCalendar, date: string): boolean {
  const kind = dayKind(cal, date);
  return kind === 'workday' || kind === 'make_up_workday' || kind === 'day_on';
}

// Computing a day needs the holiday table and two zone conversions; SLA sweeps ask for the same days often.
const memo = new WeakMap<WorkingCalendar, Map<string, Array<[number, number]>>>();

/** The working intervals of one local date as epoch milliseconds, in order. */
export function workingIntervals(cal: WorkingCalendar, date: string): Array<[number, number]> {
  let days = memo.get(cal);
  if (!days) memo.set(cal, (days = new Map()));
  let found = days.get(date);
  if (!found) {
    if (days.size > 5000) days.clear();
    days.set(date, (found = computeIntervals(cal, date)));
  }
  return found;
}

function computeIntervals(cal: WorkingCalendar, date: string): Array<[number, number]> {
  const kind = dayKind(cal, date);
  if (kind === 'weekend' || kind === 'public_holiday' || kind === 'day_off') return [];
  const weekday = DateTime.fromISO(date, { zone: 'UTC' }).weekday;
  const hours = kind === 'workday' ? cal.weekly.filter((h) => h.weekday === weekday) : borrowedHours(cal);
  return hours
    .map((h): [number, number] => [localInstant(cal, date, h.start), localInstant(cal, date, h.end)])
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
}

function localInstant(cal: WorkingCalendar, date: string, hhmm: string): number {
  return DateTime.fromISO(`${date}T${hhmm}`, { zone: cal.timeZone }).toMillis();
}

export function localDate(cal: WorkingCalendar, at: Date | number): string {
  return DateTime.fromMillis(+at, { zone: cal.timeZone }).toISODate()!;
}

function nextDate(date: string, delta = 1): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).plus({ days: delta }).toISODate()!;
}

/** Ten years without a working minute means the calendar has none at all. */
const MAX_DAYS = 3660;

export class EmptyCalendarError extends Error {
  constructor() { super('the working calendar has no working hours'); }
}

export function isWorkingTime(cal: WorkingCalendar, at: Date): boolean {
  const t = at.getTime();
  return workingIntervals(cal, localDate(cal, t)).some(([a, b]) => t >= a && t < b);
}

/** The instant after `minutes` working minutes counted from `from` (counting starts at the next working minute). */
export function addWorkingMinutes(cal: WorkingCalendar, from: Date, minutes: number): Date {
  let remaining = Math.max(0, minutes) * 60_000;
  const start = from.getTime();
  if (remaining === 0) return new Date(start);
  let date = localDate(cal, start);
  for (let i = 0; i < MAX_DAYS; i++, date = nextDate(date)) {
    for (const [a, b] of workingIntervals(cal, date)) {
      const s = Math.max(a, start);
      if (s >= b) continue;
      if (s + remaining <= b) return new Date(s + remaining);
      remaining -= b - s;
    }
  }
  throw new EmptyCalendarError();
}

export function addWorkingHours(cal: WorkingCalendar, from: Date, hours: number): Date {
  return addWorkingMinutes(cal, from, Math.round(hours * 60));
}

/**
 * The close of business on the `days`-th working day after the local date of `from` (a deadline "within
 * 5 working days" is met by the end of the fifth working day). Zero days: the end of today's working
 * hours when today is a working day, else of the next one.
 */
export function addWorkingDays(cal: WorkingCalendar, from: Date, days: number): Date {
  let date = localDate(cal, from);
  let left = Math.max(0, Math.floor(days));
  if (left === 0 && workingIntervals(cal, date).length) return new Date(workingIntervals(cal, date).at(-1)![1]);
  for (let i = 0; i < MAX_DAYS; i++) {
    date = nextDate(date);
    const intervals = workingIntervals(cal, date);
    if (!intervals.length) continue;
    if (left <= 1) return new Date(intervals.at(-1)![1]);
    left -= 1;
  }
  throw new EmptyCalendarError();
}

/** Working minutes in [from, to); negative when `to` is before `from`. */
export function workingMinutesBetween(cal: WorkingCalendar, from: Date, to: Date): number {
  const a = from.getTime();
  const b = to.getTime();
  if (b < a) return -workingMinutesBetween(cal, to, from);
  let total = 0;
  const last = localDate(cal, b);
  for (let date = localDate(cal, a), i = 0; date <= last && i < MAX_DAYS * 10; date = nextDate(date), i++) {
    for (const [s, e] of workingIntervals(cal, date)) total += Math.max(0, Math.min(e, b) - Math.max(s, a));
  }
  return Math.round(total / 60_000);
}

/** An ISO instant in the calendar's own offset (`2026-10-08T12:00:00+08:00`), as people in that zone read it. */
export function formatInZone(cal: WorkingCalendar, at: Date): string {
  return DateTime.fromMillis(at.getTime(), { zone: cal.timeZone }).toISO({ suppressMilliseconds: true })!;
}

/** An ISO date or date-time; a bare date or a time without offset is read in the calendar's zone. */
export function parseInZone(cal: WorkingCalendar, iso: string): Date | null {
  const dt = DateTime.fromISO(iso, { zone: cal.timeZone, setZone: false });
  return dt.isValid ? dt.toJSDate() : null;
}
