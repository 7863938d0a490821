/** Engine timings. Defaults suit production; tests and the benchmark shorten them (env or options). */
import { DEFAULT_RETRY, type RetryPolicy } from './model.js';

export interface PublishingOptions {
  /** How long a worker owns a claimed row; past it the sweep treats the outcome as unknown. */
  leaseMs: number;
  /** Jobs are fetched this much before the due instant; the dispatcher holds them until due. */
  leadMs: number;
  /** A due row with no live job for this long is re-enqueued by the sweep. */
  stuckGraceMs: number;
  /** A queue job active this long is taken as dead (its worker was killed). */
  activeStaleMs: number;
  /** The sweep chains itself at this interval (a once-a-minute cron backs it up). */
  sweepIntervalMs: number;
  /** Resolver: gap between the looks at the platform after an unknown outcome. */
  resolveDelayMs: number;
  /** publishStatus polling: first delay (grows ×1.5, capped at a minute). */
  checkDelayMs: number;
  /** Refresh tokens expiring within this window of a due post. */
  refreshAheadMs: number;
  /** First-reply reminder after publishing. */
  firstReplyReminderMs: number;
  connectorCacheMs: number;
  retry: RetryPolicy;
  batchSize: number;
}

export const DEFAULT_OPTIONS: PublishingOptions = {
  leaseMs: 120_000, leadMs: 2_000, stuckGraceMs: 60_000, activeStaleMs: 180_000, sweepIntervalMs: 60_000,
  resolveDelayMs: 10_000, checkDelayMs: 5_000, refreshAheadMs: 30 * 60_000, firstReplyReminderMs: 30 * 60_000,
  connectorCacheMs: 30_000, retry: DEFAULT_RETRY, batchSize: 100,
};

const num = (v: string | undefined) => (v && Number.isFinite(Number(v)) ? Number(v) : undefined);

/**
 * CHORUS_PUBLISH_TIMINGS=fast (tests, drills): short leases and sweeps so recovery shows in seconds.
 * CHORUS_PUBLISH_BATCH=N: jobs per fetch.
 */
export function publishingOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): PublishingOptions {
  const o = { ...DEFAULT_OPTIONS };
  if (env.CHORUS_PUBLISH_TIMINGS === 'fast') Object.assign(o, FAST_OPTIONS);
  o.batchSize = num(env.CHORUS_PUBLISH_BATCH) ?? o.batchSize;
  return o;
}

export const FAST_OPTIONS: Partial<PublishingOptions> = {
  leaseMs: 4_000, stuckGraceMs: 3_000, activeStaleMs: 6_000, sweepIntervalMs: 1_000, resolveDelayMs: 500, checkDelayMs: 300,
  retry: { maxAttempts: 4, baseDelayMs: 200, maxDelayMs: 2_000 },
};
