import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../helpers/database.js';
import { addMember, createTestRuntime, signUpOwner, type Session, type TestRuntime } from '../helpers/runtime.js';

describe.each(BACKENDS)('crisis: an incident from alert to published statement to post-mortem (%s)', (backend) => {
  let rt: TestRuntime;
  let owner: Session & { workspaceId: string };
  let leader: Session;
  let accountId: string;
  const ws = () => `/api/v1/workspaces/${owner.workspaceId}`;
  const call = async (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown, who: Session = owner) =>
    rt.app.inject({ method, url: `${ws()}${url}`, headers: who.headers, payload: payload as object });

  beforeAll(async () => {
    rt = await createTestRuntime({ backend });
    owner = await signUpOwner(rt, 'crisis');
    leader = await addMember(rt, owner, 'leader');
    const approvers = await Promise.all((['compliance', 'manager'] as const).map((r) => addMember(rt, owner, r)));
    const filed = await call('POST', '/accounts', {
      platform: 'weibo', type: 'brand', handle: `xinghe_${backend}`, displayName: '星河咖啡官方微博', function: '品牌发布', filing: { purpose: '官方发布', operators: [], verificationPlan: '蓝V' },
    });
    expect(filed.statusCode, filed.body).toBe(201);
    accountId = filed.json().account.id;
    for (const a of [...approvers, leader]) await call('POST', `/accounts/filings/${filed.json().filing.id}/approve`, {}, a);
  });
  afterAll(async () => rt?.close());

  it('ships default zh-CN playbooks per level with the emergency group and 口径 templates', async () => {
    const { items } = (await call('GET', '/crisis/playbooks')).json();
    expect(items.map((p: { level: string }) => p.level)).toEqual(['low', 'medium', 'high']);
    const high = items[2];
    expect(high.roles.map((r: { title: string }) => r.title)).toEqual(['总指挥', '发言人', '法务', '客服', '运营']);
    expect(high.steps.length).toBeGreaterThan(5);
    expect(high.templates.some((t: { text: string }) => t.text.includes('{事件}'))).toBe(true);
  });

  it('runs an incident end to end', async () => {
    const alert = await rt.services.listening.openAlert(owner.workspaceId, { level: 'red', title: '「星河咖啡」声量激增', reasons: ['1 小时内 340 条'], openedBy: 'rules', kind: 'volume-spike' });
    const opened = await call('POST', '/crisis/incidents', { title: '门店饮品异物事件', level: 'high', alertId: alert.alert.id });
    expect(opened.statusCode, opened.body).toBe(201);
    const incident = opened.json().incident;
    expect(incident).toMatchObject({ state: 'detected', level: 'high', alertId: alert.alert.id });
    expect(incident.checklist.map((c: { key: string }) => c.key)).toContain('publish');
    expect(incident.timeline.map((e: { kind: string }) => e.kind)).toEqual(['opened', 'alert', 'notified']);
    for (const e of incident.timeline) expect(e).toEqual({ at: expect.any(String), kind: expect.any(String), text: expect.any(String) });
    const feed = (await rt.app.inject({ method: 'GET', url: `${ws()}/notifications`, headers: leader.headers })).json().items;
    expect(feed.some((n: { event: string; title: string }) => n.event === 'crisis.incident' && n.title.includes('门店饮品异物事件'))).toBe(true);
    const linked = (await call('GET', `/listening/alerts/${alert.alert.id}`)).json().alert;
    expect(linked.incidentId).toBe(incident.id);

    const id = incident.id;
    expect((await call('POST', `/crisis/incidents/${id}/transitions`, { to: 'monitoring' })).statusCode).toBe(409);
    expect((await call('POST', `/crisis/incidents/${id}/transitions`, { to: 'confirmed' })).json().incident.state).toBe('confirmed');
    expect((await call('POST', `/crisis/incidents/${id}/checklist/confirm`, { done: true })).json().incident.checklist[0].doneAt).not.toBeNull();
    await call('POST', `/crisis/incidents/${id}/transitions`, { to: 'responding' });

    const draft = await call('POST', `/crisis/incidents/${id}/statements`, { templateKey: 'product-quality', variables: { 事件: '门店饮品异物', 品牌: '星河咖啡' }, accountIds: [accountId] });
    expect(draft.statusCode, draft.body).toBe(201);
    const statement = draft.json().statement;
    expect(statement.text).toContain('关于门店饮品异物的声明');
    expect(statement.text).toContain('【待填：进展】');
    const early = await call('POST', `/crisis/incidents/${id}/statements/${statement.id}/approve`, undefined, leader);
    expect(early.statusCode).toBe(422);
    expect(early.json().error.code).toBe('crisis.statement_unfilled');

    const filled = statement.text.replace('【待填：进展】', '涉事门店已停业整顿').replace('【待填：时间】', '12 月 9 日');
    const edited = await call('PATCH', `/crisis/incidents/${id}/statements/${statement.id}`, { text: filled });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().statement.findings.filter((f: { severity: string }) => f.severity === 'block')).toEqual([]);
    expect((await call('POST', `/crisis/incidents/${id}/statements/${statement.id}/approve`)).json().error.code).toBe('crisis.self_approval');
    expect((await call('POST', `/crisis/incidents/${id}/statements/${statement.id}/approve`, undefined, leader)).json().statement.state).toBe('approved');
    const published = await call('POST', `/crisis/incidents/${id}/statements/${statement.id}/publish`);
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json().statement.state).toBe('published');
    expect(published.json().incident.checklist.find((c: { key: string }) => c.key === 'publish').doneAt).not.toBeNull();
    const pubs = (await call('GET', `/crisis/incidents/${id}/statements/${statement.id}/publications`)).json().items;
    expect(pubs).toHaveLength(1);

    const publishing = (await call('GET', '/publishing/monitor?tab=due')).json();
    expect(JSON.stringify(publishing)).toContain('涉事门店已停业整顿');

    await call('POST', `/crisis/incidents/${id}/timeline`, { kind: 'figure', text: '负面声量较峰值下降 70%' });
    await call('POST', `/crisis/incidents/${id}/transitions`, { to: 'monitoring' });
    expect((await call('POST', `/crisis/incidents/${id}/transitions`, { to: 'reviewed' })).statusCode).toBe(409);
    await call('POST', `/crisis/incidents/${id}/transitions`, { to: 'resolved' });
    const pm = await call('POST', `/crisis/incidents/${id}/post-mortem`, { summary: '两小时内首发声明，负面回落', lessons: ['门店巡检结果每日同步给发言人'] });
    expect(pm.statusCode, pm.body).toBe(200);
    const done = pm.json().incident;
    expect(done.state).toBe('reviewed');
    const kinds = done.timeline.map((e: { kind: string }) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['state', 'checklist', 'statement', 'published', 'figure', 'postmortem']));

    const high = (await call('GET', '/crisis/playbooks')).json().items[2];
    expect(high.lessons.map((l: { text: string }) => l.text)).toEqual(['门店巡检结果每日同步给发言人']);
    expect(high.version).toBe(1);
    const audit = (await call('GET', '/audit?action=crisis.')).json().items.map((e: { action: string }) => e.action);
    expect(audit).toEqual(expect.arrayContaining(['crisis.incident_opened', 'crisis.statement_published', 'crisis.postmortem_submitted']));
  });

  it('lets only crisis managers open incidents; an alert of another workspace is not found', async () => {
    const analyst = await addMember(rt, owner, 'analyst');
    expect((await call('POST', '/crisis/incidents', { title: 'x', level: 'low' }, analyst)).statusCode).toBe(403);
    const other = await signUpOwner(rt, 'other');
    const foreign = await rt.services.listening.openAlert(other.workspaceId, { level: 'red', title: 'foreign' });
    expect((await call('POST', '/crisis/incidents', { title: 'x', level: 'low', alertId: foreign.alert.id })).statusCode).toBe(404);
  });
});
