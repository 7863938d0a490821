/**
 * The SLA watch (a job every minute): a warning shortly before an unanswered conversation is due and an
 * alert when it breaches, each sent once, to the assignee or, while nobody has it, to the people who answer.
 */
import type { Database } from '../../db/client.js';
import type { Actor } from '../../kernel/access.js';
import type { Clock } from '../../kernel/clock.js';
import type { NotifyService } from '../notify/service.js';
import type { TeamService } from '../team/service.js';
import type { SlaPolicy } from './model.js';
import type { ConversationRow, InboxStore } from './store.js';

export const SLA_JOB = 'inbox.sla';
/** The policy's warning window is at most a day (schema.ts). */
export const MAX_WARN_MINUTES = 24 * 60;
const ANSWERING_ROLES = new Set(['owner', 'manager', 'community']);

interface SlaDeps {
  database: Database; clock: Clock; store: InboxStore; notify: NotifyService; team: TeamService;
  policyOf(workspaceId: string): Promise<SlaPolicy>;
  changed(workspaceId: string, ids: string[]): void;
}

export function createSlaWatch(deps: SlaDeps) {
  const { database, clock, store, notify, team } = deps;
  const db = database.db;

  async function recipients(c: ConversationRow): Promise<string[]> {
    if (c.assigneeUserId) return [c.assigneeUserId];
    const { items } = await team.listMembers({ workspaceId: c.workspaceId } as Actor);
    return items.filter((m) => ANSWERING_ROLES.has(m.role)).map((m) => m.userId);
  }

  return {
    /** Announces what became due; returns how many warnings and breaches were sent. */
    async watchSla() {
      const now = clock.now();
      let warned = 0;
      let breached = 0;
      const policies = new Map<string, SlaPolicy>();
      for (const c of await store.listSlaDue(db, now, new Date(now.getTime() + MAX_WARN_MINUTES * 60_000), 500)) {
        let policy = policies.get(c.workspaceId);
        if (!policy) policies.set(c.workspaceId, (policy = await deps.policyOf(c.workspaceId)));
        const due = c.slaDueAt!.getTime();
        const isBreach = now.getTime() >= due;
        if (!isBreach && now.getTime() < due - policy.warnBeforeMinutes * 60_000) continue;
        const who = c.authorName || c.authorId || '';
        const text = (c.lastText ?? '').slice(0, 80);
        const userIds = await recipients(c); // read before the transaction: the embedded database has one connection
        await db.transaction(async (tx) => {
          await notify.notify(tx, c.workspaceId, {
            event: isBreach ? 'inbox.sla_breached' : 'inbox.sla_warning',
            severity: isBreach ? 'critical' : 'warning',
            title: isBreach ? `回复超时：${who}` : `即将超时：${who}`,
            body: `${text}\n应回复时间 ${c.slaDueAt!.toISOString()}`,
            link: `/inbox?conversation=${c.id}`,
            userIds,
          });
          await store.updateConversation(tx, c.workspaceId, c.id, isBreach
            ? { slaBreachNotifiedAt: now, slaWarnedAt: c.slaWarnedAt ?? now, updatedAt: now }
            : { slaWarnedAt: now, updatedAt: now });
        });
        if (isBreach) breached += 1; else warned += 1;
        deps.changed(c.workspaceId, [c.id]);
      }
      return { warned, breached };
    },
  };
}
