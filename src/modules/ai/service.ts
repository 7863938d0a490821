/**
 * AI assistance on an OpenAI-compatible endpoint (DeepSeek, Qwen, GLM, Kimi, vLLM, Ollama …) through the
 * official `openai` client. Everything it writes is a suggestion: checked by the compliance engine
 * (rewrites re-checked until clean or given up), labelled 「AI生成」 and marked aiGenerated, so text a
 * person accepts carries both. Usage and cost are logged per workspace against a monthly cap.
 */
import OpenAI from 'openai';
import type { Database } from '../../db/client.js';
import type { Actor } from '../../kernel/access.js';
import type { Clock } from '../../kernel/clock.js';
import { DomainError } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import type { Finding, Industry, Platform } from '../compliance/model.js';
import type { ComplianceService } from '../compliance/service.js';
import { costOf, narrativePrompt, replyPrompt, rewritePrompt, summaryPrompt, variantPrompt, type AiConfig, type ChatMessage } from './model.js';
import { createAiStore } from './store.js';

export interface AiDeps {
  database: Database;
  clock: Clock;
  compliance: ComplianceService;
  /** null: AI assistance is off. */
  config: AiConfig | null;
}

const MAX_REWRITES = 3;

export interface Suggestion {
  text: string;
  /** Findings left on the suggestion (empty when clean). */
  findings: Finding[];
  clean: boolean;
  attempts: number;
  /** Text accepted from here must be saved with aiGenerated: true. */
  aiGenerated: true;
}

function monthOf(now: Date): { from: Date; to: Date; month: string } {
  // Calendar month in China time, where the workspaces' budgets are kept.
  const local = new Date(now.getTime() + 8 * 3_600_000);
  const y = local.getUTCFullYear();
  const m = local.getUTCMonth();
  return { from: new Date(Date.UTC(y, m, 1) - 8 * 3_600_000), to: new Date(Date.UTC(y, m + 1, 1) - 8 * 3_600_000), month: `${y}-${String(m + 1).padStart(2, '0')}` };
}

