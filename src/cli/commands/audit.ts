import type { Command } from 'commander';
import { CliError } from '../errors.js';
import { configFrom, resolveWorkspace, withDataDir } from '../shared.js';

export function registerAuditCommand(program: Command) {
  const audit = program.command('audit').description('the append-only audit log');
  withDataDir(audit.command('verify'))
    .description('check every workspace’s hash chain; exits 1 if an entry was changed or removed')
    .option('--workspace <id>', 'only this workspace (id or name)')
    .action(async (opts: { workspace?: string; dataDir?: string }) => {
      const config = configFrom(opts);
      const { openRuntime } = await import('../../server/runtime.js');
      const runtime = await openRuntime(config);
      let broken = 0;
      try {
        const chosen = opts.workspace ? [await resolveWorkspace(runtime, opts.workspace)] : await runtime.services.team.listAllWorkspaces();
        for (const w of chosen) {
          const r = await runtime.services.team.verifyAudit(w.id);
          if (r.ok) process.stdout.write(`ok      ${w.name} (${r.checked} entries)\n`);
          else { broken += 1; process.stdout.write(`BROKEN  ${w.name}: entry ${r.brokenAt} does not match the chain (${r.checked} entries verified before it)\n`); }
        }
      } finally {
        await runtime.close();
      }
      if (broken > 0) throw new CliError(`audit chain broken in ${broken} workspace(s)`);
    });
}
