import { z } from 'zod';
import { defineRoutes, route } from '../../kernel/http/route.js';
import { workspaceIdParams } from '../team/schema.js';
import { MAX_UPLOAD_BYTES } from './media.js';

const base = '/api/v1/workspaces/:workspaceId/media';
const tags = ['media'];
const mediaParams = workspaceIdParams.extend({ mediaId: z.uuid() });
const rights = z.object({
  basis: z.enum(['original', 'licensed']).optional(), licenceId: z.string().trim().max(128).optional(),
  peopleShown: z.boolean().optional(), consentIds: z.array(z.string().trim().min(1).max(128)).max(50).optional(),
}).refine((r) => r.basis !== 'licensed' || !!r.licenceId, { message: 'a licensed file needs its licence id', path: ['licenceId'] });

export const mediaRoutes = defineRoutes([
  route({
    method: 'GET', url: base, access: 'content.read', tags, summary: 'The media library',
    params: workspaceIdParams, handler: ({ actor, services }) => services.content.media.list(actor),
  }),
  route({
    method: 'POST', url: base, access: 'media.write', tags, status: 201, bodyLimit: Math.ceil(MAX_UPLOAD_BYTES * 1.4) + 4096,
    summary: 'Upload an image or video (base64 JSON) with its rights record; answers per-platform size checks',
    params: workspaceIdParams,
    body: z.object({ fileName: z.string().trim().min(1).max(200), dataBase64: z.string().min(4), description: z.string().max(500).optional(), rights: rights.optional() }),
    handler: ({ actor, body, services }) => services.content.media.upload(actor, body),
  }),
  route({
    method: 'GET', url: `${base}/:mediaId`, access: 'content.read', tags, summary: 'One file’s facts, rights and per-platform checks',
    params: mediaParams, handler: ({ actor, params, services }) => services.content.media.get(actor, params.mediaId),
  }),
  route({
    method: 'GET', url: `${base}/:mediaId/file`, access: 'content.read', tags, raw: true, summary: 'The file itself',
    params: mediaParams,
    async handler({ actor, params, services, reply }) {
      const f = await services.content.media.file(actor, params.mediaId);
      return reply.type(f.mime).header('cache-control', 'private, max-age=3600').send(f.data);
    },
  }),
  route({
    method: 'PATCH', url: `${base}/:mediaId`, access: 'media.write', tags, summary: 'Change the rights record, description or name',
    params: mediaParams,
    body: z.object({ rights: rights.optional(), description: z.string().max(500).nullable().optional(), fileName: z.string().trim().min(1).max(200).optional() })
      .refine((b) => Object.keys(b).length > 0, { message: 'nothing to change' }),
    handler: ({ actor, params, body, services }) => services.content.media.update(actor, params.mediaId, body),
  }),
  route({
    method: 'DELETE', url: `${base}/:mediaId`, access: 'media.write', tags, status: 204, summary: 'Delete a file',
    params: mediaParams, handler: ({ actor, params, services }) => services.content.media.remove(actor, params.mediaId),
  }),
]);
