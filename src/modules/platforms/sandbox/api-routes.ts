/**
 * The sandbox's platform API, in the style of a real network: OAuth-ish tokens, posts with
 * Idempotency-Key, comments, DMs, mentions, metrics, media with async video processing and
 * webhook registration. Every route has an id that fault rules can name.
 */
import { randomBytes } from 'node:crypto';
import { SandboxError } from './auth';
import { listQuery, noContent, ok, str, timeParam, type Route } from './http';
import { presentAccount, presentComment, presentMedia, presentMention, presentMessage, presentPost } from './present';
import type { SandboxState } from './state';

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export function apiRoutes(state: SandboxState, baseUrl: () => string): Route[] {
  const s = state;
  const tokenBody = (t: { accessToken: string; refreshToken: string; expiresAt: number; refreshExpiresAt: number; accountId: string }) => ({
    access_token: t.accessToken, token_type: 'Bearer', refresh_token: t.refreshToken,
    expires_in: Math.max(0, Math.round((t.expiresAt - s.now()) / 1000)),
    refresh_expires_in: Math.max(0, Math.round((t.refreshExpiresAt - s.now()) / 1000)),
    account_id: t.accountId, scope: 'publish comments dms mentions metrics webhooks',
  });

  return [
    {
      method: 'GET', path: '/oauth/authorize', id: 'oauth.authorize', auth: false,
      // A sandbox user always consents: redirect straight back with a code.
      handle: ({ query }) => {
        const clientId = query.get('client_id');
        const redirect = query.get('redirect_uri');
        if (!clientId || !redirect) throw new SandboxError(400, 'invalid_request', 'client_id and redirect_uri are required');
        const accountId = query.get('account_id') ?? s.accounts()[0]!.id;
        s.account(accountId);
        const url = new URL(redirect);
        url.searchParams.set('code', s.auth.createCode(accountId, clientId, redirect));
        if (query.get('state')) url.searchParams.set('state', query.get('state')!);
        return { status: 302, headers: { location: url.toString() } };
      },
    },
    {
      method: 'POST', path: '/oauth/token', id: 'oauth.token', auth: false,
      handle: ({ body }) => {
        const grant = str(body, 'grant_type', { status: 400 });
        if (grant === 'authorization_code') {
          return ok(tokenBody(s.auth.exchangeCode(str(body, 'code', { status: 400 }), str(body, 'client_id', { status: 400 }), str(body, 'redirect_uri', { status: 400 }))));
        }
        if (grant === 'refresh_token') return ok(tokenBody(s.auth.refresh(str(body, 'refresh_token', { status: 400 }))));
        throw new SandboxError(400, 'unsupported_grant_type', `grant_type ${grant} is not supported`);
      },
    },
    {
      method: 'POST', path: '/oauth/revoke', id: 'oauth.revoke', auth: false,
      handle: ({ body }) => { s.auth.revoke(str(body, 'token', { status: 400 })); return ok({ revoked: true }); },
    },
    { method: 'GET', path: '/api/me', id: 'me.get', auth: true, handle: ({ accountId }) => ok(presentAccount(s.account(accountId), baseUrl())) },

    {
      method: 'POST', path: '/api/media', id: 'media.upload', auth: true,
      handle: ({ req, body, raw, accountId }) => {
        const ct = (req.headers['content-type'] ?? '').toLowerCase();
        let input: { kind: 'image' | 'video'; filename: string; mimeType: string; size: number };
        if (ct.startsWith('image/') || ct.startsWith('video/')) {
          input = { kind: ct.startsWith('video/') ? 'video' : 'image', mimeType: ct, size: raw.length, filename: safeDecode(String(req.headers['x-filename'] ?? 'upload')) };
        } else {
          const kind = body.kind;
          if (kind !== 'image' && kind !== 'video') throw new SandboxError(422, 'invalid_field', 'kind must be image or video', { field: 'kind' });
          const data = typeof body.data_base64 === 'string' ? Buffer.from(body.data_base64, 'base64') : undefined;
          const size = data ? data.length : typeof body.size === 'number' ? body.size : 0;
          input = { kind, filename: str(body, 'filename', { optional: true }) || 'upload', mimeType: str(body, 'mime_type', { optional: true }) || `${kind}/*`, size };
        }
        return ok(presentMedia(s.uploadMedia(accountId, input), s.now()), 201);
      },
    },
    { method: 'GET', path: '/api/media/:id', id: 'media.get', auth: true, handle: ({ params, accountId }) => ok(presentMedia(s.getMedia(accountId, params.id!), s.now())) },

    {
      method: 'POST', path: '/api/posts', id: 'posts.create', auth: true,
      handle: ({ req, body, accountId }) => {
        const header = req.headers['idempotency-key'];
        const key = (typeof header === 'string' && header) || (typeof body.client_key === 'string' ? body.client_key : undefined);
        if (key && key.length > 200) throw new SandboxError(400, 'invalid_idempotency_key', 'Idempotency-Key is at most 200 characters');
        const mediaIds = body.media_ids;
        if (mediaIds !== undefined && (!Array.isArray(mediaIds) || mediaIds.some((x) => typeof x !== 'string'))) {
          throw new SandboxError(422, 'invalid_field', 'media_ids must be an array of strings', { field: 'media' });
        }
        if (body.text !== undefined && typeof body.text !== 'string') throw new SandboxError(422, 'invalid_field', 'text must be a string', { field: 'text' });
        if (body.title !== undefined && typeof body.title !== 'string') throw new SandboxError(422, 'invalid_field', 'title must be a string', { field: 'title' });
        const { post, replayed } = s.createPost(accountId, {
          text: body.text as string | undefined, title: body.title as string | undefined,
          media_ids: mediaIds as string[] | undefined, theme: typeof body.theme === 'string' ? body.theme : undefined,
        }, key);
        const status = replayed ? 200 : post.status === 'processing' ? 202 : 201;
        return ok(presentPost(post, baseUrl()), status, replayed ? { 'idempotent-replayed': 'true' } : undefined);
      },
    },
    {
      method: 'GET', path: '/api/posts', id: 'posts.search', auth: true,
      handle: ({ query, accountId }) => {
        const posts = s.searchPosts(accountId, {
          since: timeParam(query, 'since'), key: query.get('key') ?? undefined, text: query.get('q') ?? undefined,
          limit: query.get('limit') ? Number(query.get('limit')) || undefined : undefined,
        });
        return ok({ data: posts.map((p) => presentPost(p, baseUrl())) });
      },
    },
    { method: 'GET', path: '/api/posts/:id', id: 'posts.get', auth: true, handle: ({ params, accountId }) => ok(presentPost(s.getPost(accountId, params.id!), baseUrl())) },
    { method: 'DELETE', path: '/api/posts/:id', id: 'posts.delete', auth: true, handle: ({ params, accountId }) => { s.deletePost(accountId, params.id!); return noContent(); } },
    {
      method: 'GET', path: '/api/posts/:id/metrics', id: 'posts.metrics', auth: true,
      handle: ({ params, accountId }) => {
        const m = s.postMetrics(accountId, params.id!);
        return ok({
          post_id: params.id, as_of: new Date(s.now()).toISOString(), impressions: m.impressions, reads: m.reads, likes: m.likes,
          comments: m.comments, shares: m.shares, saves: m.saves, clicks: m.clicks, conversions: m.conversions,
          new_followers: m.newFollowers, completion_rate: m.completionRate === null ? null : Math.round(m.completionRate * 1000) / 1000,
        });
      },
    },
    {
      method: 'GET', path: '/api/posts/:id/comments', id: 'comments.list', auth: true,
      handle: ({ params, query, accountId }) => {
        const page = s.listComments(accountId, params.id, listQuery(query));
        return ok({ data: page.items.map(presentComment), next_cursor: page.nextCursor ?? null });
      },
    },
    {
      method: 'GET', path: '/api/comments', id: 'comments.list', auth: true,
      handle: ({ query, accountId }) => {
        const page = s.listComments(accountId, undefined, listQuery(query));
        return ok({ data: page.items.map(presentComment), next_cursor: page.nextCursor ?? null });
      },
    },
    {
      method: 'POST', path: '/api/comments/:id/replies', id: 'comments.reply', auth: true,
      handle: ({ params, body, accountId }) => ok(presentComment(s.replyComment(accountId, params.id!, str(body, 'text'))), 201),
    },
    {
      method: 'POST', path: '/api/comments/:id/hide', id: 'comments.hide', auth: true,
      handle: ({ params, body, accountId }) => { s.hideComment(accountId, params.id!, body.hidden !== false); return noContent(); },
    },
    { method: 'DELETE', path: '/api/comments/:id', id: 'comments.delete', auth: true, handle: ({ params, accountId }) => { s.deleteComment(accountId, params.id!); return noContent(); } },

    {
      method: 'GET', path: '/api/dms', id: 'dms.list', auth: true,
      handle: ({ query, accountId }) => {
        const page = s.listMessages(accountId, listQuery(query));
        return ok({ data: page.items.map(presentMessage), next_cursor: page.nextCursor ?? null });
      },
    },
    {
      method: 'POST', path: '/api/dms', id: 'dms.send', auth: true,
      handle: ({ body, accountId }) => ok(presentMessage(s.sendMessage(accountId, str(body, 'conversation_id'), str(body, 'text'))), 201),
    },
    {
      method: 'GET', path: '/api/mentions', id: 'mentions.list', auth: true,
      handle: ({ query, accountId }) => {
        const page = s.listMentions(accountId, listQuery(query));
        return ok({ data: page.items.map((m) => presentMention(m, baseUrl())), next_cursor: page.nextCursor ?? null });
      },
    },
    {
      method: 'GET', path: '/api/account/metrics', id: 'account.metrics', auth: true,
      handle: ({ query, accountId }) => {
        const m = s.accountMetrics(accountId, query.get('from') ?? undefined, query.get('to') ?? undefined);
        return ok({
          as_of: new Date(s.now()).toISOString(), followers: m.followers, following: 0, posts: m.posts,
          days: m.days.map((d) => ({ date: d.date, followers: d.followers, new_followers: d.newFollowers, unfollows: d.unfollows })),
        });
      },
    },

    {
      method: 'POST', path: '/api/webhooks', id: 'webhooks.register', auth: true,
      handle: ({ body, accountId }) => {
        const url = str(body, 'url');
        if (!/^https?:\/\//.test(url)) throw new SandboxError(422, 'invalid_field', 'url must be http(s)', { field: 'url' });
        const secret = str(body, 'secret', { optional: true }) || randomBytes(24).toString('base64url');
        const hook = { id: `wh_${randomBytes(6).toString('hex')}`, accountId, url, secret, createdAt: s.now() };
        s.data.webhooks.push(hook);
        return ok({ id: hook.id, url, secret }, 201);
      },
    },
    {
      method: 'GET', path: '/api/webhooks', id: 'webhooks.list', auth: true,
      handle: ({ accountId }) => ok({ data: s.data.webhooks.filter((w) => w.accountId === accountId).map((w) => ({ id: w.id, url: w.url })) }),
    },
    {
      method: 'DELETE', path: '/api/webhooks/:id', id: 'webhooks.delete', auth: true,
      handle: ({ params, accountId }) => {
        const i = s.data.webhooks.findIndex((w) => w.id === params.id && w.accountId === accountId);
        if (i < 0) throw new SandboxError(404, 'webhook_not_found', 'no such webhook');
        s.data.webhooks.splice(i, 1);
        return noContent();
      },
    },
  ];
}
