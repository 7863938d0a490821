import type { Command } from 'commander';
import { loadConfig, type Config } from '../kernel/config.js';
import type { Runtime } from '../server/runtime.js';
import { CliError } from './errors.js';

/** `--data-dir` and CHORUS_DATA_DIR choose the embedded database; DATABASE_URL, when set, wins over both. */
export function withDataDir(cmd: Command): Command {
  return cmd.option('--data-dir <dir>', 'embedded database directory (default: $CHORUS_DATA_DIR or ./data)');
}

export function configFrom(opts: { dataDir?: string; port?: string; host?: string }): Config {
  return loadConfig(process.env, { CHORUS_DATA_DIR: opts.dataDir, PORT: opts.port, HOST: opts.host });
}

export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** A workspace by id or by name; one line of help when there is none or the name is ambiguous. */
export async function resolveWorkspace(runtime: Runtime, ref: string): Promise<{ id: string; name: string }> {
  const all = await runtime.services.team.listAllWorkspaces();
  const byId = all.find((w) => w.id === ref);
  if (byId) return byId;
  const named = all.filter((w) => w.name === ref);
  if (named.length === 1) return named[0]!;
  if (named.length > 1) throw new CliError(`several workspaces are named "${ref}"; pass its id`);
  throw new CliError(`no workspace "${ref}" (${all.length ? `known: ${all.map((w) => w.name).join(', ')}` : 'create one with `chorus admin create`'})`);
}
