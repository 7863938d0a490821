/**
 * In-process keyed concurrency: a task names the keys it needs (`*`, `platform:weibo`,
 * `account:<id>`) and starts only when every key has a free slot. Waiting tasks keep their
 * order, but a task whose account is busy does not hold back the tasks behind it.
 */
export interface KeyedLimiter {
  run<T>(keys: string[], task: () => Promise<T>): Promise<T>;
  /** Tasks running and waiting. */
  load(): { running: number; waiting: number };
}

export function createKeyedLimiter(limitOf: (key: string) => number): KeyedLimiter {
  const inUse = new Map<string, number>();
  const waiting: Array<{ keys: string[]; start: () => void }> = [];
  let running = 0;

  const fits = (keys: string[]) => keys.every((k) => (inUse.get(k) ?? 0) < limitOf(k));
  const take = (keys: string[]) => { for (const k of keys) inUse.set(k, (inUse.get(k) ?? 0) + 1); running++; };
  const give = (keys: string[]) => {
    for (const k of keys) {
      const n = (inUse.get(k) ?? 1) - 1;
      if (n <= 0) inUse.delete(k);
      else inUse.set(k, n);
    }
    running--;
  };
  function pump() {
    for (let i = 0; i < waiting.length;) {
      const w = waiting[i]!;
      if (fits(w.keys)) {
        waiting.splice(i, 1);
        take(w.keys);
        w.start();
      } else {
        i++;
      }
    }
  }

  return {
    run(keys, task) {
      return new Promise((resolve, reject) => {
        const start = () => {
          const done = () => { give(keys); pump(); };
          task().then((v) => { done(); resolve(v); }, (e: unknown) => { done(); reject(e); });
        };
        if (waiting.length === 0 && fits(keys)) {
          take(keys);
          start();
        } else {
          waiting.push({ keys, start });
          pump();
        }
      });
    },
    load: () => ({ running, waiting: waiting.length }),
  };
}
