import type { Command } from 'commander';
import { loadConfig, type Config } from '../kernel/config.js';

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
