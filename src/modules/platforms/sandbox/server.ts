/**
 * The sandbox platform served over HTTP: `startSandboxServer({ seed })` → `{ url, close, state, faults }`.
 * Platform API under /oauth and /api (see api-routes.ts), admin under /_sandbox (admin-routes.ts),
 * fault injection per route id (faults.ts), signed webhook deliveries (webhooks.ts).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { adminRoutes } from './admin-routes';
import { apiRoutes } from './api-routes';
import { SandboxError } from './auth';
import { createFaults, type FaultRegistry, type FaultRule } from './faults';
import { compile, errorReply, match, parseBody, readBody, type Reply, type Route } from './http';
import { createSandboxState, type SandboxState, type SandboxStateOptions } from './state';
import { createWebhookDispatcher, type WebhookDispatcher } from './webhooks';

export interface SandboxServerOptions extends SandboxStateOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** When set, /_sandbox routes need the header `X-Sandbox-Admin: <adminToken>`. */
  adminToken?: string;
  webhookRetryDelaysMs?: number[];
  /** Largest request body accepted (default 64 MB). */
  bodyLimit?: number;
}

export interface SandboxServer {
  url: string;
  port: number;
  state: SandboxState;
  faults: FaultRegistry;
  webhooks: WebhookDispatcher;
  close(): Promise<void>;
}

const DEFAULT_TIMEOUT_HOLD_MS = 30_000;
const DEFAULT_SLOW_MS = 2_000;

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export async function startSandboxServer(opts: SandboxServerOptions): Promise<SandboxServer> {
  const state = createSandboxState(opts);
  const faults = createFaults(state.seed);
  let baseUrl = '';
  const webhooks = createWebhookDispatcher({ state, faults, baseUrl: () => baseUrl, retryDelaysMs: opts.webhookRetryDelaysMs });
  const timers = new Map<NodeJS.Timeout, () => void>();
  let closing = false;

  /** A real-time wait that ends early when the server closes. */
  const sleep = (ms: number): Promise<void> => new Promise((resolve) => {
    if (closing) return resolve();
    const t = setTimeout(() => { timers.delete(t); resolve(); }, ms);
    timers.set(t, resolve);
  });

  const pages: Route[] = [
    {
      method: 'GET', path: '/', id: 'web.index', auth: false,
      handle: () => ({ status: 200, body: { name: 'Chorus sandbox network', seed: state.seed, now: new Date(state.now()).toISOString(), api: '/api', admin: '/_sandbox/stats' } }),
    },
    {
      method: 'GET', path: '/p/:id', id: 'web.post', auth: false,
      handle: ({ params }) => {
        const p = state.data.posts.find((x) => x.id === params.id && x.status !== 'deleted');
        if (!p) throw new SandboxError(404, 'post_not_found', 'no such post');
        const html = `<!doctype html><meta charset="utf-8"><title>${escapeHtml(p.title ?? p.id)}</title><article data-post-id="${p.id}">${p.title ? `<h1>${escapeHtml(p.title)}</h1>` : ''}<p>${escapeHtml(p.text)}</p></article>`;
        return { status: 200, body: html, headers: { 'content-type': 'text/html; charset=utf-8' } };
      },
    },
  ];
  const routes = compile([...pages, ...apiRoutes(state, () => baseUrl), ...adminRoutes(state, faults, webhooks, () => baseUrl)]);

  const send = (res: ServerResponse, reply: Reply): void => {
    if (res.destroyed || res.headersSent) return;
    const headers: Record<string, string> = { ...reply.headers };
    let payload: string | undefined;
    if (reply.body !== undefined) {
      if (typeof reply.body === 'string') payload = reply.body;
      else {
        payload = JSON.stringify(reply.body);
        headers['content-type'] ??= 'application/json; charset=utf-8';
      }
    }
    res.writeHead(reply.status, headers);
    res.end(payload);
  };

  /** Faults that act before the request is carried out: an early reply, a wait, or a dropped connection. */
  async function before(fault: FaultRule, req: IncomingMessage, res: ServerResponse, auth: boolean): Promise<Reply | 'dropped' | undefined> {
    switch (fault.kind) {
      case 'rate_limit': {
        const sec = fault.retryAfterSec ?? 1;
        return { status: 429, headers: { 'retry-after': String(sec) }, body: { error: { code: 'rate_limited', message: `too many requests, retry after ${sec}s` } } };
      }
      case 'server_error': {
        const status = fault.status ?? 503;
        return { status, body: { error: { code: status === 503 ? 'service_unavailable' : 'internal_error', message: 'injected server error' } } };
      }
      case 'token_expired':
        if (!auth) return undefined;
        state.auth.expireToken(req.headers.authorization);
        return errorReply(new SandboxError(401, 'token_expired', 'access token expired'));
      case 'slow':
        await sleep(fault.delayMs ?? DEFAULT_SLOW_MS);
        return undefined;
      case 'timeout':
        if (fault.phase !== 'before') return undefined;
        await sleep(fault.delayMs ?? DEFAULT_TIMEOUT_HOLD_MS);
        res.destroy();
        return 'dropped';
      default:
        return undefined;
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sandbox.local');
    let reply: Reply | undefined;
    let fault: FaultRule | undefined;
    try {
      const m = match(routes, req.method ?? 'GET', url.pathname);
      if (m === undefined) throw new SandboxError(404, 'not_found', `no route for ${url.pathname}`);
      if (m === 'method') throw new SandboxError(405, 'method_not_allowed', `${req.method} not allowed on ${url.pathname}`);
      const { route, params } = m;
      if (route.admin && opts.adminToken && req.headers['x-sandbox-admin'] !== opts.adminToken) {
        throw new SandboxError(401, 'admin_token_required', 'X-Sandbox-Admin header missing or wrong');
      }
      const raw = await readBody(req, opts.bodyLimit ?? 64 * 1024 * 1024);
      fault = route.admin ? undefined : faults.take(route.id);
      if (fault) {
        const early = await before(fault, req, res, route.auth);
        if (early === 'dropped') return;
        reply = early;
      }
      if (!reply) {
        const ct = req.headers['content-type'];
        const isMedia = /^(image|video)\//i.test(ct ?? '');
        const body = isMedia ? {} : parseBody(ct, raw);
        const accountId = route.auth ? state.auth.authenticate(req.headers.authorization) : '';
        reply = await route.handle({ req, params, query: url.searchParams, body, raw, accountId });
      }
    } catch (e) {
      reply = errorReply(e);
    }
    // Timeout after accepting: the work is done (a post exists) but the answer never comes, or comes late.
    if (fault?.kind === 'timeout' && fault.phase !== 'before') {
      await sleep(fault.delayMs ?? DEFAULT_TIMEOUT_HOLD_MS);
      if (fault.respond !== 'late' || closing) {
        res.destroy();
        return;
      }
    }
    send(res, reply);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => send(res, errorReply(e)));
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => resolve());
  });
  const addr = server.address() as AddressInfo;
  const host = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  baseUrl = `http://${host}:${addr.port}`;

  return {
    url: baseUrl,
    port: addr.port,
    state,
    faults,
    webhooks,
    async close() {
      closing = true;
      for (const [t, resolve] of timers) { clearTimeout(t); resolve(); }
      timers.clear();
      webhooks.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      state.flush();
    },
  };
}
