import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const CHORUS = fileURLToPath(new URL('../../bin/chorus', import.meta.url));

export interface CliResult { code: number | null; stdout: string; stderr: string }

/** Runs bin/chorus as a user would, with a clean environment apart from what the test sets. */
export function runCli(args: string[], opts: { env?: Record<string, string | undefined>; input?: string } = {}): CliResult {
  const env = { ...process.env, DATABASE_URL: undefined, CHORUS_DATA_DIR: undefined, ...opts.env } as NodeJS.ProcessEnv;
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  const r = spawnSync(process.execPath, [CHORUS, ...args], { env, input: opts.input, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Starts a long-running command and resolves once its output matches `ready`. */
export function startCli(args: string[], ready: RegExp, env: Record<string, string | undefined> = {}): Promise<{ child: ChildProcess; output: () => string }> {
  const e = { ...process.env, DATABASE_URL: undefined, CHORUS_DATA_DIR: undefined, ...env } as NodeJS.ProcessEnv;
  for (const k of Object.keys(e)) if (e[k] === undefined) delete e[k];
  const child = spawn(process.execPath, [CHORUS, ...args], { env: e });
  let out = '';
  return new Promise((resolve, reject) => {
    const onData = (d: Buffer) => {
      out += d.toString();
      if (ready.test(out)) resolve({ child, output: () => out });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`exited ${code} before ready: ${out}`)));
  });
}
