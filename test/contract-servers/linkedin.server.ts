/**
 * LinkedIn contract fake after learn.microsoft.com/linkedin: oauth/v2/{accessToken,revoke},
 * versioned /rest/* (LinkedIn-Version required, else 400 VERSION_MISSING), images
 * initializeUpload + PUT upload, posts (201 + x-restli-id; 422 on duplicate commentary),
 * socialActions comments, organizations, networkSizes, share and follower statistics.
 * Errors: {status, serviceErrorCode, code, message}; 429 with Retry-After on demand.
 */
import { startContractServer, type CReq, type CRes, type Route } from './harness';

export interface LinkedinFakeOptions { clientId: string; clientSecret: string; orgId: string }

export async function startLinkedinServer(opts: LinkedinFakeOptions) {
  let seq = 7_100_000_000;
  const orgUrn = `urn:li:organization:${opts.orgId}`;
  const codes = new Set<string>();
  const tokens = new Map<string, 'ok' | 'revoked'>();
  const images = new Map<string, boolean>(); // urn -> uploaded
  const posts: { id: string; commentary: string; createdAt: number; content?: unknown }[] = [];
  const comments = new Map<string, { id: string; actor: string; text: string; time: number; parent?: string }[]>();
  const state = { now: () => Date.now(), followers: 4321, base: '' };

  const err = (status: number, code: string, message: string): CRes => ({ status, json: { status, serviceErrorCode: status * 100, code, message } });
  const authed = (h: (r: CReq, m: RegExpMatchArray) => CRes, re: RegExp) => (r: CReq): CRes => {
    const t = tokens.get((r.headers.authorization ?? '').replace(/^Bearer /, ''));
    if (!t) return err(401, 'INVALID_ACCESS_TOKEN', 'Invalid access token');
    if (t === 'revoked') return err(401, 'REVOKED_ACCESS_TOKEN', 'The token used in the request has been revoked by the user');
    if (!/^\d{6}$/.test(r.headers['linkedin-version'] ?? '')) return err(400, 'VERSION_MISSING', 'A version must be present');
    if (r.headers['x-restli-protocol-version'] !== '2.0.0') return err(400, 'ILLEGAL_ARGUMENT', 'Restli protocol 2.0.0 required');
    return h(r, r.path.match(re)!);
  };
  const route = (method: string, re: RegExp, h: (r: CReq, m: RegExpMatchArray) => CRes): Route => ({ method, path: re, handler: authed(h, re) });
  const postUrn = (m: RegExpMatchArray) => decodeURIComponent(m[1]);

  const routes: Route[] = [
    { method: 'POST', path: '/oauth/v2/accessToken', handler: (r) => {
      const p = r.form();
      if (p.client_id !== opts.clientId || p.client_secret !== opts.clientSecret) return { status: 401, json: { error: 'invalid_client', error_description: 'Client authentication failed' } };
      if (p.grant_type !== 'authorization_code' || !codes.delete(p.code)) return { status: 400, json: { error: 'invalid_request', error_description: 'Unable to retrieve access token: authorization code not found' } };
      const t = `AQV${++seq}`; tokens.set(t, 'ok');
      return { json: { access_token: t, expires_in: 5183999, scope: 'r_organization_social,w_organization_social,rw_organization_admin' } };
    } },
    { method: 'POST', path: '/oauth/v2/revoke', handler: (r) => { tokens.set(r.form().token, 'revoked'); return { json: {} }; } },
    route('GET', /^\/rest\/organizations\/(\d+)$/, (_r, m) => (m[1] === opts.orgId ? { json: { id: Number(m[1]), localizedName: '合声科技 Chorus', vanityName: 'chorus-tech' } } : err(404, 'NOT_FOUND', 'Not found'))),
    route('POST', /^\/rest\/images$/, (r) => {
      if (r.query.action !== 'initializeUpload' || r.json().initializeUploadRequest?.owner !== orgUrn) return err(400, 'ILLEGAL_ARGUMENT', 'bad initializeUpload');
      const urn = `urn:li:image:C4E${++seq}`; images.set(urn, false);
      return { json: { value: { uploadUrlExpiresAt: state.now() + 3600_000, uploadUrl: `${state.base}/dms-uploads/${encodeURIComponent(urn)}`, image: urn } } };
    }),
    route('PUT', /^\/dms-uploads\/(.+)$/, (r, m) => {
      const urn = postUrn(m);
      if (!images.has(urn) || !r.rawBody.length) return err(400, 'ILLEGAL_ARGUMENT', 'bad upload');
      images.set(urn, true);
      return { status: 201, text: '' };
    }),
    route('POST', /^\/rest\/posts$/, (r) => {
      const b = r.json();
      if (b.author !== orgUrn) return err(403, 'ACCESS_DENIED', 'Not enough permissions to post as this organization');
      if (!b.commentary || b.lifecycleState !== 'PUBLISHED') return err(422, 'UNPROCESSABLE_ENTITY', 'commentary is required');
      if (posts.some((p) => p.commentary === b.commentary)) return err(422, 'UNPROCESSABLE_ENTITY', 'Content is a duplicate of urn:li:share:' + seq);
      const ids = [b.content?.media?.id, ...(b.content?.multiImage?.images ?? []).map((i: { id: string }) => i.id)].filter(Boolean);
      if (ids.some((id: string) => !images.get(id))) return err(422, 'UNPROCESSABLE_ENTITY', 'image not uploaded');
      const id = `urn:li:share:${++seq}`;
      posts.unshift({ id, commentary: b.commentary, createdAt: state.now(), content: b.content });
      comments.set(id, []);
      return { status: 201, headers: { 'x-restli-id': id }, text: '' };
    }),
    route('GET', /^\/rest\/posts$/, (r) => {
      if (r.query.q === 'author' && r.query.author === orgUrn) return { json: { elements: posts.map((p) => ({ ...p, author: orgUrn })), paging: { start: 0, count: 20 } } };
      if (r.query.q === 'mentions') return { json: { elements: [{ id: 'urn:li:share:999', author: 'urn:li:person:abc', commentary: 'Great work @合声科技', createdAt: state.now() - 1000 }] } };
      return err(400, 'ILLEGAL_ARGUMENT', 'unsupported finder');
    }),
    route('DELETE', /^\/rest\/posts\/(.+)$/, (_r, m) => {
      const i = posts.findIndex((p) => p.id === postUrn(m));
      if (i < 0) return err(404, 'NOT_FOUND', 'Not found');
      posts.splice(i, 1);
      return { status: 204, text: '' };
    }),
    route('GET', /^\/rest\/socialActions\/([^/]+)\/comments$/, (_r, m) => {
      const list = comments.get(postUrn(m));
      if (!list) return err(404, 'NOT_FOUND', 'Not found');
      return { json: { elements: list.map((c) => ({ id: c.id, $URN: `urn:li:comment:(urn:li:activity:1,${c.id})`, actor: c.actor, message: { text: c.text }, created: { time: c.time }, ...(c.parent ? { parentComment: c.parent } : {}) })), paging: { start: 0, count: 50, total: list.length } } };
    }),
    route('POST', /^\/rest\/socialActions\/([^/]+)\/comments$/, (r, m) => {
      const list = comments.get(postUrn(m)); const b = r.json();
      if (!list || b.actor !== orgUrn || !b.message?.text) return err(400, 'ILLEGAL_ARGUMENT', 'bad comment');
      const id = String(++seq);
      list.push({ id, actor: b.actor, text: b.message.text, time: state.now(), parent: b.parentComment });
      return { status: 201, headers: { 'x-restli-id': `urn:li:comment:(urn:li:activity:1,${id})` }, json: { id } };
    }),
    route('DELETE', /^\/rest\/socialActions\/([^/]+)\/comments\/(\d+)$/, (r, m) => {
      const list = comments.get(postUrn(m)) ?? [];
      const i = list.findIndex((c) => c.id === m[2]);
      if (i < 0 || r.query.actor !== orgUrn) return err(404, 'NOT_FOUND', 'Not found');
      list.splice(i, 1);
      return { status: 204, text: '' };
    }),
    route('GET', /^\/rest\/networkSizes\/(.+)$/, (r, m) => (postUrn(m) === orgUrn && r.query.edgeType === 'COMPANY_FOLLOWED_BY_MEMBER' ? { json: { firstDegreeSize: state.followers } } : err(400, 'ILLEGAL_ARGUMENT', 'bad edgeType'))),
    route('GET', /^\/rest\/organizationalEntityShareStatistics$/, (r) => {
      const shares = /^List\((.*)\)$/.exec(r.query.shares ?? '')?.[1]?.split(',').map(decodeURIComponent) ?? [];
      return { json: { elements: shares.filter((s) => posts.some((p) => p.id === s)).map((share) => ({
        share, organizationalEntity: orgUrn, totalShareStatistics: { impressionCount: 5000, likeCount: 40, commentCount: comments.get(share)?.length ?? 0, shareCount: 6, clickCount: 120, engagement: 0.03 },
      })) } };
    }),
    route('GET', /^\/rest\/organizationalEntityFollowerStatistics$/, (r) => (r.query.timeIntervals?.startsWith('(timeRange:') ? { json: { elements: [
      { timeRange: {}, followerGains: { organicFollowerGain: 9, paidFollowerGain: 1 } }, { timeRange: {}, followerGains: { organicFollowerGain: 5, paidFollowerGain: 0 } },
    ] } } : err(400, 'ILLEGAL_ARGUMENT', 'timeIntervals required'))),
  ];

  const server = await startContractServer('linkedin', routes);
  state.base = server.url;
  return {
    ...server, state, posts, comments,
    issueCode(c: string) { codes.add(c); },
    addComment(urn: string, actor: string, text: string) { const id = String(++seq); comments.get(urn)!.push({ id, actor, text, time: state.now() }); return id; },
  };
}
