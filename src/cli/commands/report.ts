/**
 * `chorus report weekly --workspace W [--week YYYY-Www] --format xlsx|pdf|md|json [--out FILE]`
 *   json: the 周度数据监测表 ({ week, rows, totals }); md/xlsx/pdf: the 周度运营复盘报告.
 * `chorus report monthly|quarterly --workspace W --period 2026-11|2026-Q4 --format … [--out FILE]`
 * Text formats go to stdout without --out; binary formats are written to a file
 * (default: ./<kind>-report-<period>.<ext>). The week defaults to this week in the workspace's zone.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { CliError } from '../errors.js';
import { configFrom, resolveWorkspace, withDataDir } from '../shared.js';
import { parseLocale } from './import-metrics.js';

const FORMATS = ['json', 'md', 'xlsx', 'pdf'] as const;
type Format = (typeof FORMATS)[number];

interface ReportOpts {
  workspace: string;
  format: string;
  out?: string;
  week?: string;
  period?: string;
  locale?: string;
  dataDir?: string;
}

function parseFormat(v: string): Format {
  if ((FORMATS as readonly string[]).includes(v)) return v as Format;
  throw new CliError(`--format: expected one of ${FORMATS.join(', ')}, got ${v}`, 2);
}

function writeOut(body: Buffer | string, out: string) {
  const file = resolve(out);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(`${file}.partial`, body);
  renameSync(`${file}.partial`, file);
  process.stderr.write(`written ${file}\n`);
}

async function run(kind: 'weekly' | 'monthly' | 'quarterly', opts: ReportOpts) {
  const format = parseFormat(opts.format);
  const locale = opts.locale === undefined ? undefined : parseLocale(opts.locale);
  if (kind === 'weekly' && opts.week !== undefined && !/^\d{4}-W\d{2}$/.test(opts.week)) throw new CliError(`--week: expected YYYY-Www, got ${opts.week}`, 2);
  if (kind !== 'weekly' && !opts.period) throw new CliError(`--period is required (${kind === 'monthly' ? 'YYYY-MM' : 'YYYY-Qn'})`, 2);
  const { openRuntime } = await import('../../server/runtime.js');
  const runtime = await openRuntime(configFrom(opts));
  try {
    const ws = await resolveWorkspace(runtime, opts.workspace);
    const analytics = runtime.services.analytics;
    const caller = { workspaceId: ws.id, userId: null };
    let body: Buffer | string;
    let label: string;
    if (kind === 'weekly' && format === 'json') {
      const table = await analytics.weeklyTable(caller, opts.week, locale);
      body = `${JSON.stringify(table, null, 2)}\n`;
      label = table.week;
    } else {
      const doc = kind === 'weekly'
        ? await analytics.weeklyReview(caller, opts.week, locale)
        : await analytics.periodReport(caller, kind, opts.period!, locale);
      body = (await analytics.render(doc, format)).body;
      if (typeof body === 'string' && !body.endsWith('\n')) body += '\n';
      label = kind === 'weekly' ? doc.title.split(' · ').at(-1)! : opts.period!;
    }
    if (opts.out) writeOut(body, opts.out);
    else if (typeof body === 'string') process.stdout.write(body);
    else writeOut(body, `${kind}-report-${label}.${format}`);
  } finally {
    await runtime.close();
  }
}

export function registerReportCommand(program: Command) {
  const report = program.command('report').description('weekly, monthly and quarterly reports');
  withDataDir(report.command('weekly'))
    .description('周度数据监测表 (json) or 周度运营复盘报告 (md, xlsx, pdf) for an ISO week')
    .requiredOption('--workspace <workspace>', 'workspace id or name')
    .option('--week <week>', 'ISO week, e.g. 2026-W47 (default: this week in the workspace time zone)')
    .option('--format <format>', 'json, md, xlsx or pdf', 'json')
    .option('--out <file>', 'write to this file (json and md go to stdout otherwise)')
    .option('--locale <locale>', 'zh-CN or en-US (default: the workspace language)')
    .action((opts: ReportOpts) => run('weekly', opts));
  for (const kind of ['monthly', 'quarterly'] as const) {
    withDataDir(report.command(kind))
      .description(kind === 'monthly' ? 'monthly report with goal attainment' : 'quarterly report with goal attainment')
      .requiredOption('--workspace <workspace>', 'workspace id or name')
      .requiredOption('--period <period>', kind === 'monthly' ? 'month, e.g. 2026-11' : 'quarter, e.g. 2026-Q4')
      .option('--format <format>', 'json, md, xlsx or pdf', 'json')
      .option('--out <file>', 'write to this file (json and md go to stdout otherwise)')
      .option('--locale <locale>', 'zh-CN or en-US (default: the workspace language)')
      .action((opts: ReportOpts) => run(kind, opts));
  }
}
