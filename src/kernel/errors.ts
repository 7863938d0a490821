/** A failure the user can act on. Its code maps to an HTTP status in src/server/errors.ts. */
export class DomainError extends Error {
  readonly code: string;
  readonly fields?: Record<string, string>;
  readonly details?: Record<string, unknown>;

  constructor(code: string, opts: { message?: string; fields?: Record<string, string>; details?: Record<string, unknown> } = {}) {
    super(opts.message ?? code);
    this.name = 'DomainError';
    this.code = code;
    this.fields = opts.fields;
    this.details = opts.details;
  }
}

export type ErrorStatusMap = Record<string, 400 | 401 | 403 | 404 | 409 | 410 | 413 | 422 | 423 | 429 | 503>;

export const kernelErrors = {
  validation_failed: 400,
  not_found: 404,
  unauthorized: 401,
  forbidden: 403,
  csrf_failed: 403,
  conflict: 409,
  rate_limited: 429,
  payload_too_large: 413,
  unavailable: 503,
} as const satisfies ErrorStatusMap;
