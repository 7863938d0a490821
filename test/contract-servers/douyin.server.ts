/**
 * Douyin contract fake after developer.open-douyin.com: oauth/{access_token,refresh_token,
 * renew_refresh_token,client_token,userinfo}, api/douyin/v1/video/{upload_video,create_video,
 * video_list,video_data}, item/comment/{list,reply,top}, data/external/user/fans, share-id.
 * Responses: {data: {..., error_code, description}, extra: {error_code, description, logid, now}}.
 */
import { startContractServer, type CReq, type CRes, type Route } from './harness';

export interface DouyinFakeOptions { clientKey: string; clientSecret: string; openId: string }

export async function startDouyinServer(opts: DouyinFakeOptions) {
  let seq = 7_000_000;
  const codes = new Set<string>();
  const access = new Map<string, 'ok' | 'expired'>();
  const refresh = new Set<string>();
  const clientTokens = new Set<string>();
  const videos = new Map<string, number>(); // video_id -> bytes
  const items: { item_id: string; title: string; create_time: number; plays: number }[] = [];
  const comments = new Map<string, { comment_id: string; comment_user_id: string; content: string; create_time: number; top: boolean; replyTo?: string }[]>();
  const state = { now: () => Date.now(), refreshCalls: 0, fans: [] as { date: string; total_fans: number; new_fans: number }[] };

  const reply = (data: Record<string, unknown>, error_code = 0, description = ''): CRes =>
    ({ json: { data: { ...data, error_code, description }, extra: { error_code, description, logid: `log${++seq}`, now: state.now() } } });
  const fail = (code: number, description: string) => reply({}, code, description);
  const issue = (openId: string) => {
    const at = `act.${++seq}`; const rt = `rft.${++seq}`;
    access.set(at, 'ok'); refresh.add(rt);
    return { access_token: at, expires_in: 1296000, refresh_token: rt, refresh_expires_in: 2592000, open_id: openId, scope: 'user_info,video.create' };
  };
  const authed = (h: (r: CReq) => CRes) => (r: CReq): CRes => {
    const t = access.get(r.headers['access-token'] ?? '');
    if (!t) return fail(2190002, 'access_token无效');
    if (t === 'expired') return fail(2190008, 'access_token过期,请刷新或重新授权');
    if (r.query.open_id !== opts.openId) return fail(28001015, '请求参数 access_token 和 openId不匹配');
    return h(r);
  };
  const route = (method: string, path: string, h: (r: CReq) => CRes): Route => ({ method, path, handler: authed(h) });

  const routes: Route[] = [
    { method: 'POST', path: '/oauth/access_token/', handler: (r) => {
      const p = r.form();
      if (p.client_key !== opts.clientKey || p.client_secret !== opts.clientSecret) return fail(10013, 'client_key或client_secret错误');
      if (!codes.delete(p.code)) return fail(10007, '授权码过期');
      return reply(issue(opts.openId));
    } },
    { method: 'POST', path: '/oauth/refresh_token/', handler: (r) => {
      const p = r.form();
      state.refreshCalls++;
      if (p.client_key !== opts.clientKey || !refresh.has(p.refresh_token)) return fail(10010, 'refresh_token过期');
      refresh.delete(p.refresh_token);
      return reply(issue(opts.openId));
    } },
    { method: 'POST', path: '/oauth/renew_refresh_token/', handler: (r) => {
      const p = r.form();
      if (!refresh.has(p.refresh_token)) return fail(10010, 'refresh_token过期');
      const rt = `rft.${++seq}`; refresh.delete(p.refresh_token); refresh.add(rt);
      return reply({ refresh_token: rt, expires_in: 2592000 });
    } },
    { method: 'POST', path: '/oauth/client_token/', handler: (r) => {
      const p = r.form();
      if (p.client_key !== opts.clientKey || p.client_secret !== opts.clientSecret || p.grant_type !== 'client_credential') return fail(10013, 'client_key或client_secret错误');
      const t = `clt.${++seq}`; clientTokens.add(t);
      return reply({ access_token: t, expires_in: 7200 });
    } },
    { method: 'GET', path: '/share-id/', handler: (r) => {
      if (!clientTokens.has(r.headers['access-token'] ?? '')) return fail(2190002, 'access_token无效');
      return reply({ share_id: `${++seq}` });
    } },
    route('POST', '/oauth/userinfo/', () => reply({ open_id: opts.openId, union_id: 'u1', nickname: '合声抖音号', avatar: 'https://p3.douyinpic.com/a.jpeg' })),
    route('POST', '/api/douyin/v1/video/upload_video/', (r) => {
      const f = r.multipart().files.video;
      if (!f) return fail(2100005, '参数不合法');
      const id = `v0200f${++seq}`; videos.set(id, f.data.length);
      return reply({ video: { video_id: id, width: 1080, height: 1920 } });
    }),
    route('POST', '/api/douyin/v1/video/create_video/', (r) => {
      const b = r.json();
      if (!videos.has(b.video_id)) return fail(2100005, '参数不合法: video_id');
      if (/微信号|电话/.test(b.text ?? '')) return fail(28001007, '参数不合法: 文案含联系方式');
      const item = { item_id: `@9VwKzuu${++seq}`, title: b.text, create_time: Math.floor(state.now() / 1000), plays: 0 };
      items.unshift(item); comments.set(item.item_id, []);
      return reply({ item_id: item.item_id });
    }),
    route('GET', '/api/douyin/v1/video/video_list/', (r) => {
      const count = Number(r.query.count ?? 10);
      return reply({ list: items.slice(0, count).map((i) => ({ ...i, share_url: `https://www.iesdouyin.com/share/video/${i.item_id}` })), cursor: 0, has_more: false });
    }),
    route('POST', '/api/douyin/v1/video/video_data/', (r) => {
      const ids: string[] = r.json().item_ids ?? [];
      return reply({ list: items.filter((i) => ids.includes(i.item_id)).map((i) => ({
        item_id: i.item_id, title: i.title, statistics: { play_count: i.plays, digg_count: 88, comment_count: comments.get(i.item_id)?.length ?? 0, share_count: 5, forward_count: 1, download_count: 0 },
      })) });
    }),
    route('GET', '/item/comment/list/', (r) => {
      const list = comments.get(r.query.item_id);
      if (!list) return fail(2100005, '参数不合法: item_id');
      return reply({ list: list.filter((c) => !c.replyTo), cursor: 0, has_more: false });
    }),
    route('POST', '/item/comment/reply/', (r) => {
      const b = r.json(); const list = comments.get(b.item_id);
      if (!list?.some((c) => c.comment_id === b.comment_id)) return fail(2100005, '参数不合法: comment_id');
      const c = { comment_id: `@c${++seq}`, comment_user_id: opts.openId, content: b.content, create_time: Math.floor(state.now() / 1000), top: false, replyTo: b.comment_id };
      list.push(c);
      return reply({ comment_id: c.comment_id });
    }),
    route('POST', '/item/comment/top/', (r) => {
      const b = r.json(); const c = comments.get(b.item_id)?.find((x) => x.comment_id === b.comment_id);
      if (!c) return fail(2100005, '参数不合法: comment_id');
      c.top = !!b.top;
      return reply({});
    }),
    route('GET', '/data/external/user/fans/', (r) => (['7', '15', '30'].includes(r.query.date_type) ? reply({ result_list: state.fans }) : fail(2100005, '参数不合法: date_type'))),
  ];

  const server = await startContractServer('douyin', routes);
  return {
    ...server, state, items, comments,
    issueCode(c: string) { codes.add(c); },
    expireAccessTokens() { for (const k of access.keys()) access.set(k, 'expired'); },
    addComment(itemId: string, userId: string, content: string) {
      const id = `@c${++seq}`;
      comments.get(itemId)!.push({ comment_id: id, comment_user_id: userId, content, create_time: Math.floor(state.now() / 1000), top: false });
      return id;
    },
  };
}
