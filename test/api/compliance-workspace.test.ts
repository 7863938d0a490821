import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../helpers/database.js';
import { addMember, createTestRuntime, signUpOwner, type Session, type TestRuntime } from '../helpers/runtime.js';

const shippedAlcohol = JSON.parse(readFileSync(fileURLToPath(new URL('../../src/modules/compliance/packs/industry-alcohol.json', import.meta.url)), 'utf8'));

describe.each(BACKENDS)('compliance in a workspace (%s)', (backend) => {
  let rt: TestRuntime;
  let owner: Session & { workspaceId: string };
  let other: Session & { workspaceId: string };
  const who: Record<string, Session> = {};
  let ws: string;

  const call = async (s: Session, method: string, path: string, payload?: unknown, workspace = ws) => {
    const res = await rt.app.inject({ method: method as never, url: `/api/v1/workspaces/${workspace}${path}`, headers: s.headers, payload: payload as never });
    return { status: res.statusCode, body: res.body, json: res.body ? res.json() : undefined };
  };
  const ok = async (p: ReturnType<typeof call>, status = 200) => {
    const r = await p;
    expect(r.status, r.body).toBe(status);
    return r.json;
  };
  const categories = (findings: Array<{ category: string }>) => [...new Set(findings.map((f) => f.category))];

  beforeAll(async () => {
    rt = await createTestRuntime({ backend });
    owner = await signUpOwner(rt, 'securities');
    other = await signUpOwner(rt, 'other');
    ws = owner.workspaceId;
    for (const role of ['creator', 'compliance', 'manager', 'leader', 'analyst'] as const) who[role] = await addMember(rt, owner, role);
  });
  afterAll(async () => rt?.close());

  it('a compliance officer switches the securities pack on; every check in the workspace then applies it', async () => {
    const text = '本周市场回顾，这只牛股稳赚！';
    expect(categories((await ok(call(who.creator!, 'POST', '/compliance/check', { text, platform: 'weibo' }))).findings)).not.toContain('industry/securities');

    expect((await call(who.creator!, 'PUT', '/compliance/settings', { industries: ['securities'] })).status).toBe(403);
    const bad = await call(who.compliance!, 'PUT', '/compliance/settings', { industries: ['casino'] });
    expect(bad.status).toBe(400);
    expect(bad.json.error.fields).toHaveProperty('industries.0');
    const saved = await ok(call(who.compliance!, 'PUT', '/compliance/settings', { industries: ['securities'] }));
    expect(saved.industries).toEqual(['securities']);

    const after = await ok(call(who.creator!, 'POST', '/compliance/check', { text, platform: 'weibo' }));
    expect(after.findings.filter((f: { category: string }) => f.category === 'industry/securities').map((f: { rule: string }) => f.rule).sort())
      .toEqual(['industry.securities.guarantee', 'industry.securities.notice.risk']);
    // Another workspace is untouched.
    const elsewhere = await ok(call(other, 'POST', '/compliance/check', { text, platform: 'weibo' }, other.workspaceId));
    expect(categories(elsewhere.findings)).not.toContain('industry/securities');

    const audit = await ok(call(owner, 'GET', '/audit?action=compliance.settings'));
    expect(audit.items[0]).toMatchObject({ action: 'compliance.settings_updated' });
  });

  it('the check API takes the item fields: industry, commercial, aiGenerated', async () => {
    const r = await ok(call(who.creator!, 'POST', '/compliance/check', {
      text: '今晚不醉不归，限时 99 元', platform: 'douyin', industry: 'alcohol', commercial: true, aiGenerated: true,
    }));
    expect(categories(r.findings)).toEqual(expect.arrayContaining(['industry/alcohol', 'ad-label/missing', 'ai-label/missing']));
    const fix = r.findings.find((f: { category: string }) => f.category === 'ad-label/missing');
    expect(fix).toMatchObject({ start: 0, end: 0, replacement: '「广告」' });
    const bad = await call(who.creator!, 'POST', '/compliance/check', { text: 'x', platform: 'weibo', commercial: 'yes' });
    expect(bad.status).toBe(400);
    expect(bad.json.error.fields).toHaveProperty('commercial');
  });

  it('a compliance officer imports a newer version of a pack: validated, in force, audited', async () => {
    const invalid = structuredClone(shippedAlcohol);
    delete invalid.rules[0].basis;
    const refused = await call(who.compliance!, 'POST', '/compliance/packs', { pack: invalid });
    expect(refused.status).toBe(400);
    expect(refused.json.error.code).toBe('compliance.invalid_pack');
    expect(refused.json.error.fields).toHaveProperty('rules.0.basis');
    expect((await call(who.creator!, 'POST', '/compliance/packs', { pack: shippedAlcohol })).status).toBe(403);

    const next = structuredClone(shippedAlcohol);
    next.version = '2026.2.0';
    next.rules[0].terms.push('喝到天亮');
    const imported = await ok(call(who.compliance!, 'POST', '/compliance/packs', { pack: next }));
    expect(imported).toEqual({ id: 'alcohol', version: '2026.2.0', previousVersion: shippedAlcohol.version, rules: next.rules.length });

    const r = await ok(call(who.creator!, 'POST', '/compliance/check', { text: '周五一起喝到天亮', platform: 'weibo', industry: 'alcohol' }));
    expect(r.findings.filter((f: { category: string }) => f.category === 'industry/alcohol').map((f: { match: string }) => f.match)).toEqual(['喝到天亮']);
    expect(r.packVersion).toContain('alcohol@2026.2.0');
    const packs = await ok(call(who.creator!, 'GET', '/compliance/packs'));
    expect(packs.packs.filter((p: { id: string }) => p.id === 'alcohol').map((p: { version: string }) => p.version)).toEqual(['2026.2.0']);
    // Not in another workspace.
    const elsewhere = await ok(call(other, 'POST', '/compliance/check', { text: '周五一起喝到天亮', platform: 'weibo', industry: 'alcohol' }, other.workspaceId));
    expect(elsewhere.findings).toEqual([]);
    expect((await ok(call(owner, 'POST', '/compliance/check', { text: '周五一起喝到天亮', platform: 'weibo' }))).findings.map((f: { category: string }) => f.category))
      .not.toContain('industry/alcohol');

    const audit = await ok(call(owner, 'GET', '/audit?action=compliance.pack'));
    expect(audit.items[0]).toMatchObject({ action: 'compliance.pack_updated', targetId: 'alcohol' });
    expect(audit.items[0].details).toMatchObject({ version: '2026.2.0', previousVersion: shippedAlcohol.version });
  });

  it('review checks an item with its industry, commercial and AI flags, under the workspace profile', async () => {
    const item = await ok(call(who.creator!, 'POST', '/content/items', {
      topic: '新品推广', platforms: ['weibo'], commercial: true, aiGenerated: true, industry: 'alcohol',
      master: { text: '新品精酿，限时 59 元，理性饮酒' },
    }), 201);
    expect(item.item).toMatchObject({ commercial: true, aiGenerated: true, industry: 'alcohol' });
    const id = item.item.id as string;
    await ok(call(who.creator!, 'POST', `/content/items/${id}/submit`, { factOwnerUserId: who.analyst!.userId }));
    const status = await ok(call(who.compliance!, 'GET', `/review/items/${id}`));
    // The workspace still has securities on (first test): its missing risk warning shows in review too.
    expect(categories(status.variants[0].findings).sort()).toEqual(['ad-label/missing', 'ai-label/missing', 'industry/securities']);
    await ok(call(who.compliance!, 'PUT', '/compliance/settings', { industries: [] }));
    const approve = await call(who.compliance!, 'POST', `/review/items/${id}/approve`, {});
    expect([approve.status, approve.json.error.code]).toEqual([409, 'review.blocked_by_findings']);

    // Fixing the copy (the one-click fixes) clears both.
    await ok(call(who.creator!, 'PATCH', `/content/items/${id}`, { master: { text: '「广告」「AI生成」新品精酿，限时 59 元，理性饮酒' } }));
    await ok(call(who.creator!, 'POST', `/content/items/${id}/submit`, { factOwnerUserId: who.analyst!.userId }));
    const fixed = await ok(call(who.compliance!, 'GET', `/review/items/${id}`));
    expect(fixed.variants[0].findings).toEqual([]);
  });
});
