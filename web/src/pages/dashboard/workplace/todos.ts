/**
 * 工作台 to-dos: each source loads one kind of thing waiting for the signed-in person. Another area
 * adds its own (the inbox: conversations assigned to me, SLA breaches) by appending ONE entry to
 * `todoSources` — the card renders whatever the sources return, in this order.
 */
import { http, ws } from '../../../api/request';
import type { MyWorkspace } from '../../../api/types';
import { labelOf } from '../../../labels';

export interface TodoEntry {
  key: string;
  /** Already in the reader's language (names from the server, labels) … */
  text?: string;
  /** … or a locale key with its values. */
  textKey?: string;
  values?: Record<string, string | number>;
  /** Where the person acts on it. */
  href: string;
  /** ISO time it is due (shown in the workspace's zone), if any. */
  dueAt?: string | null;
  overdue?: boolean;
}

export interface TodoGroup {
  /** Total waiting (may exceed the entries shown). */
  count: number;
  entries: TodoEntry[];
}

export interface TodoContext {
  workspace: MyWorkspace;
  userId: string;
  now: Date;
}

export interface TodoSource {
  key: string;
  /** Locale keys: the group's title and what to do when it is empty. */
  titleKey: string;
  emptyKey: string;
  /** Where "see all" goes. */
  href: string;
  /** The permission the source's API needs; without it the group is not shown. */
  permission: string;
  load: (ctx: TodoContext) => Promise<TodoGroup>;
}

const SHOWN = 5;
const DAY = 86_400_000;

interface QueueItem { subjectId: string; title?: string; contentType: string; dueAt: string | null; overdue: boolean; variants: Array<{ platform: string; stageName: string }> }
interface ContentItem { id: string; topic: string; plannedAt: string | null; status: string; owner: { id: string } | null }
interface Filing { id: string; accountName: string; kind: string; status: string; requiredRoles: string[]; approvals: Array<{ role: string }>; dueAt: string | null; overdue: boolean }
interface MatrixRow { id: string; displayName: string; platform: string; health: string[]; owner: { id: string } }

