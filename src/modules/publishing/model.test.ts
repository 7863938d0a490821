import { describe, expect, it } from 'vitest';
import { BadContentError, PermanentError, ReauthorizeError, RetryableError, UnconfirmedError } from '../platforms/errors.js';
import { createKeyedLimiter } from './limiter.js';
import {
  DEFAULT_RETRY, afterFailure, classifyError, contractState, dueAtFromLocal, formatInZone, interleave, retryDelayMs,
} from './model.js';

describe('due-time computation', () => {
  it.each([
    ['2026-03-05T09:00', 'Asia/Shanghai', '2026-03-05T01:00:00.000Z'],
    ['2026-01-01T00:30', 'Asia/Shanghai', '2025-12-31T16:30:00.000Z'],
    // New York: EST (−5) in January, EDT (−4) after the 8 March 2026 switch.
    ['2026-01-15T09:00', 'America/New_York', '2026-01-15T14:00:00.000Z'],
    ['2026-03-09T09:00', 'America/New_York', '2026-03-09T13:00:00.000Z'],
    // Spring forward: 02:30 does not exist on 8 March 2026 and moves to 03:30 EDT.
    ['2026-03-08T02:30', 'America/New_York', '2026-03-08T07:30:00.000Z'],
    // Fall back: 01:30 happens twice on 1 November 2026; the first (EDT) wins.
    ['2026-11-01T01:30', 'America/New_York', '2026-11-01T05:30:00.000Z'],
    // Berlin's switch on 29 March 2026.
    ['2026-03-29T09:00', 'Europe/Berlin', '2026-03-29T07:00:00.000Z'],
    ['2026-03-28T09:00', 'Europe/Berlin', '2026-03-28T08:00:00.000Z'],
  ])('%s in %s is %s', (local, zone, utc) => {
    expect(dueAtFromLocal(local, zone).toISOString()).toBe(utc);
  });

  it('rejects a malformed time and an unknown zone', () => {
    expect(() => dueAtFromLocal('2026-13-40T09:00', 'Asia/Shanghai')).toThrow();
    expect(() => dueAtFromLocal('2026-03-05T09:00', 'Mars/Olympus')).toThrow();
  });

  it('shows an instant in the workspace zone and in another', () => {
    const d = new Date('2026-03-05T01:00:00Z');
    expect(formatInZone(d, 'Asia/Shanghai')).toBe('2026-03-05 09:00 +08:00');
    expect(formatInZone(d, 'America/New_York')).toBe('2026-03-04 20:00 -05:00');
  });
});

describe('error classification and the next state', () => {
  const p = 'sandbox';
  it.each([
    [new RetryableError(p, '429', { retryAfterMs: 7000 }), 'retryable', 7000],
    [new ReauthorizeError(p, 'token'), 'reauthorize', undefined],
    [new BadContentError(p, 'too long', { field: 'text' }), 'bad_content', undefined],
    [new PermanentError(p, 'forbidden'), 'permanent', undefined],
    [new UnconfirmedError(p, 'timed out after sending'), 'unconfirmed', undefined],
    [new Error('socket hang up in our media loader'), 'retryable', undefined],
  ])('%s → %s', (err, kind, retryAfterMs) => {
    const c = classifyError(err);
    expect(c.kind).toBe(kind);
    expect(c.retryAfterMs).toBe(retryAfterMs);
  });

  it('retries retryable failures within the budget, then fails; never retries an unknown outcome', () => {
    const c = classifyError(new RetryableError(p, '503'));
    expect(afterFailure(c, 1, DEFAULT_RETRY).state).toBe('scheduled');
    expect(afterFailure(c, DEFAULT_RETRY.maxAttempts, DEFAULT_RETRY).state).toBe('failed');
    expect(afterFailure(classifyError(new UnconfirmedError(p, 'x')), 1, DEFAULT_RETRY)).toEqual({ state: 'unconfirmed' });
    expect(afterFailure(classifyError(new ReauthorizeError(p, 'x')), 1, DEFAULT_RETRY)).toEqual({ state: 'waiting_auth' });
    expect(afterFailure(classifyError(new BadContentError(p, 'x')), 1, DEFAULT_RETRY)).toEqual({ state: 'failed' });
  });

  it('honours Retry-After and backs off exponentially otherwise', () => {
    const mid = () => 0.5;
    expect(retryDelayMs(1, 7000, DEFAULT_RETRY, mid)).toBe(7000);
    expect(retryDelayMs(1, undefined, DEFAULT_RETRY, mid)).toBe(10_000);
    expect(retryDelayMs(3, undefined, DEFAULT_RETRY, mid)).toBe(40_000);
    expect(retryDelayMs(20, undefined, DEFAULT_RETRY, mid)).toBe(DEFAULT_RETRY.maxDelayMs);
  });

  it('maps engine states to the content contract', () => {
    expect(contractState('pending')).toBe('publishing');
    expect(contractState('waiting_auth')).toBe('scheduled');
    expect(contractState('unconfirmed')).toBe('unconfirmed');
  });
});

describe('fairness and limits', () => {
  it('interleaves workspaces round-robin', () => {
    const rows = ['a1', 'a2', 'a3', 'a4', 'b1', 'c1', 'c2'].map((id) => ({ id, ws: id[0]! }));
    expect(interleave(rows, (r) => r.ws).map((r) => r.id)).toEqual(['a1', 'b1', 'c1', 'a2', 'c2', 'a3', 'a4']);
  });

  it('runs at most N per key and lets other accounts pass a busy one', async () => {
    const limiter = createKeyedLimiter((k) => (k.startsWith('account:') ? 1 : 10));
    const order: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => { release = r; });
    const first = limiter.run(['*', 'account:A'], async () => { order.push('A1'); await gate; });
    const second = limiter.run(['*', 'account:A'], async () => { order.push('A2'); });
    const third = limiter.run(['*', 'account:B'], async () => { order.push('B1'); });
    await third;
    expect(order).toEqual(['A1', 'B1']);
    expect(limiter.load()).toEqual({ running: 1, waiting: 1 });
    release();
    await Promise.all([first, second]);
    expect(order).toEqual(['A1', 'B1', 'A2']);
  });
});
