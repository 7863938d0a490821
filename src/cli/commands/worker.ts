import type { Command } from 'commander';
import { configFrom, withDataDir } from '../shared.js';

export function registerWorkerCommand(program: Command) {
  withDataDir(program.command('worker'))
    .description('run job workers only (publishing, notifications, collection); start several against one PostgreSQL')
    .action(async (opts: { dataDir?: string }) => {
      const config = configFrom(opts);
      const { openRuntime, closeOnSignals } = await import('../../server/runtime.js');
      const runtime = await openRuntime(config, { worker: true });
      closeOnSignals(runtime);
      process.stdout.write(`chorus worker ${process.pid} started (${runtime.database.kind})\n`);
    });
}
