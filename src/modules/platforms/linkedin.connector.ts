/**
 * LinkedIn organisation pages. OAuth 2 (60-day tokens; refresh for approved partners).
 * Versioned REST API: every call sends LinkedIn-Version and X-Restli-Protocol-Version 2.0.0.
 * Publish: images?action=initializeUpload → PUT uploadUrl → POST /rest/posts; the post URN
 * comes back in x-restli-id. Comments via socialActions; share and follower statistics.
 */
import type { Capabilities, Connector, ConnectorContext, ContentRules, PlatformComment, TokenSet } from './connector';
import { validateAgainstRules, withHashtags } from './content-rules';
import { BadContentError, PermanentError, ReauthorizeError } from './errors';
import { baseUrl, checkHttpStatus, httpRequest, obj, toRaw, type HttpRequest, type HttpResult } from './http';
import { createLinkedinWebhook } from './linkedin.webhook';

const LI = 'linkedin';
export const LINKEDIN_VERSION = '202411';

export const linkedinCapabilities: Capabilities = {
  publish: { text: 'api', image: 'api', video: 'none', article: 'none' },
  completion: 'sync',
  comments: { list: true, reply: true, delete: true, hide: false, pin: false },
  dms: { receive: false, send: false, replyWindowHours: null },
  mentions: true, postMetrics: true, accountMetrics: true, webhooks: true,
};

export const linkedinRules: ContentRules = {
  maxText: 3000, textCounting: 'chars', maxImages: 20, maxImageBytes: 36_152_320, hashtagStyle: '#x', mentionStyle: 'urn',
};

export function checkLinkedin(r: HttpResult, now: Date): Record<string, any> {
  checkHttpStatus(LI, r, now);
  if (r.status < 400) return obj(r.body);
  const body = obj(r.body);
  const msg = `HTTP ${r.status}: ${body.message ?? body.code ?? ''}`;
  const opts = { platformCode: body.serviceErrorCode ?? body.code ?? r.status, raw: toRaw(r) };
  if (body.code === 'REVOKED_ACCESS_TOKEN' || body.code === 'EXPIRED_ACCESS_TOKEN') throw new ReauthorizeError(LI, msg, opts);
  if (r.status === 422 || (r.status === 400 && /commentary|content|duplicate/i.test(String(body.message)))) throw new BadContentError(LI, msg, opts);
  throw new PermanentError(LI, msg, opts);
}

const enc = encodeURIComponent;

