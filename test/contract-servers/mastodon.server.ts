/**
 * Mastodon contract fake after docs.joinmastodon.org: oauth/{token,revoke}, accounts
 * verify_credentials and statuses, v2 media (202 until processed) and v1 media/:id, statuses
 * (Idempotency-Key honoured; 422 over the character limit), context, conversations,
 * notifications. 401 {error} for a bad token; 429 with X-RateLimit-Reset on demand.
 */
import { startContractServer, type CReq, type CRes, type Route } from './harness';

export interface MastodonFakeOptions { clientId: string; clientSecret: string; maxCharacters?: number }

export async function startMastodonServer(opts: MastodonFakeOptions) {
  let seq = 111_000_000_000;
  const codes = new Set<string>();
  const tokens = new Set<string>();
  const me = { id: '109000001', username: 'chorus', acct: 'chorus', display_name: '合声 Chorus', avatar: 'https://files.example/a.png', url: 'https://mastodon.example/@chorus', followers_count: 321, following_count: 12 };
  const media = new Map<string, { polls: number }>();
  const statuses: { id: string; content: string; account: typeof me | { id: string; acct: string }; created_at: string; in_reply_to_id: string | null; visibility: string; media: string[] }[] = [];
  const byKey = new Map<string, string>();
  const state = { now: () => Date.now(), processingPolls: 1 };

  const authed = (h: (r: CReq, m: RegExpMatchArray) => CRes, re: RegExp) => (r: CReq): CRes => {
    if (!tokens.has((r.headers.authorization ?? '').replace(/^Bearer /, ''))) return { status: 401, json: { error: 'The access token is invalid' } };
    return h(r, r.path.match(re)!);
  };
  const route = (method: string, re: RegExp, h: (r: CReq, m: RegExpMatchArray) => CRes): Route => ({ method, path: re, handler: authed(h, re) });
  const html = (t: string) => `<p>${t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/\n/g, '<br />')}</p>`;
  const json = (s: (typeof statuses)[number]) => ({
    id: s.id, content: s.content, account: s.account, created_at: s.created_at, in_reply_to_id: s.in_reply_to_id, visibility: s.visibility,
    url: `https://mastodon.example/@${s.account.acct}/${s.id}`, replies_count: statuses.filter((x) => x.in_reply_to_id === s.id).length,
    reblogs_count: 2, favourites_count: 7, media_attachments: s.media.map((id) => ({ id })),
  });
  const addStatus = (text: string, account: (typeof statuses)[number]['account'], inReplyTo: string | null, visibility: string, mediaIds: string[] = []) => {
    const s = { id: String(++seq), content: html(text), account, created_at: new Date(state.now()).toISOString(), in_reply_to_id: inReplyTo, visibility, media: mediaIds };
    statuses.unshift(s);
    return s;
  };

  const routes: Route[] = [
    { method: 'POST', path: '/oauth/token', handler: (r) => {
      const p = r.form();
      if (p.client_id !== opts.clientId || p.client_secret !== opts.clientSecret) return { status: 401, json: { error: 'invalid_client' } };
      if (!codes.delete(p.code)) return { status: 400, json: { error: 'invalid_grant' } };
      const t = `mtok_${++seq}`; tokens.add(t);
      return { json: { access_token: t, token_type: 'Bearer', scope: 'read write', created_at: 1763611200 } };
    } },
    { method: 'POST', path: '/oauth/revoke', handler: (r) => { tokens.delete(r.form().token); return { json: {} }; } },
    route('GET', /^\/api\/v1\/accounts\/verify_credentials$/, () => ({ json: { ...me, statuses_count: statuses.filter((s) => s.account.id === me.id).length } })),
    route('GET', /^\/api\/v1\/accounts\/(\d+)\/statuses$/, (_r, m) => ({ json: statuses.filter((s) => s.account.id === m[1] && !s.in_reply_to_id).map(json) })),
    route('POST', /^\/api\/v2\/media$/, (r) => {
      if (!r.multipart().files.file) return { status: 422, json: { error: 'Validation failed: File is missing' } };
      const id = String(++seq); media.set(id, { polls: 0 });
      return state.processingPolls > 0 ? { status: 202, json: { id, type: 'image', url: null } } : { json: { id, type: 'image', url: `https://files.example/${id}.png` } };
    }),
    route('GET', /^\/api\/v1\/media\/(\d+)$/, (_r, m) => {
      const x = media.get(m[1]);
      if (!x) return { status: 404, json: { error: 'Record not found' } };
      const ready = ++x.polls >= state.processingPolls;
      return { status: ready ? 200 : 206, json: { id: m[1], type: 'image', url: ready ? `https://files.example/${m[1]}.png` : null } };
    }),
    route('POST', /^\/api\/v1\/statuses$/, (r) => {
      const key = r.headers['idempotency-key'];
      if (key && byKey.has(key)) return { json: json(statuses.find((s) => s.id === byKey.get(key))!) };
      const b = r.json();
      if (!b.status || [...b.status].length > (opts.maxCharacters ?? 500)) return { status: 422, json: { error: `Validation failed: Text character limit of ${opts.maxCharacters ?? 500} exceeded` } };
      if ((b.media_ids ?? []).some((id: string) => !media.has(id))) return { status: 422, json: { error: 'Validation failed: media not found' } };
      const s = addStatus(b.status, me, b.in_reply_to_id ?? null, b.visibility ?? 'public', b.media_ids ?? []);
      if (key) byKey.set(key, s.id);
      return { json: json(s) };
    }),
    route('GET', /^\/api\/v1\/statuses\/(\d+)$/, (_r, m) => {
      const s = statuses.find((x) => x.id === m[1]);
      return s ? { json: json(s) } : { status: 404, json: { error: 'Record not found' } };
    }),
    route('DELETE', /^\/api\/v1\/statuses\/(\d+)$/, (_r, m) => {
      const i = statuses.findIndex((x) => x.id === m[1]);
      if (i < 0) return { status: 404, json: { error: 'Record not found' } };
      if (statuses[i].account.id !== me.id) return { status: 403, json: { error: 'This action is not allowed' } };
      return { json: json(statuses.splice(i, 1)[0]) };
    }),
    route('GET', /^\/api\/v1\/statuses\/(\d+)\/context$/, (_r, m) => {
      const out: typeof statuses = [];
      const walk = (id: string) => { for (const s of [...statuses].reverse()) if (s.in_reply_to_id === id) { out.push(s); walk(s.id); } };
      walk(m[1]);
      return { json: { ancestors: [], descendants: out.map(json) } };
    }),
    route('GET', /^\/api\/v1\/conversations$/, () => ({ json: statuses.filter((s) => s.visibility === 'direct').map((s) => ({
      id: `c${s.id}`, unread: true, accounts: [s.account.id === me.id ? { id: '42', acct: 'fan@other.example' } : s.account], last_status: json(s),
    })) })),
    route('GET', /^\/api\/v1\/notifications$/, (r) => (r.query['types[]'] === 'mention' ? { json: statuses.filter((s) => s.account.id !== me.id && s.visibility !== 'direct').map((s) => ({
      id: `n${s.id}`, type: 'mention', created_at: s.created_at, account: s.account, status: json(s),
    })) } : { status: 400, json: { error: 'types required in this fake' } })),
  ];

  const server = await startContractServer('mastodon', routes);
  return {
    ...server, state, statuses, me,
    issueCode(c: string) { codes.add(c); },
    addReply(inReplyTo: string, acct: string, text: string, visibility = 'public') { return addStatus(text, { id: String(++seq), acct }, inReplyTo, visibility).id; },
  };
}
