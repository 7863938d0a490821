import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** A request slower than this is logged at info even when it succeeded. */
export const SLOW_REQUEST_MS = 1000;

/** Health checks, long-polls and event streams are expected to be frequent or slow: never worth an info line. */
function routine(req: FastifyRequest): boolean {
  if (req.url.startsWith('/api/health')) return true;
  if (String(req.headers.accept ?? '').includes('text/event-stream')) return true;
  return /[?&]waitSeconds=/.test(req.url);
}

/**
 * One line per request, written when the response is sent. At `info` only errors (5xx) and slow requests
 * appear; at `debug` every request does. The route's pattern is logged, not the raw URL, so secrets that
 * travel in paths or query strings (ICS feed tokens, OAuth codes) never reach the log.
 */
export function registerAccessLog(app: FastifyInstance) {
  app.addHook('onResponse', async (req: FastifyRequest, reply: FastifyReply) => {
    const ms = Math.round(reply.elapsedTime);
    const line = { method: req.method, route: req.routeOptions.url ?? 'unmatched', status: reply.statusCode, ms };
    if (reply.statusCode >= 500) req.log.error(line, 'request failed');
    else if (ms > SLOW_REQUEST_MS && !routine(req)) req.log.info(line, 'slow request');
    else req.log.debug(line, 'request');
  });
}
