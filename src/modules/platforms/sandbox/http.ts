/** Small HTTP plumbing for the sandbox server: route table, body parsing, replies. */
import type { IncomingMessage } from 'node:http';
import { SandboxError } from './auth';

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface RouteContext {
  req: IncomingMessage;
  params: Record<string, string>;
  query: URLSearchParams;
  /** Parsed JSON or form body (an object), or undefined. */
  body: Record<string, unknown>;
  raw: Buffer;
  /** The authenticated account (routes with auth: true). */
  accountId: string;
}

export interface Route {
  method: string;
  path: string;
  id: string;
  auth: boolean;
  admin?: boolean;
  handle(ctx: RouteContext): Reply | Promise<Reply>;
}

export interface CompiledRoute extends Route { re: RegExp; keys: string[] }

export function compile(routes: Route[]): CompiledRoute[] {
  return routes.map((r) => {
    const keys: string[] = [];
    const re = new RegExp(`^${r.path.replace(/:(\w+)/g, (_, k: string) => { keys.push(k); return '([^/]+)'; })}/?$`);
    return { ...r, re, keys };
  });
}

export function match(routes: CompiledRoute[], method: string, pathname: string): { route: CompiledRoute; params: Record<string, string> } | 'method' | undefined {
  let pathMatched = false;
  for (const r of routes) {
    const m = r.re.exec(pathname);
    if (!m) continue;
    pathMatched = true;
    if (r.method !== method) continue;
    const params: Record<string, string> = {};
    r.keys.forEach((k, i) => { params[k] = decodeURIComponent(m[i + 1]!); });
    return { route: r, params };
  }
  return pathMatched ? 'method' : undefined;
}

export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new SandboxError(413, 'payload_too_large', `body exceeds ${limit} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export function parseBody(contentType: string | undefined, raw: Buffer): Record<string, unknown> {
  if (raw.length === 0) return {};
  const ct = (contentType ?? '').toLowerCase();
  if (ct.includes('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(raw.toString('utf8')));
  if (ct.includes('json') || ct === '') {
    try {
      const v: unknown = JSON.parse(raw.toString('utf8'));
      if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
    } catch {
      throw new SandboxError(400, 'invalid_json', 'body is not valid JSON');
    }
    throw new SandboxError(400, 'invalid_json', 'body must be a JSON object');
  }
  return {};
}

export const ok = (body: unknown, status = 200, headers?: Record<string, string>): Reply => ({ status, body, headers });
export const noContent = (): Reply => ({ status: 204 });

export function errorReply(e: unknown): Reply {
  if (e instanceof SandboxError) {
    const headers: Record<string, string> = {};
    if (e.extra.retryAfterSec !== undefined) headers['retry-after'] = String(e.extra.retryAfterSec);
    if (e.status === 401) headers['www-authenticate'] = `Bearer error="${e.code}"`;
    return { status: e.status, headers, body: { error: { code: e.code, message: e.message, ...(e.extra.field ? { field: e.extra.field } : {}) } } };
  }
  return { status: 500, body: { error: { code: 'internal_error', message: e instanceof Error ? e.message : String(e) } } };
}

/** A string field from a parsed body, or a 422 naming it. */
export function str(body: Record<string, unknown>, field: string, opts: { optional?: boolean; status?: number } = {}): string {
  const v = body[field];
  if (v === undefined && opts.optional) return '';
  if (typeof v !== 'string') throw new SandboxError(opts.status ?? 422, 'invalid_field', `${field} must be a string`, { field });
  return v;
}

export function timeParam(query: URLSearchParams, name: string): number | undefined {
  const v = query.get(name);
  if (!v) return undefined;
  const t = Date.parse(v);
  if (Number.isNaN(t)) throw new SandboxError(400, 'invalid_query', `${name} must be an ISO date-time`, { field: name });
  return t;
}

export function listQuery(query: URLSearchParams) {
  const limit = query.get('limit');
  return { since: timeParam(query, 'since'), cursor: query.get('cursor') ?? undefined, limit: limit ? Number(limit) || undefined : undefined };
}
