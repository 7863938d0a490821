/** What the content use cases share: dependencies, the store, the workspace time zone, accounts and presenters. */
import type { Database, DbOrTx } from '../../db/client.js';
import type { Jobs } from '../../jobs/queue.js';
import type { Clock } from '../../kernel/clock.js';
import { DomainError } from '../../kernel/errors.js';
import type { AccountsService } from '../accounts/service.js';
import type { ComplianceService } from '../compliance/service.js';
import type { NotifyService } from '../notify/service.js';
import type { ReviewService } from '../review/service.js';
import type { Actor, TeamService } from '../team/service.js';
import type { CadenceRule } from './model.js';
import { createContentStore } from './store.js';

/** The publishing module's side of the contract (publishing imports nothing from content). */
export interface PublishMedia { id: string; kind: 'image' | 'video'; url: string; bytes?: number; width?: number; height?: number; durationSec?: number }
export interface ScheduleVariantInput {
  contentItemId: string; variantId: string; accountId: string; platform: string; dueAt: Date; textHash: string;
  payload: { text: string; title?: string; media: PublishMedia[] };
}
export type PublishState = 'scheduled' | 'publishing' | 'published' | 'failed' | 'unconfirmed' | 'handoff' | 'cancelled';
export interface PublishingPort {
  scheduleVariants(tx: DbOrTx, actor: Actor, variants: ScheduleVariantInput[]): Promise<unknown>;
  rescheduleVariants(tx: DbOrTx, actor: Actor, variantIds: string[], dueAt: Date): Promise<unknown>;
  unscheduleVariants(tx: DbOrTx, actor: Actor, variantIds: string[]): Promise<unknown>;
  /** Which item and variant a publication belongs to (for metrics announced by publication). */
  publicationOf?(workspaceId: string, publicationId: string): Promise<{ contentItemId: string; variantId: string } | null>;
  statusOf(workspaceId: string, variantIds: string[]): Promise<Map<string, { state: PublishState; url?: string; platformPostId?: string; publishedAt?: Date; lastError?: string }>>;
}

export interface ContentDeps {
  database: Database;
  jobs: Jobs;
  clock: Clock;
  team: TeamService;
  accounts: AccountsService;
  review: ReviewService;
  notify: NotifyService;
  compliance?: ComplianceService;
  /** Absent until the publishing module is wired: scheduling then answers content.publishing_unavailable. */
  publishing?: PublishingPort;
  dataDir: string;
  baseUrl: string;
}

export interface AccountInfo {
  id: string; platform: string; displayName: string; ownerId: string; status: string; cadence: CadenceRule | null;
}

export const SUBJECT_TYPE = 'content.item';

export function createContentContext(deps: ContentDeps) {
  const store = createContentStore();
  const db = deps.database.db;

  /** The workspace's accounts (read outside any transaction: the accounts service uses the top-level handle). */
  async function accountsOf(workspaceId: string): Promise<Map<string, AccountInfo>> {
    const { items } = await deps.accounts.list({ workspaceId } as Actor, {});
    return new Map(items.map((a) => [a.id, {
      id: a.id, platform: a.platform, displayName: a.displayName, ownerId: a.owner.id, status: a.status, cadence: a.cadence,
    }]));
  }

  async function timeZoneOf(workspaceId: string, handle: DbOrTx = db): Promise<string> {
    return (await deps.team.workspaceSettings(workspaceId, handle)).timeZone;
  }

  async function findItemOrFail(handle: DbOrTx, workspaceId: string, itemId: string, forUpdate = false) {
    const item = await store.findItem(handle, workspaceId, itemId, forUpdate);
    if (!item) throw new DomainError('content.not_found');
    return item;
  }

  async function requireMembers(workspaceId: string, ids: Array<string | null | undefined>, field: string) {
    const wanted = ids.filter((x): x is string => !!x);
    if (wanted.length === 0) return;
    const { items } = await deps.team.listMembers({ workspaceId } as Actor);
    const members = new Set(items.map((m) => m.userId));
    if (wanted.some((id) => !members.has(id))) throw new DomainError('content.not_a_member', { fields: { [field]: 'not a member of this workspace' } });
  }

  return { ...deps, db, store, accountsOf, timeZoneOf, findItemOrFail, requireMembers };
}

export type ContentContext = ReturnType<typeof createContentContext>;
