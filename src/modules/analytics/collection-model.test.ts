import { describe, expect, it } from 'vitest';
import { applyReading, cumulativeOf, nextCollectionAt, retryCollectionAt, type Cumulative } from './collection-model.js';

const H = 3_600_000;
const published = new Date('2026-03-02T02:00:00Z');
const reading = (over: Partial<Cumulative>): Cumulative => ({ exposure: 0, likes: 0, comments: 0, shares: 0, saves: null, clicks: null, conversions: null, ...over });

describe('collection cadence: fresh posts often, old posts rarely, then never', () => {
  it.each([
    [0, 0.5], [5.9, 0.5], [6, 1], [23, 1], [24, 3], [71, 3], [72, 12], [24 * 7 - 1, 12], [24 * 7, 24], [24 * 29, 24], [24 * 30, 24 * 7], [24 * 89, 24 * 7],
  ])('a post %d h old is read again %d h later', (ageH, everyH) => {
    const now = new Date(published.getTime() + ageH * H);
    expect((nextCollectionAt(published, now)!.getTime() - now.getTime()) / H).toBe(everyH);
  });
  it('stops after 90 days', () => {
    expect(nextCollectionAt(published, new Date(published.getTime() + 90 * 24 * H))).toBeNull();
  });
  it('backs off after failures, at most a day', () => {
    const now = new Date('2026-03-02T00:00:00Z');
    expect(retryCollectionAt(now, 0).getTime() - now.getTime()).toBe(H / 4);
    expect(retryCollectionAt(now, 2).getTime() - now.getTime()).toBe(H);
    expect(retryCollectionAt(now, 30).getTime() - now.getTime()).toBe(24 * H);
  });
});

describe('cumulative readings → daily rows', () => {
  it('maps connector metrics; what the platform does not report stays null', () => {
    expect(cumulativeOf({ views: 100, likes: 5, comments: null, shares: 1, saves: null, clicks: 2, conversions: 3, platformPostId: 'p', asOf: new Date() } as never))
      .toEqual({ exposure: 100, likes: 5, comments: null, shares: 1, saves: null, clicks: 2, conversions: 3 });
    expect(cumulativeOf({ views: 1, likes: 1, comments: 1, shares: 1, saves: 1, clicks: null } as never).conversions).toBeNull();
  });

  it('a day holds what grew since the last reading of the day before; days add up to the total', () => {
    let state = { cumDay: null as string | null, base: null, last: null } as Parameters<typeof applyReading>[0];
    const a = applyReading(state, reading({ exposure: 100, likes: 10 }), '2026-03-02');
    expect(a.daily).toMatchObject({ exposure: 100, likes: 10, saves: null });
    state = a.state;
    const b = applyReading(state, reading({ exposure: 300, likes: 25 }), '2026-03-02');
    expect(b.daily).toMatchObject({ exposure: 300, likes: 25 }); // same day: replaces the day's row
    const c = applyReading(b.state, reading({ exposure: 420, likes: 30, saves: 4 }), '2026-03-03');
    expect(c.daily).toMatchObject({ exposure: 120, likes: 5, saves: 4 });
    const d = applyReading(c.state, reading({ exposure: 500, likes: 31, saves: 5 }), '2026-03-03');
    expect(d.daily).toMatchObject({ exposure: 200, likes: 6, saves: 5 });
    expect((b.daily.exposure ?? 0) + (d.daily.exposure ?? 0)).toBe(500);
  });
});
