import ExcelJS from 'exceljs';
import ical from 'node-ical';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoContent } from '../../src/modules/content/demo.js';
import { SHEET_COLUMNS } from '../../src/modules/content/model.js';
import { BACKENDS } from '../helpers/database.js';
import { addMember, createTestRuntime, fixedClock, signUpOwner, type Session, type TestRuntime } from '../helpers/runtime.js';

// Sunday 1 November 2026, 10:00 in Shanghai: two weeks of a 双11 launch lie ahead.
const START = '2026-11-01T02:00:00.000Z';
const day = (n: number, hour = 12) => new Date(Date.UTC(2026, 10, 2 + n, hour - 8)).toISOString();
const WEEKDAYS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'];

describe.each(BACKENDS)('content planning (%s)', (backend) => {
  const clock = fixedClock(START);
  let rt: TestRuntime;
  let owner: Session & { workspaceId: string };
  const who: Record<string, Session> = {};
  const acc: Record<string, { id: string }> = {};
  let ws: string;

  const call = async (s: Session, method: string, path: string, payload?: unknown) => {
    const res = await rt.app.inject({ method: method as never, url: `/api/v1/workspaces/${ws}${path}`, headers: s.headers, payload: payload as never });
    return { status: res.statusCode, body: res.body, raw: res.rawPayload, json: res.body && res.headers['content-type']?.toString().includes('json') ? res.json() : undefined };
  };
  const ok = async (p: ReturnType<typeof call>, status = 200) => {
    const r = await p;
    expect(r.status, r.body).toBe(status);
    return r.json;
  };
  const count = async () => (await ok(call(owner, 'GET', '/content/items'))).items.length as number;

  beforeAll(async () => {
    rt = await createTestRuntime({ backend, clock });
    owner = await signUpOwner(rt, 'content');
    ws = owner.workspaceId;
    for (const role of ['creator', 'manager', 'compliance', 'leader', 'analyst', 'viewer'] as const) who[role] = await addMember(rt, owner, role);
    for (const [platform, handle, name] of [['weibo', 'xh_weibo', '星河咖啡官方微博'], ['wechat', 'xh_wechat', '星河咖啡公众号'], ['douyin', 'xh_douyin', '星河咖啡抖音']] as const) {
      const filed = await ok(call(owner, 'POST', '/accounts', {
        platform, type: 'official', handle, displayName: name, function: '品牌宣传', filing: { purpose: '官方发布', operators: [], verificationPlan: '企业认证' },
      }), 201);
      for (const role of ['compliance', 'leader', 'manager']) await ok(call(who[role]!, 'POST', `/accounts/filings/${filed.filing.id}/approve`, { note: 'ok' }));
      acc[platform] = filed.account;
      await ok(call(owner, 'PUT', `/accounts/${filed.account.id}/grants/${who.creator!.userId}`, { actions: ['draft'] }));
    }
  });
  afterAll(async () => rt?.close());

  it('a planner fills two weeks of the table for a multi-platform launch; variants adapt per platform', async () => {
    const formats = ['图文', '短视频', '长文', '话题', '直播', '长图', '笔记'];
    for (let n = 0; n < 14; n++) {
      const platform = (['weibo', 'wechat', 'douyin'] as const)[n % 3];
      await ok(call(who.creator!, 'POST', '/content/items', {
        plannedAt: day(n), accountIds: [acc[platform]!.id], topic: `双11 预热 第${n + 1}天`, themeClass: n % 2 ? 'product' : 'interactive',
        format: formats[n % 7], goal: '拉新', ownerId: who.creator!.userId, summary: `第${n + 1}天的文案摘要`, mediaNotes: '产品图 3 张',
        engagementPrompt: '评论区聊聊', expectedExposure: 50000 + n, expectedInteractions: 1000 + n, notes: n === 0 ? '首发' : null,
      }), 201);
    }
    const { items } = await ok(call(who.viewer!, 'GET', '/content/items'));
    expect(items).toHaveLength(14);
    expect(items.map((i: { weekday: string }) => i.weekday)).toEqual(Array.from({ length: 14 }, (_, n) => WEEKDAYS[n % 7]));
    expect(items[0]).toMatchObject({ date: '2026-11-02', time: '12:00', status: 'idea', owner: { id: who.creator!.userId } });

    const launch = await ok(call(who.creator!, 'POST', '/content/items', {
      plannedAt: day(9, 20), accountIds: [acc.weibo!.id, acc.wechat!.id, acc.douyin!.id], topic: '双11 正式开售', themeClass: 'product',
      master: { text: '双11 你准备好了吗？\n#星河咖啡# 冬季限定 #双11狂欢 今晚开售\n评论区聊聊你最想要哪款', mentions: ['星河咖啡'] },
    }), 201);
    const v = Object.fromEntries(launch.variants.map((x: { platform: string }) => [x.platform, x]));
    expect(v.weibo.text).toContain('#星河咖啡# 冬季限定 #双11狂欢# 今晚开售');
    expect(v.douyin.text).toContain('#星河咖啡 冬季限定 #双11狂欢 今晚开售');
    expect(v.wechat.text).not.toContain('#');
    expect(v.wechat.title).toBe('双11 你准备好了吗？');
    expect(v.douyin.warnings.map((w: { code: string }) => w.code)).toContain('media.video_required');
    expect(launch.item.status).toBe('draft');

    const preview = await ok(call(who.creator!, 'POST', '/content/preview', { master: { text: '你还在排队买咖啡吗？\n#早安#' }, platforms: ['weibo', 'xiaohongshu'] }));
    expect(preview.checklist.find((c: { key: string }) => c.key === 'hook').ok).toBe(true);
    expect(preview.platforms.map((p: { text: string }) => p.text)).toEqual(['你还在排队买咖啡吗？\n#早安#', '你还在排队买咖啡吗？\n#早安']);
  });

  it('pages the table: limit and cursor walk every item once, in planned order; a forged cursor is a 400', async () => {
    const all = (await ok(call(who.viewer!, 'GET', '/content/items'))).items.map((i: { id: string }) => i.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await ok(call(who.viewer!, 'GET', `/content/items?limit=5${cursor ? `&cursor=${cursor}` : ''}`));
      expect(page.items.length).toBeLessThanOrEqual(5);
      seen.push(...page.items.map((i: { id: string }) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
    const bad = await call(who.viewer!, 'GET', '/content/items?limit=5&cursor=bm90LWEtY3Vyc29y');
    expect(bad.status).toBe(400);
    expect((await call(who.viewer!, 'GET', '/content/items?limit=0')).status).toBe(400);
  });

  it('exports the table as XLSX (read back with exceljs) and CSV (papaparse) in the manual’s columns', async () => {
    const x = await call(owner, 'GET', '/content/sheet.xlsx?from=2026-11-02&to=2026-11-15');
    expect(x.status, x.body).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.raw as never);
    const sheet = wb.worksheets[0]!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([...SHEET_COLUMNS]);
    expect(sheet.rowCount).toBe(16);
    expect((sheet.getRow(2).values as unknown[]).slice(1, 7)).toEqual(['2026-11-02 12:00', '周一', '微博', '双11 预热 第1天', '图文', '拉新']);
    expect(sheet.getRow(2).getCell(7).value).toMatch(/^creator \d+$/);
    expect(sheet.getRow(2).getCell(11).value).toBe('50000/1000');

    const c = await call(owner, 'GET', '/content/sheet.csv?from=2026-11-02&to=2026-11-15');
    const parsed = Papa.parse<string[]>(c.body.replace(/^\uFEFF/, ''), { skipEmptyLines: true });
    expect(parsed.data[0]).toEqual([...SHEET_COLUMNS]);
    expect(parsed.data).toHaveLength(16);
    expect(parsed.data[3]!.slice(0, 3)).toEqual(['2026-11-04 12:00', '周三', '抖音']);
  });

  it('imports a CSV round trip, and writes nothing when any row is bad', async () => {
    const csv = (await call(owner, 'GET', '/content/sheet.csv?from=2026-11-02&to=2026-11-08')).body;
    const before = await count();
    const bad = csv.replace('2026-11-03 12:00', '11月3日').replace(/双11 预热 第5天/, '');
    const refused = await call(who.creator!, 'POST', '/content/sheet/import', { format: 'csv', data: bad });
    expect(refused.status).toBe(400);
    expect(refused.json.error.code).toBe('content.import_invalid');
    expect(Object.keys(refused.json.error.fields)).toEqual(['line 3 · 日期', 'line 6 · 内容主题']);
    expect(await count()).toBe(before);

    expect(await ok(call(who.creator!, 'POST', '/content/sheet/import', { format: 'csv', data: csv }))).toEqual({ created: 7, valid: 7 });
    expect(await count()).toBe(before + 7);
    const again = Papa.parse<string[]>((await call(owner, 'GET', '/content/sheet.csv?from=2026-11-02&to=2026-11-08')).body.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data.slice(1);
    const original = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data.slice(1);
    expect(again.map((r) => r.join('|')).sort()).toEqual([...original, ...original].map((r) => r.join('|')).sort());

    const xlsx = await call(owner, 'GET', '/content/sheet.xlsx?from=2026-11-09&to=2026-11-09');
    expect(await ok(call(who.creator!, 'POST', '/content/sheet/import', { format: 'xlsx', data: Buffer.from(xlsx.raw).toString('base64'), dryRun: true }))).toEqual({ created: 0, valid: 1 });
  });

  it('writes formula-like cells of sheet.csv as text, and reads them back unchanged', async () => {
    const topic = '=HYPERLINK("http://evil.example","点我领券")';
    await ok(call(who.creator!, 'POST', '/content/items', { plannedAt: day(20), platforms: ['weibo'], topic, summary: '@SUM(1+1)\n第二行', notes: '-1+2' }), 201);
    const csv = (await call(owner, 'GET', '/content/sheet.csv?from=2026-11-22&to=2026-11-22')).body;
    const [, row] = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    const cell = (name: string) => row![SHEET_COLUMNS.indexOf(name as never)]!;
    expect(cell('内容主题')).toBe(`'${topic}`);
    expect(cell('文案摘要')).toBe("'@SUM(1+1)\n第二行");
    for (const c of row!) expect(c, c).not.toMatch(/^[=+\-@\t\r]/);
    // The apostrophe comes off again when the sheet is imported back.
    expect(await ok(call(who.creator!, 'POST', '/content/sheet/import', { format: 'csv', data: csv }))).toEqual({ created: 1, valid: 1 });
    const { items } = await ok(call(owner, 'GET', `/content/items?q=${encodeURIComponent('HYPERLINK')}`));
    expect(items.map((i: { topic: string }) => i.topic)).toEqual([topic, topic]);
  });

  it('serves an ICS feed read back with node-ical; rotating or revoking the secret URL closes the old one', async () => {
    const created = await ok(call(who.creator!, 'POST', '/content/feeds', { name: '微博排期', accountId: acc.weibo!.id }), 201);
    const path = new URL(created.url).pathname;
    expect(path).toMatch(/^\/api\/v1\/ics\/ics_[\w-]+\.ics$/);
    const res = await rt.app.inject({ method: 'GET', url: path });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('text/calendar');
    const events = Object.values(ical.sync.parseICS(res.body)).filter((e) => e.type === 'VEVENT') as ical.VEvent[];
    expect(events.length).toBe(6);
    const first = events.find((e) => String(e.summary).includes('第1天'))!;
    expect(new Date(first.start).toISOString()).toBe(day(0));
    expect(String(first.summary)).toContain('[微博]');

    const rotated = await ok(call(who.creator!, 'POST', `/content/feeds/${created.feed.id}/rotate`));
    expect((await rt.app.inject({ method: 'GET', url: path })).statusCode).toBe(404);
    const fresh = new URL(rotated.url).pathname;
    expect((await rt.app.inject({ method: 'GET', url: fresh })).statusCode).toBe(200);
    expect((await call(who.creator!, 'DELETE', `/content/feeds/${created.feed.id}`)).status).toBe(204);
    expect((await rt.app.inject({ method: 'GET', url: fresh })).statusCode).toBe(404);
  });

  it('refuses to schedule without approval, then schedules atomically with publishing once every variant is approved', async () => {
    const item = await ok(call(who.creator!, 'POST', '/content/items', {
      plannedAt: day(3, 19), accountIds: [acc.weibo!.id], topic: '冬季新品上市', master: { text: '星河咖啡冬季新品今日上市，欢迎到店品尝。' },
    }), 201);
    const id = item.item.id as string;
    const at = day(3, 19);
    const early = await call(who.manager!, 'POST', `/content/items/${id}/schedule`, { at });
    expect([early.status, early.json.error.code]).toEqual([409, 'content.not_approved']);
    expect((await call(who.creator!, 'POST', `/content/items/${id}/schedule`, { at })).status).toBe(403);

    const submitted = await ok(call(who.creator!, 'POST', `/content/items/${id}/submit`, { factOwnerUserId: who.analyst!.userId }));
    expect(submitted.item.status).toBe('in_review');
    for (const role of ['compliance', 'manager', 'analyst', 'leader']) await ok(call(who[role]!, 'POST', `/review/items/${id}/approve`, {}));
    expect((await ok(call(who.viewer!, 'GET', `/content/items/${id}`))).item.status).toBe('approved');

    // A failure inside publishing rolls the status back too: no scheduled item without its jobs.
    const publishing = rt.services.publishing;
    const real = publishing.scheduleVariants;
    publishing.scheduleVariants = async () => { throw new Error('queue down'); };
    expect((await call(who.manager!, 'POST', `/content/items/${id}/schedule`, { at })).status).toBe(500);
    publishing.scheduleVariants = real;
    expect((await ok(call(who.viewer!, 'GET', `/content/items/${id}`))).item.status).toBe('approved');

    const scheduled = await ok(call(who.manager!, 'POST', `/content/items/${id}/schedule`, { at }));
    expect(scheduled.item.status).toBe('scheduled');
    const vid = scheduled.variants[0].id as string;
    expect((await publishing.statusOf(ws, [vid])).get(vid)?.state).toBe('scheduled');
    expect(scheduled.variants[0].publish.state).toBe('scheduled');

    const locked = await call(who.creator!, 'PATCH', `/content/items/${id}/variants/${vid}`, { text: '改一下' });
    expect([locked.status, locked.json.error.code]).toEqual([409, 'content.not_editable']);

    const moved = await ok(call(who.manager!, 'POST', `/content/items/${id}/move`, { date: '2026-11-07' }));
    expect([moved.item.date, moved.item.time, moved.item.status]).toEqual(['2026-11-07', '19:00', 'scheduled']);
    const creatorMove = await call(who.creator!, 'POST', `/content/items/${id}/move`, { date: '2026-11-08' });
    expect(creatorMove.status).toBe(403);

    const un = await ok(call(who.manager!, 'POST', `/content/items/${id}/unschedule`));
    expect(un.item.status).toBe('approved');
    expect((await publishing.statusOf(ws, [vid])).get(vid)?.state).toBe('cancelled');

    // An edit after approval goes back to review: only the changed variant is re-reviewed.
    const edited = await ok(call(who.creator!, 'PATCH', `/content/items/${id}/variants/${vid}`, { text: '星河咖啡冬季新品今日上市，到店即可品尝。' }));
    expect(edited.item.status).toBe('in_review');
    expect(edited.variants[0].review).toBe('in_review');
    const refused = await call(who.manager!, 'POST', `/content/items/${id}/schedule`, { at });
    expect(refused.json.error.code).toBe('content.not_approved');
  });

  it('shows festival nodes and cadence warnings on the calendar, learns best times and keeps media facts', async () => {
    const cal = await ok(call(who.viewer!, 'GET', '/content/calendar?from=2026-11-01&to=2026-11-30&platform=weibo'));
    expect(cal.nodes.map((n: { name: string }) => n.name)).toEqual(expect.arrayContaining(['双11']));
    expect(cal.items.every((i: { platforms: string[] }) => i.platforms.includes('weibo'))).toBe(true);
    expect(cal.cadence.find((c: { platform: string }) => c.platform === 'weibo').gaps.length).toBeGreaterThan(0);
    await ok(call(who.creator!, 'POST', '/content/events', { date: '2026-11-20', name: '咖啡行业峰会' }), 201);
    const withEvent = await ok(call(who.viewer!, 'GET', '/content/calendar?from=2026-11-20&to=2026-11-20'));
    expect(withEvent.nodes).toEqual([expect.objectContaining({ name: '咖啡行业峰会', kind: 'workspace' })]);

    const seed = await ok(call(who.viewer!, 'GET', `/content/best-times?accountId=${acc.weibo!.id}`));
    expect(seed).toMatchObject({ source: 'default', confidence: 0 });
    const observations = Array.from({ length: 20 }, (_, w) => ({ publishedAt: new Date(Date.UTC(2026, 8, 5 + 7 * (w % 10), 1 + (w >= 10 ? 4 : 0))).toISOString(), interactionRate: w >= 10 ? 0.01 : 0.08 }));
    const learned = await ok(call(who.creator!, 'POST', '/content/best-times/observations', { accountId: acc.weibo!.id, observations }));
    expect(learned, JSON.stringify(learned.top)).toMatchObject({ source: 'learned', samples: 20 });
    expect(learned.top[0]).toMatchObject({ weekday: 6, hour: 9 });

    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAADCAYAAAC56t6BAAAAEklEQVR42mNk+M9QzwAEjDAGACCDAv8cI7IoAAAAAElFTkSuQmCC', 'base64');
    const up = await ok(call(who.creator!, 'POST', '/media', { fileName: '新品.png', dataBase64: png.toString('base64'), rights: { basis: 'original' } }), 201);
    expect(up.media).toMatchObject({ kind: 'image', mime: 'image/png', width: 2, height: 3, bytes: png.length, rights: { basis: 'original' } });
    expect(up.checks.find((c: { platform: string }) => c.platform === 'kuaishou').ok).toBe(false);
    const file = await call(who.viewer!, 'GET', `/media/${up.media.id}/file`);
    expect(Buffer.compare(Buffer.from(file.raw), png)).toBe(0);
    const bad = await call(who.creator!, 'POST', '/media', { fileName: 'x.txt', dataBase64: Buffer.from('hello').toString('base64') });
    expect(bad.json.error.code).toBe('media.unsupported_type');
  });

  it('seeds the demo launch: two weeks across the accounts', async () => {
    const other = await signUpOwner(rt, 'demo');
    const created = await seedDemoContent(rt.services, { userId: other.userId, workspaceId: other.workspaceId, role: 'owner', via: 'session' });
    expect(created).toBe(14);
    const { items } = await rt.services.content.list({ workspaceId: other.workspaceId }, {});
    expect(items.map((i) => i.date)).toEqual(Array.from({ length: 14 }, (_, n) => `2026-11-${String(2 + n).padStart(2, '0')}`));
  });
});
