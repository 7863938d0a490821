import type { Database, DbOrTx } from '../../db/client.js';
import type { Jobs } from '../../jobs/queue.js';
import type { Clock } from '../../kernel/clock.js';
import { DomainError } from '../../kernel/errors.js';
import { assertPublicHost, assertPublicUrl } from '../../kernel/outbound.js';
import { newId } from '../../kernel/ids.js';
import type { Vault } from '../../kernel/vault.js';
import type { Actor, TeamService } from '../team/service.js';
import { DELIVERY_RETRY, releaseAt, type RetryPlan, type ChannelKind, type Message } from './model.js';
import { channelConfigSchemas } from './schema.js';
import { DeliveryError, send, type ChannelConfig, type EmailAttachment, type EmailConfig } from './senders.js';
import { createNotifyStore, type ChannelRow, type DeliveryRow, type NotificationRow } from './store.js';

export const DELIVER_JOB = 'notify.deliver';

export interface NotifyInput extends Message {
  /** People who get it in the console (and by e-mail, per their preferences). */
  userIds?: string[];
  /** Only these channels (whatever events they follow); default: the channels following the event. */
  channelIds?: string[];
  /** Files for e-mail deliveries (a report); the console feed and robots get the title, body and link. */
  attachments?: EmailAttachment[];
}

const matches = (events: string[], event: string) =>
  events.some((e) => e === '*' || e === event || (e.endsWith('.*') && event.startsWith(e.slice(0, -1))));

function maskTarget(kind: ChannelKind, config: ChannelConfig): string {
  if (kind === 'email') {
    const c = config as EmailConfig;
    return c.to?.length ? c.to.join(', ') : `SMTP ${c.host}:${c.port}（个人通知）`;
  }
  const raw = 'webhookUrl' in config ? config.webhookUrl : (config as { url: string }).url;
  const u = new URL(raw);
  return `${u.protocol}//${u.host}${u.pathname.length > 12 ? `${u.pathname.slice(0, 12)}…` : u.pathname}`;
}

