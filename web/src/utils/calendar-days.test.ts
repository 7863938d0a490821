import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, todayIn } from './calendar-days';

describe('calendar days', () => {
  it('knows today in the workspace zone, not the browser zone', () => {
    const lateUtc = new Date('2026-12-06T18:30:00Z');
    expect(todayIn('Asia/Shanghai', lateUtc)).toBe('2026-12-07');
    expect(todayIn('America/New_York', lateUtc)).toBe('2026-12-06');
  });

  it('adds days across months, years and leap days', () => {
    expect(addDays('2026-12-07', -27)).toBe('2026-11-10');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });

  it('counts days between dates', () => {
    expect(daysBetween('2026-11-10', '2026-12-07')).toBe(27);
    expect(daysBetween('2026-12-07', '2026-11-10')).toBe(-27);
  });
});
