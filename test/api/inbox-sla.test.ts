import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/kernel/clock.js';
import type { StoredInbound } from '../../src/modules/inbound/service.js';
import { BACKENDS } from '../helpers/database.js';
import { addMember, createTestRuntime, signUpOwner, type Session, type TestRuntime } from '../helpers/runtime.js';

/** A comment as inbound stores it (the platform side is covered by inbox.test.ts on the sandbox). */
function comment(text: string, at: string, analysis: Partial<StoredInbound> = {}): StoredInbound {
  const id = randomUUID();
  const occurredAt = new Date(at);
  return {
    id, type: 'comment', occurredAt, authorId: `u_${id.slice(0, 6)}`, authorName: '顾客', platformPostId: 'p1', text,
    sentiment: 'negative', sentimentScore: -0.6, intent: 'complaint', spam: false, riskCues: null,
    event: { type: 'comment', eventId: `comment:${id}`, occurredAt, comment: { platformCommentId: id, platformPostId: 'p1', author: { id: `u_${id.slice(0, 6)}`, name: '顾客' }, text, createdAt: occurredAt } },
    ...analysis,
  };
}

describe.each(BACKENDS)('SLA clocks on the working calendar with a fixed clock (%s)', (backend) => {
  const clock = fixedClock('2026-09-30T16:00:00+08:00');
  let rt: TestRuntime;
  let owner: Session & { workspaceId: string };
  let community: Session;
  const accountId = randomUUID();
  const api = async (path: string, who: Session = owner) => (await rt.app.inject({ method: 'GET', url: `/api/v1/workspaces/${owner.workspaceId}${path}`, headers: who.headers })).json();

  beforeAll(async () => {
    rt = await createTestRuntime({ backend, clock });
    owner = await signUpOwner(rt, 'sla');
    community = await addMember(rt, owner, 'community');
  });
  afterAll(async () => rt?.close());

  it('starts the clock at the first message and counts only working hours across 国庆', async () => {
    await rt.services.inbox.ingest(owner.workspaceId, accountId, 'sandbox', [comment('咖啡里有异物，我要打12315投诉', '2026-09-30T16:00:00+08:00', { riskCues: null })]);
    const [c] = (await api('/inbox/conversations')).items;
    expect(c.priority).toBe('critical'); // 12315 / 投诉 / 异物
    // 16:00–18:00 on 9/30 is two hours; 10/1–10/7 are the holiday; two more hours on 10/8
    expect(new Date(c.slaDueAt).getTime()).toBe(new Date('2026-10-08T11:00:00+08:00').getTime());
    clock.set('2026-10-05T12:00:00+08:00');
    expect((await api('/inbox/conversations')).items[0].slaState).toBe('ok');
    expect((await rt.services.inbox.watchSla())).toEqual({ warned: 0, breached: 0 });
  });

  it('warns once before the due time and alerts once at breach, in the feed of the people who answer', async () => {
    clock.set('2026-10-08T10:35:00+08:00');
    expect((await api('/inbox/conversations?slaState=warning')).items).toHaveLength(1);
    expect(await rt.services.inbox.watchSla()).toEqual({ warned: 1, breached: 0 });
    expect(await rt.services.inbox.watchSla()).toEqual({ warned: 0, breached: 0 });
    clock.set('2026-10-08T11:00:00+08:00');
    expect(await rt.services.inbox.watchSla()).toEqual({ warned: 0, breached: 1 });
    expect(await rt.services.inbox.watchSla()).toEqual({ warned: 0, breached: 0 });
    const feed = (await api('/notifications', community)).items.map((n: { event: string }) => n.event);
    expect(feed).toEqual(expect.arrayContaining(['inbox.sla_warning', 'inbox.sla_breached']));
    const summary = await api('/inbox/summary');
    expect(summary).toMatchObject({ slaBreached: 1, slaWarning: 0, unassigned: 1 });
    expect((await api('/inbox/conversations?slaState=breached')).items).toHaveLength(1);
    // the 工作台 shows the breach to everyone who answers, and the conversation to its assignee
    const before = await api('/inbox/my-work', community);
    expect(before.slaBreached).toHaveLength(1);
    expect(before.assignedToMe).toHaveLength(0);
    const id = before.slaBreached[0].id;
    const assigned = await rt.app.inject({ method: 'PATCH', url: `/api/v1/workspaces/${owner.workspaceId}/inbox/conversations/${id}`, headers: community.headers, payload: { assigneeUserId: community.userId } });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect((await api('/inbox/my-work', community)).assignedToMe.map((c: { id: string }) => c.id)).toEqual([id]);
  });

  it('does not start a clock for spam, and a Saturday 调休 message is due the same day', async () => {
    clock.set('2026-10-10T10:00:00+08:00');
    await rt.services.inbox.ingest(owner.workspaceId, accountId, 'sandbox', [
      comment('加V看福利', '2026-10-10T10:00:00+08:00', { spam: true, intent: 'spam', sentiment: 'neutral' }),
      comment('请问门店几点开门？', '2026-10-10T10:00:00+08:00', { intent: 'inquiry', sentiment: 'neutral' }),
    ]);
    const items = (await api('/inbox/conversations?limit=100')).items as Array<Record<string, any>>;
    const spam = items.find((i) => i.lastMessage.text === '加V看福利')!;
    expect(spam).toMatchObject({ status: 'spam', priority: 'low', slaState: 'ok' });
    const question = items.find((i) => i.lastMessage.text === '请问门店几点开门？')!;
    expect(question.priority).toBe('normal');
    expect(new Date(question.slaDueAt).getTime()).toBe(new Date('2026-10-10T14:00:00+08:00').getTime());
  });
});
