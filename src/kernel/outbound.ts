/**
 * The one guarded outbound HTTP client for every URL a user can influence (notification channels,
 * feeds, media by URL, instance-type platform hosts). It refuses internal targets — loopback,
 * private, link-local, unique-local, CGNAT, multicast, unspecified and reserved addresses, also in
 * their IPv4-mapped IPv6 forms — unless the operator allows them (CHORUS_ALLOW_PRIVATE_HOSTS).
 * Literal IPs are checked before connecting and every DNS answer at connect time (the socket goes
 * to the address that was checked, so DNS rebinding cannot swap it); redirects are followed here,
 * each hop checked again; time and response size are bounded. Every failure to reach a target is
 * the same `outbound.unreachable` error: a caller never learns whether a port was open, closed,
 * filtered or refused by this policy, nor what answered.
 */
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import zlib from 'node:zlib';
import ipaddr from 'ipaddr.js';
import { DomainError, type ErrorStatusMap } from './errors.js';

export const outboundErrors = {
  'outbound.invalid_url': 400,
  'outbound.blocked_host': 400,
  'outbound.unreachable': 422,
  'outbound.too_large': 422,
} as const satisfies ErrorStatusMap;

export interface OutboundOptions {
  /** Overrides the process policy set by configureOutbound (CHORUS_ALLOW_PRIVATE_HOSTS). */
  allowPrivateHosts?: boolean;
  /** For the whole exchange, redirects and body included. Default 15 s. */
  timeoutMs?: number;
  /** Largest response body accepted (after decompression). Default 10 MiB. */
  maxBytes?: number;
  /** Default 5. */
  maxRedirects?: number;
}

/** A target could not be used. `sent` (never shown to users) tells whether request bytes may have reached it. */
export class OutboundError extends DomainError {
  constructor(code: keyof typeof outboundErrors, message: string, readonly sent = false, fields?: Record<string, string>) {
    super(code, { message, fields });
    this.name = 'OutboundError';
  }
}

const UNREACHABLE = 'the address could not be reached';
const NOT_PUBLIC = 'must be a public http(s) address whose host resolves';
const DEFAULTS = { timeoutMs: 15_000, maxBytes: 10 * 1024 * 1024, maxRedirects: 5 };
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const NULL_BODY = new Set([101, 204, 205, 304]);

let policy = { allowPrivateHosts: false };

/** Set once by the composition root from the configuration. */
export function configureOutbound(p: { allowPrivateHosts: boolean }): void {
  policy = { allowPrivateHosts: p.allowPrivateHosts };
}

export function outboundPolicy(): Readonly<{ allowPrivateHosts: boolean }> {
  return policy;
}

/** True for globally routable unicast addresses only (IPv4-mapped IPv6 is judged as its IPv4). */
export function isPublicAddress(ip: string): boolean {
  const bare = ip.replace(/^\[|\]$/g, '');
  if (!ipaddr.isValid(bare)) return false;
  let addr: ipaddr.IPv4 | ipaddr.IPv6 = ipaddr.parse(bare);
  if (addr.kind() === 'ipv6' && (addr as ipaddr.IPv6).isIPv4MappedAddress()) addr = (addr as ipaddr.IPv6).toIPv4Address();
  return addr.range() === 'unicast';
}

function parseTarget(url: string | URL, field: string): URL {
  let u: URL;
  try {
    u = new URL(String(url));
  } catch {
    throw new OutboundError('outbound.invalid_url', 'not a valid URL', false, { [field]: 'must be an http(s) URL' });
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') {
    throw new OutboundError('outbound.invalid_url', 'only http and https URLs are allowed', false, { [field]: 'must be an http(s) URL' });
  }
  if (u.username || u.password) {
    throw new OutboundError('outbound.invalid_url', 'URLs with credentials are not allowed', false, { [field]: 'must not contain a user name or password' });
  }
  return u;
}

const hostOf = (u: URL) => u.hostname.replace(/^\[|\]$/g, '');

/**
 * The save-time check: a well-formed http(s) URL whose host is (or resolves only to) public
 * addresses. A host that does not resolve is refused with the same answer as a private one.
 */
export async function assertPublicUrl(url: string | URL, opts: { allowPrivateHosts?: boolean; field?: string } = {}): Promise<URL> {
  const field = opts.field ?? 'url';
  const u = parseTarget(url, field);
  if (opts.allowPrivateHosts ?? policy.allowPrivateHosts) return u;
  const host = hostOf(u);
  let addresses: string[];
  if (ipaddr.isValid(host)) addresses = [host];
  else {
    try {
      addresses = (await dns.promises.lookup(host, { all: true })).map((a) => a.address);
    } catch {
      addresses = [];
    }
  }
  if (addresses.length === 0 || !addresses.every(isPublicAddress)) {
    throw new OutboundError('outbound.blocked_host', `the address ${NOT_PUBLIC}`, false, { [field]: NOT_PUBLIC });
  }
  return u;
}

