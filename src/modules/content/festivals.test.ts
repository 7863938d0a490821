import { describe, expect, it } from 'vitest';
import { festivalNodes, nodesBetween } from './festivals.js';

const dateOf = (year: number, name: string) => festivalNodes(year).find((n) => n.name === name)?.date;

describe('festival nodes for any year', () => {
  it('places the lunar festivals by the lunar calendar (dates published for 2026 and 2027)', () => {
    expect([dateOf(2026, '春节'), dateOf(2026, '端午节'), dateOf(2026, '中秋节'), dateOf(2026, '七夕')]).toEqual(['2026-02-17', '2026-06-19', '2026-09-25', '2026-08-19']);
    expect([dateOf(2027, '春节'), dateOf(2027, '元宵节'), dateOf(2027, '重阳节')]).toEqual(['2027-02-06', '2027-02-20', '2027-10-08']);
    expect(dateOf(2026, '除夕')).toBe('2026-02-16');
  });

  it('has every node in years past the old hard-coded list, with 清明 and the Sundays computed', () => {
    for (const year of [2028, 2035, 2050]) {
      const names = festivalNodes(year).map((n) => n.name);
      for (const n of ['春节', '元宵节', '清明节', '端午节', '七夕', '中秋节', '重阳节', '母亲节', '父亲节', '双11']) expect(names).toContain(n);
    }
    expect(dateOf(2028, '母亲节')).toBe('2028-05-14');
    expect(dateOf(2028, '父亲节')).toBe('2028-06-18');
    expect(dateOf(2028, '春节')).toBe('2028-01-26');
  });

  it('lists the nodes of a range across a year end in date order', () => {
    const nodes = nodesBetween('2027-12-20', '2028-01-31');
    expect(nodes.map((n) => n.name)).toEqual(['圣诞节', '元旦', '除夕', '春节']);
  });
});
