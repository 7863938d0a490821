/**
 * Bluesky PDS/AppView contract fake after docs.bsky.app: com.atproto.server.{createSession,
 * refreshSession}, com.atproto.repo.{uploadBlob,createRecord,getRecord,deleteRecord},
 * app.bsky.feed.{getPostThread,getPosts}, app.bsky.actor.getProfile,
 * app.bsky.notification.listNotifications. XRPC errors are {error, message}; expired access
 * tokens answer 400 ExpiredToken; 429 carries RateLimit-Reset (epoch seconds) on demand.
 */
import { startContractServer, type CReq, type CRes, type Route } from './harness';

export interface BlueskyFakeOptions { handle: string; appPassword: string }

const TID = /^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$/;

export async function startBlueskyServer(opts: BlueskyFakeOptions) {
  let seq = 0;
  const did = 'did:plc:chorus7example2abc';
  const access = new Map<string, 'ok' | 'expired'>();
  const refresh = new Set<string>();
  const blobs = new Set<string>();
  const records = new Map<string, { uri: string; cid: string; value: any; author: string; indexedAt: string }>();
  const state = { now: () => Date.now(), refreshCalls: 0 };

  const xerr = (status: number, error: string, message: string): CRes => ({ status, json: { error, message } });
  const issue = () => {
    const a = `eyJ.access.${++seq}`; const r = `eyJ.refresh.${++seq}`;
    access.set(a, 'ok'); refresh.add(r);
    return { json: { accessJwt: a, refreshJwt: r, did, handle: opts.handle, active: true } };
  };
  const authed = (h: (r: CReq) => CRes) => (r: CReq): CRes => {
    const t = access.get((r.headers.authorization ?? '').replace(/^Bearer /, ''));
    if (!t) return xerr(401, 'InvalidToken', 'Token could not be verified');
    if (t === 'expired') return xerr(400, 'ExpiredToken', 'Token has expired');
    return h(r);
  };
  const x = (method: string, nsid: string, h: (r: CReq) => CRes, open = false): Route => ({ method, path: `/xrpc/${nsid}`, handler: open ? h : authed(h) });
  const view = (rec: { uri: string; cid: string; value: any; author: string; indexedAt: string }) => ({
    uri: rec.uri, cid: rec.cid, author: { did: rec.author, handle: rec.author === did ? opts.handle : 'fan.bsky.social' }, record: rec.value,
    indexedAt: rec.indexedAt, likeCount: 11, repostCount: 2, quoteCount: 1,
    replyCount: [...records.values()].filter((r) => r.value.reply?.parent?.uri === rec.uri).length,
  });

  const routes: Route[] = [
    x('POST', 'com.atproto.server.createSession', (r) => {
      const b = r.json();
      if (b.identifier !== opts.handle || b.password !== opts.appPassword) return xerr(401, 'AuthenticationRequired', 'Invalid identifier or password');
      return issue();
    }, true),
    x('POST', 'com.atproto.server.refreshSession', (r) => {
      state.refreshCalls++;
      const t = (r.headers.authorization ?? '').replace(/^Bearer /, '');
      if (!refresh.delete(t)) return xerr(400, 'ExpiredToken', 'Token has expired');
      return issue();
    }, true),
    x('POST', 'com.atproto.repo.uploadBlob', (r) => {
      if (r.rawBody.length > 1_000_000) return xerr(400, 'BlobTooLarge', 'This file is too large');
      const link = `bafkrei${(++seq).toString(36).padStart(10, 'q')}`; blobs.add(link);
      return { json: { blob: { $type: 'blob', ref: { $link: link }, mimeType: r.headers['content-type'], size: r.rawBody.length } } };
    }),
    x('POST', 'com.atproto.repo.createRecord', (r) => {
      const b = r.json();
      if (b.repo !== did || b.collection !== 'app.bsky.feed.post') return xerr(400, 'InvalidRequest', 'bad repo or collection');
      const rkey = b.rkey ?? `3l${(++seq).toString(32).padStart(11, '2')}`;
      if (!TID.test(rkey)) return xerr(400, 'InvalidRequest', 'Invalid record key: expected tid');
      const text = String(b.record?.text ?? '');
      if ([...new Intl.Segmenter().segment(text)].length > 300) return xerr(400, 'InvalidRequest', 'Invalid app.bsky.feed.post record: Record/text must not be longer than 300 graphemes');
      for (const i of b.record?.embed?.images ?? []) if (!blobs.has(i.image?.ref?.$link)) return xerr(400, 'InvalidRequest', 'Could not find blob');
      const uri = `at://${did}/app.bsky.feed.post/${rkey}`;
      if (records.has(uri)) return xerr(400, 'InvalidRequest', 'Record already exists');
      const rec = { uri, cid: `bafyrei${++seq}`, value: b.record, author: did, indexedAt: new Date(state.now()).toISOString() };
      records.set(uri, rec);
      return { json: { uri, cid: rec.cid } };
    }),
    x('GET', 'com.atproto.repo.getRecord', (r) => {
      const rec = records.get(`at://${r.query.repo}/${r.query.collection}/${r.query.rkey}`);
      return rec ? { json: { uri: rec.uri, cid: rec.cid, value: rec.value } } : xerr(400, 'RecordNotFound', 'Could not locate record');
    }),
    x('POST', 'com.atproto.repo.deleteRecord', (r) => { const b = r.json(); records.delete(`at://${b.repo}/${b.collection}/${b.rkey}`); return { json: {} }; }),
    x('GET', 'app.bsky.feed.getPostThread', (r) => {
      const root = records.get(r.query.uri);
      if (!root) return xerr(400, 'NotFound', 'Post not found');
      const node = (rec: typeof root): any => ({ $type: 'app.bsky.feed.defs#threadViewPost', post: view(rec),
        replies: [...records.values()].filter((x2) => x2.value.reply?.parent?.uri === rec.uri).map(node) });
      return { json: { thread: node(root) } };
    }),
    x('GET', 'app.bsky.feed.getPosts', (r) => ({ json: { posts: String(r.query.uris ?? '').split(',').map((u) => records.get(u)).filter(Boolean).map((rec) => view(rec!)) } })),
    x('GET', 'app.bsky.actor.getProfile', () => ({ json: { did, handle: opts.handle, displayName: '合声 Chorus', followersCount: 2048, followsCount: 64,
      postsCount: [...records.values()].filter((r) => r.author === did).length } })),
    x('GET', 'app.bsky.notification.listNotifications', () => ({ json: { notifications: [
      { uri: 'at://did:plc:fan/app.bsky.feed.post/3kfan', cid: 'c1', author: { did: 'did:plc:fan', handle: 'fan.bsky.social' }, reason: 'mention', record: { text: '@chorus.bsky.social 好用！' }, indexedAt: '2026-11-20T03:00:00.000Z', isRead: false },
      { uri: 'at://did:plc:fan/app.bsky.feed.like/3klike', cid: 'c2', author: { did: 'did:plc:fan', handle: 'fan.bsky.social' }, reason: 'like', record: {}, indexedAt: '2026-11-20T03:01:00.000Z', isRead: false },
    ] } })),
  ];

  const server = await startContractServer('bluesky', routes);
  return {
    ...server, state, records, did,
    expireAccessTokens() { for (const k of access.keys()) access.set(k, 'expired'); },
    addReply(parentUri: string, text: string) {
      const parent = records.get(parentUri)!;
      const root = parent.value.reply?.root ?? { uri: parent.uri, cid: parent.cid };
      const uri = `at://did:plc:fan/app.bsky.feed.post/3kr${++seq}`;
      records.set(uri, { uri, cid: `bafyrei${seq}`, value: { text, createdAt: new Date(state.now()).toISOString(), reply: { root, parent: { uri: parent.uri, cid: parent.cid } } }, author: 'did:plc:fan', indexedAt: new Date(state.now()).toISOString() });
      return uri;
    },
  };
}
