import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../helpers/database.js';
import { addMember, createTestRuntime, signUpOwner, type TestRuntime } from '../helpers/runtime.js';

/** #11 item 3: a report goes only to current members of the workspace. */
describe.each(BACKENDS)('report schedule recipients (%s)', (backend) => {
  let rt: TestRuntime;
  beforeAll(async () => { rt = await createTestRuntime({ backend, worker: true }); });
  afterAll(async () => { await rt.close(); });

  it("refuses another workspace's owner, and drops a removed member from the schedule", async () => {
    const owner = await signUpOwner(rt);
    const stranger = await signUpOwner(rt, 'stranger');
    const analyst = await addMember(rt, owner, 'analyst');
    const schedules = `/api/v1/workspaces/${owner.workspaceId}/analytics/schedules`;
    const body = { name: '周报', report: 'weekly', format: 'pdf', day: 1, time: '09:00' };

    const foreign = await rt.app.inject({ method: 'POST', url: schedules, headers: owner.headers, payload: { ...body, userIds: [stranger.userId] } });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.fields).toHaveProperty('userIds');

    const created = await rt.app.inject({ method: 'POST', url: schedules, headers: owner.headers, payload: { ...body, userIds: [analyst.userId] } });
    expect(created.statusCode).toBe(201);
    const id = created.json().schedule.id as string;

    const removed = await rt.app.inject({ method: 'DELETE', url: `/api/v1/workspaces/${owner.workspaceId}/members/${analyst.userId}`, headers: owner.headers });
    expect(removed.statusCode).toBe(204);
    const recipients = async () => {
      const list = await rt.app.inject({ method: 'GET', url: schedules, headers: owner.headers });
      return (list.json().items as Array<{ id: string; userIds: string[] }>).find((s) => s.id === id)!.userIds;
    };
    await expect.poll(recipients, { timeout: 30_000 }).toEqual([]);

    const readded = await rt.app.inject({ method: 'PATCH', url: `${schedules}/${id}`, headers: owner.headers, payload: { userIds: [analyst.userId] } });
    expect(readded.statusCode).toBe(400);
  });
});
