import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../helpers/database.js';
import { addMember, createTestRuntime, signUpOwner, type TestRuntime } from '../helpers/runtime.js';

describe.each(BACKENDS)('text analysis API and the workspace dictionary (%s)', (backend) => {
  let rt: TestRuntime;
  let owner: Awaited<ReturnType<typeof signUpOwner>>;
  const ws = () => `/api/v1/workspaces/${owner.workspaceId}/text`;

  beforeAll(async () => {
    rt = await createTestRuntime({ backend });
    owner = await signUpOwner(rt, 'text');
  });
  afterAll(async () => rt?.close());

  it('analyses a batch in order, with the same shape as the CLI', async () => {
    const res = await rt.app.inject({ method: 'POST', url: `${ws()}/analyze`, headers: owner.headers, payload: { texts: ['太好喝了，谢谢推荐！', '请问几点开门？', '一点都不好吃，再也不买了'] } });
    expect(res.statusCode, res.body).toBe(200);
    const { results } = res.json();
    expect(results.map((r: { sentiment: string }) => r.sentiment)).toEqual(['positive', expect.any(String), 'negative']);
    expect(results[1].intent).toBe('inquiry');
    expect(Object.keys(results[0]).sort()).toEqual(['intent', 'keywords', 'riskCues', 'score', 'sentiment', 'spam']);
    const risky = await rt.app.inject({ method: 'POST', url: `${ws()}/analyze`, headers: owner.headers, payload: { texts: ['饭里吃出虫子，我要打12315投诉', '请问几点开门？'] } });
    expect(risky.json().results.map((r: { riskCues: string[] }) => r.riskCues)).toEqual([['异物', '12315'], []]);
    const tooMany = await rt.app.inject({ method: 'POST', url: `${ws()}/analyze`, headers: owner.headers, payload: { texts: Array(1001).fill('x') } });
    expect(tooMany.statusCode).toBe(400);
  });

  it('keeps dictionary words whole as keywords, and only managers may edit the dictionary', async () => {
    const text = '星河冷萃拿铁真的太好喝了，星河冷萃拿铁yyds';
    const before = (await rt.app.inject({ method: 'POST', url: `${ws()}/analyze`, headers: owner.headers, payload: { texts: [text] } })).json().results[0].keywords;
    expect(before).not.toContain('星河冷萃拿铁');
    const add = await rt.app.inject({ method: 'POST', url: `${ws()}/dictionary`, headers: owner.headers, payload: { words: ['星河冷萃拿铁', '星河冷萃拿铁'], note: '新品' } });
    expect(add.statusCode).toBe(201);
    expect(add.json().added).toEqual(['星河冷萃拿铁']);
    const after = (await rt.app.inject({ method: 'POST', url: `${ws()}/analyze`, headers: owner.headers, payload: { texts: [text] } })).json().results[0].keywords;
    expect(after).toContain('星河冷萃拿铁');
    const creator = await addMember(rt, owner, 'creator');
    expect((await rt.app.inject({ method: 'POST', url: `${ws()}/dictionary`, headers: creator.headers, payload: { words: ['x'] } })).statusCode).toBe(403);
    expect((await rt.app.inject({ method: 'GET', url: `${ws()}/dictionary`, headers: creator.headers })).json().items.map((i: { word: string }) => i.word)).toEqual(['星河冷萃拿铁']);
    expect((await rt.app.inject({ method: 'DELETE', url: `${ws()}/dictionary/${encodeURIComponent('星河冷萃拿铁')}`, headers: owner.headers })).statusCode).toBe(204);
    expect((await rt.app.inject({ method: 'DELETE', url: `${ws()}/dictionary/${encodeURIComponent('星河冷萃拿铁')}`, headers: owner.headers })).statusCode).toBe(404);
  });
});