/**
 * For protocols other than HTTP (SMTP): the addresses a user-chosen host resolves to, all public
 * (unless allowed). Connect to the returned address — not the name — so a second lookup cannot
 * answer differently. Refused or unresolvable hosts get the one `outbound.unreachable` answer.
 */
export async function resolvePublicHost(host: string, opts: { allowPrivateHosts?: boolean } = {}): Promise<string> {
  const bare = host.replace(/^\[|\]$/g, '');
  const allow = opts.allowPrivateHosts ?? policy.allowPrivateHosts;
  if (ipaddr.isValid(bare)) {
    if (allow || isPublicAddress(bare)) return bare;
    throw new OutboundError('outbound.unreachable', UNREACHABLE, false);
  }
  let addresses: dns.LookupAddress[] = [];
  try { addresses = await dns.promises.lookup(bare, { all: true }); } catch { /* answered below */ }
  if (addresses.length === 0 || (!allow && !addresses.every((a) => isPublicAddress(a.address)))) {
    throw new OutboundError('outbound.unreachable', UNREACHABLE, false);
  }
  return addresses[0]!.address;
}

/** The save-time check for a bare host name (an SMTP server): same rule and answer as assertPublicUrl. */
export async function assertPublicHost(host: string, opts: { allowPrivateHosts?: boolean; field?: string } = {}): Promise<string> {
  if (opts.allowPrivateHosts ?? policy.allowPrivateHosts) return host;
  try {
    return await resolvePublicHost(host, opts);
  } catch {
    const field = opts.field ?? 'host';
    throw new OutboundError('outbound.blocked_host', `the address ${NOT_PUBLIC}`, false, { [field]: NOT_PUBLIC });
  }
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void;

/** A dns.lookup that answers only when every address is public: the socket then connects to what was checked. */
function guardedLookup(hostname: string, options: dns.LookupOptions, callback: LookupCallback): void {
  dns.lookup(hostname, { all: true, family: options.family, hints: options.hints }, (err, addresses) => {
    if (err) return callback(err, []);
    if (addresses.length === 0 || !addresses.every((a) => isPublicAddress(a.address))) {
      const blocked: NodeJS.ErrnoException = new Error('blocked by the outbound policy');
      blocked.code = 'EBLOCKED';
      return callback(blocked, []);
    }
    if (options.all) return callback(null, addresses);
    return callback(null, addresses[0]!.address, addresses[0]!.family);
  });
}

// No keep-alive: every request connects (and so is checked) afresh, and never fails on a socket the server closed while idle.
const agents = {
  strict: { http: new http.Agent({ keepAlive: false, lookup: guardedLookup as never }), https: new https.Agent({ keepAlive: false, lookup: guardedLookup as never }) },
  open: { http: new http.Agent({ keepAlive: false }), https: new https.Agent({ keepAlive: false }) },
};

interface Exchange { status: number; statusText: string; headers: [string, string][]; body: Buffer }

function exchange(u: URL, method: string, headers: Record<string, string>, body: Buffer | undefined, allowPrivate: boolean, maxBytes: number, signal: AbortSignal): Promise<Exchange> {
  return new Promise((resolve, reject) => {
    let connected = false;
    const fail = (code: 'outbound.unreachable' | 'outbound.too_large' = 'outbound.unreachable') =>
      reject(code === 'outbound.too_large' ? new OutboundError(code, 'the answer was too large', true) : new OutboundError(code, UNREACHABLE, connected));
    const isHttps = u.protocol === 'https:';
    const pool = allowPrivate ? agents.open : agents.strict;
    const req = (isHttps ? https : http).request(u, {
      method, headers, signal, agent: isHttps ? pool.https : pool.http,
    });
    req.on('socket', (s) => {
      if (!s.connecting) connected = true;
      else s.once('connect', () => { connected = true; });
    });
    req.on('error', () => fail());
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        size += c.length;
        if (size > maxBytes) { fail('outbound.too_large'); res.destroy(); req.destroy(); return; }
        chunks.push(c);
      });
      res.on('error', () => fail());
      res.on('aborted', () => fail());
      res.on('end', () => {
        const list: [string, string][] = [];
        for (let i = 0; i < res.rawHeaders.length; i += 2) list.push([res.rawHeaders[i]!, res.rawHeaders[i + 1]!]);
        try {
          resolve({ status: res.statusCode ?? 0, statusText: res.statusMessage ?? '', headers: list, body: decode(Buffer.concat(chunks), res.headers['content-encoding'], maxBytes) });
        } catch (err) {
          reject(err instanceof OutboundError ? err : new OutboundError('outbound.unreachable', UNREACHABLE, true));
        }
      });
    });
    req.end(body);
  });
}

