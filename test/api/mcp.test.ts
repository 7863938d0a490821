import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHORUS } from '../helpers/cli.js';
import { addMember, createTestRuntime, signUpOwner, type Session, type TestRuntime } from '../helpers/runtime.js';

type ToolText = { content: Array<{ type: string; text: string }>; isError?: boolean };

/** `bin/chorus mcp` driven by the official SDK client over stdio, against a running Chorus server. */
describe('chorus mcp', () => {
  let rt: TestRuntime;
  let owner: Session & { workspaceId: string };
  let baseUrl: string;
  let client: Client;

  beforeAll(async () => {
    rt = await createTestRuntime();
    owner = await signUpOwner(rt, 'mcp');
    const manager = await addMember(rt, owner, 'manager');
    baseUrl = await rt.app.listen({ port: 0, host: '127.0.0.1' });
    // A manager's token narrowed to reading accounts and checking copy: no drafts, no inbox replies.
    const created = await rt.app.inject({
      method: 'POST', url: `/api/v1/workspaces/${owner.workspaceId}/tokens`, headers: manager.headers,
      payload: { name: 'agent', scopes: ['workspace.read', 'accounts.read', 'compliance.check', 'content.read'] },
    });
    expect(created.statusCode, created.body).toBe(201);
    const transport = new StdioClientTransport({
      command: process.execPath, args: [CHORUS, 'mcp'],
      env: { PATH: process.env.PATH ?? '', CHORUS_URL: baseUrl, CHORUS_TOKEN: created.json().secret },
      stderr: 'pipe',
    });
    client = new Client({ name: 'chorus-test', version: '1.0.0' });
    await client.connect(transport);
  }, 120_000);

  afterAll(async () => {
    await client?.close();
    await rt?.close();
  });

  it('lists the tools, including compliance_check with { text, platform }', async () => {
    const { tools } = await client.listTools();
    const names = tools.map((t) => t.name).sort();
    expect(names).toEqual(['compliance_check', 'create_draft', 'list_accounts', 'list_alerts', 'list_calendar', 'list_inbox', 'reply_inbox', 'weekly_table']);
    const check = tools.find((t) => t.name === 'compliance_check')!;
    expect(check.inputSchema.required).toEqual(['text', 'platform']);
  });

  it('compliance_check returns the findings', async () => {
    const r = (await client.callTool({ name: 'compliance_check', arguments: { text: '全网最低价，加V：abc12345', platform: 'douyin' } })) as ToolText;
    expect(r.isError).toBeFalsy();
    const body = JSON.parse(r.content[0]!.text);
    expect(body.blocked).toBe(true);
    expect(body.findings.map((f: { category: string }) => f.category)).toEqual(['ad-law/absolute', 'platform/contact']);
  });

  it('reads what the token may read', async () => {
    const accounts = (await client.callTool({ name: 'list_accounts', arguments: {} })) as ToolText;
    expect(accounts.isError).toBeFalsy();
    expect(JSON.parse(accounts.content[0]!.text)).toHaveProperty('items');
    const calendar = (await client.callTool({ name: 'list_calendar', arguments: { from: '2026-11-01', to: '2026-11-30' } })) as ToolText;
    expect(calendar.isError).toBeFalsy();
  });

  it('is refused what the token may not do, and nothing is created', async () => {
    const draft = (await client.callTool({ name: 'create_draft', arguments: { topic: '代理写的草稿', text: '新品上市' } })) as ToolText;
    expect(draft.isError).toBe(true);
    expect(draft.content[0]!.text).toContain('does not allow');
    const weekly = (await client.callTool({ name: 'weekly_table', arguments: {} })) as ToolText;
    expect(weekly.isError).toBe(true);
    const items = await rt.app.inject({ method: 'GET', url: `/api/v1/workspaces/${owner.workspaceId}/content/items`, headers: owner.headers });
    expect(items.json().items).toEqual([]);
  });
});
