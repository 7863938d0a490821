/** Copy templates, hashtag groups and workspace calendar events. */
import { DomainError } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import type { Actor } from '../team/service.js';
import type { ContentContext } from './context.js';
import type { EventRow, TemplateRow } from './store.js';

export interface TemplateInput { kind: 'template' | 'hashtags'; name: string; body?: string; hashtags?: string[]; themeClass?: string | null; format?: string | null }

const presentTemplate = (t: TemplateRow) => ({
  id: t.id, kind: t.kind as 'template' | 'hashtags', name: t.name, body: t.body, hashtags: t.hashtags, themeClass: t.themeClass, format: t.format,
});
const presentEvent = (e: EventRow) => ({ id: e.id, date: e.date, name: e.name, kind: e.kind });

export function createLibraryOps(ctx: ContentContext) {
  const { db, store, clock, team } = ctx;
  return {
    async listTemplates(actor: Pick<Actor, 'workspaceId'>) {
      return { items: (await store.listTemplates(db, actor.workspaceId)).map(presentTemplate) };
    },
    async createTemplate(actor: Actor, input: TemplateInput) {
      return db.transaction(async (tx) => {
        const row = await store.insertTemplate(tx, { id: newId(), workspaceId: actor.workspaceId, ...input, createdAt: clock.now() });
        await team.record(tx, actor, { action: 'content.template_created', targetType: 'content_template', targetId: row.id, details: { kind: input.kind, name: input.name } });
        return { template: presentTemplate(row) };
      });
    },
    async updateTemplate(actor: Actor, id: string, patch: Partial<TemplateInput>) {
      return db.transaction(async (tx) => {
        const row = await store.updateTemplate(tx, actor.workspaceId, id, patch);
        if (!row) throw new DomainError('content.template_not_found');
        await team.record(tx, actor, { action: 'content.template_updated', targetType: 'content_template', targetId: id, details: { fields: Object.keys(patch) } });
        return { template: presentTemplate(row) };
      });
    },
    async deleteTemplate(actor: Actor, id: string) {
      await db.transaction(async (tx) => {
        if (!(await store.deleteTemplate(tx, actor.workspaceId, id))) throw new DomainError('content.template_not_found');
        await team.record(tx, actor, { action: 'content.template_deleted', targetType: 'content_template', targetId: id });
      });
    },
    async createEvent(actor: Actor, input: { date: string; name: string }) {
      return db.transaction(async (tx) => {
        const row = await store.insertEvent(tx, { id: newId(), workspaceId: actor.workspaceId, date: input.date, name: input.name, kind: 'workspace', createdAt: clock.now() });
        await team.record(tx, actor, { action: 'content.event_created', targetType: 'content_event', targetId: row.id, details: input });
        return { event: presentEvent(row) };
      });
    },
    async deleteEvent(actor: Actor, id: string) {
      await db.transaction(async (tx) => {
        if (!(await store.deleteEvent(tx, actor.workspaceId, id))) throw new DomainError('content.event_not_found');
        await team.record(tx, actor, { action: 'content.event_deleted', targetType: 'content_event', targetId: id });
      });
    },
  };
}
