/**
 * WeChat Official Account contract fake, after developers.weixin.qq.com (Official Account docs):
 * /cgi-bin/token, material/add_material, media/uploadimg, draft/add, freepublish/{submit,get,
 * batchget,delete}, comment/{list,reply/add,delete,markelect,unmarkelect}, message/custom/send,
 * user/get, datacube/{getarticlesummary,getusersummary,getusercumulate}. Errors are errcode/errmsg with HTTP 200.
 */
import { startContractServer, type CReq, type CRes, type Route } from './harness';

export interface WechatFakeOptions { appId: string; appSecret: string }

interface Article { title: string; content: string; thumb_media_id: string }

export async function startWechatServer(opts: WechatFakeOptions) {
  const tokens = new Map<string, boolean>(); // token -> valid
  let seq = 1000;
  const materials = new Set<string>();
  const drafts = new Map<string, Article[]>();
  const publishes = new Map<string, { media_id: string; polls: number; msg_data_id: number; article_id: string; finalStatus: number; at: number }>();
  const comments = new Map<string, { user_comment_id: number; openid: string; create_time: number; content: string; reply?: { content: string; create_time: number }; elected: boolean }[]>();
  const lastInbound = new Map<string, number>();
  const state = {
    tokensIssued: 0, publishPollsBeforeDone: 1, nextPublishStatus: 0, followers: 1234, now: () => Date.now(),
    articleSummary: [] as Record<string, unknown>[], userSummary: [] as Record<string, unknown>[], userCumulate: [] as Record<string, unknown>[],
  };
  const err = (errcode: number, errmsg: string): CRes => ({ json: { errcode, errmsg } });
  const ok = (extra: Record<string, unknown> = {}): CRes => ({ json: { errcode: 0, errmsg: 'ok', ...extra } });

  /** Wraps a handler with the access_token check (40001 unknown, 42001 expired). */
  const authed = (h: (r: CReq) => CRes): ((r: CReq) => CRes) => (r) => {
    const t = r.query.access_token;
    if (!t || !tokens.has(t)) return err(40001, 'invalid credential, access_token is invalid or not latest');
    if (!tokens.get(t)) return err(42001, 'access_token expired');
    return h(r);
  };
  const post = (path: string, h: (r: CReq) => CRes): Route => ({ method: 'POST', path, handler: authed(h) });

  const routes: Route[] = [
    { method: 'GET', path: '/cgi-bin/token', handler: (r) => {
      if (r.query.grant_type !== 'client_credential') return err(40002, 'invalid grant_type');
      if (r.query.appid !== opts.appId) return err(40013, 'invalid appid');
      if (r.query.secret !== opts.appSecret) return err(40125, 'invalid appsecret');
      const t = `WXTOKEN_${++state.tokensIssued}_${Math.random().toString(36).slice(2)}`;
      tokens.set(t, true);
      return { json: { access_token: t, expires_in: 7200 } };
    } },
    post('/cgi-bin/material/add_material', (r) => {
      const { files } = r.multipart();
      if (r.query.type !== 'image' || !files.media) return err(40004, 'invalid media type');
      const id = `MAT_${++seq}`;
      materials.add(id);
      return { json: { media_id: id, url: `http://mmbiz.qpic.cn/${id}` } };
    }),
    post('/cgi-bin/media/uploadimg', (r) => {
      if (!r.multipart().files.media) return err(40005, 'invalid file type');
      return { json: { url: `http://mmbiz.qpic.cn/mmbiz_jpg/IMG_${++seq}/0` } };
    }),
    post('/cgi-bin/draft/add', (r) => {
      const articles = r.json().articles as Article[] | undefined;
      if (!articles?.length || articles.length > 8) return err(40007, 'invalid media_id');
      for (const a of articles) {
        if (!materials.has(a.thumb_media_id)) return err(40007, 'invalid media_id');
        if (!a.title || [...a.title].length > 64) return err(45003, 'title size out of limit');
        if (!a.content || [...a.content].length >= 20_000) return err(45002, 'content size out of limit');
        if (a.content.includes('违禁')) return err(45166, 'invalid content');
      }
      const id = `DRAFT_${++seq}`;
      drafts.set(id, articles);
      return { json: { media_id: id } };
    }),
    post('/cgi-bin/freepublish/submit', (r) => {
      const mediaId = r.json().media_id;
      if (!drafts.has(mediaId)) return err(40007, 'invalid media_id');
      const publishId = String(++seq);
      const p = { media_id: mediaId, polls: 0, msg_data_id: 2247483000 + seq, article_id: `ART_${seq}`, finalStatus: state.nextPublishStatus, at: state.now() };
      publishes.set(publishId, p);
      comments.set(`${p.msg_data_id}_0`, []);
      return ok({ publish_id: publishId, msg_data_id: p.msg_data_id });
    }),
    post('/cgi-bin/freepublish/get', (r) => {
      const p = publishes.get(String(r.json().publish_id));
      if (!p) return err(48001, 'api unauthorized');
      const done = ++p.polls > state.publishPollsBeforeDone;
      const status = done ? p.finalStatus : 1;
      const base = { publish_id: r.json().publish_id, publish_status: status };
      if (status !== 0) return { json: { ...base, fail_idx: status === 1 ? [] : [1] } };
      return { json: { ...base, article_id: p.article_id, article_detail: { count: 1, item: [{ idx: 1, article_url: `https://mp.weixin.qq.com/s/${p.article_id}` }] } } };
    }),
    post('/cgi-bin/freepublish/batchget', () => {
      const item = [...publishes.values()].filter((p) => p.finalStatus === 0).map((p) => ({
        article_id: p.article_id, update_time: Math.floor(p.at / 1000),
        content: { news_item: drafts.get(p.media_id)!.map((a) => ({ title: a.title, url: `https://mp.weixin.qq.com/s/${p.article_id}` })) },
      }));
      return { json: { total_count: item.length, item_count: item.length, item } };
    }),
    post('/cgi-bin/freepublish/delete', (r) => {
      const p = [...publishes.values()].find((x) => x.article_id === r.json().article_id);
      if (!p) return err(40007, 'invalid article_id');
      p.finalStatus = 5;
      return ok();
    }),
    post('/cgi-bin/comment/list', (r) => {
      const { msg_data_id, index, begin, count } = r.json();
      const list = comments.get(`${msg_data_id}_${index}`);
      if (!list) return err(88000, 'without comment privilege');
      if (count > 50) return err(88010, 'count range error. cout <= 0 or count > 50');
      return ok({ total: list.length, comment: list.slice(begin, begin + count).map(({ elected: _, ...c }) => ({ ...c, comment_type: 0 })) });
    }),
    post('/cgi-bin/comment/reply/add', (r) => {
      const c = findComment(r.json());
      if (!c) return err(88003, 'comment not exist');
      if (c.reply) return err(88008, 'reply already exists');
      c.reply = { content: r.json().content, create_time: Math.floor(state.now() / 1000) };
      return ok();
    }),
    post('/cgi-bin/comment/delete', (r) => {
      const { msg_data_id, index, user_comment_id } = r.json();
      const list = comments.get(`${msg_data_id}_${index}`) ?? [];
      const i = list.findIndex((c) => c.user_comment_id === user_comment_id);
      if (i < 0) return err(88003, 'comment not exist');
      list.splice(i, 1);
      return ok();
    }),
    post('/cgi-bin/comment/markelect', (r) => { const c = findComment(r.json()); if (!c) return err(88003, 'comment not exist'); c.elected = true; return ok(); }),
    post('/cgi-bin/comment/unmarkelect', (r) => { const c = findComment(r.json()); if (!c) return err(88003, 'comment not exist'); c.elected = false; return ok(); }),
    post('/cgi-bin/message/custom/send', (r) => {
      const { touser, msgtype } = r.json();
      if (msgtype !== 'text') return err(40008, 'invalid message type');
      const last = lastInbound.get(touser);
      if (last === undefined || state.now() - last > 48 * 3600_000) return err(45015, 'response out of time limit or subscription is canceled');
      return ok();
    }),
    { method: 'GET', path: '/cgi-bin/user/get', handler: authed(() => ({ json: { total: state.followers, count: 2, data: { openid: ['o1', 'o2'] }, next_openid: '' } })) },
    post('/datacube/getarticlesummary', (r) => {
      const { begin_date, end_date } = r.json();
      if (begin_date !== end_date) return err(61501, 'date range error');
      return { json: { list: state.articleSummary.filter((x) => x.ref_date === begin_date) } };
    }),
    post('/datacube/getusercumulate', (r) => {
      const { begin_date, end_date } = r.json();
      return { json: { list: state.userCumulate.filter((x) => String(x.ref_date) >= begin_date && String(x.ref_date) <= end_date) } };
    }),
    post('/datacube/getusersummary', (r) => {
      const { begin_date, end_date } = r.json();
      return { json: { list: state.userSummary.filter((x) => String(x.ref_date) >= begin_date && String(x.ref_date) <= end_date) } };
    }),
  ];

  function findComment(b: { msg_data_id: number; index: number; user_comment_id: number }) {
    return comments.get(`${b.msg_data_id}_${b.index}`)?.find((c) => c.user_comment_id === b.user_comment_id);
  }

  const server = await startContractServer('wechat', routes);
  return {
    ...server,
    state,
    expireAllTokens() { for (const k of tokens.keys()) tokens.set(k, false); },
    addComment(msgDataId: number, index: number, c: { user_comment_id: number; openid: string; content: string }) {
      const list = comments.get(`${msgDataId}_${index}`) ?? [];
      list.push({ ...c, create_time: Math.floor(state.now() / 1000), elected: false });
      comments.set(`${msgDataId}_${index}`, list);
    },
    comments,
    receiveMessage(openid: string, at: number) { lastInbound.set(openid, at); },
    publishes,
  };
}
