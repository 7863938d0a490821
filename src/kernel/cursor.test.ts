import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './cursor.js';

const id = '0b8f7c52-6f0e-4a63-9d3c-2f1f5b7a9c10';

describe('keyset cursors', () => {
  it('round-trip an instant and an id, or a missing instant', () => {
    const at = new Date('2026-12-07T02:00:00.123Z');
    expect(decodeCursor(encodeCursor(at, id))).toEqual({ at, id });
    expect(decodeCursor(encodeCursor(null, id))).toEqual({ at: null, id });
  });

  it('refuse what they did not make', () => {
    for (const bad of ['', 'x', Buffer.from('2026-13-40|' + id).toString('base64url'), Buffer.from('2026-12-07T00:00:00Z|nope').toString('base64url'),
      Buffer.from(`-|${id}|more`).toString('base64url'), '9'.repeat(500)]) {
      expect(decodeCursor(bad)).toBeNull();
    }
  });
});
