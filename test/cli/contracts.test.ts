import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const fixture = (f: string) => fileURLToPath(new URL(`../fixtures/analytics/${f}`, import.meta.url));

/** The CLI contracts acceptance checks call, run through bin/chorus exactly as a user would. */
describe('CLI contracts through bin/chorus', { timeout: 240_000 }, () => {
  it('check --jsonl: one line per input, in order, UTF-16 offsets; bad input names the line', () => {
    const input = ['{"text":"全网最好的咖啡","platform":"douyin"}', '{"text":"第一次来，最近很好","platform":"weibo"}', '{"text":"加微信 abc12345","platform":"xiaohongshu"}'].join('\n');
    const r = runCli(['check', '--jsonl'], { input });
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    const [a, b, c] = lines;
    const hit = a.findings.find((f: { category: string }) => f.category === 'ad-law/absolute');
    expect('全网最好的咖啡'.slice(hit.start, hit.end)).toBe(hit.match);
    expect(b.findings).toEqual([]);
    expect(c.findings.map((f: { category: string }) => f.category)).toContain('platform/contact');
    for (const f of [...a.findings, ...c.findings]) expect(Object.keys(f).sort()).toEqual(['category', 'end', 'match', 'message', 'rule', 'severity', 'start', 'suggestion'].sort());
    const bad = runCli(['check', '--jsonl'], { input: '{"text":"ok","platform":"weibo"}\nnot json\n' });
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/line 2/);
  });

  it('analyze --jsonl: the documented shape per line, in order', () => {
    const r = runCli(['analyze', '--jsonl'], { input: '{"text":"太好喝了，谢谢推荐！"}\n{"text":"请问门店几点开门？"}\n{"text":"加V信 abc123 兼职日结，私聊"}\n' });
    expect(r.code, r.stderr).toBe(0);
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(out.map((o) => Object.keys(o).sort())).toEqual(Array(3).fill(['intent', 'keywords', 'riskCues', 'score', 'sentiment', 'spam']));
    expect(out[0]).toMatchObject({ sentiment: 'positive', spam: false });
    expect(out[1]).toMatchObject({ intent: 'inquiry' });
    expect(out[2]).toMatchObject({ intent: 'spam', spam: true });
    expect(out.every((o) => Array.isArray(o.riskCues))).toBe(true);
  });

  it('import metrics then report weekly --format json reproduces the manual’s sample rows', () => {
    const dir = mkdtempSync(join(tmpdir(), 'chorus-contract-'));
    const env = { DATABASE_URL: undefined };
    expect(runCli(['admin', 'create', '--email', 'ops@example.cn', '--password', 'Str0ng!Passw0rd', '--workspace', '运营中心', '--data-dir', dir], { env }).code).toBe(0);
    const posts = runCli(['import', 'metrics', fixture('posts-sample.csv'), '--workspace', '运营中心', '--data-dir', dir], { env });
    expect(posts.code, posts.stderr).toBe(0);
    const accounts = runCli(['import', 'metrics', fixture('accounts-sample.csv'), '--workspace', '运营中心', '--data-dir', dir], { env });
    expect(accounts.code, accounts.stderr).toBe(0);
    const bad = runCli(['import', 'metrics', fixture('posts-errors.csv'), '--workspace', '运营中心', '--data-dir', dir], { env });
    expect(bad.code).not.toBe(0);
    expect(bad.stderr + bad.stdout).toMatch(/3|line/);
    const r = runCli(['report', 'weekly', '--workspace', '运营中心', '--week', '2026-W47', '--format', 'json', '--data-dir', dir], { env });
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.week).toBe('2026-W47');
    const wechat = report.rows.find((x: { platform: string }) => x.platform === 'wechat');
    expect(wechat).toMatchObject({ exposure: 200000, interactions: 2000, interactionRate: 1, topItem: { title: '《行业避坑指南》' } });
    expect(wechat.exposureWoW).toBeCloseTo(15, 0);
    const red = report.rows.find((x: { platform: string }) => x.platform === 'xiaohongshu');
    expect(red).toMatchObject({ exposure: 500000, interactions: 8000, interactionRate: 1.6 });
    expect(red.exposureWoW).toBeCloseTo(30, 0);
    expect(report).toHaveProperty('totals');
  });
});
