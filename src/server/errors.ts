import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { DomainError, kernelErrors, type ErrorStatusMap } from '../kernel/errors.js';
import { errorMaps } from './registry.js';
import { PlatformError, platformErrorCode } from '../modules/platforms/errors.js';

const STATUS: ErrorStatusMap = Object.assign({}, kernelErrors, ...errorMaps);

export function statusOf(code: string): number {
  return STATUS[code] ?? 500;
}

export function zodFields(err: ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of err.issues) {
    const key = issue.path.join('.') || '_';
    fields[key] ??= issue.message;
  }
  return fields;
}

export function sendError(reply: FastifyReply, status: number, code: string, message: string, fields?: Record<string, string>) {
  return reply.status(status).send({ error: { code, message, ...(fields ? { fields } : {}) } });
}

/**
 * A database error as it may be logged: its query text and code, never its parameter values (a failed
 * insert would otherwise write a password hash or a token into the log).
 */
export function withoutParameters(err: Error): Record<string, unknown> {
  const e = err as Error & { query?: string; params?: unknown; code?: string; cause?: unknown };
  const message = e.message.replace(/\nparams:[\s\S]*$/, '').replace(/(params:\s*)[\s\S]*$/, '$1[redacted]');
  const cause = e.cause instanceof Error ? { type: e.cause.name, message: e.cause.message, code: (e.cause as { code?: string }).code } : undefined;
  return { type: e.name, message, code: e.code, ...(e.query ? { query: e.query } : {}), ...(cause ? { cause } : {}), stack: e.stack?.replace(/\nparams:[^\n]*/g, '') };
}

/** One place maps every failure to `{ error: { code, message, fields? } }`. */
export function errorHandler(err: FastifyError | Error, req: FastifyRequest, reply: FastifyReply) {
  if (err instanceof DomainError) {
    const status = statusOf(err.code);
    if (status === 500) req.log.error({ err }, `error code without a status: ${err.code}`);
    // details travel with the error where the caller needs them (compliance.blocked carries its findings)
    if (err.details) return reply.status(status).send({ error: { code: err.code, message: err.message, ...(err.fields ? { fields: err.fields } : {}), ...err.details } });
    return sendError(reply, status, err.code, err.message, err.fields);
  }
  // A platform refused or failed: the caller learns which kind (retry later, re-authorise, bad content …), not a 500.
  if (err instanceof PlatformError) {
    const code = platformErrorCode(err);
    req.log.warn({ platform: err.platform, kind: err.kind }, err.message);
    return sendError(reply, statusOf(code), code, err.message);
  }
  if (err instanceof ZodError) return sendError(reply, 400, 'validation_failed', 'request is not valid', zodFields(err));
  const fe = err as FastifyError;
  if (fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || (fe.statusCode === 400 && fe.code?.startsWith('FST_'))) {
    return sendError(reply, 400, 'validation_failed', fe.message, { body: fe.message });
  }
  if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return sendError(reply, 413, 'payload_too_large', fe.message);
  if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return sendError(reply, 415 as never, 'validation_failed', fe.message, { 'content-type': 'unsupported' });
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) return sendError(reply, fe.statusCode, 'validation_failed', fe.message);
  req.log.error({ err: withoutParameters(err) }, 'unhandled error');
  return sendError(reply, 500, 'internal', 'internal error');
}
