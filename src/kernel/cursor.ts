/**
 * Opaque keyset cursors for lists ordered by an instant and an id: `(at, id)` of the last row shown. The instant
 * may be null (rows without one sort last). A cursor that does not decode is the caller's 400, never a 5xx.
 */
export interface KeysetPosition { at: Date | null; id: string }

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodeCursor(at: Date | null, id: string): string {
  return Buffer.from(`${at ? at.toISOString() : '-'}|${id}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): KeysetPosition | null {
  if (cursor.length > 200) return null;
  const [iso, id, extra] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!iso || !id || extra !== undefined || !UUID.test(id)) return null;
  if (iso === '-') return { at: null, id };
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? null : { at, id };
}

/** For lists whose instant is never missing (messages, mentions): a cursor without one is not theirs. */
export function decodeInstantCursor(cursor: string): { at: Date; id: string } | null {
  const position = decodeCursor(cursor);
  return position?.at ? { at: position.at, id: position.id } : null;
}
