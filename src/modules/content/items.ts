/** Content items and their variants: create, edit, list, read, with variants kept in step with the master. */
import type { DbOrTx } from '../../db/client.js';
import { decodeCursor, encodeCursor } from '../../kernel/cursor.js';
import { DomainError } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import { versionHash } from '../review/model.js';
import type { Actor } from '../team/service.js';
import { SUBJECT_TYPE, type AccountInfo, type ContentContext } from './context.js';
import { adaptForPlatform, isContentPlatform, isEditable, type ContentPlatform, type ContentStatus, type MediaFacts } from './model.js';
import { mediaFacts, presentItem, presentVariant, type ReviewView } from './presenters.js';
import type { CreateItemInput, ListFilter, UpdateItemInput, UpdateVariantInput } from './schema.js';
import type { ItemRow, MediaRow, VariantRow } from './store.js';
import type { MasterJson } from './tables.js';

export const hashOf = (v: { title: string | null; text: string; mediaIds: string[] }) =>
  versionHash({ title: v.title ?? undefined, text: v.text, media: v.mediaIds.map((id) => ({ id })) });

const PLAN_ONLY: Array<keyof UpdateItemInput> = ['master', 'platforms', 'accountIds', 'plannedAt'];

export function createItemOps(ctx: ContentContext) {
  const { db, store, clock, team } = ctx;

  function targetsOf(platforms: string[], accountIds: string[], accounts: Map<string, AccountInfo>) {
    const targets: Array<{ accountId: string | null; platform: string }> = [];
    for (const id of [...new Set(accountIds)]) {
      const a = accounts.get(id);
      if (!a || a.status === 'retired') throw new DomainError('content.unknown_account', { fields: { accountIds: `unknown or retired account ${id}` } });
      targets.push({ accountId: id, platform: a.platform });
    }
    const all = [...new Set([...platforms, ...targets.map((t) => t.platform)])];
    for (const p of all) if (!targets.some((t) => t.platform === p)) targets.push({ accountId: null, platform: p });
    return { targets, platforms: all };
  }

  function generate(master: MasterJson, platform: string, media: MediaFacts[]) {
    if (!isContentPlatform(platform)) return { title: master.title ?? null, text: master.text, digest: null, tags: master.hashtags ?? [] };
    const a = adaptForPlatform(master, platform as ContentPlatform, media);
    return { title: a.title ?? null, text: a.text, digest: a.digest ?? null, tags: a.tags };
  }

  async function mediaMap(handle: DbOrTx, workspaceId: string, ids: string[]) {
    const rows = await store.listMedia(handle, workspaceId, [...new Set(ids)]);
    return new Map(rows.map((m) => [m.id, m]));
  }

  /** Media named in a body must be this workspace's: another's id (or none at all) is refused, not silently dropped. */
  async function requireMedia(handle: DbOrTx, workspaceId: string, ids: string[] | undefined, field: string) {
    if (!ids?.length) return;
    const found = await mediaMap(handle, workspaceId, ids);
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length) throw new DomainError('content.unknown_media', { message: `unknown media ${missing.join(', ')}`, fields: { [field]: `unknown media ${missing.join(', ')}` } });
  }

  /** Brings the variants in line with the item's targets; untouched hand-edited variants keep their text. */
  async function syncVariants(tx: DbOrTx, item: ItemRow, targets: Array<{ accountId: string | null; platform: string }>) {
    const existing = await store.listVariants(tx, item.workspaceId, [item.id]);
    const media = await mediaMap(tx, item.workspaceId, item.master.mediaIds ?? []);
    const facts = [...media.values()].map(mediaFacts);
    const used = new Set<string>();
    const now = clock.now();
    for (const t of targets) {
      const match = existing.find((v) => !used.has(v.id) && v.accountId === t.accountId && (t.accountId !== null || v.platform === t.platform))
        ?? existing.find((v) => !used.has(v.id) && v.accountId === null && v.platform === t.platform);
      if (match) used.add(match.id);
      const mediaIds = match?.customized ? match.mediaIds : (item.master.mediaIds ?? []);
      const gen = match?.customized ? { title: match.title, text: match.text, digest: match.digest, tags: match.tags } : generate(item.master, t.platform, facts);
      const fields = { accountId: t.accountId, platform: t.platform, ...gen, mediaIds, textHash: hashOf({ ...gen, mediaIds }), updatedAt: now };
      if (match) await store.updateVariant(tx, item.workspaceId, match.id, fields);
      else await store.insertVariant(tx, { id: newId(), workspaceId: item.workspaceId, itemId: item.id, customized: false, createdAt: now, ...fields });
    }
    await store.deleteVariants(tx, item.workspaceId, existing.filter((v) => !used.has(v.id)).map((v) => v.id));
  }

  async function requireDraftRights(actor: Actor, accountIds: string[]) {
    for (const id of accountIds) {
      if (!(await ctx.accounts.canActOn(actor, id, 'draft'))) throw new DomainError('content.account_not_allowed', { fields: { accountIds: `you may not draft for account ${id}` } });
    }
  }

  /** Review states of an item's variants (empty when never submitted). */
  async function reviewStates(workspaceId: string, itemId: string): Promise<Map<string, { state: string; textHash: string }>> {
    try {
      const s = await ctx.review.status({ workspaceId }, SUBJECT_TYPE, itemId);
      return new Map(s.variants.map((v) => [v.variantId, { state: v.state, textHash: v.textHash }]));
    } catch (err) {
      if (err instanceof DomainError) return new Map();
      throw err;
    }
  }

  function reviewView(v: VariantRow, states: Map<string, { state: string; textHash: string }>): ReviewView {
    const r = states.get(v.id);
    if (!r) return 'not_submitted';
    if (r.textHash !== v.textHash) return 'changed';
    return r.state as ReviewView;
  }

  /** The item's status as review and publishing now see it; pure (a read never writes: subscribers store it). */
  function derivedStatus(item: ItemRow, variants: VariantRow[], states: Map<string, { state: string; textHash: string }>, published: Map<string, { state: string }> | null): ContentStatus {
    let next = item.status as ContentStatus;
    if ((next === 'in_review' || next === 'approved') && states.size > 0) {
      const views = variants.map((v) => reviewView(v, states));
      if (views.length && views.every((s) => s === 'approved')) next = 'approved';
      else if (views.includes('changes_requested')) next = 'draft';
      else next = 'in_review';
    }
    if (next === 'scheduled' && published && variants.length && variants.every((v) => published.get(v.id)?.state === 'published')) next = 'published';
    return next;
  }

  /** Reads what review and publishing say about an item now. */
  async function currentStatus(handle: DbOrTx, workspaceId: string, itemId: string) {
    const item = await ctx.findItemOrFail(handle, workspaceId, itemId);
    const variants = await store.listVariants(handle, workspaceId, [itemId]);
    const states = await reviewStates(workspaceId, itemId);
    const published = item.status === 'scheduled' || item.status === 'published'
      ? await ctx.publishing?.statusOf(workspaceId, variants.map((v) => v.id)) ?? null : null;
    return { item, variants, states, published, status: derivedStatus(item, variants, states, published) };
  }

  /** For subscribers and commands: stores the derived status when it moved on; returns the item as stored. */
  async function settleStatus(workspaceId: string, itemId: string) {
    const { item, status } = await currentStatus(db, workspaceId, itemId);
    if (status === item.status) return item;
    return db.transaction(async (tx) => {
      const locked = await ctx.findItemOrFail(tx, workspaceId, itemId, true);
      if (locked.status !== item.status) return locked;
      return store.updateItem(tx, workspaceId, itemId, { status, updatedAt: clock.now() });
    });
  }

  async function view(workspaceId: string, itemId: string) {
    const { item: stored, variants, states, published, status } = await currentStatus(db, workspaceId, itemId);
    const item = { ...stored, status };
    const [tz, accounts, media, names] = await Promise.all([
      ctx.timeZoneOf(workspaceId), ctx.accountsOf(workspaceId), mediaMap(db, workspaceId, variants.flatMap((v) => v.mediaIds)),
      store.userNames(db, [item.ownerId, item.factOwnerId].filter((x): x is string => !!x)),
    ]);
    return {
      item: presentItem(item, names, tz),
      variants: variants.map((v) => presentVariant(v, {
        accountName: v.accountId ? accounts.get(v.accountId)?.displayName ?? null : null, media, review: reviewView(v, states),
        publish: published?.get(v.id) ?? null,
      })),
    };
  }

  async function create(actor: Actor, input: CreateItemInput) {
    const accounts = await ctx.accountsOf(actor.workspaceId);
    const { targets, platforms } = targetsOf(input.platforms ?? [], input.accountIds ?? [], accounts);
    await requireDraftRights(actor, input.accountIds ?? []);
    await ctx.requireMembers(actor.workspaceId, [input.ownerId], 'ownerId');
    await ctx.requireMembers(actor.workspaceId, [input.factOwnerId], 'factOwnerId');
    await requireMedia(db, actor.workspaceId, input.master?.mediaIds, 'master.mediaIds');
    const master: MasterJson = { text: '', hashtags: [], mentions: [], mediaIds: [], ...input.master };
    const id = newId();
    await db.transaction(async (tx) => {
      const now = clock.now();
      const { master: _m, platforms: _p, accountIds: _a, plannedAt, status, ...fields } = input;
      const item = await store.insertItem(tx, {
        ...fields, id, workspaceId: actor.workspaceId, plannedAt: plannedAt ? new Date(plannedAt) : null, platforms,
        accountIds: [...new Set(input.accountIds ?? [])], master, status: status ?? (master.text ? 'draft' : 'idea'),
        ownerId: input.ownerId ?? actor.userId, createdBy: actor.userId, createdAt: now, updatedAt: now,
      });
      await syncVariants(tx, item, targets);
      await team.record(tx, actor, { action: 'content.created', targetType: 'content_item', targetId: id, details: { topic: input.topic, platforms } });
    });
    return view(actor.workspaceId, id);
  }

  /** Applies a change; returns whether variants changed on an item already in review (so it must be resubmitted). */
  async function update(actor: Actor, itemId: string, input: UpdateItemInput) {
    const before = await ctx.findItemOrFail(db, actor.workspaceId, itemId);
    const touchesPlan = PLAN_ONLY.some((k) => input[k] !== undefined);
    if (touchesPlan && !isEditable(before.status as ContentStatus)) {
      throw new DomainError('content.not_editable', { message: `a ${before.status} item's copy, accounts and time cannot change (unschedule first)` });
    }
    const accounts = await ctx.accountsOf(actor.workspaceId);
    const accountIds = input.accountIds ?? before.accountIds;
    const { targets, platforms } = targetsOf(input.platforms ?? before.platforms, accountIds, accounts);
    if (input.accountIds) await requireDraftRights(actor, input.accountIds.filter((a) => !before.accountIds.includes(a)));
    await ctx.requireMembers(actor.workspaceId, [input.ownerId], 'ownerId');
    await ctx.requireMembers(actor.workspaceId, [input.factOwnerId], 'factOwnerId');
    await requireMedia(db, actor.workspaceId, input.master?.mediaIds, 'master.mediaIds');
    const changed = await db.transaction(async (tx) => {
      const item = await ctx.findItemOrFail(tx, actor.workspaceId, itemId, true);
      const { master, platforms: _p, accountIds: _a, plannedAt, ...fields } = input;
      const nextMaster = master ? { ...item.master, ...master } : item.master;
      const oldHashes = (await store.listVariants(tx, actor.workspaceId, [itemId])).map((v) => `${v.id}:${v.textHash}`).sort().join();
      let status = item.status as ContentStatus;
      if (status === 'idea' && nextMaster.text) status = 'draft';
      const row = await store.updateItem(tx, actor.workspaceId, itemId, {
        ...fields, ...(plannedAt !== undefined && { plannedAt: plannedAt ? new Date(plannedAt) : null }),
        platforms, accountIds: [...new Set(accountIds)], master: nextMaster, status, updatedAt: clock.now(),
      });
      if (touchesPlan) await syncVariants(tx, row, targets);
      const newHashes = (await store.listVariants(tx, actor.workspaceId, [itemId])).map((v) => `${v.id}:${v.textHash}`).sort().join();
      await team.record(tx, actor, { action: 'content.updated', targetType: 'content_item', targetId: itemId, details: { fields: Object.keys(input) } });
      return oldHashes !== newHashes && (status === 'in_review' || status === 'approved');
    });
    return { changed };
  }

  async function updateVariant(actor: Actor, itemId: string, variantId: string, input: UpdateVariantInput) {
    return db.transaction(async (tx) => {
      const item = await ctx.findItemOrFail(tx, actor.workspaceId, itemId, true);
      if (!isEditable(item.status as ContentStatus)) throw new DomainError('content.not_editable', { message: 'unschedule the item before editing its copy' });
      const v = (await store.listVariants(tx, actor.workspaceId, [itemId])).find((x) => x.id === variantId);
      if (!v) throw new DomainError('content.variant_not_found');
      await requireMedia(tx, actor.workspaceId, input.mediaIds, 'mediaIds');
      let next: Pick<VariantRow, 'title' | 'text' | 'digest' | 'tags' | 'mediaIds' | 'customized'>;
      if (input.reset) {
        const media = [...(await mediaMap(tx, actor.workspaceId, item.master.mediaIds ?? [])).values()].map(mediaFacts);
        next = { ...generate(item.master, v.platform, media), mediaIds: item.master.mediaIds ?? [], customized: false };
      } else {
        next = {
          title: input.title !== undefined ? input.title : v.title, text: input.text ?? v.text, digest: input.digest !== undefined ? input.digest : v.digest,
          tags: input.tags ?? v.tags, mediaIds: input.mediaIds ?? v.mediaIds, customized: true,
        };
      }
      const textHash = hashOf(next);
      await store.updateVariant(tx, actor.workspaceId, v.id, { ...next, textHash, updatedAt: clock.now() });
      await team.record(tx, actor, { action: 'content.variant_updated', targetType: 'content_item', targetId: itemId, details: { variantId, platform: v.platform, textHash } });
      return { changed: textHash !== v.textHash && (item.status === 'in_review' || item.status === 'approved') };
    });
  }

  async function list(actor: Pick<Actor, 'workspaceId'>, f: ListFilter) {
    const after = f.cursor ? decodeCursor(f.cursor) : undefined;
    if (after === null) throw new DomainError('validation_failed', { message: 'invalid cursor', fields: { cursor: 'not a cursor from this list' } });
    const { cursor: _cursor, ...filter } = f;
    const pageSize = f.limit ?? (f.cursor ? 50 : undefined);
    const rows = await store.listItems(db, actor.workspaceId, {
      ...filter, from: f.from ? new Date(f.from) : undefined, to: f.to ? new Date(f.to) : undefined, after, limit: pageSize,
    });
    const last = rows.at(-1);
    const nextCursor = pageSize && last && rows.length === pageSize ? encodeCursor(last.plannedAt, last.id) : null;
    const people = [...new Set(rows.flatMap((r) => [r.ownerId, r.factOwnerId]).filter((x): x is string => !!x))];
    const [tz, names] = await Promise.all([ctx.timeZoneOf(actor.workspaceId), store.userNames(db, people)]);
    return { items: rows.map((r) => presentItem(r, names, tz)), nextCursor };
  }

  /** 实际数据: filled from analytics (or by hand) once the item has run. */
  async function setActuals(actor: Actor, itemId: string, a: { exposure?: number | null; interactions?: number | null }) {
    await db.transaction(async (tx) => {
      await ctx.findItemOrFail(tx, actor.workspaceId, itemId, true);
      await store.updateItem(tx, actor.workspaceId, itemId, {
        ...(a.exposure !== undefined && { actualExposure: a.exposure }), ...(a.interactions !== undefined && { actualInteractions: a.interactions }),
        actualUpdatedAt: clock.now(), updatedAt: clock.now(),
      });
      await team.record(tx, actor, { action: 'content.actuals_set', targetType: 'content_item', targetId: itemId, details: a });
    });
    return view(actor.workspaceId, itemId);
  }

  return { view, create, update, updateVariant, list, setActuals, mediaMap, requireMedia, reviewStates, reviewView, targetsOf, settleStatus };
}

export type ItemOps = ReturnType<typeof createItemOps>;
export type { MediaRow };