export function createNotifyService(deps: { database: Database; jobs: Jobs; clock: Clock; vault: Vault; team: TeamService; retry?: RetryPlan }) {
  const { database, jobs, clock, vault, team } = deps;
  const retry = deps.retry ?? DELIVERY_RETRY;
  const db = database.db;
  const store = createNotifyStore();

  const configOf = (c: ChannelRow) => JSON.parse(vault.decrypt(c.secretConfig)) as ChannelConfig;
  const present = (c: ChannelRow) => ({
    id: c.id, kind: c.kind as ChannelKind, name: c.name, events: c.events, enabled: c.enabled,
    target: maskTarget(c.kind as ChannelKind, configOf(c)), createdAt: c.createdAt.toISOString(),
  });
  const presentNotification = (n: NotificationRow) => ({
    id: n.id, event: n.event, severity: n.severity, title: n.title, body: n.body, link: n.link,
    createdAt: n.createdAt.toISOString(), readAt: n.readAt?.toISOString() ?? null,
  });
  const presentDelivery = (d: DeliveryRow) => ({
    id: d.id, channelId: d.channelId, kind: d.kind, recipient: d.recipient, event: d.event, status: d.status, attempts: d.attempts,
    lastError: d.lastError, responseStatus: d.responseStatus, createdAt: d.createdAt.toISOString(), sentAt: d.sentAt?.toISOString() ?? null,
  });

  /** Shape first, then where it would send: a channel never points at an internal host (unless the operator allows it). */
  async function parseConfig(kind: ChannelKind, config: unknown) {
    const r = channelConfigSchemas[kind].safeParse(config);
    if (!r.success) {
      throw new DomainError('notify.invalid_config', { fields: Object.fromEntries(r.error.issues.map((i) => [`config.${i.path.join('.')}`, i.message])) });
    }
    const c = r.data as Record<string, unknown>;
    if (typeof c.webhookUrl === 'string') await assertPublicUrl(c.webhookUrl, { field: 'config.webhookUrl' });
    if (typeof c.url === 'string') await assertPublicUrl(c.url, { field: 'config.url' });
    if (kind === 'email') await assertPublicHost(String(c.host), { field: 'config.host' });
    return r.data as ChannelConfig;
  }

  async function enqueue(tx: DbOrTx, row: { workspaceId: string; channelId: string | null; kind: ChannelKind; recipient: string; message: Message; notBefore?: Date }) {
    const id = newId();
    await store.insertDelivery(tx, {
      id, workspaceId: row.workspaceId, channelId: row.channelId, kind: row.kind, recipient: row.recipient, event: row.message.event,
      payload: row.message, status: 'pending', notBefore: row.notBefore ?? null,
    });
    await jobs.send(tx, DELIVER_JOB, { deliveryId: id }, { ...retry, startAfter: row.notBefore });
    return id;
  }

  async function notifyIn(tx: DbOrTx, workspaceId: string, input: NotifyInput) {
    const message: Message = { event: input.event, severity: input.severity, title: input.title, body: input.body, link: input.link ?? null };
    const mail: Message = input.attachments?.length ? { ...message, attachments: input.attachments } as Message : message;
    const channels = (await store.listChannels(tx, workspaceId)).filter((c) => c.enabled);
    const personalMail = channels.find((c) => c.kind === 'email' && !(configOf(c) as EmailConfig).to?.length);
    const { timeZone } = await team.workspaceSettings(workspaceId, tx);
    const now = clock.now();
    const people = await store.recipients(tx, workspaceId, [...new Set(input.userIds ?? [])]);
    const feed = people.filter((p) => !p.prefs?.mutedEvents.includes(input.event));
    // Millisecond precision, as the API shows it: a feed polled with ?after=<last createdAt> must not see the last item again.
    await store.insertNotifications(tx, feed.map((p) => ({ id: newId(), workspaceId, userId: p.id, ...message, createdAt: now })));
    for (const p of feed) {
      if (personalMail && (p.prefs?.emailEnabled ?? true)) {
        const at = releaseAt(now, p.prefs?.quietHours, timeZone, input.severity);
        await enqueue(tx, { workspaceId, channelId: personalMail.id, kind: 'email', recipient: p.email, message: mail, notBefore: at > now ? at : undefined });
      }
    }
    for (const c of channels) {
      if (c === personalMail || (input.channelIds ? !input.channelIds.includes(c.id) : !matches(c.events, input.event))) continue;
      const cfg = configOf(c);
      const recipients = c.kind === 'email' ? (cfg as EmailConfig).to ?? [] : [c.name];
      for (const r of recipients) await enqueue(tx, { workspaceId, channelId: c.id, kind: c.kind as ChannelKind, recipient: r, message: c.kind === 'email' ? mail : message });
    }
  }

  return {
    retry,
    /** `member.removed`: their notification preferences go; idempotent. */
    async forgetMember(workspaceId: string, userId: string, removedBy: string) {
      await db.transaction(async (tx) => {
        if (await store.deletePreferences(tx, workspaceId, userId)) {
          await team.record(tx, { userId: removedBy, workspaceId }, { action: 'notify.preferences_removed', targetType: 'user', targetId: userId, details: { reason: 'member removed' } });
        }
      });
    },
    /** The one way any module tells people something. Pass the caller's transaction to commit it with the change. */
    async notify(tx: DbOrTx | null, workspaceId: string, input: NotifyInput) {
      if (tx) return notifyIn(tx, workspaceId, input);
      return db.transaction((t) => notifyIn(t, workspaceId, input));
    },

    /** Job handler: one delivery attempt. Throws so the queue retries; the last attempt marks it failed. */
    async deliver(deliveryId: string, attempt: number) {
      const d = await store.findDelivery(db, deliveryId);
      if (!d || d.status === 'sent') return;
      const channel = d.channelId ? await store.findChannel(db, d.workspaceId, d.channelId) : undefined;
      if (!channel) {
        await store.updateDelivery(db, d.id, { status: 'failed', lastError: 'channel removed' });
        return;
      }
      try {
        const status = await send(d.kind as ChannelKind, configOf(channel), d.payload as Message, d.recipient, clock.now());
        await store.updateDelivery(db, d.id, { status: 'sent', attempts: d.attempts + 1, responseStatus: status, sentAt: clock.now(), lastError: null });
      } catch (err) {
        const last = attempt >= retry.retryLimit;
        await store.updateDelivery(db, d.id, {
          status: last ? 'failed' : 'retrying', attempts: d.attempts + 1, lastError: (err as Error).message.slice(0, 500),
          responseStatus: err instanceof DeliveryError ? err.responseStatus ?? null : null,
        });
        if (!last) throw err;
      }
    },

    async listChannels(actor: Actor) {
      return { items: (await store.listChannels(db, actor.workspaceId)).map(present) };
    },
    async createChannel(actor: Actor, input: { kind: ChannelKind; name: string; events: string[]; config: unknown; enabled?: boolean }) {
      const config = await parseConfig(input.kind, input.config);
      return db.transaction(async (tx) => {
        const row = await store.insertChannel(tx, {
          id: newId(), workspaceId: actor.workspaceId, kind: input.kind, name: input.name, events: input.events,
          secretConfig: vault.encrypt(JSON.stringify(config)), enabled: input.enabled ?? true,
        });
        await team.record(tx, actor, { action: 'notify.channel_created', targetType: 'notify_channel', targetId: row.id, details: { kind: input.kind, name: input.name } });
        return { channel: present(row) };
      });
    },
    async updateChannel(actor: Actor, id: string, patch: { name?: string; events?: string[]; config?: unknown; enabled?: boolean }) {
      // The target is checked (a DNS look-up) before the transaction opens; kind never changes.
      const found = await store.findChannel(db, actor.workspaceId, id);
      if (!found) throw new DomainError('notify.channel_not_found');
      const secretConfig = patch.config ? vault.encrypt(JSON.stringify(await parseConfig(found.kind as ChannelKind, patch.config))) : undefined;
      return db.transaction(async (tx) => {
        const current = await store.findChannel(tx, actor.workspaceId, id);
        if (!current) throw new DomainError('notify.channel_not_found');
        const row = await store.updateChannel(tx, actor.workspaceId, id, { name: patch.name, events: patch.events, enabled: patch.enabled, secretConfig });
        await team.record(tx, actor, { action: 'notify.channel_updated', targetType: 'notify_channel', targetId: id, details: { fields: Object.keys(patch) } });
        return { channel: present(row!) };
      });
    },
    async deleteChannel(actor: Actor, id: string) {
      await db.transaction(async (tx) => {
        if (!(await store.deleteChannel(tx, actor.workspaceId, id))) throw new DomainError('notify.channel_not_found');
        await team.record(tx, actor, { action: 'notify.channel_deleted', targetType: 'notify_channel', targetId: id });
      });
    },
    /** Sends a test message at once (not queued) so the person configuring sees the answer. */
    async testChannel(actor: Actor, id: string) {
      const c = await store.findChannel(db, actor.workspaceId, id);
      if (!c) throw new DomainError('notify.channel_not_found');
      const cfg = configOf(c);
      const me = await team.me({ userId: actor.userId, via: 'session' });
      const recipient = c.kind === 'email' ? (cfg as EmailConfig).to?.[0] ?? me.user.email : c.name;
      try {
        const status = await send(c.kind as ChannelKind, cfg, { event: 'notify.test', severity: 'info', title: '合声通知测试', body: `这是一条来自「${c.name}」的测试消息。` }, recipient, clock.now());
        return { ok: true, responseStatus: status };
      } catch (err) {
        throw new DomainError('notify.test_failed', { message: (err as Error).message });
      }
    },

    async getPreferences(actor: Actor) {
      const p = await store.findPreferences(db, actor.workspaceId, actor.userId);
      return { emailEnabled: p?.emailEnabled ?? true, mutedEvents: p?.mutedEvents ?? [], quietHours: p?.quietHours ?? null };
    },
    async setPreferences(actor: Actor, prefs: { emailEnabled: boolean; mutedEvents: string[]; quietHours: { start: string; end: string } | null }) {
      await store.upsertPreferences(db, { workspaceId: actor.workspaceId, userId: actor.userId, ...prefs });
      return prefs;
    },

    /** The console's feed; with waitSeconds it long-polls until something new arrives. */
    async listNotifications(actor: Actor, q: { after?: string; unreadOnly?: string; waitSeconds?: number; limit?: number }) {
      const after = q.after ? new Date(q.after) : undefined;
      const deadline = Date.now() + (q.waitSeconds ?? 0) * 1000;
      for (;;) {
        const rows = await store.listNotifications(db, actor.workspaceId, actor.userId, { after, unreadOnly: q.unreadOnly === 'true', limit: q.limit ?? 50 });
        if (rows.length > 0 || Date.now() >= deadline) {
          return { items: rows.map(presentNotification), unread: await store.countUnread(db, actor.workspaceId, actor.userId) };
        }
        await new Promise((r) => setTimeout(r, 1000));
      }
    },
    async markRead(actor: Actor, body: { ids?: string[]; all?: boolean }) {
      if (!body.all && body.ids?.length) {
        const own = await store.ownNotificationIds(db, actor.workspaceId, actor.userId, body.ids);
        const unknown = body.ids.filter((id) => !own.has(id));
        if (unknown.length) throw new DomainError('notify.notification_not_found', { fields: { ids: `unknown notification ${unknown.join(', ')}` } });
      }
      const updated = await store.markRead(db, actor.workspaceId, actor.userId, body.all ? 'all' : body.ids ?? [], clock.now());
      return { updated, unread: await store.countUnread(db, actor.workspaceId, actor.userId) };
    },
    async listDeliveries(actor: Actor, limit = 100) {
      return { items: (await store.listDeliveries(db, actor.workspaceId, limit)).map(presentDelivery) };
    },
  };
}

export type NotifyService = ReturnType<typeof createNotifyService>;
