/**
 * Bilibili contract fake after openhome.bilibili.com docs: x/account-oauth2/v1/{token,refresh_token}
 * (refresh tokens single-use), signed arcopen/fn/* calls (X-Bili-* + HMAC-SHA256 Authorization,
 * Content-MD5 of the exact body; bad signature → code -3), archive video init / part upload /
 * complete / cover upload / add-by-utoken / view / viewlist, data/arc/stat, data/user/stat.
 */
import { createHash } from 'node:crypto';
import { biliSign } from '../../src/modules/platforms/bilibili.api';
import { startContractServer, type CReq, type CRes, type Route } from './harness';

export interface BiliFakeOptions { clientId: string; clientSecret: string; openId: string }

export async function startBilibiliServer(opts: BiliFakeOptions) {
  let seq = 100;
  const codes = new Set<string>();
  const access = new Map<string, 'ok' | 'expired'>();
  const refresh = new Set<string>();
  const uploads = new Map<string, { parts: number; bytes: number; done: boolean }>();
  const archives: { resource_id: string; title: string; desc: string; tag: string; cover?: string; ctime: number; polls: number }[] = [];
  const state = { now: () => Date.now(), reviewPolls: 1, finalState: 0, refreshCalls: 0, badSignatures: 0 };

  const ok = (data: unknown = {}): CRes => ({ json: { code: 0, message: '0', ttl: 1, data } });
  const fail = (code: number, message: string): CRes => ({ json: { code, message, ttl: 1 } });
  const issue = () => {
    const at = `bili_at_${++seq}`; const rt = `bili_rt_${++seq}`;
    access.set(at, 'ok'); refresh.add(rt);
    return ok({ access_token: at, expires_in: 2592000, refresh_token: rt });
  };
  const signedOk = (r: CReq): boolean => {
    const h = r.headers;
    if (h['x-bili-accesskeyid'] !== opts.clientId || h['x-bili-signature-method'] !== 'HMAC-SHA256') return false;
    if (h['x-bili-content-md5'] !== createHash('md5').update(r.rawBody).digest('hex')) return false;
    const signed: Record<string, string> = {};
    for (const [k, v] of Object.entries(h)) if (k.startsWith('x-bili-')) signed[k] = v;
    return h.authorization === biliSign(opts.clientSecret, signed);
  };
  const arc = (h: (r: CReq) => CRes) => (r: CReq): CRes => {
    if (!signedOk(r)) { state.badSignatures++; return fail(-3, 'API校验密匙错误'); }
    const t = access.get(r.headers['access-token'] ?? '');
    if (t !== 'ok') return fail(-101, 'access_token 无效或已过期');
    return h(r);
  };
  const route = (method: string, path: string, h: (r: CReq) => CRes): Route => ({ method, path, handler: arc(h) });
  const tokenRoute = (path: string, h: (q: Record<string, string>) => CRes): Route => ({ method: 'POST', path, handler: (r) => {
    if (r.query.client_id !== opts.clientId || r.query.client_secret !== opts.clientSecret) return fail(-1, '应用程序不存在或已被封禁');
    return h(r.query);
  } });

  const routes: Route[] = [
    tokenRoute('/x/account-oauth2/v1/token', (q) => (q.grant_type === 'authorization_code' && codes.delete(q.code) ? issue() : fail(-400, 'invalid code'))),
    tokenRoute('/x/account-oauth2/v1/refresh_token', (q) => {
      state.refreshCalls++;
      if (!refresh.delete(q.refresh_token)) return fail(-101, 'refresh_token 无效');
      return issue();
    }),
    route('GET', '/arcopen/fn/user/account/info', () => ok({ name: '合声B站号', face: 'https://i0.hdslb.com/face.jpg', openid: opts.openId })),
    route('POST', '/arcopen/fn/archive/video/init', (r) => {
      if (!r.json().name) return fail(-400, '请求错误');
      const t = `utoken_${++seq}`; uploads.set(t, { parts: 0, bytes: 0, done: false });
      return ok({ upload_token: t });
    }),
    { method: 'POST', path: '/video/v2/part/upload', handler: (r) => {
      const u = uploads.get(r.query.upload_token);
      if (!u || Number(r.query.part_number) !== u.parts + 1) return fail(-400, 'bad part');
      u.parts++; u.bytes += r.rawBody.length;
      return ok();
    } },
    route('POST', '/arcopen/fn/archive/video/complete', (r) => {
      const u = uploads.get(r.query.upload_token);
      if (!u?.parts) return fail(-400, '请求错误');
      u.done = true;
      return ok();
    }),
    route('POST', '/arcopen/fn/archive/cover/upload', (r) => (r.multipart().files.file ? ok({ url: `https://archive.biliimg.com/bfs/${++seq}.jpg` }) : fail(-400, '请求错误'))),
    route('POST', '/arcopen/fn/archive/add-by-utoken', (r) => {
      if (!uploads.get(r.query.upload_token)?.done) return fail(-400, 'upload not complete');
      const b = r.json();
      if (!b.title || [...b.title].length > 80) return fail(21012, '标题过长');
      if (b.desc?.includes('违规')) return fail(21017, '简介包含违规内容');
      const a = { resource_id: `BV1${(++seq).toString(36).padStart(9, 'x')}`, title: b.title, desc: b.desc, tag: b.tag, cover: b.cover, ctime: Math.floor(state.now() / 1000), polls: 0 };
      archives.unshift(a);
      return ok({ resource_id: a.resource_id });
    }),
    route('GET', '/arcopen/fn/archive/view', (r) => {
      const a = archives.find((x) => x.resource_id === r.query.resource_id);
      if (!a) return fail(-404, '啥都木有');
      const st = ++a.polls > state.reviewPolls ? state.finalState : -1;
      return ok({ resource_id: a.resource_id, title: a.title, state: st, reject_reason: st === -2 ? '标题党' : '' });
    }),
    route('GET', '/arcopen/fn/archive/viewlist', () => ok({ list: archives.map((a) => ({ resource_id: a.resource_id, title: a.title, ctime: a.ctime })), page: { pn: 1, ps: 20, total: archives.length } })),
    route('GET', '/arcopen/fn/data/arc/stat', (r) => (archives.some((a) => a.resource_id === r.query.resource_id)
      ? ok({ ptime: 1763611200, view: 1024, danmaku: 12, reply: 8, favorite: 30, coin: 15, share: 4, like: 99 }) : fail(-404, '啥都木有'))),
    route('GET', '/arcopen/fn/data/user/stat', () => ok({ follower: 777, following: 12, arc_passed_total: archives.length })),
  ];

  const server = await startContractServer('bilibili', routes);
  return {
    ...server, state, archives, uploads,
    issueCode(c: string) { codes.add(c); },
    expireAccessTokens() { for (const k of access.keys()) access.set(k, 'expired'); },
  };
}
