/**
 * `chorus packs import FILE --workspace W` — a compliance officer adds a rule pack, or a new version
 * of one in force, to a workspace. The file is validated like the shipped packs (every industry rule
 * names its law, article and date); the import is recorded in the workspace's audit log.
 */
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { DomainError } from '../../kernel/errors.js';
import { CliError } from '../errors.js';
import { configFrom, resolveWorkspace, withDataDir } from '../shared.js';

export function registerPacksCommand(program: Command) {
  const packs = program.command('packs').description('合规规则包 (compliance rule packs)');
  withDataDir(packs.command('import <file>'))
    .description('validate a rule pack (JSON) and add it to a workspace, or update the pack with its id')
    .requiredOption('--workspace <id>', 'workspace id or name')
    .action(async (file: string, opts: { workspace: string; dataDir?: string }) => {
      let raw: unknown;
      try {
        raw = JSON.parse(await readFile(file, 'utf8'));
      } catch (err) {
        throw new CliError(`${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : 'not valid JSON'}`, 2);
      }
      const { openRuntime } = await import('../../server/runtime.js');
      const runtime = await openRuntime(configFrom(opts));
      try {
        const ws = await resolveWorkspace(runtime, opts.workspace);
        const result = await runtime.services.compliance.importPack({ workspaceId: ws.id, userId: null }, raw);
        const was = result.previousVersion ? `（原版本 ${result.previousVersion}）` : '（新增）';
        process.stdout.write(`imported ${result.id}@${result.version}${was}: ${result.rules} rules into ${ws.name}\n`);
      } catch (err) {
        if (err instanceof DomainError && err.code === 'compliance.invalid_pack') {
          const fields = Object.entries(err.fields ?? {}).map(([k, v]) => `${k}: ${v}`).join('; ');
          throw new CliError(`${file}: ${err.message}${fields ? ` — ${fields}` : ''}`, 2);
        }
        throw err;
      } finally {
        await runtime.close();
      }
    });
}
