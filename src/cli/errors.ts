import { ZodError } from 'zod';
import { DomainError } from '../kernel/errors.js';
import { ConfigError } from '../kernel/config.js';
import { DataDirLockedError } from '../db/data-dir-lock.js';

/** Every CLI failure is one line on stderr and a non-zero exit. */
export class CliError extends Error {
  constructor(message: string, readonly exitCode = 1) { super(message); }
}

export function failLine(err: unknown): string {
  if (err instanceof DomainError) {
    const fields = err.fields ? ` (${Object.entries(err.fields).map(([k, v]) => `${k}: ${v}`).join('; ')})` : '';
    return `${err.code === err.message ? err.code : `${err.message}`}${fields}`;
  }
  if (err instanceof ZodError) return err.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; ');
  if (err instanceof CliError || err instanceof ConfigError || err instanceof DataDirLockedError) return err.message;
  if (err instanceof Error) return err.message.split('\n')[0]!;
  return String(err);
}

export function exitWithError(err: unknown): never {
  process.stderr.write(`chorus: ${failLine(err)}\n`);
  if (process.env.CHORUS_DEBUG) console.error(err);
  process.exit(err instanceof CliError ? err.exitCode : 1);
}
