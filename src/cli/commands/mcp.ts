/**
 * `chorus mcp` — a Model Context Protocol server over stdio for AI agents (Claude Desktop, Cursor,
 * Cline …). It talks to a running Chorus server (CHORUS_URL) with an API token (CHORUS_TOKEN), so
 * the token's scopes are what the agent may do. stdout carries the protocol; logs go to stderr.
 */
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { Command } from 'commander';
import { CliError } from '../errors.js';
import { chorusApi, createChorusMcpServer, tokenWorkspace } from './mcp-server.js';

export function registerMcpCommand(program: Command) {
  program
    .command('mcp')
    .description('MCP server over stdio for AI agents, using a Chorus server’s API (CHORUS_URL, CHORUS_TOKEN)')
    .action(async () => {
      const url = process.env.CHORUS_URL;
      const token = process.env.CHORUS_TOKEN;
      if (!url || !/^https?:\/\//.test(url)) throw new CliError('CHORUS_URL must be the Chorus server’s address, e.g. http://127.0.0.1:3000', 2);
      if (!token) throw new CliError('CHORUS_TOKEN must be an API token (create one under 设置 → API 令牌)', 2);
      const api = chorusApi(url, token);
      let workspaceId: string;
      try {
        workspaceId = await tokenWorkspace(api, process.env.CHORUS_WORKSPACE);
      } catch (err) {
        throw new CliError((err as Error).message, 2);
      }
      const server = createChorusMcpServer(api, workspaceId);
      await server.connect(new StdioServerTransport());
      process.stderr.write(`chorus mcp: serving workspace ${workspaceId} from ${url}\n`);
      // The transport keeps the process alive until the client closes stdin.
      await new Promise<void>((resolve) => process.stdin.once('close', resolve));
    });
}
