/**
 * Festival and industry nodes (节日与行业节点) to plan around (DOMAIN §4), for any year: fixed-date
 * days, lunar festivals converted by the tyme4ts lunar calendar, 清明 from its solar term, and the
 * Sundays of Mother's and Father's Day.
 */
import { LunarDay, SolarTerm } from 'tyme4ts';

export interface CalendarNode {
  date: string;
  name: string;
  kind: 'festival' | 'commerce' | 'industry' | 'workspace';
}

const fixed: Array<[string, string, CalendarNode['kind']]> = [
  ['01-01', '元旦', 'festival'], ['02-14', '情人节', 'festival'], ['03-08', '妇女节', 'festival'],
  ['03-15', '3·15 消费者权益日', 'industry'], ['04-23', '世界读书日', 'industry'], ['05-01', '劳动节', 'festival'],
  ['05-20', '520', 'commerce'], ['06-01', '儿童节', 'festival'], ['06-18', '618', 'commerce'],
  ['09-01', '开学季', 'commerce'], ['09-10', '教师节', 'festival'], ['10-01', '国庆节', 'festival'],
  ['11-11', '双11', 'commerce'], ['12-12', '双12', 'commerce'], ['12-25', '圣诞节', 'festival'],
];

/** Lunar month and day of the traditional festivals (the lunar year that starts in the same Gregorian year). */
const lunar: Array<[number, number, string]> = [
  [1, 1, '春节'], [1, 15, '元宵节'], [5, 5, '端午节'], [7, 7, '七夕'], [8, 15, '中秋节'], [9, 9, '重阳节'],
];

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

/** The n-th Sunday of a month (1-based), as a local date. */
function nthSunday(year: number, month: number, n: number): string {
  const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  return iso(year, month, 1 + ((7 - first) % 7) + (n - 1) * 7);
}

function movable(year: number): CalendarNode[] {
  const nodes: CalendarNode[] = lunar.map(([m, d, name]) => {
    const s = LunarDay.fromYmd(year, m, d).getSolarDay();
    return { date: iso(s.getYear(), s.getMonth(), s.getDay()), name, kind: 'festival' as const };
  });
  // 除夕: the day before the new lunar year.
  const eve = LunarDay.fromYmd(year, 1, 1).getSolarDay().next(-1);
  nodes.push({ date: iso(eve.getYear(), eve.getMonth(), eve.getDay()), name: '除夕', kind: 'festival' });
  const qm = SolarTerm.fromName(year, '清明').getJulianDay().getSolarDay();
  nodes.push({ date: iso(qm.getYear(), qm.getMonth(), qm.getDay()), name: '清明节', kind: 'festival' });
  nodes.push({ date: nthSunday(year, 5, 2), name: '母亲节', kind: 'festival' }, { date: nthSunday(year, 6, 3), name: '父亲节', kind: 'festival' });
  // Only nodes that fall in the year asked for (除夕 of an early 春节 can be in the year before).
  return nodes.filter((n) => n.date.startsWith(`${year}-`));
}

export function festivalNodes(year: number): CalendarNode[] {
  const rows: CalendarNode[] = [...fixed.map(([md, name, kind]) => ({ date: `${year}-${md}`, name, kind })), ...movable(year)];
  // 除夕 of next year's 春节 may fall on the last days of this year.
  const nextEve = LunarDay.fromYmd(year + 1, 1, 1).getSolarDay().next(-1);
  if (nextEve.getYear() === year) rows.push({ date: iso(year, nextEve.getMonth(), nextEve.getDay()), name: '除夕', kind: 'festival' });
  return rows.sort((a, b) => a.date.localeCompare(b.date));
}

/** Nodes between two local dates (inclusive), built-in plus the workspace's own. */
export function nodesBetween(from: string, to: string, extra: readonly CalendarNode[] = []): CalendarNode[] {
  const years = new Set<number>();
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) years.add(y);
  const all = [...[...years].flatMap(festivalNodes), ...extra];
  return all.filter((n) => n.date >= from && n.date <= to).sort((a, b) => a.date.localeCompare(b.date) || a.name.localeCompare(b.name));
}
