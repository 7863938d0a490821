import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createJobs, type Jobs } from '../../src/jobs/queue.js';
import { fixedClock, systemClock, type Clock } from '../../src/kernel/clock.js';
import { loadConfig } from '../../src/kernel/config.js';
import { buildApp } from '../../src/server/app.js';
import { registerJobs } from '../../src/server/jobs-registry.js';
import { createServices, type Services } from '../../src/server/services.js';
import type { Role } from '../../src/modules/team/model.js';
import { createTestDatabase, type Backend } from './database.js';

export interface TestRuntime {
  services: Services;
  jobs: Jobs;
  app: FastifyInstance;
  clock: Clock;
  close(): Promise<void>;
}

/** The whole server on a fresh database, as `chorus serve` builds it; requests go through app.inject. */
export async function createTestRuntime(opts: { backend?: Backend; clock?: Clock; worker?: boolean; notifyRetry?: { retryLimit: number; retryDelay: number; retryBackoff: boolean }; allowPrivateHosts?: boolean; platformHosts?: Record<string, string> } = {}): Promise<TestRuntime> {
  const database = await createTestDatabase(opts.backend ?? 'pglite');
  const dataDir = mkdtempSync(join(tmpdir(), 'chorus-rt-'));
  const config = loadConfig({ CHORUS_DATA_DIR: dataDir, CHORUS_LOG_LEVEL: 'silent', CHORUS_SECRET_KEY: 'test-secret-key-0123456789',
    // Tests talk to fake platforms and receivers on 127.0.0.1; a test of the outbound policy turns this off.
    CHORUS_ALLOW_PRIVATE_HOSTS: opts.allowPrivateHosts === false ? 'false' : 'true',
    // Contract servers stand in for a platform's API host the way an operator's gateway would.
    CHORUS_PLATFORM_API_HOSTS: Object.entries(opts.platformHosts ?? {}).map(([k, v]) => `${k}=${v}`).join(',') });
  const jobs = createJobs(database);
  const clock = opts.clock ?? systemClock;
  const services = createServices({ database, jobs, clock, config, notifyRetry: opts.notifyRetry });
  registerJobs(services);
  await jobs.start();
  if (opts.worker) await jobs.startWorkers();
  const app = await buildApp({ services, logger: false });
  return {
    services, jobs, app, clock,
    async close() {
      await app.close();
      await jobs.stop();
      await database.close();
    },
  };
}

export const PASSWORD = 'Str0ng!Passw0rd';

export interface Session {
  userId: string;
  token: string;
  headers: Record<string, string>;
}

let counter = 0;

/** A user who owns a new workspace, signed in through the real login route (bearer token). */
export async function signUpOwner(rt: TestRuntime, name = 'owner'): Promise<Session & { workspaceId: string }> {
  counter += 1;
  const email = `${name}${counter}-${Date.now()}@example.cn`;
  const { userId, workspaceId } = await rt.services.team.adminCreate({ email, password: PASSWORD, name, workspaceName: `ws-${name}-${counter}-${Math.random()}` });
  const session = await login(rt, email);
  return { ...session, userId, workspaceId };
}

export async function login(rt: TestRuntime, email: string, password = PASSWORD): Promise<Session> {
  const res = await rt.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password, returnToken: true } });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  const { token, user } = res.json();
  return { userId: user.id, token, headers: { authorization: `Bearer ${token}` } };
}

/** Adds a member with a role to a workspace and signs them in. */
export async function addMember(rt: TestRuntime, owner: { workspaceId: string; headers: Record<string, string> }, role: Role): Promise<Session> {
  counter += 1;
  const email = `${role}${counter}-${Date.now()}@example.cn`;
  const res = await rt.app.inject({
    method: 'POST', url: `/api/v1/workspaces/${owner.workspaceId}/members`, headers: owner.headers,
    payload: { email, name: `${role} ${counter}`, role },
  });
  if (res.statusCode !== 201) throw new Error(`invite failed: ${res.statusCode} ${res.body}`);
  return login(rt, email, res.json().temporaryPassword);
}

export { fixedClock };
