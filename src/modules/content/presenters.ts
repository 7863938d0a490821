/** Presenters: explicit allow-lists of what the API shows. */
import { isIndustry } from '../compliance/model.js';
import { adaptForPlatform, isContentPlatform, localParts, weekdayLabel, type AdaptWarning, type ContentStatus, type MediaFacts } from './model.js';
import type { ItemRow, MediaRow, VariantRow } from './store.js';

export function presentItem(i: ItemRow, names: ReadonlyMap<string, string>, timeZone: string) {
  const person = (id: string | null) => (id ? { id, name: names.get(id) ?? '' } : null);
  const parts = i.plannedAt ? localParts(i.plannedAt, timeZone) : null;
  return {
    id: i.id, plannedAt: i.plannedAt?.toISOString() ?? null, date: parts?.date ?? null, time: parts?.time ?? null,
    weekday: i.plannedAt ? weekdayLabel(i.plannedAt, timeZone) : null,
    platforms: i.platforms, accountIds: i.accountIds, topic: i.topic, themeClass: i.themeClass, format: i.format, goal: i.goal,
    owner: person(i.ownerId), factOwner: person(i.factOwnerId),
    summary: i.summary, mediaNotes: i.mediaNotes, engagementPrompt: i.engagementPrompt,
    expectedExposure: i.expectedExposure, expectedInteractions: i.expectedInteractions,
    actualExposure: i.actualExposure, actualInteractions: i.actualInteractions, actualConversions: i.actualConversions, notes: i.notes,
    status: i.status as ContentStatus, publishWhenApproved: i.publishWhenApproved, campaign: i.campaign, goalRef: i.goalRef,
    industry: isIndustry(i.industry) ? i.industry : null, commercial: i.commercial, aiGenerated: i.aiGenerated,
    master: {
      text: i.master.text, title: i.master.title ?? null, digest: i.master.digest ?? null, hashtags: i.master.hashtags ?? [],
      mentions: i.master.mentions ?? [], mediaIds: i.master.mediaIds ?? [],
    },
    createdAt: i.createdAt.toISOString(), updatedAt: i.updatedAt.toISOString(),
  };
}

export type PresentedItem = ReturnType<typeof presentItem>;

export function mediaFacts(m: MediaRow): MediaFacts {
  return { id: m.id, kind: m.kind as 'image' | 'video', bytes: m.bytes, width: m.width, height: m.height, durationSec: m.durationSec };
}

export type ReviewView = 'not_submitted' | 'changed' | 'in_review' | 'changes_requested' | 'approved';

export function presentVariant(
  v: VariantRow,
  ctx: {
    accountName: string | null; media: Map<string, MediaRow>; review?: ReviewView;
    publish?: { state: string; url?: string; lastError?: string } | null;
  },
) {
  const facts = v.mediaIds.map((id) => ctx.media.get(id)).filter((m): m is MediaRow => !!m).map(mediaFacts);
  let warnings: AdaptWarning[] = [];
  let length = [...v.text].length;
  let limit = 0;
  if (isContentPlatform(v.platform)) {
    // Re-check the variant's own text against its platform (hashtags already in its syntax).
    const a = adaptForPlatform({ text: v.text, title: v.title }, v.platform, facts);
    warnings = a.warnings.filter((w) => w.code !== 'title.derived' && w.code !== 'hashtags.dropped' && w.code !== 'mentions.dropped');
    length = a.length;
    limit = a.limit;
  }
  const review: ReviewView = ctx.review ?? (v.submittedHash === null ? 'not_submitted' : v.submittedHash !== v.textHash ? 'changed' : 'in_review');
  return {
    id: v.id, accountId: v.accountId, accountName: ctx.accountName, platform: v.platform, title: v.title, text: v.text, digest: v.digest,
    tags: v.tags, mediaIds: v.mediaIds, customized: v.customized, textHash: v.textHash, length, limit, warnings, review,
    publish: ctx.publish ? { state: ctx.publish.state, url: ctx.publish.url ?? null, lastError: ctx.publish.lastError ?? null } : null,
  };
}

export function presentMedia(m: MediaRow) {
  return {
    id: m.id, kind: m.kind, fileName: m.fileName, mime: m.mime, bytes: m.bytes, width: m.width, height: m.height,
    durationSec: m.durationSec, sha256: m.sha256, rights: m.rights, description: m.description, createdAt: m.createdAt.toISOString(),
  };
}
