import { describe, expect, it } from 'vitest';
import { createTextService } from '../../modules/text/service.js';
import { analyzeJsonLines, formatAnalysis } from './analyze.js';

async function* linesOf(text: string) {
  yield* text.split('\n');
}

describe('chorus analyze --jsonl', () => {
  const service = createTextService();

  it('writes one line per input line, in order, with exactly the contract fields', async () => {
    let out = '';
    const input = [
      JSON.stringify({ text: '一点都不好吃' }),
      JSON.stringify({ text: '请问这款面霜敏感肌可以用吗？' }),
      '',
      JSON.stringify({ text: '加V看简介，兼职日结300' }),
      JSON.stringify({ text: '谢谢客服，问题解决了，点赞' }),
    ].join('\n');
    const n = await analyzeJsonLines(linesOf(input), (s) => (out += s), service);
    expect(n).toBe(4);
    const lines = out.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(4);
    for (const l of lines) {
      expect(Object.keys(l)).toEqual(['sentiment', 'score', 'intent', 'spam', 'keywords', 'riskCues']);
      expect(Array.isArray(l.riskCues)).toBe(true);
      expect(['positive', 'neutral', 'negative']).toContain(l.sentiment);
      expect(typeof l.score).toBe('number');
      expect(['inquiry', 'complaint', 'praise', 'spam', 'other']).toContain(l.intent);
      expect(typeof l.spam).toBe('boolean');
      expect(Array.isArray(l.keywords)).toBe(true);
    }
    expect(lines.map((l) => l.sentiment)[0]).toBe('negative');
    expect(lines.map((l) => l.intent)).toEqual(['complaint', 'inquiry', 'spam', 'praise']);
    expect(lines[2].spam).toBe(true);
  });

  it('keeps order across batches', async () => {
    let out = '';
    const texts = Array.from({ length: 600 }, (_, i) => (i % 3 === 0 ? '加V看简介兼职日结' : '今天天气不错'));
    await analyzeJsonLines(linesOf(texts.map((t) => JSON.stringify({ text: t })).join('\n')), (s) => (out += s), service);
    const spam = out.trimEnd().split('\n').map((l) => JSON.parse(l).spam);
    expect(spam).toHaveLength(600);
    expect(spam.every((s: boolean, i: number) => s === (i % 3 === 0))).toBe(true);
  });

  it.each([
    ['{not json', 'line 2: not valid JSON'],
    ['["a"]', 'line 2: expected an object'],
    ['{"text": 42}', 'line 2: "text" must be a string'],
    ['{"body": "x"}', 'line 2: "text" must be a string'],
  ])('a bad line (%s) names its line number and keeps the lines before it', async (bad, message) => {
    let out = '';
    const input = [JSON.stringify({ text: '好吃' }), bad, JSON.stringify({ text: '难吃' })].join('\n');
    await expect(analyzeJsonLines(linesOf(input), (s) => (out += s), service)).rejects.toThrow(message);
    expect(out.trimEnd().split('\n')).toHaveLength(1);
  });

  it('the bad line error exits with code 2', async () => {
    const err = await analyzeJsonLines(linesOf('{'), () => {}, service).catch((e: { exitCode: number }) => e);
    expect((err as { exitCode: number }).exitCode).toBe(2);
  });

  it('human-readable output names every field', () => {
    const [r] = service.analyze(['请问这款面霜敏感肌可以用吗？']);
    const s = formatAnalysis(r);
    expect(s).toContain('咨询 inquiry');
    expect(s).toContain('面霜');
  });
});
