import { describe, expect, it } from 'vitest';
import { filtersFromParams, filtersToParams, step } from './api';

describe('filters in the address', () => {
  it('reads known values and ignores the rest', () => {
    const id = '0b7c6a2e-8a57-4a0b-9d7e-2b1f3c4d5e6f';
    expect(filtersFromParams(new URLSearchParams(`kind=dm&sentiment=negative&intent=bogus&accountId=${id}&assigneeUserId=me&slaState=breached`)))
      .toEqual({ kind: 'dm', sentiment: 'negative', intent: undefined, accountId: id, assigneeUserId: 'me', slaState: 'breached', status: undefined, priority: undefined, q: undefined });
    expect(filtersFromParams(new URLSearchParams('accountId=../../x&assigneeUserId=../x')).accountId).toBeUndefined();
    expect(filtersFromParams(new URLSearchParams('assigneeUserId=../x')).assigneeUserId).toBeUndefined();
  });
  it('writes only what is set, and keeps the open conversation', () => {
    expect(filtersToParams({ kind: 'comment', status: 'open' }, { conversation: 'c1' }).toString()).toBe('kind=comment&status=open&conversation=c1');
  });
});

describe('j/k', () => {
  it('moves within the list and starts at the top', () => {
    expect(step(['a', 'b', 'c'], null, 1)).toBe('a');
    expect(step(['a', 'b', 'c'], 'a', 1)).toBe('b');
    expect(step(['a', 'b', 'c'], 'c', 1)).toBe('c');
    expect(step(['a', 'b', 'c'], 'a', -1)).toBe('a');
    expect(step([], 'a', 1)).toBeNull();
  });
});
