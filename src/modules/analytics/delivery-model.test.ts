import { describe, expect, it } from 'vitest';
import { currentPeriod, duePeriod, lastOccurrence, summaryOf } from './delivery-model.js';

const weekly = { report: 'weekly' as const, day: 1, time: '09:00' };
const created = new Date('2026-01-01T00:00:00Z');

describe('scheduled delivery: when and which period', () => {
  it.each([
    // Monday 2026-03-09 09:00 Asia/Shanghai = 01:00 UTC
    ['2026-03-09T01:00:00Z', 'Asia/Shanghai', '2026-W10'],
    ['2026-03-09T00:59:00Z', 'Asia/Shanghai', null],
    ['2026-03-09T13:00:00Z', 'Asia/Shanghai', '2026-W10'],
    ['2026-03-10T01:30:00Z', 'Asia/Shanghai', null], // more than a day late: skipped
    ['2026-03-09T13:00:00Z', 'America/New_York', '2026-W10'], // the day after the DST change: 09:00 EDT = 13:00Z
    ['2026-03-09T12:59:00Z', 'America/New_York', null],
  ])('at %s in %s → %s', (now, zone, period) => {
    expect(duePeriod({ ...weekly, lastPeriod: null, createdAt: created }, new Date(now), zone)).toBe(period);
  });
  it('sends a period once', () => {
    expect(duePeriod({ ...weekly, lastPeriod: '2026-W10', createdAt: created }, new Date('2026-03-09T02:00:00Z'), 'Asia/Shanghai')).toBeNull();
  });
  it('does not send an occurrence from before the schedule existed', () => {
    expect(duePeriod({ ...weekly, lastPeriod: null, createdAt: new Date('2026-03-09T05:00:00Z') }, new Date('2026-03-09T06:00:00Z'), 'Asia/Shanghai')).toBeNull();
  });
  it('monthly: day 1 at 08:30 reports the previous month', () => {
    const o = lastOccurrence({ report: 'monthly', day: 1, time: '08:30' }, new Date('2026-04-01T01:00:00Z'), 'Asia/Shanghai');
    expect(o).toEqual({ at: new Date('2026-04-01T00:30:00Z'), period: '2026-03' });
  });
  it('send now: the last complete week or month', () => {
    expect(currentPeriod('weekly', new Date('2026-03-11T04:00:00Z'), 'Asia/Shanghai')).toBe('2026-W10');
    expect(currentPeriod('monthly', new Date('2026-03-11T04:00:00Z'), 'Asia/Shanghai')).toBe('2026-02');
  });
  it('summaries are cut for robots', () => {
    expect(summaryOf(['a'.repeat(700)]).length).toBe(600);
    expect(summaryOf(['曝光总量：20万', '整体互动率1%'])).toBe('曝光总量：20万\n整体互动率1%');
  });
});
