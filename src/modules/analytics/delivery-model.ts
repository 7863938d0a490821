/**
 * Scheduled report delivery — pure rules: when a schedule is due and which period it reports.
 * Weekly: on ISO weekday `day` at `time` (workspace zone), about the previous ISO week.
 * Monthly: on day-of-month `day` (1–28) at `time`, about the previous month.
 */
import { DateTime } from 'luxon';
import { isoWeekOf } from './weekly-report.js';

export interface ReportTiming {
  report: 'weekly' | 'monthly';
  day: number;
  time: string; // HH:MM
}

/** A missed run is still sent within this window (a worker was down); older ones are skipped. */
export const CATCH_UP_MS = 24 * 3_600_000;

/** The latest scheduled instant at or before `now`, and the period it reports. */
export function lastOccurrence(t: ReportTiming, now: Date, timeZone: string): { at: Date; period: string } {
  const local = DateTime.fromJSDate(now).setZone(timeZone);
  const [hour, minute] = t.time.split(':').map(Number) as [number, number];
  let at = t.report === 'weekly'
    ? local.set({ weekday: t.day as 1, hour, minute, second: 0, millisecond: 0 })
    : local.set({ day: t.day, hour, minute, second: 0, millisecond: 0 });
  if (at > local) at = at.minus(t.report === 'weekly' ? { weeks: 1 } : { months: 1 });
  const period = t.report === 'weekly' ? isoWeekOf(at.minus({ weeks: 1 }).toISODate()!) : at.minus({ months: 1 }).toFormat('yyyy-MM');
  return { at: at.toJSDate(), period };
}

/** The period to send now, or null (not yet due, already sent, or missed by more than a day). */
export function duePeriod(t: ReportTiming & { lastPeriod: string | null; createdAt: Date }, now: Date, timeZone: string): string | null {
  const o = lastOccurrence(t, now, timeZone);
  if (o.period === t.lastPeriod) return null;
  if (o.at < t.createdAt || now.getTime() - o.at.getTime() > CATCH_UP_MS) return null;
  return o.period;
}

/** The period a "send now" reports: the last complete week or month. */
export function currentPeriod(report: 'weekly' | 'monthly', now: Date, timeZone: string): string {
  const local = DateTime.fromJSDate(now).setZone(timeZone);
  return report === 'weekly' ? isoWeekOf(local.minus({ weeks: 1 }).toISODate()!) : local.minus({ months: 1 }).toFormat('yyyy-MM');
}

/** A short plain-text summary for robots (the document's first section), at most `max` characters. */
export function summaryOf(paragraphs: readonly string[], max = 600): string {
  const text = paragraphs.join('\n').trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
