/**
 * `chorus analyze` — text understanding of messages read on stdin.
 *   chorus analyze [--json]   one message (all of stdin); a readable summary (or JSON)
 *   chorus analyze --jsonl    {"text"} per line → {"sentiment","score","intent","spam","keywords","riskCues"} per line, in order
 * Bad input is one line on stderr naming the line, and exit 2.
 */
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { CliError } from '../errors.js';
import type { TextAnalysis } from '../../modules/text/model.js';
import { createTextService, type TextService } from '../../modules/text/service.js';

/** The contract's field order, whatever the service returns. */
export function presentAnalysis(a: TextAnalysis): TextAnalysis {
  return { sentiment: a.sentiment, score: a.score, intent: a.intent, spam: a.spam, keywords: a.keywords, riskCues: a.riskCues };
}

const BATCH = 256;

/**
 * One output line per non-blank input line, in order; lines are analysed in batches.
 * Throws CliError naming the first bad line (every line before it has been written).
 */
export async function analyzeJsonLines(
  lines: AsyncIterable<string>,
  write: (chunk: string) => void,
  service: TextService,
  userWords?: readonly string[],
): Promise<number> {
  let lineNo = 0;
  let count = 0;
  let pending: string[] = [];
  const flush = () => {
    if (pending.length === 0) return;
    const results = service.analyze(pending, { userWords });
    write(results.map((r) => JSON.stringify(presentAnalysis(r)) + '\n').join(''));
    count += pending.length;
    pending = [];
  };
  try {
    for await (const raw of lines) {
      lineNo++;
      if (raw.trim() === '') continue;
      let value: unknown;
      try {
        value = JSON.parse(raw);
      } catch {
        throw new CliError(`line ${lineNo}: not valid JSON`, 2);
      }
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw new CliError(`line ${lineNo}: expected an object {"text": "..."}`, 2);
      }
      const text = (value as Record<string, unknown>).text;
      if (typeof text !== 'string') throw new CliError(`line ${lineNo}: "text" must be a string`, 2);
      pending.push(text);
      if (pending.length >= BATCH) flush();
    }
  } finally {
    flush();
  }
  return count;
}

const LABEL = {
  positive: '正面 positive', neutral: '中性 neutral', negative: '负面 negative',
  inquiry: '咨询 inquiry', complaint: '投诉 complaint', praise: '表扬 praise', spam: '垃圾 spam', other: '其他 other',
} as const;

export function formatAnalysis(a: TextAnalysis): string {
  return [
    `情感 sentiment: ${LABEL[a.sentiment]} (score ${a.score})`,
    `意图 intent:    ${LABEL[a.intent]}`,
    `垃圾 spam:      ${a.spam ? '是 yes' : '否 no'}`,
    `关键词 keywords: ${a.keywords.length ? a.keywords.join('、') : '—'}`,
    `风险词 risk cues: ${a.riskCues.length ? a.riskCues.join('、') : '—'}`,
    '',
  ].join('\n');
}

async function readAll(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

interface AnalyzeOptions {
  json?: boolean;
  jsonl?: boolean;
  words?: string;
}

export function registerAnalyzeCommand(program: Command): void {
  program
    .command('analyze')
    .description('文本理解：情感、意图、垃圾、关键词、风险词 (sentiment, intent, spam, keywords and risk cues of text on stdin)')
    .option('--json', 'print the analysis of the one message as JSON')
    .option('--jsonl', 'read {"text"} JSON lines, write one analysis line each, in order')
    .option('--words <list>', 'user dictionary: comma-separated brand/product words kept whole')
    .action(async (opts: AnalyzeOptions) => {
      const service = createTextService();
      const userWords = opts.words ? opts.words.split(/[,，]/).map((w) => w.trim()).filter(Boolean) : undefined;
      if (opts.jsonl) {
        const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
        await analyzeJsonLines(lines, (chunk) => process.stdout.write(chunk), service, userWords);
        return;
      }
      const text = (await readAll()).replace(/\r?\n$/, '');
      const [result] = service.analyze([text], { userWords });
      process.stdout.write(opts.json ? JSON.stringify(presentAnalysis(result)) + '\n' : formatAnalysis(result));
    });
}
