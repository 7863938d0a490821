import type { Command } from 'commander';
import { CliError } from '../errors.js';
import { configFrom, resolveWorkspace, withDataDir } from '../shared.js';
import {
  addWorkingDays, addWorkingHours, calendarFromWorkspace, defaultCalendar, formatInZone, parseInZone, type WorkingCalendar,
} from '../../kernel/working-calendar.js';

interface DueOptions { from: string; hours?: string; days?: string; workspace?: string; json?: boolean; dataDir?: string }

export function registerCalendarCommand(program: Command) {
  const calendar = program.command('calendar').description('the working calendar (workspace hours, public holidays, 调休)');
  withDataDir(calendar.command('due'))
    .description('the due time after N working hours or days')
    .requiredOption('--from <iso>', 'start (ISO date or date-time; without an offset it is read in the calendar’s zone)')
    .option('--hours <n>', 'working hours to add')
    .option('--days <n>', 'working days to add (due at the close of the last one)')
    .option('--workspace <id>', 'use this workspace’s calendar (id or name); default: 09:00–18:00 Asia/Shanghai')
    .option('--json', 'print {"dueAt": ISO}')
    .action(async (opts: DueOptions) => {
      if ((opts.hours === undefined) === (opts.days === undefined)) throw new CliError('give exactly one of --hours or --days');
      const amount = Number(opts.hours ?? opts.days);
      if (!Number.isFinite(amount) || amount < 0 || amount > 100_000) throw new CliError(`--${opts.hours !== undefined ? 'hours' : 'days'} must be a non-negative number`);
      const cal = opts.workspace ? await workspaceCalendar(opts) : defaultCalendar();
      const from = parseInZone(cal, opts.from);
      if (!from) throw new CliError(`--from "${opts.from}" is not an ISO date or date-time`);
      const due = opts.hours !== undefined ? addWorkingHours(cal, from, amount) : addWorkingDays(cal, from, amount);
      const dueAt = formatInZone(cal, due);
      process.stdout.write(opts.json ? `${JSON.stringify({ dueAt })}\n` : `${dueAt}\n`);
    });
}

async function workspaceCalendar(opts: DueOptions): Promise<WorkingCalendar> {
  const { openRuntime } = await import('../../server/runtime.js');
  const runtime = await openRuntime(configFrom(opts));
  try {
    const w = await resolveWorkspace(runtime, opts.workspace!);
    return calendarFromWorkspace(await runtime.services.team.workspaceSettings(w.id));
  } finally {
    await runtime.close();
  }
}