/** We ask for no compression; a server that compresses anyway is decoded within the same size bound. */
function decode(body: Buffer, encoding: string | undefined, maxBytes: number): Buffer {
  const enc = encoding?.trim().toLowerCase();
  if (!enc || enc === 'identity' || body.length === 0) return body;
  const opts = { maxOutputLength: maxBytes };
  try {
    if (enc === 'gzip' || enc === 'x-gzip') return zlib.gunzipSync(body, opts);
    if (enc === 'deflate') return zlib.inflateSync(body, opts);
    if (enc === 'br') return zlib.brotliDecompressSync(body, opts);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new OutboundError('outbound.too_large', 'the answer was too large', true);
    throw err;
  }
  return body;
}

/**
 * fetch-compatible: resolves with a Response (any HTTP status) once the whole body is read, or
 * rejects with an OutboundError. `init.redirect: 'manual'` returns redirects instead of following.
 */
export async function guardedFetch(url: string | URL, init: RequestInit = {}, opts: OutboundOptions = {}): Promise<Response> {
  const allowPrivate = opts.allowPrivateHosts ?? policy.allowPrivateHosts;
  const { timeoutMs, maxBytes, maxRedirects } = { ...DEFAULTS, ...stripUndefined(opts) };
  let target = parseTarget(url, 'url');
  // Let the platform's Request serialise the body (FormData, URLSearchParams, Blob…) and set its content type.
  const prepared = new Request(target, { method: init.method ?? 'GET', headers: init.headers, body: init.body, ...(init.body ? { duplex: 'half' } : {}) } as RequestInit);
  let method = prepared.method;
  let body = init.body == null ? undefined : Buffer.from(await prepared.arrayBuffer());
  const headers: Record<string, string> = {};
  prepared.headers.forEach((v, k) => { headers[k] = v; });
  delete headers['accept-encoding'];
  if (body) headers['content-length'] = String(body.length);
  const signal = init.signal ? AbortSignal.any([init.signal, AbortSignal.timeout(timeoutMs)]) : AbortSignal.timeout(timeoutMs);

  for (let hop = 0; ; hop += 1) {
    if (!allowPrivate && ipaddr.isValid(hostOf(target)) && !isPublicAddress(hostOf(target))) {
      throw new OutboundError('outbound.unreachable', UNREACHABLE, false);
    }
    if (signal.aborted) throw new OutboundError('outbound.unreachable', UNREACHABLE, hop > 0);
    const r = await exchange(target, method, headers, body, allowPrivate, maxBytes, signal);
    const location = r.headers.find(([k]) => k.toLowerCase() === 'location')?.[1];
    if (REDIRECTS.has(r.status) && location && init.redirect !== 'manual') {
      if (init.redirect === 'error' || hop >= maxRedirects) throw new OutboundError('outbound.unreachable', UNREACHABLE, true);
      let next: URL;
      try { next = parseTarget(new URL(location, target), 'url'); } catch { throw new OutboundError('outbound.unreachable', UNREACHABLE, true); }
      if (r.status === 303 || ((r.status === 301 || r.status === 302) && method === 'POST')) {
        method = method === 'HEAD' ? 'HEAD' : 'GET';
        body = undefined;
        for (const h of ['content-type', 'content-length']) delete headers[h];
      }
      // Credentials meant for one origin never follow a redirect to another.
      if (next.origin !== target.origin) for (const h of ['authorization', 'cookie', 'proxy-authorization']) delete headers[h];
      target = next;
      continue;
    }
    if (r.status < 200 || r.status > 599) throw new OutboundError('outbound.unreachable', UNREACHABLE, true);
    const responseHeaders = new Headers();
    for (const [k, v] of r.headers) {
      if (/^(content-encoding|content-length|transfer-encoding)$/i.test(k)) continue;
      try { responseHeaders.append(k, v); } catch { /* a header fetch would also drop */ }
    }
    const res = new Response(NULL_BODY.has(r.status) || method === 'HEAD' ? null : new Uint8Array(r.body), { status: r.status, statusText: r.statusText, headers: responseHeaders });
    Object.defineProperty(res, 'url', { value: target.toString() });
    Object.defineProperty(res, 'redirected', { value: hop > 0 });
    return res;
  }
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** A fetch with this policy's options bound, for code that takes a `typeof fetch` (platform connectors). */
export function guardedFetcher(opts: OutboundOptions = {}): typeof fetch {
  return ((input: string | URL | Request, init?: RequestInit) => {
    if (input instanceof Request) throw new TypeError('guardedFetcher takes a URL, not a Request');
    return guardedFetch(input, init, opts);
  }) as typeof fetch;
}
