import { describe, expect, it } from 'vitest';
import {
  addWorkingDays, addWorkingHours, calendarFromWorkspace, dayKind, defaultCalendar, formatInZone, isWorkingTime,
  parseInZone, workingMinutesBetween, EmptyCalendarError,
} from './working-calendar.js';

const cal = defaultCalendar();
const at = (iso: string) => new Date(iso);
const fmt = (d: Date) => formatInZone(cal, d);

describe('day kinds on the default calendar (China, 2026)', () => {
  it.each([
    ['2026-09-30', 'workday'],          // Wednesday
    ['2026-10-01', 'public_holiday'],   // 国庆
    ['2026-10-03', 'public_holiday'],   // a Saturday inside the holiday
    ['2026-10-10', 'make_up_workday'],  // 调休 Saturday
    ['2026-10-11', 'weekend'],
    ['2026-09-25', 'public_holiday'],   // 中秋 on a Friday
  ])('%s is %s', (date, kind) => {
    expect(dayKind(cal, date)).toBe(kind);
  });
});

describe('addWorkingHours', () => {
  it.each([
    ['inside the day', '2026-09-29T10:00+08:00', 4, '2026-09-29T14:00:00+08:00'],
    ['ends exactly at close', '2026-09-29T10:00+08:00', 8, '2026-09-29T18:00:00+08:00'],
    ['across a night', '2026-09-29T17:00+08:00', 4, '2026-09-30T12:00:00+08:00'],
    ['starting at night counts from the next opening', '2026-09-29T23:30+08:00', 2, '2026-09-30T11:00:00+08:00'],
    ['starting before opening', '2026-09-29T06:00+08:00', 1, '2026-09-29T10:00:00+08:00'],
    ['across the 国庆 holiday', '2026-09-30T17:00+08:00', 4, '2026-10-08T12:00:00+08:00'],
    ['onto a 调休 Saturday', '2026-10-09T16:00+08:00', 4, '2026-10-10T11:00:00+08:00'],
    ['across an ordinary weekend', '2026-11-13T17:00+08:00', 2, '2026-11-16T10:00:00+08:00'],
    ['starting on a Sunday', '2026-11-15T10:00+08:00', 1, '2026-11-16T10:00:00+08:00'],
    ['fractional hours', '2026-11-16T09:00+08:00', 1.5, '2026-11-16T10:30:00+08:00'],
    ['zero hours stays put', '2026-11-15T10:00+08:00', 0, '2026-11-15T10:00:00+08:00'],
    ['a UTC input is read as the same instant', '2026-09-30T09:00:00Z', 4, '2026-10-08T12:00:00+08:00'],
  ])('%s', (_name, from, hours, due) => {
    expect(fmt(addWorkingHours(cal, at(from), hours))).toBe(due);
  });
});

describe('addWorkingDays (close of business on the n-th working day after)', () => {
  it.each([
    ['5 days across 国庆 end on a 调休 Saturday', '2026-09-28', 5, '2026-10-10T18:00:00+08:00'],
    ['1 day from a Friday is Monday', '2026-11-13T15:00+08:00', 1, '2026-11-16T18:00:00+08:00'],
    ['0 days is the end of today', '2026-11-13T15:00+08:00', 0, '2026-11-13T18:00:00+08:00'],
    ['0 days on a Sunday is the next working day', '2026-11-15T15:00+08:00', 0, '2026-11-16T18:00:00+08:00'],
  ])('%s', (_name, from, days, due) => {
    expect(fmt(addWorkingDays(cal, parseInZone(cal, from)!, days))).toBe(due);
  });
});

describe('isWorkingTime', () => {
  it.each([
    ['2026-09-30T10:00+08:00', true],
    ['2026-09-30T18:00+08:00', false], // close is exclusive
    ['2026-09-30T08:59+08:00', false],
    ['2026-10-02T10:00+08:00', false], // holiday
    ['2026-10-10T10:00+08:00', true],  // 调休 Saturday
    ['2026-10-11T10:00+08:00', false], // Sunday
  ])('%s → %s', (iso, expected) => {
    expect(isWorkingTime(cal, at(iso))).toBe(expected);
  });
});

describe('workingMinutesBetween', () => {
  it.each([
    ['same day', '2026-09-29T10:00+08:00', '2026-09-29T11:30+08:00', 90],
    ['overnight counts only hours', '2026-09-29T17:00+08:00', '2026-09-30T10:00+08:00', 120],
    ['over 国庆', '2026-09-30T17:00+08:00', '2026-10-08T12:00+08:00', 240],
    ['a whole holiday is zero', '2026-10-01T00:00+08:00', '2026-10-07T23:59+08:00', 0],
    ['reversed is negative', '2026-09-29T11:30+08:00', '2026-09-29T10:00+08:00', -90],
  ])('%s', (_name, from, to, minutes) => {
    expect(workingMinutesBetween(cal, at(from), at(to))).toBe(minutes);
  });
});

describe('a workspace calendar', () => {
  const ws = calendarFromWorkspace({
    timeZone: 'Asia/Shanghai',
    workingHours: { days: [1, 2, 3, 4, 5].flatMap((weekday) => [
      { weekday, start: '09:00', end: '12:00' }, { weekday, start: '13:30', end: '18:00' },
    ]) },
    holidays: [{ date: '2026-11-16', name: '年会' }, { date: '2026-11-22', name: '盘点', working: true }],
  });

  it('skips the lunch break', () => {
    expect(formatInZone(ws, addWorkingHours(ws, at('2026-11-17T11:00+08:00'), 2))).toBe('2026-11-17T14:30:00+08:00');
  });
  it('skips its own day off', () => {
    expect(formatInZone(ws, addWorkingHours(ws, at('2026-11-13T17:00+08:00'), 2))).toBe('2026-11-17T10:00:00+08:00');
  });
  it('works on its own day on (a Sunday) with the usual hours', () => {
    expect(dayKind(ws, '2026-11-22')).toBe('day_on');
    expect(formatInZone(ws, addWorkingHours(ws, at('2026-11-21T10:00+08:00'), 1))).toBe('2026-11-22T10:00:00+08:00');
  });
  it('counts in its own zone', () => {
    const berlin = calendarFromWorkspace({ timeZone: 'Europe/Berlin' });
    // Berlin 09:00 on 2026-11-17 is 16:00 in Shanghai
    expect(addWorkingHours(berlin, at('2026-11-17T07:00:00Z'), 1).toISOString()).toBe('2026-11-17T09:00:00.000Z');
  });
  it('refuses a calendar without working hours instead of looping', () => {
    const none = calendarFromWorkspace({ workingHours: { days: [] } });
    expect(() => addWorkingHours(none, at('2026-11-17T07:00:00Z'), 1)).toThrow(EmptyCalendarError);
  });
});
