/** Fixed-window counter per key, in memory (one process holds the API for a login burst). */
export function createRateLimiter(opts: { limit: number; windowMs: number; now?: () => number }) {
  const now = opts.now ?? Date.now;
  const hits = new Map<string, { count: number; resetAt: number }>();
  return {
    /** Returns the seconds to wait when over the limit, or 0 when allowed. */
    hit(key: string): number {
      const t = now();
      let entry = hits.get(key);
      if (!entry || entry.resetAt <= t) {
        entry = { count: 0, resetAt: t + opts.windowMs };
        hits.set(key, entry);
      }
      entry.count += 1;
      if (hits.size > 10_000) for (const [k, v] of hits) if (v.resetAt <= t) hits.delete(k);
      return entry.count > opts.limit ? Math.ceil((entry.resetAt - t) / 1000) : 0;
    },
    reset(key: string) { hits.delete(key); },
  };
}
