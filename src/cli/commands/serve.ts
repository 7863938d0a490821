import type { Command } from 'commander';
import { configFrom, withDataDir } from '../shared.js';

export function registerServeCommand(program: Command) {
  withDataDir(program.command('serve'))
    .description('run the API, the console and (unless --no-worker) the job workers')
    .option('--port <n>', 'port to listen on (default: $PORT or 3000)')
    .option('--host <h>', 'address to listen on (default: $HOST or 127.0.0.1)')
    .option('--no-worker', 'do not run job workers in this process (run `chorus worker` elsewhere)')
    .option('--demo', 'on first start, create a demo workspace with sample data and print a one-time login')
    .action(async (opts: { port?: string; host?: string; worker: boolean; demo?: boolean; dataDir?: string }) => {
      // The demo's sandbox network and receivers run on this machine, so the demo may reach private hosts.
      const config = opts.demo ? { ...configFrom(opts), allowPrivateHosts: true } : configFrom(opts);
      const { openRuntime, closeOnSignals } = await import('../../server/runtime.js');
      const { buildApp } = await import('../../server/app.js');
      const runtime = await openRuntime(config, { worker: opts.worker });
      try {
        let network: { url: string; close(): Promise<void> } | undefined;
        if (opts.demo) {
          const { seedDemo, startDemoNetwork } = await import('../demo.js');
          network = await startDemoNetwork(config);
          await seedDemo(runtime.services, network as never);
        }
        const app = await buildApp({ services: runtime.services });
        if (network) app.addHook('onClose', async () => network!.close());
        closeOnSignals(runtime, app);
        await app.listen({ port: config.port, host: config.host });
        const where = runtime.database.kind === 'pglite' ? `embedded database in ${config.dataDir}` : 'PostgreSQL';
        if (network) process.stdout.write(`Sandbox network (沙盒网络) at ${network.url}\n`);
        process.stdout.write(`Chorus 合声 is running at http://${config.host}:${app.server.address() && typeof app.server.address() === 'object' ? (app.server.address() as { port: number }).port : config.port} (${where}${opts.worker ? ', workers on' : ', workers off'})\n`);
      } catch (err) {
        await runtime.close().catch(() => {});
        throw err;
      }
    });
}
