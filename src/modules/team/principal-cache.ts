/**
 * A short-lived cache of who a credential is and which role they hold, so that reads do not query (or write)
 * the credential tables on every request. Changes made in this process (logout, revocation, password change,
 * role change, removal) drop the entries at once; other processes see them within `ttlMs` (one second), the
 * longest a revoked token or a demoted member may keep working on another node.
 */
export interface PrincipalCache<P, R> {
  credential(hash: string): P | undefined;
  rememberCredential(hash: string, userId: string, principal: P, expiresAt: number | null): void;
  role(userId: string, workspaceId: string): R | undefined;
  rememberRole(userId: string, workspaceId: string, role: R): void;
  forgetCredential(hash: string): void;
  forgetUser(userId: string): void;
}

interface Entry<V> { value: V; userId: string; until: number }

export function createPrincipalCache<P, R>(opts: { ttlMs?: number; maxEntries?: number; now?: () => number } = {}): PrincipalCache<P, R> {
  const ttl = opts.ttlMs ?? 1000;
  const max = opts.maxEntries ?? 10_000;
  const now = opts.now ?? (() => performance.now() + performance.timeOrigin);
  const entries = new Map<string, Entry<unknown>>();

  const get = <V>(key: string): V | undefined => {
    const e = entries.get(key);
    if (!e) return undefined;
    if (e.until <= now()) { entries.delete(key); return undefined; }
    return e.value as V;
  };
  const put = (key: string, userId: string, value: unknown, until: number) => {
    // Bounded: when full, the oldest entries go first (Map keeps insertion order).
    if (entries.size >= max) entries.delete(entries.keys().next().value!);
    entries.set(key, { value, userId, until });
  };

  return {
    credential: (hash) => get<P>(`c:${hash}`),
    rememberCredential(hash, userId, principal, expiresAt) {
      put(`c:${hash}`, userId, principal, Math.min(now() + ttl, expiresAt ?? Infinity));
    },
    role: (userId, workspaceId) => get<R>(`r:${userId}:${workspaceId}`),
    rememberRole(userId, workspaceId, role) { put(`r:${userId}:${workspaceId}`, userId, role, now() + ttl); },
    forgetCredential(hash) { entries.delete(`c:${hash}`); },
    forgetUser(userId) {
      for (const [key, e] of entries) if (e.userId === userId) entries.delete(key);
    },
  };
}
