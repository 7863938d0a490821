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

/**
 * Growing delays after failures, per key: the first `free` failures cost nothing, then each one
 * doubles the wait (1 s, 2 s, 4 s … up to `maxMs`). A success clears the key. Nothing is ever locked
 * for longer than one wait, and only the key that failed waits.
 */
export function createBackoff(opts: { free: number; maxMs: number; forgetMs: number; now?: () => number }) {
  const now = opts.now ?? Date.now;
  const state = new Map<string, { failures: number; until: number; seen: number }>();
  return {
    /** Seconds to wait before another attempt, or 0. */
    wait(key: string): number {
      const s = state.get(key);
      if (!s) return 0;
      const t = now();
      if (t - s.seen > opts.forgetMs) { state.delete(key); return 0; }
      return s.until > t ? Math.ceil((s.until - t) / 1000) : 0;
    },
    fail(key: string): void {
      const t = now();
      const s = state.get(key) ?? { failures: 0, until: 0, seen: t };
      s.failures += 1;
      s.seen = t;
      const over = s.failures - opts.free;
      s.until = over > 0 ? t + Math.min(opts.maxMs, 1000 * 2 ** (over - 1)) : 0;
      state.set(key, s);
      if (state.size > 10_000) for (const [k, v] of state) if (t - v.seen > opts.forgetMs) state.delete(k);
    },
    reset(key: string): void { state.delete(key); },
  };
}
