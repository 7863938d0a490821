/**
 * Typed platform failures. A connector throws only these; publishing and the inbox decide what
 * to do by class: retry later, ask the user to re-authorise, show the content problem, give up,
 * or — for UnconfirmedError — mark the attempt unconfirmed and never retry blind.
 */
import type { ErrorStatusMap } from '../../kernel/errors';

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  /** Parsed JSON when the body was JSON, else the text. Never contains our credentials. */
  body: unknown;
}

export type PlatformErrorKind = 'retryable' | 'reauthorize' | 'bad_content' | 'permanent' | 'unconfirmed';

export abstract class PlatformError extends Error {
  abstract readonly kind: PlatformErrorKind;
  readonly platform: string;
  /** The platform's own code (errcode, error_code, err_no…) as a string, or an HTTP status. */
  readonly platformCode?: string;
  readonly raw?: RawResponse;

  constructor(platform: string, message: string, opts: { platformCode?: string | number; raw?: RawResponse; cause?: unknown } = {}) {
    super(`${platform}: ${message}`, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = new.target.name;
    this.platform = platform;
    this.platformCode = opts.platformCode === undefined ? undefined : String(opts.platformCode);
    this.raw = opts.raw;
  }
}

/** Try again later (rate limit, busy, 5xx). retryAfterMs comes from Retry-After or the platform's rule. */
export class RetryableError extends PlatformError {
  readonly kind = 'retryable' as const;
  readonly retryAfterMs?: number;
  constructor(platform: string, message: string, opts: { platformCode?: string | number; raw?: RawResponse; retryAfterMs?: number; cause?: unknown } = {}) {
    super(platform, message, opts);
    this.retryAfterMs = opts.retryAfterMs;
  }
}

/** The token is expired, revoked or invalid: the account must be re-authorised (or refreshed). */
export class ReauthorizeError extends PlatformError {
  readonly kind = 'reauthorize' as const;
}

/** The platform rejected the content (length, banned words, domain, media); fixing it may help. */
export class BadContentError extends PlatformError {
  readonly kind = 'bad_content' as const;
  readonly field?: string;
  constructor(platform: string, message: string, opts: { platformCode?: string | number; raw?: RawResponse; field?: string } = {}) {
    super(platform, message, opts);
    this.field = opts.field;
  }
}

/** Will not succeed by retrying (permission missing, not found, capability absent). */
export class PermanentError extends PlatformError {
  readonly kind = 'permanent' as const;
}

/**
 * The request was sent but no answer came (timeout, connection reset). The platform may or may
 * not have acted: a publish must be marked unconfirmed and checked with findPostByKey.
 */
export class UnconfirmedError extends PlatformError {
  readonly kind = 'unconfirmed' as const;
}

export function isPlatformError(e: unknown): e is PlatformError {
  return e instanceof PlatformError;
}

/** Retry-After as seconds or an HTTP date → milliseconds from now (undefined when absent or bad). */
export function parseRetryAfter(value: string | null | undefined, now: Date): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now.getTime());
}

/** Error codes for the HTTP layer when a platform error reaches a route. */
export const platformErrors = {
  'platform.retry_later': 503,
  'platform.reauthorize': 409,
  'platform.bad_content': 422,
  'platform.failed': 422,
  'platform.unconfirmed': 409,
  'platform.not_supported': 422,
  'platform.not_found': 404,
  'platform.invalid_url': 400,
} as const satisfies ErrorStatusMap;

export function platformErrorCode(e: PlatformError): keyof typeof platformErrors {
  switch (e.kind) {
    case 'retryable': return 'platform.retry_later';
    case 'reauthorize': return 'platform.reauthorize';
    case 'bad_content': return 'platform.bad_content';
    case 'unconfirmed': return 'platform.unconfirmed';
    default: return 'platform.failed';
  }
}
