import { resolve } from 'node:path';
import { z } from 'zod';

const schema = z.object({
  CHORUS_DATA_DIR: z.string().min(1).default('./data'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://').optional(),
  CHORUS_SECRET_KEY: z.string().min(16, 'must be at least 16 characters').optional(),
  CHORUS_BASE_URL: z.url('must be a URL like https://chorus.example.com').optional(),
  CHORUS_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CHORUS_PLATFORM_API_HOSTS: z.string().regex(/^\s*([a-z]+=https?:\/\/[^\s,]+\s*(,\s*|$))*$/, 'must look like weibo=https://gateway.example.cn,douyin=https://…').default(''),
  CHORUS_ALLOW_PRIVATE_HOSTS: z.enum(['true', 'false', '1', '0']).default('false'),
  CHORUS_TRUST_PROXY: z.string().trim().refine(
    (v) => /^(true|false|\d{1,2})$/.test(v) || v.split(',').every((p) => /^(loopback|linklocal|uniquelocal|[0-9a-fA-F.:]+(\/\d{1,3})?)$/.test(p.trim())),
    'must be true, false, a number of proxy hops, or a comma-separated list of proxy addresses/CIDRs',
  ).default('false'),
});

/** `true`/`false`, a number of proxy hops to trust, or the addresses/CIDRs of the proxies (Fastify's trustProxy). */
export type TrustProxy = boolean | number | string;

function trustProxyOf(v: string): TrustProxy {
  if (v === 'true') return true;
  if (v === 'false') return false;
  if (/^\d+$/.test(v)) return Number(v);
  return v.split(',').map((s) => s.trim()).filter(Boolean).join(',');
}

export interface Config {
  dataDir: string;
  port: number;
  host: string;
  databaseUrl?: string;
  secretKey?: string;
  baseUrl: string;
  logLevel: string;
  /** Operator overrides of platforms' API hosts (an egress gateway; tests use contract servers). Never an account field. */
  platformApiHosts: Record<string, string>;
  /** Outbound requests to loopback/private/link-local hosts are allowed (demo, tests, closed networks). */
  allowPrivateHosts: boolean;
  /** Whether X-Forwarded-* headers are believed (deployments behind a reverse proxy). */
  trustProxy: TrustProxy;
}

export class ConfigError extends Error {}

/** Reads the environment (with CLI overrides) and fails with one clear line naming the bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Record<keyof z.input<typeof schema>, string | undefined>> = {}): Config {
  const merged: Record<string, string | undefined> = {};
  for (const key of Object.keys(schema.shape)) {
    const v = overrides[key as keyof typeof overrides] ?? env[key];
    merged[key] = v === '' ? undefined : v;
  }
  const parsed = schema.safeParse(merged);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`invalid configuration: ${String(issue.path[0])} ${issue.message}`);
  }
  const c = parsed.data;
  return {
    dataDir: resolve(c.CHORUS_DATA_DIR),
    port: c.PORT,
    host: c.HOST,
    databaseUrl: c.DATABASE_URL,
    secretKey: c.CHORUS_SECRET_KEY,
    baseUrl: c.CHORUS_BASE_URL ?? `http://${c.HOST}:${c.PORT}`,
    logLevel: c.CHORUS_LOG_LEVEL,
    platformApiHosts: Object.fromEntries(c.CHORUS_PLATFORM_API_HOSTS.split(',').map((p) => p.trim()).filter(Boolean).map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)])),
    allowPrivateHosts: c.CHORUS_ALLOW_PRIVATE_HOSTS === 'true' || c.CHORUS_ALLOW_PRIVATE_HOSTS === '1',
    trustProxy: trustProxyOf(c.CHORUS_TRUST_PROXY),
  };
}
