import { describe, expect, it } from 'vitest';
import { tokenStatus } from './tokens-table';

const base = { id: 't', name: 'n', scopes: [], createdAt: '2026-01-01T00:00:00Z', expiresAt: null, lastUsedAt: null, revokedAt: null };
const now = Date.parse('2026-06-01T00:00:00Z');

describe('tokenStatus', () => {
  it.each([
    [{}, 'active'],
    [{ expiresAt: '2026-07-01T00:00:00Z' }, 'active'],
    [{ expiresAt: '2026-05-01T00:00:00Z' }, 'expired'],
    [{ revokedAt: '2026-02-01T00:00:00Z', expiresAt: '2026-05-01T00:00:00Z' }, 'revoked'],
  ])('%o → %s', (patch, status) => {
    expect(tokenStatus({ ...base, ...patch }, now)).toBe(status);
  });
});
