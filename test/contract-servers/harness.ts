/**
 * A small node:http server for platform contract fakes. Each platform server registers the
 * documented endpoints it implements; any other call gets a 404 with an explicit error and is
 * recorded in `unexpected` (tests assert it stays empty). Faults can be injected per path:
 * a canned response (429 + Retry-After, errcode 45009, 5xx…), or a hang — optionally after
 * the handler ran, to simulate "the platform acted but the answer was lost".
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface UploadedFile { filename: string; contentType: string; data: Buffer }

export interface CReq {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  rawBody: Buffer;
  json(): any;
  form(): Record<string, string>;
  multipart(): { fields: Record<string, string>; files: Record<string, UploadedFile> };
}

export interface CRes { status?: number; headers?: Record<string, string>; json?: unknown; text?: string; contentType?: string }
export type Handler = (req: CReq) => CRes | Promise<CRes>;
export interface Route { method: string; path: string | RegExp; handler: Handler }
export type Fault = { kind: 'respond'; res: CRes } | { kind: 'hang'; afterHandler?: boolean };

export interface ContractServer {
  url: string;
  calls: { method: string; path: string }[];
  unexpected: string[];
  inject(path: string, fault: Fault, times?: number): void;
  countCalls(path: string): number;
  close(): Promise<void>;
}

export async function startContractServer(name: string, routes: Route[]): Promise<ContractServer> {
  const calls: { method: string; path: string }[] = [];
  const unexpected: string[] = [];
  const faults: { path: string; fault: Fault; left: number }[] = [];
  const sockets = new Set<Socket>();

  const server: Server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const url = new URL(req.url ?? '/', 'http://localhost');
    const creq = makeReq(req, url, Buffer.concat(chunks));
    calls.push({ method: creq.method, path: creq.path });
    const fault = faults.find((f) => f.left > 0 && f.path === creq.path);
    if (fault) fault.left--;
    if (fault?.fault.kind === 'respond') return write(res, fault.fault.res);
    const route = routes.find((r) => r.method === creq.method && (typeof r.path === 'string' ? r.path === creq.path : r.path.test(creq.path)));
    if (!route) {
      unexpected.push(`${creq.method} ${creq.path}`);
      return write(res, { status: 404, json: { error: `${name} contract server: unexpected call ${creq.method} ${creq.path}` } });
    }
    try {
      const out = await route.handler(creq);
      if (fault?.fault.kind === 'hang') return; // never answer
      write(res, out);
    } catch (err) {
      write(res, { status: 500, json: { error: `${name} contract server: handler failed: ${(err as Error).message}` } });
    }
  });
  server.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    unexpected,
    inject(path, fault, times = 1) { faults.push({ path, fault, left: times }); },
    countCalls(path) { return calls.filter((c) => c.path === path).length; },
    close: () => new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    }),
  };
}

function write(res: ServerResponse, out: CRes) {
  const headers: Record<string, string> = { ...out.headers };
  let body = '';
  if (out.json !== undefined) { headers['content-type'] ??= 'application/json'; body = JSON.stringify(out.json); }
  else if (out.text !== undefined) { headers['content-type'] ??= out.contentType ?? 'text/plain; charset=utf-8'; body = out.text; }
  res.writeHead(out.status ?? 200, headers);
  res.end(body);
}

function makeReq(req: IncomingMessage, url: URL, rawBody: Buffer): CReq {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
  return {
    method: req.method ?? 'GET',
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    headers,
    rawBody,
    json: () => (rawBody.length ? JSON.parse(rawBody.toString('utf8')) : {}),
    form: () => Object.fromEntries(new URLSearchParams(rawBody.toString('utf8'))),
    multipart: () => parseMultipart(rawBody, headers['content-type'] ?? ''),
  };
}

/** Minimal multipart/form-data parser, enough for the fakes (fields and files). */
export function parseMultipart(body: Buffer, contentType: string) {
  const fields: Record<string, string> = {};
  const files: Record<string, UploadedFile> = {};
  const m = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  if (!m) return { fields, files };
  const boundary = Buffer.from(`--${m[1] ?? m[2]}`);
  let pos = body.indexOf(boundary);
  while (pos !== -1) {
    const start = pos + boundary.length;
    if (body.subarray(start, start + 2).toString() === '--') break;
    const next = body.indexOf(boundary, start);
    if (next === -1) break;
    const part = body.subarray(start + 2, next - 2); // skip CRLF after boundary and before next
    const split = part.indexOf('\r\n\r\n');
    const head = part.subarray(0, split).toString('utf8');
    const data = part.subarray(split + 4);
    const name = /name="([^"]*)"/i.exec(head)?.[1] ?? '';
    const filename = /filename="([^"]*)"/i.exec(head)?.[1];
    if (filename !== undefined) {
      files[name] = { filename, contentType: /content-type:\s*([^\r\n]+)/i.exec(head)?.[1] ?? 'application/octet-stream', data: Buffer.from(data) };
    } else fields[name] = data.toString('utf8');
    pos = next;
  }
  return { fields, files };
}

/** A fetch that records nothing and goes nowhere: for tests that must not touch the network. */
export const noNetworkFetch: typeof fetch = async () => { throw new Error('no network in this test'); };