export function createAiService(deps: AiDeps) {
  const store = createAiStore();
  const db = deps.database.db;
  const client = deps.config ? new OpenAI({ baseURL: deps.config.baseUrl, apiKey: deps.config.apiKey, maxRetries: 1, timeout: 60_000 }) : null;

  async function complete(actor: Pick<Actor, 'workspaceId' | 'userId'>, feature: string, messages: ChatMessage[]): Promise<string> {
    if (!client || !deps.config) throw new DomainError('ai.not_configured', { message: 'AI assistance is off: set CHORUS_AI_BASE_URL, CHORUS_AI_API_KEY and CHORUS_AI_MODEL' });
    const config = deps.config;
    if (config.monthlyCap > 0) {
      const { from, to } = monthOf(deps.clock.now());
      const spent = await store.monthTotals(db, actor.workspaceId, from, to);
      if (spent.costYuan >= config.monthlyCap) throw new DomainError('ai.monthly_cap_reached', { message: `this month's AI budget of ${config.monthlyCap} 元 is used up` });
    }
    let answer;
    try {
      answer = await client.chat.completions.create({ model: config.model, messages, temperature: 0.4 });
    } catch (err) {
      throw new DomainError('ai.upstream_failed', { message: `the AI endpoint failed: ${(err as Error).message.slice(0, 200)}` });
    }
    const promptTokens = answer.usage?.prompt_tokens ?? 0;
    const completionTokens = answer.usage?.completion_tokens ?? 0;
    await store.insertUsage(db, {
      id: newId(), workspaceId: actor.workspaceId, at: deps.clock.now(), actorId: actor.userId ?? null, feature, model: config.model,
      promptTokens, completionTokens, costYuan: costOf(config, promptTokens, completionTokens),
    });
    return (answer.choices[0]?.message?.content ?? '').trim();
  }

  /** Checks a suggestion as AI text; the explicit label is added by its own one-click fix. */
  async function checked(actor: Pick<Actor, 'workspaceId'>, text: string, target: { platform: Platform; industry?: Industry; commercial?: boolean }) {
    const profile = await deps.compliance.profileOf(actor.workspaceId);
    const run = (t: string) => deps.compliance.check({ text: t, ...target, aiGenerated: true, profile });
    let result = run(text);
    const label = result.findings.find((f) => f.category === 'ai-label/missing');
    if (label) {
      text = text.slice(0, label.start) + (label.replacement ?? '') + text.slice(label.end);
      result = run(text);
    }
    return { text, findings: result.findings };
  }

  const problemsOf = (findings: Finding[]) => findings.map((f) => `${f.match ? `「${f.match}」` : ''}${f.message}${f.suggestion ? `（${f.suggestion}）` : ''}`);

  return {
    enabled: client !== null,

    /** Rewrites copy with findings; each rewrite is checked again, up to three times. */
    async rewrite(actor: Actor, input: { text: string; platform: Platform; industry?: Industry; commercial?: boolean }): Promise<Suggestion> {
      const target = { platform: input.platform, industry: input.industry, commercial: input.commercial };
      const profile = await deps.compliance.profileOf(actor.workspaceId);
      let findings = deps.compliance.check({ text: input.text, ...target, profile }).findings;
      let text = input.text;
      let attempts = 0;
      while (attempts < MAX_REWRITES) {
        attempts++;
        const draft = await complete(actor, 'rewrite', rewritePrompt({ text, platform: input.platform, problems: problemsOf(findings) }));
        const result = await checked(actor, draft, target);
        text = result.text;
        findings = result.findings;
        if (findings.length === 0) break;
      }
      return { text, findings, clean: findings.length === 0, attempts, aiGenerated: true };
    },

    /** One suggested variant per platform from the master copy, each checked. */
    async draftVariants(actor: Actor, input: { master: string; platforms: Platform[]; industry?: Industry; commercial?: boolean }) {
      const variants = [];
      for (const platform of input.platforms) {
        const limit = platform === 'weibo' ? 2000 : platform === 'xiaohongshu' ? 1000 : 5000;
        const draft = await complete(actor, 'variants', variantPrompt({ master: input.master, platform, limit }));
        const result = await checked(actor, draft, { platform, industry: input.industry, commercial: input.commercial });
        variants.push({ platform, text: result.text, findings: result.findings, clean: result.findings.length === 0, attempts: 1, aiGenerated: true as const });
      }
      return { variants };
    },

    /** A reply to a comment grounded in the knowledge given; the comment is data, never instructions. */
    async suggestReply(actor: Actor, input: { comment: string; knowledge: string[]; platform: Platform }): Promise<Suggestion> {
      const draft = await complete(actor, 'reply', replyPrompt({ comment: input.comment, knowledge: input.knowledge }));
      const result = await checked(actor, draft, { platform: input.platform });
      return { text: result.text, findings: result.findings, clean: result.findings.length === 0, attempts: 1, aiGenerated: true };
    },

    async summariseIncident(actor: Actor, input: { title: string; events: string[] }) {
      return { text: await complete(actor, 'incident-summary', summaryPrompt(input)), aiGenerated: true as const };
    },

    async narrateWeekly(actor: Actor, input: { week: string; table: string }) {
      return { text: await complete(actor, 'weekly-narrative', narrativePrompt(input)), aiGenerated: true as const };
    },

    async usage(actor: Pick<Actor, 'workspaceId'>) {
      const { from, to, month } = monthOf(deps.clock.now());
      const totals = await store.monthTotals(db, actor.workspaceId, from, to);
      return { enabled: client !== null, model: deps.config?.model ?? null, month, ...totals, monthlyCap: deps.config?.monthlyCap ?? 0 };
    },
  };
}

export type AiService = ReturnType<typeof createAiService>;