export function createLinkedinConnector(ctx: ConnectorContext): Connector {
  const creds = ctx.credentials;
  const api = baseUrl(ctx, 'linkedin', 'https://api.linkedin.com');
  const auth = baseUrl(ctx, 'linkedinAuth', 'https://www.linkedin.com');
  const now = () => ctx.clock.now();
  const org = () => {
    if (!creds.accountId) throw new PermanentError(LI, 'accountId (organization URN) is not set');
    return creds.accountId.startsWith('urn:') ? creds.accountId : `urn:li:organization:${creds.accountId}`;
  };

  async function raw(path: string, req: Omit<HttpRequest, 'url'> = {}): Promise<HttpResult> {
    if (!creds.accessToken) throw new ReauthorizeError(LI, 'no access token');
    const r = await httpRequest(ctx, LI, { ...req, url: path.startsWith('http') ? path : `${api}${path}`, headers: {
      authorization: `Bearer ${creds.accessToken}`, 'linkedin-version': LINKEDIN_VERSION, 'x-restli-protocol-version': '2.0.0', ...req.headers,
    } });
    checkLinkedin(r, now());
    return r;
  }
  const call = async (path: string, req: Omit<HttpRequest, 'url'> = {}) => obj((await raw(path, req)).body);

  async function tokenCall(form: Record<string, string | undefined>): Promise<TokenSet> {
    const r = await httpRequest(ctx, LI, { url: `${auth}/oauth/v2/accessToken`, form: { ...form, client_id: creds.appId, client_secret: creds.appSecret }, idempotent: true });
    if (r.status >= 400) {
      const b = obj(r.body);
      throw new ReauthorizeError(LI, `token: ${b.error ?? r.status} ${b.error_description ?? ''}`, { platformCode: b.error ?? r.status, raw: toRaw(r) });
    }
    const b = obj(r.body);
    const t: TokenSet = {
      accessToken: String(b.access_token), refreshToken: b.refresh_token ?? creds.refreshToken, scope: b.scope,
      expiresAt: new Date(now().getTime() + Number(b.expires_in) * 1000),
      refreshExpiresAt: b.refresh_token_expires_in ? new Date(now().getTime() + Number(b.refresh_token_expires_in) * 1000) : undefined,
    };
    Object.assign(creds, t);
    await ctx.onTokens?.(t);
    return t;
  }

  async function uploadImage(m: { data: Uint8Array; mimeType: string }): Promise<string> {
    const init = await call('/rest/images', { query: { action: 'initializeUpload' }, json: { initializeUploadRequest: { owner: org() } }, idempotent: true });
    const { uploadUrl, image } = init.value ?? {};
    await raw(String(uploadUrl), { method: 'PUT', body: m.data, headers: { 'content-type': m.mimeType }, idempotent: true });
    return String(image);
  }

  const toComment = (postUrn: string) => (c: any): PlatformComment => ({
    platformCommentId: String(c.$URN ?? c.id), platformPostId: postUrn, parentCommentId: c.parentComment ?? undefined,
    author: { id: String(c.actor) }, text: String(c.message?.text ?? ''), createdAt: new Date(Number(c.created?.time ?? 0)),
    own: c.actor === org(),
  });

  const connector: Connector = {
    platform: 'linkedin',
    capabilities: linkedinCapabilities,
    rules: linkedinRules,
    authorizeUrl(state, redirectUri) {
      const u = new URL(`${auth}/oauth/v2/authorization`);
      u.search = new URLSearchParams({ response_type: 'code', client_id: String(creds.appId), redirect_uri: redirectUri, state,
        scope: 'w_organization_social r_organization_social rw_organization_admin' }).toString();
      return u.toString();
    },
    exchangeCode: (code, redirectUri) => tokenCall({ grant_type: 'authorization_code', code, redirect_uri: redirectUri }),
    refresh: () => {
      if (!creds.refreshToken) throw new ReauthorizeError(LI, 'no refresh token (programmatic refresh needs partner approval)');
      return tokenCall({ grant_type: 'refresh_token', refresh_token: creds.refreshToken });
    },
    async revoke() {
      await httpRequest(ctx, LI, { url: `${auth}/oauth/v2/revoke`, form: { client_id: creds.appId, client_secret: creds.appSecret, token: creds.accessToken } });
    },
    async profile() {
      const id = org().split(':').pop();
      const b = await call(`/rest/organizations/${id}`);
      return { accountId: org(), name: String(b.localizedName ?? b.vanityName ?? id), url: b.vanityName ? `https://www.linkedin.com/company/${b.vanityName}` : undefined };
    },
    validate: (post) => validateAgainstRules(post, linkedinRules),

    async publish(post) {
      const issues = connector.validate(post);
      if (issues.length) throw new BadContentError(LI, issues.map((i) => i.message).join('; '), { field: issues[0].field });
      const images = [];
      for (const m of post.media.filter((x) => x.kind === 'image')) images.push(m.platformMediaId ?? await uploadImage(m));
      const content = images.length === 1 ? { media: { id: images[0] } } : images.length > 1 ? { multiImage: { images: images.map((id) => ({ id })) } } : undefined;
      const r = await raw('/rest/posts', { json: {
        author: org(), commentary: withHashtags(post.text, post.tags, '#x'), visibility: 'PUBLIC',
        distribution: { feedDistribution: 'MAIN_FEED', targetEntities: [], thirdPartyDistributionChannels: [] },
        lifecycleState: 'PUBLISHED', isReshareDisabledByAuthor: false, ...(content ? { content } : {}),
      } });
      const urn = r.headers['x-restli-id'];
      if (!urn) throw new PermanentError(LI, 'post created without x-restli-id', { raw: toRaw(r) });
      return { status: 'published', platformPostId: urn, url: `https://www.linkedin.com/feed/update/${urn}` };
    },
    async findPostByKey(_key, since, hint) {
      if (!hint?.text) return null;
      const b = await call('/rest/posts', { query: { author: org(), q: 'author', count: 20, sortBy: 'LAST_MODIFIED' } });
      const hit = (b.elements ?? []).find((p: any) => Number(p.createdAt) >= since.getTime() && String(p.commentary).startsWith(hint.text!.slice(0, 50)));
      return hit ? { platformPostId: String(hit.id), url: `https://www.linkedin.com/feed/update/${hit.id}`, text: hit.commentary } : null;
    },
    async deletePost(urn) { await raw(`/rest/posts/${enc(urn)}`, { method: 'DELETE' }); },

    async listComments(urn, opts) {
      const b = await call(`/rest/socialActions/${enc(urn)}/comments`, { query: { start: opts?.cursor ?? 0, count: opts?.limit ?? 50 } });
      const items = (b.elements ?? []).map(toComment(urn));
      const next = Number(b.paging?.start ?? 0) + items.length;
      return { items, nextCursor: next < Number(b.paging?.total ?? 0) ? String(next) : undefined };
    },
    async replyComment(urn, commentId, text) {
      const r = await raw(`/rest/socialActions/${enc(urn)}/comments`, { json: {
        actor: org(), object: urn, message: { text }, parentComment: commentId.startsWith('urn:') ? commentId : undefined,
      } });
      return { platformCommentId: String(r.headers['x-restli-id'] ?? obj(r.body).id) };
    },
    async deleteComment(urn, commentId) {
      const id = commentId.startsWith('urn:') ? commentId.replace(/^.*,(\d+)\)$/, '$1') : commentId;
      await raw(`/rest/socialActions/${enc(urn)}/comments/${enc(id)}`, { method: 'DELETE', query: { actor: org() } });
    },
    async listMentions(opts) {
      const b = await call('/rest/posts', { query: { q: 'mentions', mentionedEntity: org(), count: opts?.limit ?? 20 } });
      return { items: (b.elements ?? []).map((p: any) => ({
        platformMentionId: String(p.id), kind: 'post' as const, platformPostId: String(p.id), author: { id: String(p.author) },
        text: String(p.commentary ?? ''), createdAt: new Date(Number(p.createdAt)), url: `https://www.linkedin.com/feed/update/${p.id}`,
      })) };
    },

    async postMetrics(urns) {
      const shares = urns.filter((u) => u.includes(':share:'));
      const ugc = urns.filter((u) => !u.includes(':share:'));
      const list = (xs: string[]) => `List(${xs.map(enc).join(',')})`;
      const parts = [shares.length ? `shares=${list(shares)}` : '', ugc.length ? `ugcPosts=${list(ugc)}` : ''].filter(Boolean).join('&');
      const b = await call(`/rest/organizationalEntityShareStatistics?q=organizationalEntity&organizationalEntity=${enc(org())}&${parts}`);
      const byUrn = new Map<string, any>((b.elements ?? []).map((e: any) => [String(e.share ?? e.ugcPost), e.totalShareStatistics ?? {}]));
      return urns.map((u) => {
        const s = byUrn.get(u);
        const n = (v: unknown) => (s && v !== undefined ? Number(v) : null);
        return { platformPostId: u, views: n(s?.impressionCount), likes: n(s?.likeCount), comments: n(s?.commentCount), shares: n(s?.shareCount), saves: null, clicks: n(s?.clickCount), asOf: now() };
      });
    },
    async accountMetrics(range) {
      const size = await call(`/rest/networkSizes/${enc(org())}`, { query: { edgeType: 'COMPANY_FOLLOWED_BY_MEMBER' } });
      let gained: number | null = null;
      if (range) {
        const ti = `(timeRange:(start:${range.from.getTime()},end:${range.to.getTime()}),timeGranularityType:DAY)`;
        const b = await call(`/rest/organizationalEntityFollowerStatistics?q=organizationalEntity&organizationalEntity=${enc(org())}&timeIntervals=${ti}`);
        gained = (b.elements ?? []).reduce((sum: number, e: any) => sum + Number(e.followerGains?.organicFollowerGain ?? 0) + Number(e.followerGains?.paidFollowerGain ?? 0), 0);
      }
      return { followers: Number(size.firstDegreeSize), following: null, posts: null, newFollowers: gained, unfollows: null, asOf: now() };
    },
    webhook: createLinkedinWebhook(ctx),
  };
  return connector;
}
