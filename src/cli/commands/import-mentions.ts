/**
 * `chorus import mentions FILE.jsonl --workspace W [--data-dir DIR]`
 * One mention object per line, as in `POST …/listening/mentions:batch`. Sent in batches of 1,000 through
 * the same intake (analysed, matched, scored, alerts); re-importing a file stores nothing twice.
 * Prints accepted/duplicates/rejected; each rejected line goes to stderr as FILE:LINE: why.
 */
import { createReadStream, existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { CliError } from '../errors.js';
import { configFrom, resolveWorkspace, withDataDir } from '../shared.js';

const BATCH = 1000;

async function progressBar(total: number) {
  if (!process.stderr.isTTY) return { update: (_n: number) => {}, stop: () => {} };
  const cp = (await import('cli-progress')).default;
  const bar = new cp.SingleBar({ stream: process.stderr, format: 'importing [{bar}] {percentage}% {value}/{total} KB', hideCursor: true }, cp.Presets.shades_classic);
  bar.start(Math.max(1, Math.ceil(total / 1024)), 0);
  return { update: (bytes: number) => bar.update(Math.ceil(bytes / 1024)), stop: () => bar.stop() };
}

export function registerImportMentionsCommand(program: Command) {
  const imp = program.commands.find((c) => c.name() === 'import') ?? program.command('import').description('import data from files');
  withDataDir(imp.command('mentions'))
    .description('import mentions from a data vendor export (JSONL: one mention per line); idempotent by source + externalId')
    .argument('<file>', 'JSONL file: {"source","externalId","text","author":{"name"},"publishedAt",…} per line')
    .requiredOption('--workspace <workspace>', 'workspace id or name')
    .action(async (file: string, opts: { workspace: string; dataDir?: string }) => {
      if (!existsSync(file)) throw new CliError(`file not found: ${file}`);
      const size = (await stat(file)).size;
      const { openRuntime } = await import('../../server/runtime.js');
      const runtime = await openRuntime(configFrom(opts));
      const totals = { accepted: 0, duplicates: 0, rejected: 0 };
      try {
        const ws = await resolveWorkspace(runtime, opts.workspace);
        const bar = await progressBar(size);
        let batch: unknown[] = [];
        let lines: number[] = [];
        let read = 0;
        let lineNo = 0;
        const flush = async () => {
          if (batch.length === 0) return;
          const r = await runtime.services.listening.ingest(ws.id, batch, 'import');
          totals.accepted += r.accepted;
          totals.duplicates += r.duplicates;
          totals.rejected += r.rejected.length;
          bar.update(read);
          for (const x of r.rejected) process.stderr.write(`${file}:${lines[x.index]}: ${x.error}\n`);
          batch = [];
          lines = [];
        };
        const rl = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
        for await (const line of rl) {
          lineNo += 1;
          read += Buffer.byteLength(line) + 1;
          if (!line.trim()) continue;
          try {
            batch.push(JSON.parse(line));
            lines.push(lineNo);
          } catch {
            totals.rejected += 1;
            process.stderr.write(`${file}:${lineNo}: not a JSON object\n`);
          }
          if (batch.length >= BATCH) await flush();
        }
        await flush();
        bar.stop();
        await runtime.services.team.record(runtime.services.database.db, { userId: null, workspaceId: ws.id }, {
          action: 'listening.mentions_imported', targetType: 'workspace', targetId: ws.id, details: { file: file.split('/').pop(), ...totals },
        });
        process.stdout.write(`accepted ${totals.accepted}, duplicates ${totals.duplicates}, rejected ${totals.rejected}\n`);
      } finally {
        await runtime.close();
      }
      if (totals.accepted === 0 && totals.duplicates === 0 && totals.rejected > 0) throw new CliError('no mention in the file could be imported');
    });
}
