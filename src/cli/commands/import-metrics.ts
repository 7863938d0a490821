/**
 * `chorus import metrics FILE --workspace W [--data-dir DIR] [--locale zh-CN|en-US]`
 * Imports daily post rows or account rows (CSV or XLSX) into a workspace: all rows or none,
 * in one transaction. Problems are listed one per line (line number, field, message) on
 * stderr and the command exits 1 without writing anything.
 */
import { readFileSync, existsSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { DomainError } from '../../kernel/errors.js';
import { CliError } from '../errors.js';
import { configFrom, resolveWorkspace, withDataDir } from '../shared.js';
import type { ImportError } from '../../modules/analytics/import-parse.js';
import type { Locale } from '../../modules/analytics/labels.js';


export function parseLocale(v: string | undefined): Locale {
  if (v === undefined || v === 'zh-CN' || v === 'en-US') return (v ?? 'zh-CN') as Locale;
  throw new CliError(`--locale: expected zh-CN or en-US, got ${v}`, 2);
}

/** A progress bar on an interactive terminal, shown once the row count is known; silent otherwise. */
async function progressBar(): Promise<{ update(done: number, total: number): void; stop(): void }> {
  if (!process.stderr.isTTY) return { update: () => {}, stop: () => {} };
  const cp = (await import('cli-progress')).default;
  const bar = new cp.SingleBar({ stream: process.stderr, format: 'importing [{bar}] {percentage}% {value}/{total} rows', hideCursor: true }, cp.Presets.shades_classic);
  let started = false;
  return {
    update(done, total) {
      if (!started) { bar.start(total, 0); started = true; }
      bar.update(done);
    },
    stop: () => { if (started) bar.stop(); },
  };
}

export function registerImportCommand(program: Command) {
  const imp = program.command('import').description('import data from files');
  withDataDir(imp.command('metrics'))
    .description('import daily post metrics or account followers from a CSV or XLSX file (all rows or none)')
    .argument('<file>', 'CSV or XLSX with the header date,platform,account,post_id,… or date,platform,account,followers,…')
    .requiredOption('--workspace <workspace>', 'workspace id or name')
    .option('--locale <locale>', 'language of the messages: zh-CN (default) or en-US')
    .action(async (file: string, opts: { workspace: string; dataDir?: string; locale?: string }) => {
      const locale = parseLocale(opts.locale);
      if (!existsSync(file)) throw new CliError(`file not found: ${file}`);
      const data = readFileSync(file);
      const config = configFrom(opts);
      const { openRuntime } = await import('../../server/runtime.js');
      const runtime = await openRuntime(config);
      try {
        const ws = await resolveWorkspace(runtime, opts.workspace);
        const analytics = runtime.services.analytics;
        const bar = await progressBar();
        const started = Date.now();
        try {
          const s = await analytics.importMetrics({ workspaceId: ws.id, userId: null }, { data, filename: basename(file) }, {
            locale, onProgress: (done, total) => bar.update(done, total),
          });
          bar.stop();
          const secs = ((Date.now() - started) / 1000).toFixed(1);
          process.stdout.write(locale === 'zh-CN'
            ? `已导入 ${s.rows} 行${s.kind === 'posts' ? '内容数据' : '账号数据'}到「${ws.name}」：${s.from} 至 ${s.to}，平台 ${s.platforms.join('、')}，${s.accounts} 个账号（${secs} 秒）\n`
            : `imported ${s.rows} ${s.kind === 'posts' ? 'post' : 'account'} rows into "${ws.name}": ${s.from} to ${s.to}, platforms ${s.platforms.join(', ')}, ${s.accounts} account(s) (${secs} s)\n`);
        } catch (err) {
          bar.stop();
          if (err instanceof DomainError && err.code === 'analytics.import_invalid') {
            const errors = (err.details?.errors ?? []) as ImportError[];
            for (const e of errors.slice(0, 200)) process.stderr.write(`${file}:${e.line}: ${e.field}: ${e.message}\n`);
            if (errors.length > 200) process.stderr.write(`… ${errors.length - 200} more\n`);
            throw new CliError(locale === 'zh-CN' ? `文件有 ${errors.length} 处问题，未导入任何数据` : `${errors.length} problem(s) in the file; nothing was imported`);
          }
          throw err;
        }
      } finally {
        await runtime.close();
      }
    });
}
