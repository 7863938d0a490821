import { describe, expect, it } from 'vitest';
import { mergeFeed, nudge } from './use-notification-feed';

const n = (id: string, createdAt: string) => ({ id, event: 'e', severity: 'info', title: id, body: '', link: null, createdAt, readAt: null });

describe('notification feed', () => {
  it('merges newest first without duplicates', () => {
    const merged = mergeFeed([n('c', '2025-01-01T00:00:03.000Z'), n('b', '2025-01-01T00:00:02.000Z')], [n('b', '2025-01-01T00:00:02.000Z'), n('a', '2025-01-01T00:00:01.000Z')]);
    expect(merged.map((x) => x.id)).toEqual(['c', 'b', 'a']);
  });
  it('keeps at most 30', () => {
    const many = Array.from({ length: 40 }, (_, i) => n(String(i), new Date(Date.UTC(2025, 0, 1, 0, 0, i)).toISOString()));
    expect(mergeFeed(many, [])).toHaveLength(30);
  });
  it('nudges one millisecond past an instant', () => {
    expect(nudge('2025-01-01T00:00:00.123Z')).toBe('2025-01-01T00:00:00.124Z');
  });
});
