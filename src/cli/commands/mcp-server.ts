/**
 * The Chorus MCP server: tools that call a Chorus server's public API with one API token, so the
 * token's scopes are exactly what an agent may do (a refused call comes back as a tool error
 * naming the missing permission). Nothing here touches the database.
 */
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { INDUSTRIES, PLATFORMS } from '../../modules/compliance/model.js';

export interface ChorusApi {
  call(method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ status: number; json: unknown }>;
}

/** A client of the Chorus API at `baseUrl` with a bearer token. */
export function chorusApi(baseUrl: string, token: string): ChorusApi {
  const root = baseUrl.replace(/\/+$/, '');
  return {
    async call(method, path, body) {
      const res = await fetch(`${root}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, accept: 'application/json', ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      const text = await res.text();
      let json: unknown = null;
      try {
        json = text ? JSON.parse(text) : null;
      } catch {
        json = { error: { code: 'not_json', message: text.slice(0, 200) } };
      }
      return { status: res.status, json };
    },
  };
}

/** The workspace the token belongs to (a token is scoped to one; CHORUS_WORKSPACE picks one for a session token). */
export async function tokenWorkspace(api: ChorusApi, wanted?: string): Promise<string> {
  const me = await api.call('GET', '/api/v1/me');
  if (me.status !== 200) throw new Error(`Chorus refused the token (HTTP ${me.status})`);
  const workspaces = (me.json as { workspaces: Array<{ id: string; name: string }> }).workspaces;
  const chosen = wanted ? workspaces.find((w) => w.id === wanted || w.name === wanted) : workspaces[0];
  if (!chosen) throw new Error(wanted ? `the token has no workspace "${wanted}"` : 'the token has no workspace');
  return chosen.id;
}

type ToolResult = { content: Array<{ type: 'text'; text: string }>; isError?: boolean };

function result(status: number, json: unknown): ToolResult {
  if (status >= 200 && status < 300) return { content: [{ type: 'text', text: JSON.stringify(json ?? { ok: true }, null, 2) }] };
  const error = (json as { error?: { code?: string; message?: string } } | null)?.error;
  const why = status === 403 ? 'the API token does not allow this (missing scope or role)' : (error?.message ?? `HTTP ${status}`);
  return { isError: true, content: [{ type: 'text', text: `Chorus refused: ${why} [${error?.code ?? status}]` }] };
}

const qs = (params: Record<string, string | undefined>) => {
  const entries = Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== '');
  return entries.length ? `?${new URLSearchParams(entries)}` : '';
};

export function createChorusMcpServer(api: ChorusApi, workspaceId: string): McpServer {
  const server = new McpServer({ name: 'chorus', version: '0.1.0' });
  const ws = `/api/v1/workspaces/${workspaceId}`;
  const get = async (path: string) => {
    const r = await api.call('GET', `${ws}${path}`);
    return result(r.status, r.json);
  };
  const post = async (path: string, body: unknown) => {
    const r = await api.call('POST', `${ws}${path}`, body);
    return result(r.status, r.json);
  };

  server.registerTool('list_accounts', {
    description: 'The account matrix: each social-media account with its platform, type, owner and status.',
    inputSchema: { platform: z.enum(PLATFORMS).optional().describe('only this platform') },
    annotations: { readOnlyHint: true },
  }, async ({ platform }) => get(`/accounts${qs({ platform })}`));

  server.registerTool('compliance_check', {
    description: 'Check copy against Chinese advertising law (广告法), industry packs, 「广告」/AI labels, platform rules and sensitive words. Returns the findings with offsets, severity and suggested fixes.',
    inputSchema: {
      text: z.string().max(100_000).describe('the copy to check'),
      platform: z.enum(PLATFORMS).describe('target platform'),
      industry: z.enum(INDUSTRIES).optional().describe('the industry pack to apply on top of the workspace’s'),
      commercial: z.boolean().optional().describe('paid placement, promotion with a price or purchase link, KOL collaboration'),
      aiGenerated: z.boolean().optional().describe('written or substantially edited by AI'),
    },
    annotations: { readOnlyHint: true },
  }, async (args) => post('/compliance/check', args));

  server.registerTool('create_draft', {
    description: 'Create a draft content item (a row of the content plan) with its master copy. It is a draft: people review and schedule it in Chorus. Copy written by an agent is recorded as AI-generated.',
    inputSchema: {
      topic: z.string().min(1).max(200),
      text: z.string().max(50_000).describe('master copy'),
      platforms: z.array(z.enum(PLATFORMS)).max(12).optional(),
      accountIds: z.array(z.string().uuid()).max(30).optional(),
      plannedAt: z.string().optional().describe('ISO date-time with offset'),
      aiGenerated: z.boolean().optional().describe('default true: the agent wrote it'),
    },
  }, async ({ topic, text, platforms, accountIds, plannedAt, aiGenerated }) =>
    post('/content/items', { topic, master: { text }, status: 'draft', platforms, accountIds, plannedAt, aiGenerated: aiGenerated ?? true }));

  server.registerTool('list_calendar', {
    description: 'The content calendar between two dates: planned items, festivals and industry nodes, cadence warnings.',
    inputSchema: { from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) },
    annotations: { readOnlyHint: true },
  }, async ({ from, to }) => get(`/content/calendar${qs({ from, to })}`));

  server.registerTool('list_inbox', {
    description: 'Inbox conversations (comments, direct messages, mentions) with their status and SLA.',
    inputSchema: { status: z.enum(['open', 'pending', 'resolved', 'spam']).optional() },
    annotations: { readOnlyHint: true },
  }, async ({ status }) => get(`/inbox/conversations${qs({ status })}`));

  server.registerTool('reply_inbox', {
    description: 'Reply to an inbox conversation. The reply is queued and sent by Chorus on the platform.',
    inputSchema: { conversationId: z.string().uuid(), text: z.string().min(1).max(2000) },
  }, async ({ conversationId, text }) => post(`/inbox/conversations/${conversationId}/replies`, { text }));

  server.registerTool('weekly_table', {
    description: '周度数据监测表: one row per platform for an ISO week (default: this week).',
    inputSchema: { week: z.string().regex(/^\d{4}-W\d{2}$/).optional().describe('e.g. 2026-W45') },
    annotations: { readOnlyHint: true },
  }, async ({ week }) => get(`/analytics/weekly${qs({ week })}`));

  server.registerTool('list_alerts', {
    description: 'Listening alerts (volume spikes, negative surges, high-risk mentions), newest first.',
    inputSchema: {},
    annotations: { readOnlyHint: true },
  }, async () => get('/listening/alerts'));

  return server;
}
