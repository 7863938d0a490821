/**
 * `chorus check` — compliance check of copy read on stdin.
 *   chorus check --platform douyin [--json]   one copy; a table (or JSON) of findings
 *   chorus check --jsonl                       {"text","platform","industry?","commercial?","aiGenerated?"} per line
 *                                              → {"findings"} per line, in order
 *   chorus check --industry securities …       an industry pack in force for every copy (repeatable)
 * Exit 0 whether or not anything was found; bad input is one line on stderr and exit 2.
 */
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { CliError } from '../errors.js';
import { INDUSTRIES, PLATFORMS, isIndustry, isPlatform, platformName, type Finding, type Industry, type Platform } from '../../modules/compliance/model.js';
import { createComplianceService, type CheckResult, type ComplianceService } from '../../modules/compliance/service.js';

export interface CliFinding {
  rule: string;
  category: string;
  severity: 'block' | 'warn';
  start: number;
  end: number;
  match: string;
  message: string;
  suggestion: string | null;
}

export function presentFinding(f: Finding): CliFinding {
  return {
    rule: f.rule,
    category: f.category,
    severity: f.severity,
    start: f.start,
    end: f.end,
    match: f.match,
    message: f.message,
    suggestion: f.suggestion,
  };
}

const PLATFORM_LIST = PLATFORMS.join(', ');

function parsePlatform(value: unknown, where: string): Platform {
  if (isPlatform(value)) return value;
  throw new CliError(`${where}unknown platform ${JSON.stringify(value)} (expected one of ${PLATFORM_LIST})`, 2);
}

function parseIndustry(value: unknown, where: string): Industry {
  if (isIndustry(value)) return value;
  throw new CliError(`${where}unknown industry ${JSON.stringify(value)} (expected one of ${INDUSTRIES.join(', ')})`, 2);
}

function optionalBoolean(value: unknown, name: string, where: string): boolean | undefined {
  if (value === undefined || typeof value === 'boolean') return value;
  throw new CliError(`${where}"${name}" must be true or false`, 2);
}

/**
 * One output line per non-blank input line, in order. Throws CliError naming the first
 * bad line (the lines before it have been written).
 */
export async function checkJsonLines(
  lines: AsyncIterable<string>,
  write: (chunk: string) => void,
  service: ComplianceService,
  defaultPlatform?: Platform,
  industries: readonly Industry[] = [],
): Promise<number> {
  let lineNo = 0;
  let count = 0;
  let buffer = '';
  const flush = () => {
    if (buffer) write(buffer);
    buffer = '';
  };
  try {
    for await (const raw of lines) {
      lineNo++;
      if (raw.trim() === '') continue;
      const where = `line ${lineNo}: `;
      let value: unknown;
      try {
        value = JSON.parse(raw);
      } catch {
        throw new CliError(`${where}not valid JSON`, 2);
      }
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw new CliError(`${where}expected an object {"text": "...", "platform": "..."}`, 2);
      }
      const { text, platform, title, industry, commercial, aiGenerated } = value as Record<string, unknown>;
      if (typeof text !== 'string') throw new CliError(`${where}"text" must be a string`, 2);
      if (title !== undefined && typeof title !== 'string') throw new CliError(`${where}"title" must be a string`, 2);
      if (platform === undefined && !defaultPlatform) throw new CliError(`${where}"platform" is missing (or pass --platform)`, 2);
      const chosen = platform === undefined && defaultPlatform ? defaultPlatform : parsePlatform(platform, where);
      const result = service.check({
        text, platform: chosen, title: title as string | undefined, industries,
        industry: industry === undefined || industry === null ? undefined : parseIndustry(industry, where),
        commercial: optionalBoolean(commercial, 'commercial', where),
        aiGenerated: optionalBoolean(aiGenerated, 'aiGenerated', where),
      });
      buffer += JSON.stringify({ findings: result.findings.map(presentFinding) }) + '\n';
      count++;
      if (buffer.length > 65536) flush();
    }
  } finally {
    flush();
  }
  return count;
}

const SEVERITY_LABEL = { block: '阻止', warn: '警告' } as const;

/** Display width: CJK and other wide characters take two columns. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{1f300}-\u{1faff}]/u.test(ch) ? 2 : 1;
  return w;
}

const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - width(s)));

export function formatTable(result: CheckResult, platform: Platform): string {
  const { findings } = result;
  const blocking = findings.filter((f) => f.severity === 'block').length;
  const head = `${platformName(platform)}（${platform}）· 规则包 ${result.packVersion}`;
  if (findings.length === 0) return `${head}\n未发现问题。No findings.\n`;
  const rows = findings.map((f) => [
    SEVERITY_LABEL[f.severity],
    f.category,
    f.field === 'text' ? `${f.start}-${f.end}` : f.field,
    f.match.replace(/\s+/g, ' ').slice(0, 24),
    f.message + (f.suggestion ? `；建议：${f.suggestion}` : ''),
  ]);
  const header = ['严重性', '类别', '位置', '命中', '说明'];
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]))));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : pad(c, widths[i]))).join('  ').trimEnd();
  const verdict = blocking > 0 ? `${findings.length} 项问题，其中 ${blocking} 项阻止发布` : `${findings.length} 项警告，需确认后发布`;
  return [head, verdict, '', line(header), ...rows.map(line), ''].join('\n');
}

async function readAll(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

interface CheckOptions {
  platform?: string;
  industry?: string[];
  commercial?: boolean;
  aiGenerated?: boolean;
  json?: boolean;
  jsonl?: boolean;
  title?: string;
}

export function registerCheckCommand(program: Command): void {
  program
    .command('check')
    .description('合规检查：检查标准输入中的文案 (compliance check of copy on stdin)')
    .option('--platform <platform>', `target platform: ${PLATFORM_LIST}`)
    .option('--title <title>', 'title of the post, checked too (single-copy mode)')
    .option('--json', 'print the findings as JSON')
    .option('--jsonl', 'read {"text","platform","industry?","commercial?","aiGenerated?"} JSON lines, write one {"findings"} line each')
    .option('--industry <pack>', `industry pack in force (repeatable): ${INDUSTRIES.join(', ')}`, (v: string, acc: string[] = []) => [...acc, v])
    .option('--commercial', 'the copy is commercial (needs 「广告」; single-copy mode)')
    .option('--ai-generated', 'the copy was produced with AI (needs an explicit label; single-copy mode)')
    .action(async (opts: CheckOptions) => {
      const platform = opts.platform === undefined ? undefined : parsePlatform(opts.platform, '--platform: ');
      const industries = (opts.industry ?? []).map((v) => parseIndustry(v, '--industry: '));
      const service = createComplianceService();
      service.warm();
      if (opts.jsonl) {
        const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
        await checkJsonLines(lines, (chunk) => process.stdout.write(chunk), service, platform, industries);
        return;
      }
      if (!platform) throw new CliError(`--platform is required (one of ${PLATFORM_LIST}), or use --jsonl`, 2);
      const text = (await readAll()).replace(/\r?\n$/, '');
      const result = service.check({ text, platform, title: opts.title, industries, commercial: opts.commercial, aiGenerated: opts.aiGenerated });
      if (opts.json) {
        const findings = result.findings.map((f) => ({ ...presentFinding(f), field: f.field }));
        const out = { findings, blocked: result.blocked, packVersion: result.packVersion };
        process.stdout.write(JSON.stringify(out, null, 2) + '\n');
      } else {
        process.stdout.write(formatTable(result, platform));
      }
    });
}
