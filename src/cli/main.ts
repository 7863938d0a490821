import { Command } from 'commander';
import { exitWithError } from './errors.js';
import { registerAdminCommand } from './commands/admin.js';
import { registerAnalyzeCommand } from './commands/analyze.js';
import { registerImportCommand } from './commands/import-metrics.js';
import { registerImportMentionsCommand } from './commands/import-mentions.js';
import { registerReportCommand } from './commands/report.js';
import { registerAuditCommand } from './commands/audit.js';
import { registerBackupCommands } from './commands/backup.js';
import { registerCheckCommand } from './commands/check.js';
import { registerPacksCommand } from './commands/packs.js';
import { registerMcpCommand } from './commands/mcp.js';
import { registerSandboxCommand } from './commands/sandbox.js';
import { registerMigrateCommand } from './commands/migrate.js';
import { registerServeCommand } from './commands/serve.js';
import { registerWorkerCommand } from './commands/worker.js';
import { registerCalendarCommand } from './commands/calendar.js';

export function buildProgram(): Command {
  const program = new Command('chorus')
    .description('Chorus 合声 — self-hosted social-media operations (企业社交媒体运营)')
    .version('0.1.0')
    .showHelpAfterError(false)
    .configureOutput({ writeErr: (s) => process.stderr.write(s.startsWith('error: ') ? `chorus: ${s.slice(7)}` : s) });
  program.exitOverride();
  registerServeCommand(program);
  registerWorkerCommand(program);
  registerMigrateCommand(program);
  registerAdminCommand(program);
  registerBackupCommands(program);
  registerAuditCommand(program);
  registerCheckCommand(program);
  registerPacksCommand(program);
  registerMcpCommand(program);
  registerSandboxCommand(program);
  registerAnalyzeCommand(program);
  registerImportCommand(program);
  registerImportMentionsCommand(program);
  registerReportCommand(program);
  registerCalendarCommand(program);
  for (const cmd of program.commands) cmd.exitOverride();
  return program;
}

export async function main(argv: string[]) {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (err) {
    const e = err as { code?: string; exitCode?: number };
    if (e.code?.startsWith('commander.')) process.exit(e.exitCode ?? 1); // commander already printed one line
    exitWithError(err);
  }
}