export const todoSources: TodoSource[] = [
  {
    key: 'reviews', titleKey: 'todos.reviews', emptyKey: 'todos.reviews.empty', href: '/review/queue', permission: 'review.decide',
    async load({ workspace }) {
      const q = await http.get<{ items: QueueItem[]; total: number }>(ws(workspace.id, '/review/queue'));
      return {
        count: q.items.length,
        entries: q.items.slice(0, SHOWN).map((i) => ({
          key: i.subjectId, href: '/review/queue', dueAt: i.dueAt, overdue: i.overdue,
          text: `${i.title ?? labelOf('contentType', i.contentType)} · ${[...new Set(i.variants.map((v) => labelOf('platform', v.platform)))].join('、')}`,
        })),
      };
    },
  },
  {
    key: 'items', titleKey: 'todos.items', emptyKey: 'todos.items.empty', href: '/content/table', permission: 'content.write',
    async load({ workspace, userId, now }) {
      // Mine, planned within the coming week (or already late) and not yet on its way to publishing.
      const to = new Date(now.getTime() + 7 * DAY).toISOString();
      const r = await http.get<{ items: ContentItem[] }>(ws(workspace.id, '/content/items'), { ownerId: userId, to });
      const open = r.items.filter((i) => ['idea', 'draft', 'in_review', 'approved'].includes(i.status) && i.plannedAt)
        .sort((a, b) => a.plannedAt!.localeCompare(b.plannedAt!));
      return {
        count: open.length,
        entries: open.slice(0, SHOWN).map((i) => ({
          key: i.id, href: `/content/calendar?item=${i.id}`, dueAt: i.plannedAt, overdue: new Date(i.plannedAt!).getTime() < now.getTime(),
          text: `${i.topic} · ${labelOf('contentStatus', i.status)}`,
        })),
      };
    },
  },
  {
    key: 'filings', titleKey: 'todos.filings', emptyKey: 'todos.filings.empty', href: '/accounts/filings', permission: 'accounts.read',
    async load({ workspace }) {
      const r = await http.get<{ items: Filing[] }>(ws(workspace.id, '/accounts/filings'), { status: 'pending', limit: 200 });
      // Mine to approve: my role is asked for and nobody of my role approved yet (the owner approves alone in a one-person team).
      const mine = r.items.filter((f) => (f.requiredRoles.includes(workspace.role) || workspace.role === 'owner') && !f.approvals.some((a) => a.role === workspace.role));
      return {
        count: mine.length,
        entries: mine.slice(0, SHOWN).map((f) => ({
          key: f.id, href: '/accounts/filings', dueAt: f.dueAt, overdue: f.overdue, text: `${f.accountName} · ${labelOf('filingKind', f.kind)}`,
        })),
      };
    },
  },
  {
    key: 'accounts', titleKey: 'todos.accounts', emptyKey: 'todos.accounts.empty', href: '/accounts/matrix', permission: 'accounts.read',
    async load({ workspace, userId }) {
      const r = await http.get<{ items: MatrixRow[] }>(ws(workspace.id, '/accounts/matrix'));
      const manages = workspace.permissions.includes('accounts.manage');
      const due = r.items.filter((a) => (manages || a.owner.id === userId) && a.health.some((f) => f !== 'sync_stale'));
      return {
        count: due.length,
        entries: due.slice(0, SHOWN).map((a) => ({
          key: a.id, href: `/accounts/matrix?account=${a.id}`, overdue: a.health.some((f) => f === 'token_expired' || f === 'filing_overdue'),
          text: `${a.displayName} · ${a.health.filter((f) => f !== 'sync_stale').map((f) => labelOf('healthFlag', f)).join('、')}`,
        })),
      };
    },
  },
  {
    key: 'alerts', titleKey: 'todos.alerts', emptyKey: 'todos.alerts.empty', href: '/publishing/monitor', permission: 'publishing.read',
    async load({ workspace }) {
      const r = await http.get<{ counts: Record<string, number>; waitingAuth: number }>(ws(workspace.id, '/publishing/monitor'), { tab: 'failed', limit: 1 });
      const rows: Array<[string, number, string]> = [
        ['failed', r.counts.failed ?? 0, 'todos.alerts.failed'],
        ['unconfirmed', r.counts.unconfirmed ?? 0, 'todos.alerts.unconfirmed'],
        ['handoff', r.counts.handoff ?? 0, 'todos.alerts.handoff'],
        ['waiting_auth', r.waitingAuth, 'todos.alerts.waitingAuth'],
      ];
      const open = rows.filter(([, n]) => n > 0);
      return {
        count: open.reduce((s, [, n]) => s + n, 0),
        entries: open.map(([tab, n, key]) => ({ key: tab, href: `/publishing/monitor?tab=${tab === 'waiting_auth' ? 'due' : tab}`, overdue: tab === 'failed', textKey: key, values: { n } })),
      };
    },
  },
  {
    // The inbox: conversations assigned to me, and unanswered ones past their first-response deadline.
    key: 'inbox', titleKey: 'inbox.todos.title', emptyKey: 'inbox.todos.empty', href: '/inbox?assigneeUserId=me&status=open', permission: 'inbox.read',
    async load({ workspace }) {
      interface Conv { id: string; author: { name: string }; lastMessage: { text: string }; slaDueAt: string | null; slaState: string }
      const r = await http.get<{ assignedToMe: Conv[]; slaBreached: Conv[] }>(ws(workspace.id, '/inbox/my-work'));
      const seen = new Set<string>();
      const all = [...r.slaBreached, ...r.assignedToMe].filter((c) => !seen.has(c.id) && seen.add(c.id));
      return {
        count: all.length,
        entries: all.slice(0, SHOWN).map((c) => ({
          key: c.id, href: `/inbox?conversation=${c.id}`, dueAt: c.slaDueAt, overdue: c.slaState === 'breached',
          text: `${c.author.name} · ${c.lastMessage.text.slice(0, 40)}`,
        })),
      };
    },
  },
];
