import { describe, expect, it } from 'vitest';
import { dayjs } from '../../../../utils/time';
import { workingState } from './workspace-summary';

const ws = {
  timeZone: 'Asia/Shanghai',
  workingHours: { days: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '18:00' })) },
  holidays: [{ date: '2026-10-01', name: '国庆节' }],
};
const at = (local: string) => dayjs.tz(local, 'Asia/Shanghai');

describe('workingState', () => {
  it.each([
    ['2026-11-23 10:00', true], // Monday
    ['2026-11-23 08:59', false],
    ['2026-11-23 18:00', false], // end is exclusive
    ['2026-11-22 10:00', false], // Sunday
    ['2026-10-01 10:00', false], // holiday (a Thursday)
  ])('%s → working %s', (local, working) => {
    expect(workingState(ws, at(local)).working).toBe(working);
  });

  it('names the holiday', () => {
    expect(workingState(ws, at('2026-10-01 10:00')).holiday?.name).toBe('国庆节');
  });
});
