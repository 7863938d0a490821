import type { Command } from 'commander';

interface SandboxCliOptions { port: string; host: string; seed: string; state?: string; adminToken?: string; tokens: boolean }

/** `chorus sandbox`: run the simulated social network on its own (demo, drills, benchmarks in other processes). */
export function registerSandboxCommand(program: Command) {
  program.command('sandbox')
    .description('run the sandbox social network (simulated audience, fault injection) over HTTP')
    .option('--port <n>', 'port to listen on (0 picks a free one)', '4010')
    .option('--host <h>', 'address to listen on', '127.0.0.1')
    .option('--seed <s>', 'seed for the simulated audience (same seed, same network)', 'chorus')
    .option('--state <file>', 'JSON file that keeps the network across restarts')
    .option('--admin-token <t>', 'require X-Sandbox-Admin: <t> on /_sandbox routes')
    .option('--no-tokens', 'do not print an access token per account')
    .action(async (opts: SandboxCliOptions) => {
      const { CliError } = await import('../errors.js');
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliError(`--port: not a port number: ${opts.port}`);
      const { startSandboxServer } = await import('../../modules/platforms/sandbox/server.js');
      const sb = await startSandboxServer({ port, host: opts.host, seed: opts.seed, persistPath: opts.state, adminToken: opts.adminToken, tokenTtlMs: 7 * 86_400_000 });
      const out = (s: string) => process.stdout.write(`${s}\n`);
      out(`Chorus sandbox network at ${sb.url} (seed ${sb.state.seed}${opts.state ? `, state in ${opts.state}` : ''})`);
      out(`admin: GET ${sb.url}/_sandbox/stats · POST ${sb.url}/_sandbox/faults · POST ${sb.url}/_sandbox/tick · POST ${sb.url}/_sandbox/crisis`);
      for (const a of sb.state.accounts()) {
        const token = opts.tokens ? `  token ${sb.state.auth.issue(a.id, 'cli').accessToken}` : '';
        out(`  ${a.id}  ${a.name} (@${a.handle}, ${a.followers} followers)${token}`);
      }
      let closing = false;
      const stop = () => {
        if (closing) return;
        closing = true;
        sb.close().then(() => process.exit(0), () => process.exit(1));
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
