/**
 * Content planning: the schedule table's items and their per-account variants, review submission,
 * scheduling through publishing, the calendar, best times, cadence, the media library, templates,
 * the sheet import/export and calendar feeds. Composed from the files beside this one.
 */
import type { Actor } from '../team/service.js';
import { createContentContext, type ContentDeps } from './context.js';
import { createIcsOps } from './ics.js';
import { createInsightOps } from './insights.js';
import { createItemOps } from './items.js';
import { createLibraryOps } from './library.js';
import { createMediaOps } from './media.js';
import { adaptForPlatform, checkCopy, type ContentPlatform, type MasterMessage } from './model.js';
import { mediaFacts } from './presenters.js';
import { createSchedulingOps } from './scheduling.js';
import { createSheetOps } from './sheet.js';
import { createContentSubscribers } from './subscribers.js';
import type { UpdateItemInput, UpdateVariantInput } from './schema.js';

export { CADENCE_CHECK_JOB } from './insights.js';
export type { ContentDeps, PublishingPort, ScheduleVariantInput } from './context.js';

export function createContentService(deps: ContentDeps) {
  const ctx = createContentContext(deps);
  const items = createItemOps(ctx);
  const scheduling = createSchedulingOps(ctx, items);
  const insights = createInsightOps(ctx, items);
  const subscribers = createContentSubscribers(ctx, items, scheduling.schedule);

  /** An edit that changed an item already in review or approved sends it back to review (review re-checks only changed variants). */
  async function resubmitIfChanged(actor: Actor, itemId: string, changed: boolean) {
    return changed ? scheduling.submit(actor, itemId) : items.view(actor.workspaceId, itemId);
  }

  return {
    get: (actor: Pick<Actor, 'workspaceId'>, itemId: string) => items.view(actor.workspaceId, itemId),
    list: items.list,
    create: items.create,
    async update(actor: Actor, itemId: string, input: UpdateItemInput) {
      const { changed } = await items.update(actor, itemId, input);
      return resubmitIfChanged(actor, itemId, changed);
    },
    async updateVariant(actor: Actor, itemId: string, variantId: string, input: UpdateVariantInput) {
      const { changed } = await items.updateVariant(actor, itemId, variantId, input);
      return resubmitIfChanged(actor, itemId, changed);
    },
    /** For analytics (or a person): fills 实际数据. */
    setActuals: items.setActuals,

    ...scheduling,
    ...insights,
    /** Domain event handlers, registered by the composition root. */
    subscribers,
    media: createMediaOps(ctx),
    sheet: createSheetOps(ctx),
    ics: createIcsOps(ctx),
    library: createLibraryOps(ctx),

    /** The editor's live preview: the master adapted per platform, with the copy checklist. */
    async preview(actor: Pick<Actor, 'workspaceId'>, master: MasterMessage & { mediaIds?: string[] }, platforms: ContentPlatform[]) {
      await items.requireMedia(ctx.db, actor.workspaceId, master.mediaIds, 'master.mediaIds');
      const media = (await items.mediaMap(ctx.db, actor.workspaceId, master.mediaIds ?? [])).values();
      const facts = [...media].map(mediaFacts);
      return {
        checklist: checkCopy(master.text),
        platforms: platforms.map((p) => ({ platform: p, ...adaptForPlatform(master, p, facts) })),
      };
    },
  };
}

export type ContentService = ReturnType<typeof createContentService>;
