/**
 * The media library: uploads kept under `${dataDir}/media/<workspaceId>/`, with type, size, pixel
 * dimensions and (for MP4) duration read from the file, and a rights record (original / licensed with
 * a licence id / consent of the people shown) that review's compliance check reads.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DomainError } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import type { Actor } from '../team/service.js';
import type { ContentContext } from './context.js';
import { verifyUpload } from './media-check.js';
import { mp4Duration, sniffMedia } from './media-meta.js';
import { checkMediaFor, isContentPlatform, PLATFORM_FORMATS, type ContentPlatform } from './model.js';
import { mediaFacts, presentMedia } from './presenters.js';
import type { MediaRights } from './tables.js';

export const MAX_UPLOAD_BYTES = 40 * 1024 * 1024;

export function createMediaOps(ctx: ContentContext) {
  const { db, store, clock, team } = ctx;

  async function findOrFail(workspaceId: string, id: string) {
    const m = await store.findMedia(db, workspaceId, id);
    if (!m) throw new DomainError('media.not_found');
    return m;
  }

  /** Per-platform size and format checks for one file: where it is too large, too long, or not accepted. */
  function platformChecks(m: Parameters<typeof mediaFacts>[0]) {
    const facts = mediaFacts(m);
    const SIZE = new Set(['media.image_too_large', 'media.video_too_large', 'media.video_length']);
    return (Object.keys(PLATFORM_FORMATS) as ContentPlatform[]).map((p) => {
      const problems = checkMediaFor(p, [facts]).filter((w) => SIZE.has(w.code)).map((w) => w.message);
      if (facts.kind === 'image' && PLATFORM_FORMATS[p].maxImages === 0) problems.push('该平台只发视频，图片仅可作封面');
      return { platform: p, ok: problems.length === 0, problems };
    });
  }

  return {
    async upload(actor: Actor, input: { fileName: string; dataBase64: string; description?: string; rights?: MediaRights }) {
      const data = Buffer.from(input.dataBase64, 'base64');
      if (data.length === 0) throw new DomainError('media.invalid_data', { fields: { dataBase64: 'empty or not base64' } });
      if (data.length > MAX_UPLOAD_BYTES) throw new DomainError('media.too_large', { message: `files up to ${MAX_UPLOAD_BYTES / 1024 / 1024} MB` });
      const sniff = sniffMedia(data);
      if (!sniff) throw new DomainError('media.unsupported_type', { fields: { dataBase64: 'not a PNG, JPEG, GIF, WebP, MP4, MOV or WebM file' } });
      await verifyUpload(data, sniff);
      const id = newId();
      const ext = sniff.mime.split('/')[1]!.replace('quicktime', 'mov').replace('jpeg', 'jpg');
      const rel = join('media', actor.workspaceId, `${id}.${ext}`);
      await mkdir(join(ctx.dataDir, 'media', actor.workspaceId), { recursive: true });
      await writeFile(join(ctx.dataDir, rel), data);
      try {
        return await db.transaction(async (tx) => {
          const row = await store.insertMedia(tx, {
            id, workspaceId: actor.workspaceId, kind: sniff.kind, fileName: input.fileName, mime: sniff.mime, bytes: data.length,
            width: sniff.width ?? null, height: sniff.height ?? null, durationSec: sniff.kind === 'video' ? mp4Duration(data) ?? null : null,
            sha256: createHash('sha256').update(data).digest('hex'), storagePath: rel, rights: input.rights ?? {},
            description: input.description ?? null, createdBy: actor.userId, createdAt: clock.now(),
          });
          await team.record(tx, actor, { action: 'media.uploaded', targetType: 'media', targetId: id, details: { fileName: input.fileName, bytes: data.length, kind: sniff.kind } });
          return { media: presentMedia(row), checks: platformChecks(row) };
        });
      } catch (err) {
        await unlink(join(ctx.dataDir, rel)).catch(() => {});
        throw err;
      }
    },

    async list(actor: Pick<Actor, 'workspaceId'>) {
      return { items: (await store.listMedia(db, actor.workspaceId)).map(presentMedia) };
    },

    async get(actor: Pick<Actor, 'workspaceId'>, id: string) {
      const m = await findOrFail(actor.workspaceId, id);
      return { media: presentMedia(m), checks: platformChecks(m) };
    },

    async file(actor: Pick<Actor, 'workspaceId'>, id: string) {
      const m = await findOrFail(actor.workspaceId, id);
      return { mime: m.mime, fileName: m.fileName, data: await readFile(join(ctx.dataDir, m.storagePath)) };
    },

    async update(actor: Actor, id: string, patch: { rights?: MediaRights; description?: string | null; fileName?: string }) {
      return db.transaction(async (tx) => {
        const row = await store.updateMedia(tx, actor.workspaceId, id, patch);
        if (!row) throw new DomainError('media.not_found');
        await team.record(tx, actor, { action: 'media.updated', targetType: 'media', targetId: id, details: { fields: Object.keys(patch), rights: patch.rights ?? null } });
        return { media: presentMedia(row), checks: platformChecks(row) };
      });
    },

    async remove(actor: Actor, id: string) {
      const row = await db.transaction(async (tx) => {
        const r = await store.deleteMedia(tx, actor.workspaceId, id);
        if (!r) throw new DomainError('media.not_found');
        await team.record(tx, actor, { action: 'media.deleted', targetType: 'media', targetId: id, details: { fileName: r.fileName } });
        return r;
      });
      await unlink(join(ctx.dataDir, row.storagePath)).catch(() => {});
    },

    isPlatform: isContentPlatform,
  };
}
