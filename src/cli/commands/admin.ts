import type { Command } from 'commander';
import { configFrom, withDataDir } from '../shared.js';

export function registerAdminCommand(program: Command) {
  const admin = program.command('admin').description('administration');
  withDataDir(admin.command('create'))
    .description('create an owner (and a workspace if none exists); works before the server has ever run')
    .requiredOption('--email <email>', 'sign-in e-mail')
    .requiredOption('--password <password>', 'password (10+ characters, three of: lower, upper, digit, symbol)')
    .option('--name <name>', 'display name')
    .option('--workspace <name>', 'workspace to create or join as owner')
    .action(async (opts: { email: string; password: string; name?: string; workspace?: string; dataDir?: string }) => {
      const { z } = await import('zod');
      if (!z.email().safeParse(opts.email).success) {
        const { CliError } = await import('../errors.js');
        throw new CliError(`--email: not an e-mail address: ${opts.email}`);
      }
      const config = configFrom(opts);
      const { openRuntime } = await import('../../server/runtime.js');
      const runtime = await openRuntime(config);
      try {
        const { userId, workspaceId } = await runtime.services.team.adminCreate({
          email: opts.email, password: opts.password, name: opts.name, workspaceName: opts.workspace,
        });
        process.stdout.write(`created owner ${opts.email} (user ${userId}) in workspace ${workspaceId}\n`);
      } finally {
        await runtime.close();
      }
    });
}
