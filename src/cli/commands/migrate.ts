import type { Command } from 'commander';
import { configFrom, withDataDir } from '../shared.js';

export function registerMigrateCommand(program: Command) {
  withDataDir(program.command('migrate'))
    .description('apply database migrations (also done at every start)')
    .action(async (opts: { dataDir?: string }) => {
      const config = configFrom(opts);
      const { openRuntime } = await import('../../server/runtime.js');
      const runtime = await openRuntime(config);
      await runtime.close();
      process.stdout.write(`migrations applied (${runtime.database.kind === 'pglite' ? config.dataDir : 'PostgreSQL'})\n`);
    });
}
