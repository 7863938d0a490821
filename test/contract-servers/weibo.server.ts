/**
 * Weibo contract fake after open.weibo.com/wiki: oauth2/{access_token,get_token_info,revokeoauth2},
 * 2/statuses/{share,user_timeline,destroy,mentions,count}, 2/comments/{show,reply,destroy,mentions},
 * 2/users/{show,counts}, commercial 2/statuses/{upload_pic,upload_url_text}/biz, 2/messages/reply.
 * Errors: {error, error_code, request}; rate limits per user per hour (10023).
 */
import { startContractServer, type CReq, type CRes, type Route } from './harness';

export interface WeiboFakeOptions { appKey: string; appSecret: string; safeDomain: string; uid: string }

const fmt = (ms: number) => new Date(ms).toUTCString().replace('GMT', '+0000');

export async function startWeiboServer(opts: WeiboFakeOptions) {
  let seq = 5_000_000_000;
  const tokens = new Map<string, 'ok' | 'expired'>();
  const codes = new Set<string>();
  const statuses: { id: number; text: string; created: number; pics: number }[] = [];
  const comments: { id: number; statusId: number; text: string; uid: number; created: number; replyTo?: number }[] = [];
  const picIds = new Set<string>();
  const state = { now: () => Date.now(), postsThisHour: 0, postsPerHourLimit: 30, followers: 8800, sentMessages: [] as unknown[] };

  const fail = (status: number, error_code: number, error: string, r?: CReq): CRes =>
    ({ status, json: { error, error_code, request: r?.path ?? '' } });
  const params = (r: CReq) => {
    const ct = r.headers['content-type'] ?? '';
    if (ct.startsWith('multipart/')) return { ...r.query, ...r.multipart().fields };
    if (r.method === 'POST') return { ...r.query, ...r.form() };
    return r.query;
  };
  const authed = (h: (r: CReq, p: Record<string, string>) => CRes) => (r: CReq): CRes => {
    const p = params(r);
    const t = tokens.get(p.access_token);
    if (!t) return fail(401, 21332, 'invalid_access_token', r);
    if (t === 'expired') return fail(403, 21327, 'expired_token', r);
    return h(r, p);
  };
  const route = (method: string, path: string, h: (r: CReq, p: Record<string, string>) => CRes): Route => ({ method, path, handler: authed(h) });
  const statusJson = (s: (typeof statuses)[number]) => ({
    id: s.id, idstr: String(s.id), mid: String(s.id), text: s.text, created_at: fmt(s.created),
    user: { id: Number(opts.uid), idstr: opts.uid, screen_name: '合声官方' },
  });
  const commentJson = (c: (typeof comments)[number]) => ({
    id: c.id, idstr: String(c.id), text: c.text, created_at: fmt(c.created),
    user: { id: c.uid, idstr: String(c.uid), screen_name: `用户${c.uid}` },
    status: { id: c.statusId, idstr: String(c.statusId) },
    ...(c.replyTo ? { reply_comment: { id: c.replyTo, idstr: String(c.replyTo) } } : {}),
  });
  const rateLimited = (r: CReq): CRes | null => {
    if (++state.postsThisHour > state.postsPerHourLimit) return fail(403, 10023, 'User requests out of rate limit!', r);
    return null;
  };
  const addStatus = (text: string, pics: number) => {
    const s = { id: ++seq, text: text.replace(/https?:\/\/\S+/g, 'http://t.cn/A6abc'), created: state.now(), pics };
    statuses.unshift(s);
    return { json: statusJson(s) };
  };

  const routes: Route[] = [
    { method: 'POST', path: '/oauth2/access_token', handler: (r) => {
      const p = r.form();
      if (p.client_id !== opts.appKey || p.client_secret !== opts.appSecret) return fail(400, 21324, 'invalid_client', r);
      if (p.grant_type !== 'authorization_code' || !codes.delete(p.code)) return fail(400, 21325, 'invalid_grant', r);
      const t = `2.00WB_${++seq}`;
      tokens.set(t, 'ok');
      return { json: { access_token: t, expires_in: 157679999, remind_in: '157679999', uid: opts.uid, isRealName: 'true' } };
    } },
    route('POST', '/oauth2/get_token_info', () => ({ json: { uid: Number(opts.uid), appkey: opts.appKey, scope: '', create_at: 1763000000, expire_in: 150000000 } })),
    route('GET', '/oauth2/revokeoauth2', (_r, p) => { tokens.delete(p.access_token); return { json: { result: 'true' } }; }),
    route('GET', '/2/users/show.json', () => ({ json: { id: Number(opts.uid), idstr: opts.uid, screen_name: '合声官方', profile_image_url: 'https://tvax1.sinaimg.cn/a.jpg' } })),
    route('POST', '/2/statuses/share.json', (r, p) => {
      if (!p.status) return fail(400, 10016, 'miss required parameter (status)', r);
      if (!p.rip) return fail(400, 10016, 'miss required parameter (rip)', r);
      const hosts = [...p.status.matchAll(/https?:\/\/([^/\s]+)/g)].map((m) => m[1]);
      if (!hosts.some((h) => h === opts.safeDomain || h.endsWith('.' + opts.safeDomain))) return fail(400, 10017, 'parameter (status)\'s value invalid, expect (must contain the safe domain url)', r);
      if (p.status.includes('违禁')) return fail(400, 20021, 'Content is illegal!', r);
      const limited = rateLimited(r);
      if (limited) return limited;
      const pics = r.headers['content-type']?.startsWith('multipart/') && r.multipart().files.pic ? 1 : 0;
      return addStatus(p.status.replace(/#[^#]+#/g, ''), pics);
    }),
    route('POST', '/2/statuses/upload_pic/biz.json', (r) => {
      if (!r.multipart().files.pic) return fail(400, 10016, 'miss required parameter (pic)', r);
      const id = `006pic${++seq}`;
      picIds.add(id);
      return { json: { pic_id: id } };
    }),
    route('POST', '/2/statuses/upload_url_text/biz.json', (r, p) => {
      const ids = p.pic_id ? p.pic_id.split(',') : [];
      if (ids.length > 9 || ids.some((i) => !picIds.has(i))) return fail(400, 10017, 'parameter (pic_id)\'s value invalid', r);
      const limited = rateLimited(r);
      return limited ?? addStatus(p.status, ids.length);
    }),
    route('GET', '/2/statuses/user_timeline.json', () => ({ json: { statuses: statuses.map(statusJson), total_number: statuses.length } })),
    route('POST', '/2/statuses/destroy.json', (r, p) => {
      const i = statuses.findIndex((s) => String(s.id) === p.id);
      if (i < 0) return fail(400, 20101, 'Target weibo does not exist!', r);
      return { json: statusJson(statuses.splice(i, 1)[0]) };
    }),
    route('GET', '/2/comments/show.json', (_r, p) => {
      const list = comments.filter((c) => String(c.statusId) === p.id);
      return { json: { comments: list.map(commentJson), total_number: list.length, next_cursor: 0, previous_cursor: 0 } };
    }),
    route('GET', '/2/comments/to_me.json', () => ({ json: { comments: comments.filter((c) => String(c.uid) !== opts.uid).sort((a, b) => b.created - a.created).map(commentJson), total_number: comments.length, next_cursor: 0 } })),
    route('POST', '/2/comments/reply.json', (r, p) => {
      const parent = comments.find((c) => String(c.id) === p.cid && String(c.statusId) === p.id);
      if (!parent) return fail(400, 20206, 'Comment does not exist!', r);
      const c = { id: ++seq, statusId: parent.statusId, text: p.comment, uid: Number(opts.uid), created: state.now(), replyTo: parent.id };
      comments.push(c);
      return { json: commentJson(c) };
    }),
    route('POST', '/2/comments/destroy.json', (r, p) => {
      const i = comments.findIndex((c) => String(c.id) === p.cid);
      if (i < 0) return fail(400, 20206, 'Comment does not exist!', r);
      return { json: commentJson(comments.splice(i, 1)[0]) };
    }),
    route('GET', '/2/statuses/mentions.json', () => ({ json: { statuses: [{ id: 4900000000000001, idstr: '4900000000000001', text: '@合声官方 你们的新品不错', created_at: fmt(state.now() - 60_000), user: { id: 77, idstr: '77', screen_name: '路人甲' } }] } })),
    route('GET', '/2/comments/mentions.json', () => ({ json: { comments: [] } })),
    route('GET', '/2/statuses/count.json', (_r, p) => ({ json: p.ids.split(',').filter((id) => statuses.some((s) => String(s.id) === id)).map((id) => ({
      id: Number(id), comments: comments.filter((c) => String(c.statusId) === id).length, reposts: 3, attitudes: 21,
    })) })),
    route('GET', '/2/users/counts.json', (_r, p) => ({ json: p.uids.split(',').map((id) => ({ id: Number(id), followers_count: state.followers, friends_count: 120, statuses_count: statuses.length })) })),
    route('POST', '/2/messages/reply.json', (r, p) => {
      if (p.type !== 'text' || !p.receiver_id) return fail(400, 10017, 'parameter (type)\'s value invalid', r);
      state.sentMessages.push({ to: p.receiver_id, data: JSON.parse(p.data) });
      return { json: { id: ++seq, result: true } };
    }),
  ];

  const server = await startContractServer('weibo', routes);
  return {
    ...server, state, statuses,
    issueCode(code: string) { codes.add(code); },
    expireAll() { for (const k of tokens.keys()) tokens.set(k, 'expired'); },
    addComment(statusId: string, uid: number, text: string) {
      comments.push({ id: ++seq, statusId: Number(statusId), text, uid, created: state.now() });
      return String(seq);
    },
  };
}
