/**
 * The one HTTP call path for connectors: timeout, network-failure classification (not sent →
 * retryable; sent but unanswered → unconfirmed), JSON decoding and the generic HTTP status
 * rules. Platform-specific body codes are mapped by each connector.
 * Request URLs are never put into errors (several platforms carry tokens in the query).
 */
import { OutboundError } from '../../kernel/outbound.js';
import type { ConnectorContext } from './connector';
import { ReauthorizeError, RetryableError, UnconfirmedError, parseRetryAfter, type RawResponse } from './errors';

export interface HttpRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
  url: string;
  query?: Record<string, string | number | boolean | undefined>;
  headers?: Record<string, string>;
  json?: unknown;
  form?: Record<string, string | number | undefined>;
  body?: FormData | Uint8Array | string;
  /** A timeout on an idempotent request is retryable; on others the outcome is unconfirmed. Default: GET. */
  idempotent?: boolean;
}

export interface HttpResult { status: number; headers: Record<string, string>; body: unknown; text: string }

const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

export function buildUrl(url: string, query?: HttpRequest['query']): string {
  if (!query) return url;
  const u = new URL(url);
  for (const [k, v] of Object.entries(query)) if (v !== undefined) u.searchParams.set(k, String(v));
  return u.toString();
}

export function toRaw(r: HttpResult): RawResponse {
  return { status: r.status, headers: r.headers, body: r.body };
}

export async function httpRequest(ctx: ConnectorContext, platform: string, req: HttpRequest): Promise<HttpResult> {
  const method = req.method ?? (req.json !== undefined || req.form || req.body !== undefined ? 'POST' : 'GET');
  const idempotent = req.idempotent ?? method === 'GET';
  const headers: Record<string, string> = { accept: 'application/json', ...req.headers };
  let body: BodyInit | undefined;
  if (req.json !== undefined) {
    headers['content-type'] ??= 'application/json';
    body = JSON.stringify(req.json);
  } else if (req.form) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(req.form)) if (v !== undefined) p.set(k, String(v));
    body = p.toString();
  } else if (req.body !== undefined) {
    body = req.body as BodyInit;
  }
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), ctx.timeoutMs ?? 30_000);
  let res!: Response;
  let text!: string;
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        res = await ctx.fetch(buildUrl(req.url, req.query), { method, headers, body, signal: controller.signal });
        text = await res.text();
        break;
      } catch (err) {
        // A kept-alive socket the server had already closed (a slow machine lets it go idle): an
        // idempotent request is sent again once on a fresh connection instead of failing the caller.
        if (!(idempotent && attempt === 0 && isStaleSocket(err))) throw err;
      }
    }
  } catch (err) {
    throw classifyNetworkError(platform, err, idempotent);
  } finally {
    clearTimeout(timer);
  }
  const outHeaders: Record<string, string> = {};
  res.headers.forEach((v, k) => { outHeaders[k] = v; });
  let parsed: unknown = text;
  if (text && (/json/i.test(res.headers.get('content-type') ?? '') || /^\s*[[{]/.test(text))) {
    try { parsed = JSON.parse(text); } catch { parsed = text; }
  }
  return { status: res.status, headers: outHeaders, body: parsed, text };
}

const STALE_SOCKET_CODES = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);

function isStaleSocket(err: unknown): boolean {
  const e = err as { name?: string; code?: string; cause?: { code?: string } };
  return e?.name !== 'AbortError' && STALE_SOCKET_CODES.has(e?.cause?.code ?? e?.code ?? '');
}

function classifyNetworkError(platform: string, err: unknown, idempotent: boolean): Error {
  const e = err as { name?: string; code?: string; cause?: { code?: string; errors?: { code?: string }[] } };
  // A TypeError without a cause is our own bad request (invalid URL, body on GET): a bug, not the network.
  if (err instanceof TypeError && !e.cause) return err;
  // The guarded client says only whether anything may have reached the host.
  if (err instanceof OutboundError) {
    if (!err.sent) return new RetryableError(platform, 'network error before sending', { cause: err });
    if (idempotent) return new RetryableError(platform, 'request failed', { cause: err });
    return new UnconfirmedError(platform, 'request failed after sending; outcome unknown', { cause: err });
  }
  const code = e?.cause?.code ?? e?.cause?.errors?.[0]?.code ?? e?.code;
  if (code && NOT_SENT_CODES.has(code)) {
    return new RetryableError(platform, `network error before sending (${code})`, { cause: err });
  }
  const what = e?.name === 'AbortError' ? 'timed out' : `connection failed (${code ?? 'unknown'})`;
  if (idempotent) return new RetryableError(platform, `request ${what}`, { cause: err });
  return new UnconfirmedError(platform, `request ${what} after sending; outcome unknown`, { cause: err });
}

/** Generic HTTP status rules: 429/503 → retryable (Retry-After), other 5xx → retryable, 401 → reauthorize. */
export function checkHttpStatus(platform: string, r: HttpResult, now: Date): void {
  if (r.status === 429 || r.status >= 500) {
    throw new RetryableError(platform, `HTTP ${r.status}`, {
      platformCode: r.status, raw: toRaw(r), retryAfterMs: parseRetryAfter(r.headers['retry-after'], now) ?? (r.status === 429 ? 60_000 : undefined),
    });
  }
  if (r.status === 401) throw new ReauthorizeError(platform, 'HTTP 401 unauthorized', { platformCode: 401, raw: toRaw(r) });
}

export function obj(v: unknown): Record<string, any> {
  return v && typeof v === 'object' ? (v as Record<string, any>) : {};
}

export function baseUrl(ctx: ConnectorContext, key: string, fallback: string): string {
  return (ctx.baseUrls?.[key] ?? ctx.baseUrl ?? fallback).replace(/\/+$/, '');
}

/** A media file as a Blob for multipart bodies. */
export function mediaBlob(m: { data: Uint8Array; mimeType: string }): Blob {
  return new Blob([m.data as unknown as BlobPart], { type: m.mimeType });
}

/** A multipart body as bytes (for APIs that sign the exact body, e.g. Bilibili's Content-MD5). */
export function buildMultipart(fields: Record<string, string>, files: Record<string, { filename: string; mimeType: string; data: Uint8Array }>) {
  const boundary = `----chorus${Math.random().toString(16).slice(2)}${Date.now().toString(16)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  for (const [name, f] of Object.entries(files)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${f.filename.replace(/"/g, '')}"\r\nContent-Type: ${f.mimeType}\r\n\r\n`));
    parts.push(Buffer.from(f.data), Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: new Uint8Array(Buffer.concat(parts)), contentType: `multipart/form-data; boundary=${boundary}` };
}
