import { describe, expect, it } from 'vitest';
import { runCli as runChorus } from '../../../test/helpers/cli.js';
import { createComplianceService } from '../../modules/compliance/service.js';
import { checkJsonLines, formatTable } from './check.js';

/** `bin/chorus check …` as a user runs it. */
const runCli = (args: string[], input: string) => runChorus(['check', ...args], { input });

async function* linesOf(text: string) {
  yield* text.split('\n');
}

describe('checkJsonLines', () => {
  const service = createComplianceService();

  it('writes one findings line per input line, in order, with the contract shape', async () => {
    let out = '';
    const input = [
      JSON.stringify({ text: '全网最低价，销量第一', platform: 'weibo' }),
      JSON.stringify({ text: '今天天气不错', platform: 'douyin' }),
      JSON.stringify({ text: '加微信 abc_12345 领取', platform: 'douyin' }),
      '',
    ].join('\n');
    const n = await checkJsonLines(linesOf(input), (s) => (out += s), service);
    expect(n).toBe(3);
    const lines = out.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines[1]).toEqual({ findings: [] });
    expect(lines[0].findings.map((f: { category: string }) => f.category)).toEqual(['ad-law/absolute', 'ad-law/absolute']);
    for (const f of lines[0].findings) {
      expect(Object.keys(f)).toEqual(['rule', 'category', 'severity', 'start', 'end', 'match', 'message', 'suggestion']);
      expect(f.match).toBe('全网最低价，销量第一'.slice(f.start, f.end));
    }
    expect(lines[2].findings[0]).toMatchObject({ category: 'platform/contact', severity: 'block' });
  });

  it('names the bad line and keeps the lines before it', async () => {
    let out = '';
    const input = [JSON.stringify({ text: '最佳', platform: 'weibo' }), '{not json', JSON.stringify({ text: 'x', platform: 'weibo' })].join('\n');
    await expect(checkJsonLines(linesOf(input), (s) => (out += s), service)).rejects.toThrow('line 2: not valid JSON');
    expect(out.trimEnd().split('\n')).toHaveLength(1);
  });

  it('rejects an unknown platform and a missing text', async () => {
    const sink = () => {};
    await expect(checkJsonLines(linesOf('{"text":"a","platform":"myspace"}'), sink, service)).rejects.toThrow(/line 1: unknown platform "myspace"/);
    await expect(checkJsonLines(linesOf('{"platform":"weibo"}'), sink, service)).rejects.toThrow('line 1: "text" must be a string');
    await expect(checkJsonLines(linesOf('{"text":"a"}'), sink, service)).rejects.toThrow('line 1: "platform" is missing');
    expect(await checkJsonLines(linesOf('{"text":"a"}'), sink, service, 'weibo')).toBe(1);
  });

  it('reads industry, commercial and aiGenerated per line (the contract field names)', async () => {
    let out = '';
    const input = [
      JSON.stringify({ text: '到期保本，稳赚不赔', platform: 'weibo', industry: 'securities' }),
      JSON.stringify({ text: '到期保本，稳赚不赔', platform: 'weibo' }),
      JSON.stringify({ text: '新品防晒衣 129 元，戳链接', platform: 'xiaohongshu', commercial: true }),
      JSON.stringify({ text: '秋日露营清单', platform: 'xiaohongshu', aiGenerated: true }),
      JSON.stringify({ text: '秋日露营清单', platform: 'xiaohongshu', commercial: false, aiGenerated: false }),
    ].join('\n');
    await checkJsonLines(linesOf(input), (s) => (out += s), service);
    const categories = out.trimEnd().split('\n').map((l) => [...new Set(JSON.parse(l).findings.map((f: { category: string }) => f.category))]);
    expect(categories[0]).toContain('industry/securities');
    expect(categories[1]).not.toContain('industry/securities');
    expect(categories[2]).toEqual(['ad-label/missing']);
    expect(categories[3]).toEqual(['ai-label/missing']);
    expect(categories[4]).toEqual([]);
  });

  it('names a bad industry or a non-boolean flag', async () => {
    const sink = () => {};
    await expect(checkJsonLines(linesOf('{"text":"a","platform":"weibo","industry":"casino"}'), sink, service)).rejects.toThrow(/line 1: unknown industry "casino"/);
    await expect(checkJsonLines(linesOf('{"text":"a","platform":"weibo","commercial":"yes"}'), sink, service)).rejects.toThrow('line 1: "commercial" must be true or false');
  });
});

describe('formatTable', () => {
  it('lists findings with severity, category, position and suggestion', () => {
    const service = createComplianceService();
    const table = formatTable(service.check({ text: '这是最好的面霜', platform: 'xiaohongshu' }), 'xiaohongshu');
    expect(table).toContain('阻止');
    expect(table).toContain('ad-law/absolute');
    expect(table).toContain('2-4');
    expect(table).toContain('优质');
    expect(formatTable(service.check({ text: '早安', platform: 'weibo' }), 'weibo')).toContain('未发现问题');
  });
});

describe('chorus check (process)', () => {
  it('jsonl: exit 0 and one line per input line', () => {
    const input = ['{"text":"最好","platform":"weibo"}', '{"text":"你好","platform":"zhihu"}'].join('\n') + '\n';
    const r = runCli(['--jsonl'], input);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.findings.length)).toEqual([1, 0]);
  });

  it('jsonl: a bad line is one error line naming it, non-zero exit', () => {
    const r = runCli(['--jsonl'], '{"text":"a","platform":"weibo"}\n[1,2]\n');
    expect(r.code).not.toBe(0);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^chorus: line 2: /);
  });

  it('single copy: --json, exit 0 with findings, bad platform fails in one line', () => {
    const ok = runCli(['--platform', 'douyin', '--json'], '扫码加V：chorus2025 了解更多\n');
    expect(ok.code).toBe(0);
    const body = JSON.parse(ok.stdout);
    expect(body.blocked).toBe(true);
    expect(body.findings[0]).toMatchObject({ category: 'platform/contact', match: '加V：chorus2025' });
    const bad = runCli(['--platform', 'myspace'], 'x');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toContain('unknown platform');
  });

  it('single copy: human table by default', () => {
    const r = runCli(['--platform', 'weibo'], '国家级品质，央视推荐');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('ad-law/authority');
  });
});
