/**
 * Seeded randomness for the sandbox. Every draw is derived from (seed, labels…) so a value
 * depends on what it describes — a post, an hour, a comment index — and not on how many
 * other draws happened before it. Same seed + same clock ⇒ same network.
 */

/** 32-bit FNV-1a over the labels joined, then avalanche-mixed. */
export function hash32(...parts: (string | number)[]): number {
  let h = 0x811c9dc5;
  const s = parts.join('\u0001');
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h >>> 0;
}

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  int(minIncl: number, maxIncl: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
  /** Standard normal (Box–Muller). */
  normal(): number;
  /** Log-normal with median 1 and the given sigma. */
  logNormal(sigma: number): number;
  /** Poisson with mean lambda (normal approximation above 60). */
  poisson(lambda: number): number;
  /** Pareto with minimum 1 and tail index alpha (heavy tail for small alpha). */
  pareto(alpha: number): number;
  /** A child generator for a sub-stream. */
  fork(...labels: (string | number)[]): Rng;
}

/** mulberry32 stream seeded from hash32(labels). */
export function createRng(...labels: (string | number)[]): Rng {
  let a = hash32(...labels);
  const next = (): number => {
    a = (a + 0x6d2b79f5) | 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = (): number => {
    const u = Math.max(next(), 1e-12);
    const v = next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
  const rng: Rng = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)]!,
    chance: (p) => next() < p,
    normal,
    logNormal: (sigma) => Math.exp(sigma * normal()),
    poisson: (lambda) => {
      if (lambda <= 0) return 0;
      if (lambda > 60) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * normal()));
      const l = Math.exp(-lambda);
      let k = 0;
      let p = 1;
      do { k++; p *= next(); } while (p > l);
      return k - 1;
    },
    pareto: (alpha) => Math.pow(1 - next(), -1 / alpha),
    fork: (...more) => createRng(...labels, ...more),
  };
  return rng;
}
