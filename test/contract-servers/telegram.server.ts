/**
 * Telegram Bot API contract fake after core.telegram.org/bots/api: /bot<token>/{getChat,
 * sendMessage, sendPhoto, sendVideo, sendMediaGroup, deleteMessage, pinChatMessage,
 * unpinChatMessage, getChatMemberCount}. Answers {ok, result} or {ok:false, error_code,
 * description, parameters}; 429 carries parameters.retry_after; a wrong token → 401.
 */
import { startContractServer, type ContractServer, type CReq, type CRes, type Route } from './harness';

export interface TelegramFakeOptions { botToken: string; channel: string }

export async function startTelegramServer(opts: TelegramFakeOptions) {
  let messageId = 87;
  const messages = new Map<string, { chat: string; text: string; media: string[]; pinned: boolean }>();
  const state = { now: () => Date.now(), members: 1500 };
  const ok = (result: unknown): CRes => ({ json: { ok: true, result } });
  const fail = (error_code: number, description: string, parameters?: unknown): CRes => ({ status: error_code, json: { ok: false, error_code, description, ...(parameters ? { parameters } : {}) } });
  const params = (r: CReq): Record<string, string> => {
    if ((r.headers['content-type'] ?? '').startsWith('multipart/')) return r.multipart().fields;
    const j = r.json();
    return Object.fromEntries(Object.entries(j).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
  };
  const chatOf = (id: string) => ({ id: id === opts.channel ? -1001000000001 : Number(id), title: 'Chorus', username: 'chorus_cn', type: id === opts.channel ? 'channel' : 'supergroup' });
  const post = (chat: string, text: string, media: string[] = []) => {
    const id = ++messageId;
    messages.set(`${chat}:${id}`, { chat, text, media, pinned: false });
    return { message_id: id, chat: chatOf(chat), date: Math.floor(state.now() / 1000), ...(media.length ? { caption: text } : { text }) };
  };
  const methods: Record<string, (p: Record<string, string>, r: CReq) => CRes> = {
    getChat: (p) => ok(chatOf(p.chat_id)),
    sendMessage: (p) => {
      if (!p.text) return fail(400, 'Bad Request: message text is empty');
      if ([...p.text].length > 4096) return fail(400, 'Bad Request: message is too long');
      return ok(post(p.chat_id, p.text));
    },
    sendPhoto: (p, r) => (r.multipart().files.photo ? ([...(p.caption ?? '')].length > 1024 ? fail(400, 'Bad Request: message caption is too long') : ok(post(p.chat_id, p.caption ?? '', ['photo']))) : fail(400, 'Bad Request: there is no photo in the request')),
    sendVideo: (p, r) => (r.multipart().files.video ? ok(post(p.chat_id, p.caption ?? '', ['video'])) : fail(400, 'Bad Request: there is no video in the request')),
    sendMediaGroup: (p, r) => {
      const group = JSON.parse(p.media ?? '[]') as { type: string; media: string; caption?: string }[];
      const files = r.multipart().files;
      if (group.length < 2 || group.length > 10) return fail(400, 'Bad Request: wrong number of media');
      if (group.some((g) => !files[g.media.replace('attach://', '')])) return fail(400, 'Bad Request: MEDIA_EMPTY');
      return ok(group.map((g) => post(p.chat_id, g.caption ?? '', [g.type])));
    },
    deleteMessage: (p) => (messages.delete(`${p.chat_id}:${p.message_id}`) ? ok(true) : fail(400, 'Bad Request: message to delete not found')),
    pinChatMessage: (p) => { const m = messages.get(`${p.chat_id}:${p.message_id}`); if (!m) return fail(400, 'Bad Request: message to pin not found'); m.pinned = true; return ok(true); },
    unpinChatMessage: (p) => { const m = messages.get(`${p.chat_id}:${p.message_id}`); if (!m) return fail(400, 'Bad Request: message to unpin not found'); m.pinned = false; return ok(true); },
    getChatMemberCount: () => ok(state.members),
  };
  let srv: ContractServer | undefined;
  const routes: Route[] = [{ method: 'POST', path: /^\/bot[^/]+\/[A-Za-z]+$/, handler: (r) => {
    const [, token, method] = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(r.path)!;
    if (token !== opts.botToken) return fail(401, 'Unauthorized');
    const h = methods[method];
    if (!h) { srv?.unexpected.push(`POST ${method}`); return fail(404, `contract fake: unexpected method ${method}`); }
    return h(params(r), r);
  } }];
  const server = await startContractServer('telegram', routes);
  srv = server;
  return { ...server, state, messages, addGroupMessage(group: string, text: string) { const m = post(group, text); return `${group}:${m.message_id}`; } };
}
