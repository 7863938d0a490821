/**
 * The statement (声明): drafted from a 口径 template, checked by the compliance engine, fast-tracked
 * (one approval by someone else who may manage a crisis), published through the publishing engine to
 * the chosen accounts; the post-mortem whose lessons go back into the playbook.
 */
import { createHash } from 'node:crypto';
import type { Database } from '../../db/client.js';
import { can, type Actor } from '../../kernel/access.js';
import type { Clock } from '../../kernel/clock.js';
import type { TeamService } from '../team/service.js';
import { DomainError } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import type { AccountsService } from '../accounts/service.js';
import type { ComplianceService } from '../compliance/service.js';
import { PLATFORMS, type Platform } from '../compliance/model.js';
import type { PublishingService } from '../publishing/service.js';
import { renderTemplate, unfilled, type IncidentLevel } from './model.js';
import { presentIncident, type CrisisCore } from './service.js';
import type { Statement } from './tables.js';

export interface StatementDeps {
  database: Database; clock: Clock; team: TeamService; core: CrisisCore; compliance: ComplianceService; publishing: PublishingService; accounts: AccountsService;
}

export function createStatements(deps: StatementDeps) {
  const { core, compliance, publishing, accounts, clock, team } = deps;
  const db = deps.database.db;
  const { store, entry, findOrFail } = core;

  async function accountsOf(actor: Actor, ids: string[]) {
    const out: Array<{ id: string; platform: string; displayName: string }> = [];
    for (const id of ids) {
      const a = await accounts.get(actor, id).catch(() => { throw new DomainError('crisis.account_not_found', { fields: { accountIds: `${id} is not an account of this workspace` } }); });
      out.push({ id, platform: a.account.platform, displayName: a.account.displayName });
    }
    return out;
  }

  function check(text: string, platforms: string[]) {
    const targets = platforms.filter((p): p is Platform => (PLATFORMS as readonly string[]).includes(p));
    const findings: Statement['findings'] = [];
    let blocked = false;
    for (const platform of targets.length ? [...new Set(targets)] : ['weibo' as Platform]) {
      const r = compliance.check({ text, platform });
      blocked ||= r.blocked;
      for (const f of r.findings) findings.push({ platform, rule: f.rule, severity: f.severity, message: f.message, match: f.match });
    }
    return { findings, blocked };
  }

  const statementOf = (statements: Statement[], id: string) => {
    const s = statements.find((x) => x.id === id);
    if (!s) throw new DomainError('crisis.statement_not_found');
    return s;
  };

  return {
    async draftStatement(actor: Actor, incidentId: string, input: { templateKey?: string; text?: string; variables?: Record<string, string>; channels?: string[]; accountIds?: string[] }) {
      const incident = await findOrFail(db, actor.workspaceId, incidentId);
      const playbook = await core.playbookOf(db, actor.workspaceId, { id: incident.playbookId });
      let text = input.text ?? '';
      if (input.templateKey) {
        const t = playbook.content.templates.find((x) => x.key === input.templateKey);
        if (!t) throw new DomainError('crisis.template_not_found', { fields: { templateKey: 'not a template of this playbook' } });
        text = renderTemplate(t.text, input.variables ?? {}).text;
      }
      if (!text.trim()) throw new DomainError('validation_failed', { fields: { text: 'give a text or a templateKey' } });
      const targets = await accountsOf(actor, input.accountIds ?? []);
      const { findings, blocked } = check(text, targets.map((a) => a.platform));
      const now = clock.now().toISOString();
      const statement: Statement = {
        id: newId(), templateKey: input.templateKey ?? null, text, channels: input.channels ?? playbook.content.channels, accountIds: targets.map((a) => a.id),
        findings, blocked, state: 'draft', draftedBy: actor.userId, draftedAt: now, approvedBy: null, approvedAt: null, publishedAt: null, variantIds: [],
      };
      return db.transaction(async (tx) => {
        const i = await findOrFail(tx, actor.workspaceId, incidentId, true);
        const missing = unfilled(text);
        const row = await store.updateIncident(tx, actor.workspaceId, incidentId, { statements: [...i.statements, statement], updatedAt: new Date(now) },
          [entry('statement', `起草声明（${findings.length ? `合规提示 ${findings.length} 条${blocked ? '，有禁止项' : ''}` : '合规检查通过'}${missing.length ? `；待填：${missing.join('、')}` : ''}）`)]);
        await team.record(tx, actor, { action: 'crisis.statement_drafted', targetType: 'crisis_incident', targetId: incidentId, details: { statementId: statement.id, templateKey: statement.templateKey } });
        return { incident: presentIncident(row), statement };
      });
    },

    async editStatement(actor: Actor, incidentId: string, statementId: string, text: string) {
      const before = statementOf((await findOrFail(db, actor.workspaceId, incidentId)).statements, statementId);
      const platforms = (await accountsOf(actor, before.accountIds)).map((a) => a.platform);
      return db.transaction(async (tx) => {
        const i = await findOrFail(tx, actor.workspaceId, incidentId, true);
        const s = statementOf(i.statements, statementId);
        if (s.state === 'published') throw new DomainError('crisis.statement_state', { message: 'a published statement is final: draft an update' });
        const next: Statement = { ...s, text, ...check(text, platforms), state: 'draft', approvedBy: null, approvedAt: null };
        const row = await store.updateIncident(tx, actor.workspaceId, incidentId, { statements: i.statements.map((x) => (x.id === s.id ? next : x)), updatedAt: clock.now() },
          [entry('statement', `修改声明（${next.findings.length ? `合规提示 ${next.findings.length} 条` : '合规检查通过'}）`)]);
        await team.record(tx, actor, { action: 'crisis.statement_edited', targetType: 'crisis_incident', targetId: incidentId, details: { statementId } });
        return { incident: presentIncident(row), statement: next };
      });
    },

    /** Fast-track review: one approval by another person who may manage a crisis (alone in the workspace, one may approve one's own). */
    async approveStatement(actor: Actor, incidentId: string, statementId: string) {
      const managers = (await team.listMembers(actor)).items.filter((m) => can(m.role, 'crisis.manage'));
      return db.transaction(async (tx) => {
        const i = await findOrFail(tx, actor.workspaceId, incidentId, true);
        const s = statementOf(i.statements, statementId);
        if (s.state !== 'draft') throw new DomainError('crisis.statement_state', { message: `the statement is ${s.state}` });
        const missing = unfilled(s.text);
        if (missing.length) throw new DomainError('crisis.statement_unfilled', { message: `fill in: ${missing.join(', ')}`, fields: { text: `unfilled: ${missing.join(', ')}` } });
        if (s.blocked) throw new DomainError('crisis.statement_blocked', { message: 'the compliance check found words that may not be published' });
        if (s.draftedBy === actor.userId && managers.length > 1) throw new DomainError('crisis.self_approval', { message: 'someone else approves a statement you drafted' });
        const now = clock.now().toISOString();
        const next: Statement = { ...s, state: 'approved', approvedBy: actor.userId, approvedAt: now };
        const row = await store.updateIncident(tx, actor.workspaceId, incidentId, { statements: i.statements.map((x) => (x.id === s.id ? next : x)), updatedAt: new Date(now) },
          [entry('statement', '声明已快速审核通过')]);
        await team.record(tx, actor, { action: 'crisis.statement_approved', targetType: 'crisis_incident', targetId: incidentId, details: { statementId } });
        return { incident: presentIncident(row), statement: next };
      });
    },

    /** Publishes an approved statement now to its accounts through the publishing engine; other channels are recorded as done by hand. */
    async publishStatement(actor: Actor, incidentId: string, statementId: string) {
      const i0 = await findOrFail(db, actor.workspaceId, incidentId);
      const s0 = statementOf(i0.statements, statementId);
      const targets = await accountsOf(actor, s0.accountIds);
      return db.transaction(async (tx) => {
        const i = await findOrFail(tx, actor.workspaceId, incidentId, true);
        const s = statementOf(i.statements, statementId);
        if (s.state !== 'approved') throw new DomainError('crisis.statement_state', { message: s.state === 'draft' ? 'approve the statement first' : 'already published' });
        const now = clock.now();
        const textHash = createHash('sha256').update(s.text).digest('hex');
        const variants = targets.map((a) => ({
          contentItemId: `crisis:${incidentId}`, variantId: `statement:${s.id}:${a.id}`, accountId: a.id, platform: a.platform, dueAt: now, textHash, payload: { text: s.text, media: [] },
        }));
        await publishing.scheduleVariants(tx, actor, variants);
        const next: Statement = { ...s, state: 'published', publishedAt: now.toISOString(), variantIds: variants.map((v) => v.variantId) };
        const checklist = i.checklist.map((c) => (c.key === 'publish' && !c.doneAt ? { ...c, doneAt: now.toISOString(), doneBy: actor.userId } : c));
        const where = [...targets.map((a) => a.displayName), ...s.channels.filter((c) => !['weibo', 'wechat', 'douyin', 'xiaohongshu'].includes(c) || targets.length === 0)];
        const row = await store.updateIncident(tx, actor.workspaceId, incidentId, { statements: i.statements.map((x) => (x.id === s.id ? next : x)), checklist, updatedAt: now },
          [entry('published', `声明已发布：${where.join('、') || '（未选渠道）'}`)]);
        await team.record(tx, actor, { action: 'crisis.statement_published', targetType: 'crisis_incident', targetId: incidentId, details: { statementId, accounts: targets.map((a) => a.id), channels: s.channels } });
        return { incident: presentIncident(row), statement: next };
      });
    },

    async publicationStatus(actor: Actor, incidentId: string, statementId: string) {
      const i = await findOrFail(db, actor.workspaceId, incidentId);
      const s = statementOf(i.statements, statementId);
      return { items: [...(await publishing.statusOf(actor.workspaceId, s.variantIds)).entries()].map(([variantId, status]) => ({ variantId, status })) };
    },

    /** The post-mortem: saved on the incident, its lessons added to the playbook, and the incident reviewed. */
    async submitPostMortem(actor: Actor, incidentId: string, input: { summary: string; whatWorked?: string; whatFailed?: string; lessons: string[] }) {
      return db.transaction(async (tx) => {
        const i = await findOrFail(tx, actor.workspaceId, incidentId, true);
        if (i.state !== 'resolved') throw new DomainError('crisis.bad_transition', { message: 'resolve the incident before its post-mortem', fields: { state: i.state } });
        const now = clock.now().toISOString();
        const playbook = await core.playbookOf(tx, actor.workspaceId, { id: i.playbookId });
        const lessons = [...playbook.content.lessons, ...input.lessons.map((text) => ({ at: now, incidentId, text }))];
        const saved = await core.savePlaybook(tx, actor.workspaceId, playbook.level as IncidentLevel, { ...playbook.content, lessons }, playbook.version + 1);
        const postMortem = { summary: input.summary, whatWorked: input.whatWorked ?? '', whatFailed: input.whatFailed ?? '', lessons: input.lessons, submittedBy: actor.userId, submittedAt: now };
        const row = await store.updateIncident(tx, actor.workspaceId, incidentId, { postMortem, state: 'reviewed', stateAt: { ...i.stateAt, reviewed: now }, updatedAt: new Date(now) },
          [entry('postmortem', `复盘完成，${input.lessons.length} 条经验写入预案（第 ${saved.version} 版）`), entry('state', '状态：已解决 → 已复盘')]);
        await team.record(tx, actor, { action: 'crisis.postmortem_submitted', targetType: 'crisis_incident', targetId: incidentId, details: { lessons: input.lessons.length, playbookVersion: saved.version } });
        return { incident: presentIncident(row) };
      });
    },
  };
}
