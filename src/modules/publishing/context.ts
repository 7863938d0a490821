/** What the publishing parts share: dependencies, options, the worker's identity, connectors and notices. */
import type { Emit } from '../../kernel/events.js';
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Database, DbOrTx } from '../../db/client.js';
import type { Jobs } from '../../jobs/queue.js';
import type { Clock } from '../../kernel/clock.js';
import { DomainError } from '../../kernel/errors.js';
import { guardedFetcher } from '../../kernel/outbound.js';
import type { AccountsService } from '../accounts/service.js';
import type { Connector, PlatformSlug } from '../platforms/connector.js';
import { createConnector } from '../platforms/registry.js';
import type { NotifyService } from '../notify/service.js';
import type { Actor, TeamService } from '../team/service.js';
import { createMediaLoader } from './media-loader.js';
import { publishingOptionsFromEnv, type PublishingOptions } from './config.js';
import { ASSISTED_PLATFORMS } from './model.js';
import { createPublishingStore, type PublicationRow } from './store.js';

export interface PublishingDeps {
  database: Database;
  jobs: Jobs;
  clock: Clock;
  team: TeamService;
  notify: NotifyService;
  accounts: AccountsService;
  options?: Partial<PublishingOptions>;
  fetch?: typeof fetch;
  /** Where the media library's files live (file: references are read only from there). */
  mediaRoot?: string;
  /** Domain events (`publication.published`); absent: nobody hears of them. */
  emit?: Emit;
}

export type ConnectorLookup =
  | { ok: true; connector: Connector; loadedAt: Date }
  | { ok: false; reason: 'not_active' | 'not_found'; message: string };

/** A system actor for changes the engine makes on its own (audit shows no person). */
export const systemActor = (workspaceId: string): Actor => ({ userId: null as unknown as string, workspaceId, role: 'owner', via: 'token' });

export function createPublishingContext(deps: PublishingDeps) {
  const options: PublishingOptions = { ...publishingOptionsFromEnv(), ...deps.options };
  const db = deps.database.db;
  const store = createPublishingStore();
  const worker = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const fetchImpl = deps.fetch ?? guardedFetcher();
  const loadMedia = createMediaLoader({ mediaRoot: deps.mediaRoot, fetch: deps.fetch });
  const cache = new Map<string, { connector: Connector; until: number; loadedAt: Date }>();

  /**
   * The connector for a publication's account (cached briefly per account). An account without API
   * access (assisted platforms, or not connected) gets the assisted connector, which hands off.
   * Never call inside a transaction: the accounts service reads on its own handle.
   */
  async function connectorFor(row: Pick<PublicationRow, 'workspaceId' | 'accountId' | 'platform'>): Promise<ConnectorLookup> {
    const hit = cache.get(row.accountId);
    if (hit && hit.until > Date.now()) return { ok: true, connector: hit.connector, loadedAt: hit.loadedAt };
    const loadedAt = deps.clock.now();
    const assisted = () => createConnector(row.platform as PlatformSlug, { credentials: {}, fetch: fetchImpl, clock: deps.clock });
    let connector: Connector;
    if (ASSISTED_PLATFORMS.has(row.platform)) {
      connector = assisted();
    } else {
      try {
        connector = await deps.accounts.connectorFor(row.workspaceId, row.accountId);
      } catch (e) {
        const code = e instanceof DomainError ? e.code : '';
        if (code === 'accounts.not_connected') connector = assisted();
        else if (code === 'accounts.not_active') return { ok: false, reason: 'not_active', message: 'the account is paused or not active: re-authorise or resume it' };
        else if (code === 'accounts.not_found') return { ok: false, reason: 'not_found', message: 'the account no longer exists' };
        else throw e;
      }
    }
    cache.set(row.accountId, { connector, until: Date.now() + options.connectorCacheMs, loadedAt });
    return { ok: true, connector, loadedAt };
  }

  /**
   * Token failed for good: pause the account (the accounts banner shows it) so nothing else fails blind.
   * Unless the account changed after our credentials were loaded (another worker refreshed the token,
   * which spends the old refresh token): then it is 'stale' and the caller simply tries again.
   */
  async function pauseAccount(workspaceId: string, accountId: string, credentialsLoadedAt?: Date): Promise<'paused' | 'stale' | 'not_paused'> {
    cache.delete(accountId);
    if (credentialsLoadedAt) {
      const a = await deps.accounts.get(systemActor(workspaceId), accountId).then((x) => x.account, () => null);
      if (a && new Date(a.updatedAt) > credentialsLoadedAt) return 'stale';
    }
    try {
      await deps.accounts.pause(systemActor(workspaceId), accountId);
      return 'paused';
    } catch (e) {
      if (e instanceof DomainError && (e.code === 'accounts.invalid_transition' || e.code === 'accounts.not_found')) return 'not_paused';
      throw e;
    }
  }

  async function notifyOwner(tx: DbOrTx, row: PublicationRow, event: string, severity: 'info' | 'warning' | 'critical', title: string, body: string) {
    await deps.notify.notify(tx, row.workspaceId, {
      event, severity, title, body, link: `/publishing/monitor?publication=${row.id}`, userIds: [row.createdBy],
    });
  }

  return { ...deps, options, db, store, worker, connectorFor, pauseAccount, notifyOwner, loadMedia, forget: (accountId: string) => cache.delete(accountId) };
}

export type PublishingContext = ReturnType<typeof createPublishingContext>;
