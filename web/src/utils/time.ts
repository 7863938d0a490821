import dayjs, { type Dayjs } from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';

dayjs.extend(utc);
dayjs.extend(timezone);

export const DATE_TIME = 'YYYY-MM-DD HH:mm:ss';
export const DATE_TIME_SHORT = 'YYYY-MM-DD HH:mm';
export const DATE = 'YYYY-MM-DD';

/** Formats an ISO instant in a workspace's IANA time zone. */
export function formatInZone(iso: string | null | undefined, timeZone: string, format = DATE_TIME_SHORT): string {
  if (!iso) return '';
  const d = dayjs(iso);
  if (!d.isValid()) return iso;
  try {
    return d.tz(timeZone).format(format);
  } catch {
    return d.format(format);
  }
}

export function nowInZone(timeZone: string): Dayjs {
  try {
    return dayjs().tz(timeZone);
  } catch {
    return dayjs();
  }
}

/** Start of a calendar day in the zone, as an ISO instant with offset. */
export function startOfDayIso(date: Dayjs, timeZone: string): string {
  return dayjs.tz(date.format(DATE), timeZone).startOf('day').toISOString();
}

export function endOfDayIso(date: Dayjs, timeZone: string): string {
  return dayjs.tz(date.format(DATE), timeZone).endOf('day').toISOString();
}

/** Every IANA zone the browser knows, Chinese zones first. */
export function timeZones(): string[] {
  const preferred = ['Asia/Shanghai', 'Asia/Hong_Kong', 'Asia/Macau', 'Asia/Taipei', 'Asia/Singapore', 'Asia/Tokyo', 'UTC'];
  let all: string[] = [];
  try {
    all = (Intl as unknown as { supportedValuesOf(k: string): string[] }).supportedValuesOf('timeZone');
  } catch {
    all = [];
  }
  return [...preferred, ...all.filter((z) => !preferred.includes(z))];
}

/** "UTC+08:00" for a zone, at the present moment. */
export function utcOffsetLabel(timeZone: string): string {
  try {
    return `UTC${dayjs().tz(timeZone).format('Z')}`;
  } catch {
    return '';
  }
}

export { dayjs };
