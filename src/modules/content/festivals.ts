/**
 * Festival and industry nodes (节日与行业节点) to plan around (DOMAIN §4), with their dates for 2026–2027.
 * Lunar festivals are listed by their Gregorian date for each year.
 */

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

const byYear: Record<number, Array<[string, string, CalendarNode['kind']]>> = {
  2026: [
    ['02-17', '春节', 'festival'], ['03-03', '元宵节', 'festival'], ['04-05', '清明节', 'festival'],
    ['05-10', '母亲节', 'festival'], ['06-19', '端午节', 'festival'], ['06-21', '父亲节', 'festival'],
    ['08-19', '七夕', 'festival'], ['09-25', '中秋节', 'festival'], ['10-18', '重阳节', 'festival'],
  ],
  2027: [
    ['02-06', '春节', 'festival'], ['02-20', '元宵节', 'festival'], ['04-05', '清明节', 'festival'],
    ['05-09', '母亲节', 'festival'], ['06-09', '端午节', 'festival'], ['06-20', '父亲节', 'festival'],
    ['08-08', '七夕', 'festival'], ['09-15', '中秋节', 'festival'], ['10-08', '重阳节', 'festival'],
  ],
};

export const NODE_YEARS = Object.keys(byYear).map(Number);

export function festivalNodes(year: number): CalendarNode[] {
  const rows = [...fixed, ...(byYear[year] ?? [])];
  return rows.map(([md, name, kind]) => ({ date: `${year}-${md}`, name, kind })).sort((a, b) => a.date.localeCompare(b.date));
}

/** Nodes between two local dates (inclusive), built-in plus the workspace's own. */
export function nodesBetween(from: string, to: string, extra: readonly CalendarNode[] = []): CalendarNode[] {
  const years = new Set<number>();
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) years.add(y);
  const all = [...[...years].flatMap(festivalNodes), ...extra];
  return all.filter((n) => n.date >= from && n.date <= to).sort((a, b) => a.date.localeCompare(b.date) || a.name.localeCompare(b.name));
}
