import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { relativeTime } from './relative-time';

describe('relativeTime', () => {
  const now = new Date('2025-11-11T04:00:00Z');
  it('is relative within a week, with the absolute time in the workspace zone', () => {
    dayjs.locale('en');
    const r = relativeTime('2025-11-11T03:55:00Z', 'Asia/Shanghai', now);
    expect(r.label).toBe('5 minutes ago');
    expect(r.absolute).toBe('2025-11-11 11:55:00');
  });
  it('shows the date in the workspace zone after a week', () => {
    expect(relativeTime('2025-11-01T18:30:00Z', 'Asia/Shanghai', now).label).toBe('2025-11-02 02:30');
  });
});
