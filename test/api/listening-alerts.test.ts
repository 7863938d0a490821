import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/kernel/clock.js';
import { BACKENDS } from '../helpers/database.js';
import { createTestRuntime, signUpOwner, type Session, type TestRuntime } from '../helpers/runtime.js';

/**
 * A scripted surge on a fixed clock: a quiet week for two brands, then one of them blows up within an
 * hour (mostly negative, one big account threatening 12315) while the other has a moderate bump.
 */
const NOW = Date.parse('2026-12-07T10:00:00.000Z');
const HOUR = 3_600_000;
const CALM = ['今天在星河咖啡写作业', '星河咖啡上新了冬季拿铁', '和朋友约在星河咖啡见面', '星河咖啡的杯子挺好看', '路过星河咖啡买了一杯美式'];
const ANGRY = ['星河咖啡太难喝了，再也不买了', '星河咖啡杯子里有异物，太恶心了', '星河咖啡服务态度太差了，非常失望', '星河咖啡退款拖了一个月，垃圾', '星河咖啡喝完肚子疼，太差劲了'];

describe.each(BACKENDS)('listening alerts on a scripted surge (%s)', (backend) => {
  let rt: TestRuntime;
  let owner: Session & { workspaceId: string };
  const clock = fixedClock(new Date(NOW - 8 * 24 * HOUR));
  let seq = 0;
  const ws = () => `/api/v1/workspaces/${owner.workspaceId}`;
  let starId: string;
  let moonId: string;

  const mention = (text: string, publishedAt: number, over: Record<string, unknown> = {}) => ({
    source: 'weibo', externalId: `m${++seq}`, text: `${text}（${seq}）`, author: { name: `网友${seq}`, followers: 80 }, publishedAt: new Date(publishedAt).toISOString(), ...over,
  });
  const push = async (mentions: unknown[]) => {
    for (let i = 0; i < mentions.length; i += 1000) {
      const res = await rt.app.inject({ method: 'POST', url: `${ws()}/listening/mentions:batch`, headers: owner.headers, payload: { mentions: mentions.slice(i, i + 1000) } });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().rejected).toEqual([]);
    }
  };
  const alerts = async (q = '') => (await rt.app.inject({ method: 'GET', url: `${ws()}/listening/alerts${q}`, headers: owner.headers })).json().items as Array<Record<string, unknown>>;
  /** `perHour(h)` mentions in each hour from `fromH` to `toH` hours before NOW. */
  const spread = (fromH: number, toH: number, perHour: (h: number) => number, text: (i: number) => string) => {
    const out = [];
    for (let h = fromH; h > toH; h--) {
      const n = perHour(h);
      for (let i = 0; i < n; i++) out.push(mention(text(i), NOW - h * HOUR + ((i + 0.5) / n) * HOUR));
    }
    return out;
  };

  beforeAll(async () => {
    rt = await createTestRuntime({ backend, clock });
    owner = await signUpOwner(rt, 'alerts');
    const add = async (name: string, query: string) => (await rt.app.inject({ method: 'POST', url: `${ws()}/listening/monitors`, headers: owner.headers, payload: { name, kind: 'brand', query } })).json().monitor.id as string;
    starId = await add('星河咖啡', '星河咖啡');
    moonId = await add('月光咖啡', '月光咖啡');
    await rt.app.inject({ method: 'POST', url: `${ws()}/notify/channels`, headers: owner.headers, payload: { kind: 'wecom', name: '舆情值班群', events: ['listening.*'], config: { webhookUrl: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=drill' } } });
  });
  afterAll(async () => rt?.close());

  it('stays quiet through a normal week', async () => {
    // ~1–2 per hour for星河, 6 per hour with day-to-day variation for 月光
    const dayVar = [0, 5, -4, 3, -2, 4, -3, 2];
    const star = spread(8 * 24, 1, (h) => (h % 3 === 0 ? 2 : 1), (i) => CALM[i % CALM.length]!);
    const moon = spread(8 * 24, 1, (h) => Math.max(1, 6 + Math.round(dayVar[Math.floor(h / 24)]! * (h % 2 ? 1 : 0.5))), (i) => `月光咖啡今天人不少，第${i}杯`);
    clock.set(new Date(NOW - HOUR));
    await push([...star, ...moon]);
    await rt.services.listening.evaluateAlerts(owner.workspaceId);
    expect(await alerts()).toEqual([]);
  });

  it('raises a red volume spike, a negative surge and a high-risk alert for the brand that blows up', async () => {
    clock.set(new Date(NOW));
    const surge = Array.from({ length: 90 }, (_, i) => mention(i % 10 < 8 ? ANGRY[i % ANGRY.length]! : CALM[i % CALM.length]!, NOW - HOUR + ((i + 1) / 91) * HOUR));
    surge.push(mention('星河咖啡喝出虫子，客服不理人，我已经打12315投诉了！', NOW - 40 * 60_000, { author: { name: '美食大V', followers: 2_100_000, verified: true }, reposts: 3400 }));
    await push(surge);
    const open = await alerts('?state=open');
    const byKind = Object.fromEntries(open.filter((a) => a.monitorId === starId).map((a) => [a.kind, a]));
    expect(byKind['volume-spike']).toMatchObject({ level: 'red', state: 'open', monitorId: starId });
    expect((byKind['volume-spike']!.reasons as string[])[0]).toMatch(/^1 小时内 91 条/);
    expect(byKind['negative-surge']).toMatchObject({ monitorId: starId });
    expect(['orange', 'red']).toContain(byKind['negative-surge']!.level);
    expect(byKind['high-risk-mention']).toMatchObject({ level: 'red', reasons: expect.arrayContaining(['12315 投诉', '粉丝 210 万（认证）']) });
    expect(open.filter((a) => a.monitorId === moonId)).toEqual([]);

    const feed = (await rt.app.inject({ method: 'GET', url: `${ws()}/notifications`, headers: owner.headers })).json().items as Array<{ event: string; title: string }>;
    expect(feed.filter((n) => n.event === 'listening.alert').map((n) => n.title)).toEqual(expect.arrayContaining([expect.stringMatching(/^【红色预警】「星河咖啡」声量激增/)]));
    const deliveries = (await rt.app.inject({ method: 'GET', url: `${ws()}/notify/deliveries`, headers: owner.headers })).json().items as Array<{ event: string; kind: string }>;
    expect(deliveries.filter((d) => d.event === 'listening.alert' && d.kind === 'wecom').length).toBeGreaterThanOrEqual(3);
  });

  it('does not open a second alert of a kind while one is open; closing lets the next one through', async () => {
    clock.set(new Date(NOW + 5 * 60_000));
    await push(Array.from({ length: 30 }, (_, i) => mention(ANGRY[i % ANGRY.length]!, NOW + i * 10_000)));
    const star = (await alerts()).filter((a) => a.monitorId === starId && a.kind === 'volume-spike');
    expect(star).toHaveLength(1);
    const closed = await rt.app.inject({ method: 'POST', url: `${ws()}/listening/alerts/${star[0]!.id}/close`, headers: owner.headers });
    expect(closed.json().alert.state).toBe('closed');
    clock.set(new Date(NOW + 10 * 60_000));
    await push(Array.from({ length: 5 }, (_, i) => mention(ANGRY[i % ANGRY.length]!, NOW + 6 * 60_000 + i * 1000)));
    const again = (await alerts()).filter((a) => a.monitorId === starId && a.kind === 'volume-spike');
    expect(again.map((a) => a.state).sort()).toEqual(['closed', 'open']);
  });

  it('gives a moderate bump a yellow alert', async () => {
    clock.set(new Date(NOW + 15 * 60_000));
    await push(Array.from({ length: 22 }, (_, i) => mention(`月光咖啡今天排队的人好多，第${i}位`, NOW + 15 * 60_000 - i * 60_000)));
    const moon = (await alerts('?state=open')).filter((a) => a.monitorId === moonId);
    expect(moon.map((a) => [a.kind, a.level])).toEqual([['volume-spike', 'yellow']]);
  });

  it('shows what changed since an instant in the live view', async () => {
    const since = new Date(NOW + 16 * 60_000).toISOString();
    clock.set(new Date(NOW + 17 * 60_000));
    await push([mention('星河咖啡门口又排起了长队', NOW + 17 * 60_000)]);
    const live = (await rt.app.inject({ method: 'GET', url: `${ws()}/listening/live?since=${encodeURIComponent(since)}`, headers: owner.headers })).json();
    expect(live.newMentions).toBe(1);
    expect(live.mentions[0].text).toContain('星河咖啡门口又排起了长队');
    expect(live.now).toBe(new Date(NOW + 17 * 60_000).toISOString());
  });

  it('lets the inbox open an alert, once while it is open', async () => {
    const first = await rt.services.listening.openAlert(owner.workspaceId, { level: 'orange', title: '私信威胁 12315 投诉', reasons: ['12315 投诉'], dedupeKey: 'inbox:conv-1', openedBy: 'inbox' });
    const second = await rt.services.listening.escalate(owner.workspaceId, { level: 'orange', title: '私信威胁 12315 投诉', dedupeKey: 'inbox:conv-1', openedBy: 'inbox' });
    expect(first.created).toBe(true);
    expect(second.created).toBe(false);
    expect(second.alert.id).toBe(first.alert.id);
    expect((await alerts()).find((a) => a.id === first.alert.id)).toMatchObject({ kind: 'high-risk-mention', level: 'orange', openedBy: 'inbox' });
  });
});
