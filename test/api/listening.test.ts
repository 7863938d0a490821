import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/kernel/clock.js';
import { BACKENDS } from '../helpers/database.js';
import { addMember, createTestRuntime, signUpOwner, type Session, type TestRuntime } from '../helpers/runtime.js';

const NOW = '2026-12-07T10:00:00.000Z';
const minutesAgo = (m: number) => new Date(Date.parse(NOW) - m * 60_000).toISOString();

describe.each(BACKENDS)('listening: monitors, mentions, risk (%s)', (backend) => {
  let rt: TestRuntime;
  let owner: Session & { workspaceId: string };
  const clock = fixedClock(NOW);
  const ws = () => `/api/v1/workspaces/${owner.workspaceId}/listening`;
  const post = (url: string, payload: unknown, who: Session = owner) => rt.app.inject({ method: 'POST', url: `${ws()}${url}`, headers: who.headers, payload: payload as object });
  const get = (url: string, who: Session = owner) => rt.app.inject({ method: 'GET', url: `${ws()}${url}`, headers: who.headers });
  const mention = (externalId: string, text: string, over: Record<string, unknown> = {}) => ({
    source: 'weibo', externalId, text, author: { name: `网友${externalId}`, followers: 120 }, publishedAt: minutesAgo(30), ...over,
  });
  let brandId: string;
  let competitorId: string;

  beforeAll(async () => {
    rt = await createTestRuntime({ backend, clock });
    owner = await signUpOwner(rt, 'listening');
    const brand = await post('/monitors', { name: '星河咖啡', kind: 'brand', query: '(星河咖啡 OR 星河拿铁) NOT 招聘', excludes: ['"星河咖啡招商"'] });
    expect(brand.statusCode, brand.body).toBe(201);
    brandId = brand.json().monitor.id;
    expect(brand.json().monitor).toMatchObject({ kind: 'brand', frequency: 'realtime', excludes: ['"星河咖啡招商"'], sources: [] });
    const competitor = await post('/monitors', { name: '月光咖啡', kind: 'competitor', query: '月光咖啡', sources: ['weibo'], frequency: 'daily' });
    competitorId = competitor.json().monitor.id;
  });
  afterAll(async () => rt?.close());

  it('refuses a bad query with a 400 that says where it breaks', async () => {
    const res = await post('/monitors', { name: '坏查询', kind: 'product', query: '(星河 OR 银河' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('listening.invalid_query');
    expect(res.json().error.fields.query).toMatch(/missing '\)'.*position 10/);
    const ex = await post('/monitors', { name: '坏排除', kind: 'product', query: '星河', excludes: ['ok', 'a AND'] });
    expect(ex.json().error.fields['excludes.1']).toMatch(/AND needs something on its right/);
    const kind = await post('/monitors', { name: 'x', kind: 'celebrity', query: '星河' });
    expect(kind.statusCode).toBe(400);
    expect(kind.json().error.fields).toHaveProperty('kind');
  });

  it('takes a batch: stores the new, counts duplicates, rejects bad items by index, and is idempotent', async () => {
    const batch = [
      mention('w1', '星河咖啡的拿铁真好喝，推荐！'),
      mention('w2', '月光咖啡今天排队好长'),
      { source: 'weibo', externalId: 'w3', author: { name: 'x' }, publishedAt: NOW }, // no text
      mention('w1', '同一条又推了一次'),
      mention('w4', '星河咖啡招商加盟火热进行中'),
      mention('w5', '星河咖啡门店招聘店员'),
      { ...mention('w6', '星河咖啡'), publishedAt: 'yesterday' },
    ];
    const first = await post('/mentions:batch', { mentions: batch });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({
      accepted: 4, duplicates: 1,
      rejected: [{ index: 2, error: expect.stringContaining('text') }, { index: 6, error: expect.stringContaining('publishedAt') }],
    });
    const again = await post('/mentions:batch', { mentions: batch });
    expect(again.json()).toMatchObject({ accepted: 0, duplicates: 5 });

    const { items } = (await get(`/mentions?monitorId=${brandId}`)).json();
    expect(items.map((i: { externalId: string }) => i.externalId)).toEqual(['w1']); // 招商 excluded, 招聘 negated
    expect(items[0]).toMatchObject({ source: 'weibo', sentiment: 'positive', risk: 'none', riskReasons: [], monitorIds: [brandId] });
    const comp = (await get(`/mentions?monitorId=${competitorId}`)).json();
    expect(comp.items.map((i: { externalId: string }) => i.externalId)).toEqual(['w2']);
  });

  it('refuses more than 1,000 mentions in one batch', async () => {
    const res = await post('/mentions:batch', { mentions: Array.from({ length: 1001 }, (_, i) => mention(`big${i}`, '星河咖啡')) });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toHaveProperty('mentions');
  });

  it('scores risk with the reasons shown', async () => {
    const res = await post('/mentions:batch', {
      mentions: [
        mention('r1', '星河咖啡杯子里喝出异物，客服不理人，再不退款我就打12315投诉！', { author: { name: '大V吃货', followers: 2_100_000, verified: true }, reposts: 3400, comments: 800, publishedAt: minutesAgo(90) }),
        mention('r2', '星河拿铁今天太难喝了，很失望'),
      ],
    });
    expect(res.json().accepted).toBe(2);
    const high = (await get('/mentions?risk=high')).json().items;
    expect(high.map((m: { externalId: string }) => m.externalId)).toEqual(['r1']);
    expect(high[0].riskReasons).toEqual(expect.arrayContaining(['12315 投诉', '粉丝 210 万（认证）', '2 小时内转发 3,400']));
    expect(high[0].sentiment).toBe('negative');
    expect(high[0].reach).toBeGreaterThan(2_100_000);
    const negatives = (await get(`/mentions?sentiment=negative&monitorId=${brandId}`)).json().items;
    expect(negatives.map((m: { externalId: string }) => m.externalId).sort()).toEqual(['r1', 'r2']);
  });

  it('groups near-duplicates of one text', async () => {
    await post('/mentions:batch', {
      mentions: [
        mention('d1', '星河咖啡门店后厨有老鼠，大家别去了！'),
        mention('d2', '转发微博 //@路人甲: 星河咖啡门店后厨有老鼠，大家别去了'),
      ],
    });
    await post('/mentions:batch', { mentions: [mention('d3', '@星河咖啡 星河咖啡门店后厨有老鼠，大家别去了！！ https://t.cn/xyz')] });
    const { items } = (await get('/mentions?limit=200')).json();
    const group = items.filter((m: { externalId: string }) => ['d1', 'd2', 'd3'].includes(m.externalId));
    expect(new Set(group.map((m: { groupId: string }) => m.groupId)).size).toBe(1);
    const d1 = group.find((m: { externalId: string }) => m.externalId === 'd1');
    const detail = (await get(`/mentions/${d1.id}`)).json().mention;
    expect(detail.duplicates).toBe(2);
  });

  it('pages with a cursor and filters by time', async () => {
    await post('/mentions:batch', { mentions: Array.from({ length: 7 }, (_, i) => mention(`p${i}`, `月光咖啡第${i}条`, { publishedAt: minutesAgo(200 + i) })) });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Array<{ externalId: string }>; nextCursor: string | null } = (await get(`/mentions?monitorId=${competitorId}&limit=3${cursor ? `&cursor=${cursor}` : ''}`)).json();
      seen.push(...page.items.map((i) => i.externalId));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['w2', 'p0', 'p1', 'p2', 'p3', 'p4', 'p5', 'p6']);
    const window = (await get(`/mentions?monitorId=${competitorId}&from=${encodeURIComponent(minutesAgo(203))}&to=${encodeURIComponent(minutesAgo(201))}`)).json();
    expect(window.items.map((i: { externalId: string }) => i.externalId)).toEqual(['p2', 'p3']);
    expect((await get('/mentions?cursor=bogus')).statusCode).toBe(400);
  });

  it('lets the workspace edit its risk matrix, for mentions from then on', async () => {
    const { matrix } = (await get('/risk-matrix')).json();
    matrix.cells.low = { low: 'medium', medium: 'medium', high: 'high' };
    const put = await rt.app.inject({ method: 'PUT', url: `${ws()}/risk-matrix`, headers: owner.headers, payload: matrix });
    expect(put.statusCode, put.body).toBe(200);
    await post('/mentions:batch', { mentions: [mention('m1', '星河拿铁太难喝了，很失望')] });
    const m1 = (await get('/mentions?risk=medium')).json().items.find((m: { externalId: string }) => m.externalId === 'm1');
    expect(m1).toBeDefined();
    const bad = await rt.app.inject({ method: 'PUT', url: `${ws()}/risk-matrix`, headers: owner.headers, payload: { ...matrix, impact: { ...matrix.impact, highFollowers: 1 } } });
    expect(bad.statusCode).toBe(400);
  });

  it('lets analysts read but not push, and audits monitor changes', async () => {
    const analyst = await addMember(rt, owner, 'analyst');
    expect((await get('/mentions', analyst)).statusCode).toBe(200);
    expect((await post('/mentions:batch', { mentions: [mention('a1', 'x')] }, analyst)).statusCode).toBe(403);
    const audit = await rt.app.inject({ method: 'GET', url: `/api/v1/workspaces/${owner.workspaceId}/audit?action=listening.`, headers: owner.headers });
    expect(audit.json().items.filter((e: { action: string }) => e.action === 'listening.monitor_created').length).toBe(2);
    expect(audit.json().items.map((e: { action: string }) => e.action)).toContain('listening.risk_matrix_updated');
  });
});
