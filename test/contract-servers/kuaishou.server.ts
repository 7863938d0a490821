/**
 * Kuaishou contract fake after open.kuaishou.com docs: oauth2/{access_token,refresh_token},
 * openapi/{user_info, photo/start_upload, photo/publish, photo/list, photo/info, photo/delete,
 * photo/count}, and the upload gateway api/upload/{multipart,fragment,complete}.
 * Success is {result: 1}; failures carry result = error code and error_msg.
 */
import { startContractServer, type CReq, type CRes, type Route } from './harness';

export interface KuaishouFakeOptions { appId: string; appSecret: string; openId: string }

export async function startKuaishouServer(opts: KuaishouFakeOptions) {
  let seq = 3_000_000;
  const codes = new Set<string>();
  const access = new Map<string, 'ok' | 'expired'>();
  const refresh = new Set<string>();
  const uploads = new Map<string, { bytes: number; fragments: number; done: boolean }>();
  const photos: { photo_id: string; caption: string; create_time: number; pending: boolean; hasCover: boolean }[] = [];
  const state = { now: () => Date.now(), refreshCalls: 0, pendingPolls: 1, polls: new Map<string, number>(), endpoint: '' };

  const ok = (extra: Record<string, unknown> = {}): CRes => ({ json: { result: 1, ...extra } });
  const fail = (result: number, error_msg: string): CRes => ({ json: { result, error_msg } });
  const issue = () => {
    const at = `ks_at_${++seq}`; const rt = `ks_rt_${++seq}`;
    access.set(at, 'ok'); refresh.add(rt);
    return ok({ access_token: at, expires_in: 172800, refresh_token: rt, refresh_token_expires_in: 15552000, open_id: opts.openId, scopes: ['user_info', 'user_video_publish'] });
  };
  const authed = (h: (r: CReq) => CRes) => (r: CReq): CRes => {
    if (r.query.app_id !== opts.appId) return fail(100200101, 'invalid client');
    const t = access.get(r.query.access_token);
    if (!t) return fail(100200102, 'request rejected, invalid token');
    if (t === 'expired') return fail(100200108, 'access_token expired');
    return h(r);
  };
  const route = (method: string, path: string, h: (r: CReq) => CRes): Route => ({ method, path, handler: authed(h) });
  const videoInfo = (p: (typeof photos)[number]) => ({
    photo_id: p.photo_id, caption: p.caption, cover: 'https://p1.a.yximgs.com/c.jpg', play_url: `https://v.kuaishou.com/${p.photo_id}`,
    create_time: p.create_time, like_count: 12, comment_count: 3, view_count: 456, pending: p.pending,
  });

  const routes: Route[] = [
    { method: 'GET', path: '/oauth2/access_token', handler: (r) => {
      const q = r.query;
      if (q.app_id !== opts.appId || q.app_secret !== opts.appSecret) return fail(100200101, 'invalid client');
      if (q.grant_type !== 'authorization_code') return fail(100200104, 'unsupported grant type');
      if (!codes.delete(q.code)) return fail(100200105, 'invalid code');
      return issue();
    } },
    { method: 'GET', path: '/oauth2/refresh_token', handler: (r) => {
      state.refreshCalls++;
      if (!refresh.has(r.query.refresh_token)) return fail(100200113, 'refresh_token expired');
      return issue();
    } },
    route('GET', '/openapi/user_info', () => ok({ user_info: { name: '合声快手号', sex: 'M', fan: 5200, follow: 30, head: 'https://p2.a.yximgs.com/h.jpg', city: '杭州' } })),
    route('POST', '/openapi/photo/start_upload', () => {
      const token = `ut_${++seq}`;
      uploads.set(token, { bytes: 0, fragments: 0, done: false });
      return ok({ upload_token: token, endpoint: state.endpoint });
    }),
    { method: 'POST', path: '/api/upload/multipart', handler: (r) => {
      const u = uploads.get(r.query.upload_token);
      const f = r.multipart().files.file;
      if (!u || !f) return fail(100400, 'invalid upload');
      u.bytes = f.data.length; u.done = true;
      return ok();
    } },
    { method: 'POST', path: '/api/upload/fragment', handler: (r) => {
      const u = uploads.get(r.query.upload_token);
      if (!u || Number(r.query.fragment_id) !== u.fragments) return fail(100400, 'bad fragment');
      u.fragments++; u.bytes += r.rawBody.length;
      return ok();
    } },
    { method: 'POST', path: '/api/upload/complete', handler: (r) => {
      const u = uploads.get(r.query.upload_token);
      if (!u || Number(r.query.fragment_count) !== u.fragments) return fail(100400, 'fragment count mismatch');
      u.done = true;
      return ok();
    } },
    route('POST', '/openapi/photo/publish', (r) => {
      const u = uploads.get(r.query.upload_token);
      if (!u?.done) return fail(120002, '视频未上传成功');
      const { fields, files } = r.multipart();
      if ((fields.caption ?? '').includes('违规')) return fail(120003, '视频发布失败');
      const p = { photo_id: `3x${++seq}`, caption: fields.caption ?? '', create_time: state.now(), pending: true, hasCover: !!files.cover };
      photos.unshift(p);
      return ok({ video_info: videoInfo(p) });
    }),
    route('GET', '/openapi/photo/info', (r) => {
      const p = photos.find((x) => x.photo_id === r.query.photo_id);
      if (!p) return fail(120001, '视频不存在');
      const n = (state.polls.get(p.photo_id) ?? 0) + 1;
      state.polls.set(p.photo_id, n);
      if (n > state.pendingPolls) p.pending = false;
      return ok({ video_info: videoInfo(p) });
    }),
    route('GET', '/openapi/photo/list', (r) => ok({ video_list: photos.slice(0, Number(r.query.count ?? 20)).map(videoInfo), cursor: '' })),
    route('POST', '/openapi/photo/delete', (r) => {
      const i = photos.findIndex((x) => x.photo_id === r.query.photo_id);
      if (i < 0) return fail(120001, '视频不存在');
      photos.splice(i, 1);
      return ok();
    }),
    route('GET', '/openapi/photo/count', () => ok({ public_count: photos.length, friend_count: 0, private_count: 0, all_count: photos.length })),
  ];

  const server = await startContractServer('kuaishou', routes);
  state.endpoint = server.url.replace(/^http:\/\//, '');
  return {
    ...server, state, photos, uploads,
    issueCode(c: string) { codes.add(c); },
    expireAccessTokens() { for (const k of access.keys()) access.set(k, 'expired'); },
  };
}
