import { z } from 'zod';
import type { AnyRoute } from './route.js';

const errorSchema = {
  type: 'object',
  properties: { error: { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' }, fields: { type: 'object', additionalProperties: { type: 'string' } } }, required: ['code', 'message'] } },
  required: ['error'],
};

function toJson(schema: z.ZodType, io: 'input' | 'output') {
  try {
    const json = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
    delete json.$schema;
    return json;
  } catch {
    return {};
  }
}

/** OpenAPI 3.1 generated from the same zod schemas that validate the requests. */
export function buildOpenApi(routes: AnyRoute[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const path = r.url.replace(/(?<!:):(\w+)/g, '{$1}').replace(/::/g, ':'); // "::" is Fastify's literal colon (…/mentions:batch)
    const parameters: unknown[] = [];
    for (const [where, schema] of [['path', r.params], ['query', r.query]] as const) {
      if (!schema) continue;
      const json = toJson(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] };
      for (const [name, s] of Object.entries(json.properties ?? {})) {
        parameters.push({ name, in: where, required: where === 'path' || (json.required ?? []).includes(name), schema: s });
      }
    }
    const status = String(r.status ?? 200);
    const responses: Record<string, unknown> = {
      [status]: status === '204' || !r.response ? { description: 'OK' } : { description: 'OK', content: { 'application/json': { schema: toJson(r.response, 'output') } } },
      '400': { description: 'Invalid request', content: { 'application/json': { schema: errorSchema } } },
    };
    if (r.access !== 'public') responses['401'] = { description: 'Not signed in', content: { 'application/json': { schema: errorSchema } } };
    if (r.access !== 'public' && r.access !== 'user') {
      responses['403'] = { description: `Needs permission ${r.access}` };
      responses['404'] = { description: 'Not found (or not yours)' };
    }
    if (r.access === 'user' && (r.scope || ['POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method))) {
      responses['403'] = { description: r.scope ? `API tokens need scope ${r.scope}` : 'Sessions only (API tokens are refused)' };
    }
    (paths[path] ??= {})[r.method.toLowerCase()] = {
      summary: r.summary,
      tags: r.tags,
      ...(r.access === 'public' ? { security: [] } : {}),
      'x-chorus-permission': r.access,
      ...(r.scope ? { 'x-chorus-token-scope': r.scope } : {}),
      parameters,
      ...(r.body ? { requestBody: { required: true, content: { 'application/json': { schema: toJson(r.body, 'input') } } } } : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Chorus (合声) API', version: '1', description: 'Self-hosted social-media operations. Sign in with POST /api/v1/auth/login, or send an API token as `Authorization: Bearer ct_…`.' },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, session: { type: 'apiKey', in: 'cookie', name: 'chorus_session' } },
    },
    security: [{ bearer: [] }, { session: [] }],
    paths,
  };
}

export function docsPage(): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>Chorus API 文档</title>
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css"></head><body><div id="ui"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script></body></html>`;
}

/** Served as a file: the Content-Security-Policy allows no inline script. */
export const DOCS_INIT = "window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#ui' });\n";
