import dayjs from 'dayjs';
import relative from 'dayjs/plugin/relativeTime';
import { DATE_TIME, formatInZone } from '../utils/time';

dayjs.extend(relative);

/**
 * "3 分钟前" for the last week, else the date in the workspace time zone; `absolute` is the full
 * time in that zone (for a tooltip).
 */
export function relativeTime(iso: string, timeZone: string, now: Date = new Date()): { label: string; absolute: string } {
  const at = dayjs(iso);
  const absolute = formatInZone(iso, timeZone, DATE_TIME);
  if (!at.isValid()) return { label: iso, absolute: iso };
  const ageMs = now.getTime() - at.valueOf();
  if (ageMs < 7 * 24 * 3600 * 1000) return { label: at.from(dayjs(now)), absolute };
  return { label: formatInZone(iso, timeZone, 'YYYY-MM-DD HH:mm'), absolute };
}
