import { describe, expect, it } from 'vitest';
import { createPrincipalCache } from './principal-cache.js';

function cacheAt(maxEntries = 100) {
  let t = 0;
  const cache = createPrincipalCache<string, string>({ ttlMs: 1000, maxEntries, now: () => t });
  return { cache, advance: (ms: number) => { t += ms; } };
}

describe('principal cache', () => {
  it('keeps a credential and a role for one second, no longer', () => {
    const { cache, advance } = cacheAt();
    cache.rememberCredential('h1', 'u1', 'alice', null);
    cache.rememberRole('u1', 'w1', 'manager');
    advance(999);
    expect(cache.credential('h1')).toBe('alice');
    expect(cache.role('u1', 'w1')).toBe('manager');
    advance(1);
    expect(cache.credential('h1')).toBeUndefined();
    expect(cache.role('u1', 'w1')).toBeUndefined();
  });

  it('never outlives the credential itself', () => {
    const { cache, advance } = cacheAt();
    cache.rememberCredential('h1', 'u1', 'alice', 200);
    advance(200);
    expect(cache.credential('h1')).toBeUndefined();
  });

  it('forgets a credential, or everything of a user, at once', () => {
    const { cache } = cacheAt();
    cache.rememberCredential('h1', 'u1', 'alice', null);
    cache.rememberCredential('h2', 'u1', 'alice-token', null);
    cache.rememberRole('u1', 'w1', 'manager');
    cache.rememberCredential('h3', 'u2', 'bob', null);
    cache.forgetCredential('h2');
    expect(cache.credential('h2')).toBeUndefined();
    expect(cache.credential('h1')).toBe('alice');
    cache.forgetUser('u1');
    expect(cache.credential('h1')).toBeUndefined();
    expect(cache.role('u1', 'w1')).toBeUndefined();
    expect(cache.credential('h3')).toBe('bob');
  });

  it('stays bounded, dropping the oldest entry first', () => {
    const { cache } = cacheAt(3);
    for (const h of ['a', 'b', 'c', 'd']) cache.rememberCredential(h, 'u', h, null);
    expect(cache.credential('a')).toBeUndefined();
    expect(cache.credential('d')).toBe('d');
  });
});
