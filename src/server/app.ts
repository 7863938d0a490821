import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import Fastify, { LogController, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import { ZodError, type z } from 'zod';
import { DomainError } from '../kernel/errors.js';
import type { TrustProxy } from '../kernel/config.js';
import { acceptText, checkHeaders } from '../kernel/http/accepted-text.js';
import { can, tokenCan, type Permission } from '../modules/team/model.js';
import type { Actor, Principal } from '../modules/team/service.js';
import { errorHandler, sendError, zodFields } from './errors.js';
import { buildOpenApi, docsPage, DOCS_INIT } from './openapi.js';
import { moduleRoutes } from './registry.js';
import { registerAccessLog } from './access-log.js';
import type { AnyRoute } from './route.js';
import type { Services } from './services.js';
import { CSRF_HEADER, SESSION_COOKIE, useSecureCookies } from './session-cookies.js';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const WEB_DIST = join(root, 'web', 'dist');

export const LOG_REDACT = [
  'req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]',
  '*.password', '*.newPassword', '*.currentPassword', '*.token', '*.secret', '*.accessToken', '*.refreshToken', '*.appSecret',
  '*.passwordHash', '*.tokenHash', '*.csrfToken', '*.credentials', '*.secretConfig', '*.webhookToken', '*.pass', '*.params',
];

/** Access logs show calendar-feed URLs without their token (the token is the credential). */
export function redactUrl(url: string): string {
  return url.replace(/(\/api\/v1\/ics\/)[^/?#.]+/g, '$1[redacted]').replace(/([?&](?:token|access_token|state|code)=)[^&#]*/gi, '$1[redacted]');
}

/** pino serializers: the request's URL redacted as above. */
export const LOG_SERIALIZERS = {
  req: (req: { method?: string; url?: string; hostname?: string; remoteAddress?: string; remotePort?: number }) => ({
    method: req.method, url: redactUrl(req.url ?? ''), hostname: req.hostname, remoteAddress: req.remoteAddress, remotePort: req.remotePort,
  }),
};

/** Content-hashed files under assets/ are cached for a year; everything else (index.html) is revalidated. */
export function consoleCacheControl(path: string): string {
  return /[\\/]assets[\\/][^\\/]+-[A-Za-z0-9_-]{8,}\.(js|css|woff2?|svg|png)(\.br|\.gz)?$/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

export interface AppOptions {
  services: Services;
  logger?: boolean | object;
  routes?: AnyRoute[];
}

function bearerOrCookie(req: FastifyRequest): { token: string; via: 'bearer' | 'cookie' } | null {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return { token: auth.slice(7).trim(), via: 'bearer' };
  const c = req.cookies[SESSION_COOKIE];
  return c ? { token: c, via: 'cookie' } : null;
}

function parse<S extends z.ZodType>(schema: S | undefined, value: unknown, where: string): unknown {
  if (!schema) return undefined;
  const r = schema.safeParse(value ?? (where === 'body' ? undefined : {}));
  if (r.success) return r.data;
  const fields = Object.fromEntries(Object.entries(zodFields(r.error)).map(([k, v]) => [k === '_' ? where : `${where === 'body' ? '' : where + '.'}${k}`, v]));
  throw new DomainError('validation_failed', { message: `invalid ${where}`, fields });
}

/**
 * CSP the console works under: its own scripts only (no inline script), inline styles (antd writes
 * CSS-in-JS), images from platforms' https hosts; never framed; no referrer (ICS feed URLs carry tokens).
 */
function securityHeaders(https: boolean) {
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"], scriptSrc: ["'self'"], styleSrc: ["'self'", "'unsafe-inline'"], imgSrc: ["'self'", 'data:', 'blob:', 'https:'],
        fontSrc: ["'self'", 'data:'], connectSrc: ["'self'"], mediaSrc: ["'self'", 'blob:'], objectSrc: ["'none'"], frameAncestors: ["'none'"],
        baseUri: ["'self'"], formAction: ["'self'"],
        // Plain-http LAN deployments must keep working: no upgrade-insecure-requests unless served over https.
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    frameguard: { action: 'deny' as const },
    referrerPolicy: { policy: 'no-referrer' as const },
    strictTransportSecurity: https ? { maxAge: 15_552_000, includeSubDomains: false } : false,
    crossOriginEmbedderPolicy: false,
  };
}

/** A hop count trusts that many proxies nearest to us (Fastify's types take it as a function). */
function trustProxyOption(tp: TrustProxy): boolean | string | ((addr: string, hop: number) => boolean) {
  return typeof tp === 'number' ? (_addr, hop) => hop < tp : tp;
}

/** A PATCH whose body, once validated, sets nothing (`{}`, or only unknown keys that were stripped). */
function isEmptyPatch(body: unknown): boolean {
  return !!body && typeof body === 'object' && !Array.isArray(body) && Object.values(body).every((v) => v === undefined);
}

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const { services } = opts;
  const routes = opts.routes ?? moduleRoutes;
  useSecureCookies(services.config.baseUrl.startsWith('https://'));
  const app = Fastify({
    logger: opts.logger === undefined ? { level: services.config.logLevel, redact: { paths: LOG_REDACT, censor: '[redacted]' }, serializers: LOG_SERIALIZERS } : opts.logger,
    bodyLimit: 2 * 1024 * 1024,
    trustProxy: trustProxyOption(services.config.trustProxy),
    // Fastify's two lines per request are replaced by one line from registerAccessLog.
    logController: new LogController({ disableRequestLogging: true }),
  });
  registerAccessLog(app);
  await app.register(cookie);
  await app.register(helmet, securityHeaders(services.config.baseUrl.startsWith('https://')));
  app.setErrorHandler(errorHandler);

  const handlerFor = (def: AnyRoute) => async (req: FastifyRequest, reply: FastifyReply) => {
    // Text is judged once, here, before anything else reads it (login included).
    checkHeaders(req.headers);
    const input = { params: acceptText(req.params, 'params'), query: acceptText(req.query, 'query'), body: acceptText(req.body, 'body') };
    let principal: Principal | null = null;
    if (def.access !== 'public') {
      const cred = bearerOrCookie(req);
      principal = cred ? await services.team.authenticate(cred.token) : null;
      if (!principal) return sendError(reply, 401, 'unauthorized', 'sign in first');
      // Cookie sessions must echo their CSRF token on unsafe methods; bearer tokens are not sent by browsers on their own.
      if (cred!.via === 'cookie' && UNSAFE.has(def.method) && req.headers[CSRF_HEADER] !== principal.csrfToken) {
        return sendError(reply, 403, 'csrf_failed', 'missing or wrong x-csrf-token header');
      }
    }
    // Outside a workspace a token may read who it is; changing anything needs the route's personal scope.
    if (def.access === 'user' && principal!.via === 'token' && (def.scope ? !principal!.scopes?.includes(def.scope) : UNSAFE.has(def.method))) {
      return sendError(reply, 403, 'forbidden', def.scope ? `needs scope ${def.scope}` : 'API tokens cannot use this route');
    }
    let actor: Actor | undefined;
    if (def.access !== 'public' && def.access !== 'user') {
      const workspaceId = (req.params as Record<string, string>).workspaceId ?? '';
      const role = /^[0-9a-f-]{36}$/i.test(workspaceId) ? await services.team.roleIn(principal!, workspaceId) : null;
      if (!role) return sendError(reply, 404, 'workspace.not_found', 'workspace not found');
      const permission = def.access as Permission;
      const allowed = principal!.via === 'token' ? tokenCan(role, principal!.scopes ?? [], permission) : can(role, permission);
      if (!allowed) return sendError(reply, 403, 'forbidden', `needs permission ${permission}`);
      actor = { ...principal!, workspaceId, role };
    }
    const params = parse(def.params, input.params, 'params');
    const query = parse(def.query, input.query, 'query');
    const body = parse(def.body, input.body, 'body');
    if (def.method === 'PATCH' && isEmptyPatch(body)) {
      throw new DomainError('validation_failed', { message: 'nothing to change: the body names no field', fields: { body: 'nothing to change' } });
    }
    const result = await def.handler({ params, query, body, principal, actor: actor as Actor, services, req, reply });
    if (def.raw) return reply;
    if (def.status === 204) return reply.status(204).send();
    return reply.status(def.status ?? 200).send(result);
  };
  for (const def of routes.filter((r) => !r.rawBody)) {
    app.route({ method: def.method, url: def.url, bodyLimit: def.bodyLimit, handler: handlerFor(def) });
  }
  // Raw-body routes live in their own scope, where every content type is read as bytes.
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
    for (const def of routes.filter((r) => r.rawBody)) {
      scope.route({ method: def.method, url: def.url, bodyLimit: def.bodyLimit, handler: handlerFor(def) });
    }
  });

  app.get('/api/health', async (_req, reply) => {
    const [database, queue] = await Promise.all([
      services.database.sql.query('select 1').then(() => 'ok', () => 'down'),
      services.jobs.healthy().then((ok) => (ok ? 'ok' : 'down')),
    ]);
    const ok = database === 'ok' && queue === 'ok';
    return reply.status(ok ? 200 : 503).send({ status: ok ? 'ok' : 'degraded', database, queue, databaseKind: services.database.kind, version: process.env.npm_package_version ?? '0.1.0' });
  });

  const openapi = buildOpenApi(routes);
  app.get('/api/openapi.json', async () => openapi);
  app.get('/api/docs', async (_req, reply) => reply.type('text/html; charset=utf-8').send(docsPage()));
  app.get('/api/docs/init.js', async (_req, reply) => reply.type('text/javascript; charset=utf-8').send(DOCS_INIT));
  await app.register(fastifyStatic, {
    root: dirname(fileURLToPath(import.meta.resolve('swagger-ui-dist/package.json'))),
    prefix: '/api/docs/assets/', decorateReply: false, index: false,
  });

  const hasConsole = existsSync(join(WEB_DIST, 'index.html'));
  if (hasConsole) {
    await app.register(fastifyStatic, {
      root: WEB_DIST, prefix: '/', wildcard: true, index: 'index.html',
      // Brotli and gzip files are written at build time; hashed assets never change, index.html always revalidates.
      preCompressed: true, cacheControl: false,
      setHeaders: (res, path) => {
        res.setHeader('cache-control', consoleCacheControl(path));
        // Caches must keep the brotli, gzip and plain answers apart.
        res.setHeader('vary', 'accept-encoding');
      },
    });
  }
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || req.method !== 'GET') return sendError(reply, 404, 'not_found', `no route ${req.method} ${req.url.split('?')[0]}`);
    if (!hasConsole) return reply.type('text/plain; charset=utf-8').status(503).send('The console is not built yet: run `npm run build:web`.');
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').sendFile('index.html', WEB_DIST);
  });
  return app;
}

export { ZodError };
