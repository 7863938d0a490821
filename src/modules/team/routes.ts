import { z } from 'zod';
import { DomainError } from '../../kernel/errors.js';
import { defineRoutes, route } from '../../kernel/http/route.js';
import { setSessionCookies, clearSessionCookies } from '../../kernel/http/session-cookies.js';
import { PERSONAL_SCOPES } from '../../kernel/access.js';
import { PERMISSIONS, ROLE_LABELS, ROLES, permissionsOf } from './model.js';
import * as s from './schema.js';

const SCOPE_LABELS_ZH: Record<string, string> = {
  read: '查看', update: '修改', manage: '管理', write: '编辑', check: '检查', schedule: '排期', decide: '审批',
  configure: '配置', reply: '回复', import: '导入', analyze: '分析', file: '报备', approve_filing: '审批报备',
};

export const teamRoutes = defineRoutes([
  route({
    method: 'POST', url: '/api/v1/auth/login', access: 'public', tags: ['auth'], summary: 'Sign in with e-mail and password',
    body: s.loginBody, response: s.loginResponse,
    async handler({ body, services, reply, req }) {
      const { byIp, byIpAccount } = services.team.loginThrottle;
      const pair = `${req.ip}|${body.email.toLowerCase()}`;
      const wait = Math.max(byIp.wait(req.ip), byIpAccount.wait(pair));
      if (wait > 0) {
        reply.header('retry-after', String(wait));
        throw new DomainError('auth.rate_limited', { message: `too many failed sign-in attempts; retry in ${wait} s` });
      }
      let session;
      try {
        session = await services.team.login(body.email, body.password);
      } catch (err) {
        if (err instanceof DomainError && err.code === 'auth.invalid_credentials') { byIp.fail(req.ip); byIpAccount.fail(pair); }
        throw err;
      }
      const { token, csrfToken, user } = session;
      byIpAccount.reset(pair);
      setSessionCookies(reply, token, csrfToken);
      return body.returnToken ? { token, user } : { user };
    },
  }),
  route({
    method: 'POST', url: '/api/v1/auth/logout', access: 'user', tags: ['auth'], summary: 'Sign out (ends this session)', status: 204,
    async handler({ principal, services, reply }) {
      await services.team.logout(principal!);
      clearSessionCookies(reply);
    },
  }),
  route({
    method: 'GET', url: '/api/v1/me', access: 'user', tags: ['me'], summary: 'The signed-in user, their workspaces and roles',
    response: s.meResponse,
    handler: ({ principal, services }) => services.team.me(principal!),
  }),
  route({
    method: 'PATCH', url: '/api/v1/me', access: 'user', scope: 'me.update', tags: ['me'], summary: 'Update name or interface language',
    body: s.profileBody, response: z.object({ user: s.userSchema }),
    handler: ({ principal, body, services }) => services.team.updateProfile(principal!, body),
  }),
  route({
    method: 'POST', url: '/api/v1/me/password', access: 'user', scope: 'me.update', tags: ['me'], summary: 'Change password (signs out other sessions)',
    body: s.passwordBody, status: 204,
    handler: ({ principal, body, services }) => services.team.changePassword(principal!, body.currentPassword, body.newPassword),
  }),
  route({
    method: 'GET', url: '/api/v1/meta/roles', access: 'user', tags: ['meta'], summary: 'Roles and the permissions they grant',
    response: z.object({ roles: z.array(z.object({ key: z.string(), labelZh: z.string(), labelEn: z.string(), permissions: z.array(z.string()) })) }),
    handler: async () => ({ roles: ROLES.map((r) => ({ key: r, labelZh: ROLE_LABELS[r].zh, labelEn: ROLE_LABELS[r].en, permissions: permissionsOf(r) })) }),
  }),
  route({
    method: 'GET', url: '/api/v1/meta/scopes', access: 'user', tags: ['meta'], summary: 'Scopes an API token may carry',
    response: z.object({ scopes: z.array(z.object({ key: z.string(), labelZh: z.string(), labelEn: z.string() })) }),
    handler: async () => ({
      scopes: [...Object.keys(PERMISSIONS), ...PERSONAL_SCOPES].map((key) => {
        const [mod, verb] = key.split('.') as [string, string];
        return { key, labelZh: `${mod} · ${SCOPE_LABELS_ZH[verb] ?? verb}`, labelEn: `${mod} · ${verb.replace('_', ' ')}` };
      }),
    }),
  }),
  route({
    method: 'POST', url: '/api/v1/workspaces', access: 'user', scope: 'workspaces.create', tags: ['workspaces'], summary: 'Create a workspace (you become its owner)',
    body: s.createWorkspaceBody, response: s.workspaceResponse, status: 201,
    handler: ({ principal, body, services }) => services.team.createWorkspace(principal!, body),
  }),
  route({
    method: 'GET', url: '/api/v1/workspaces/:workspaceId', access: 'workspace.read', tags: ['workspaces'], summary: 'Workspace settings',
    params: s.workspaceIdParams, response: s.workspaceResponse,
    handler: ({ actor, services }) => services.team.getWorkspace(actor),
  }),
  route({
    method: 'PATCH', url: '/api/v1/workspaces/:workspaceId', access: 'workspace.update', tags: ['workspaces'],
    summary: 'Change name, time zone, working hours, holidays or locale',
    params: s.workspaceIdParams, body: s.updateWorkspaceBody, response: s.workspaceResponse,
    handler: ({ actor, body, services }) => services.team.updateWorkspace(actor, body),
  }),
  route({
    method: 'GET', url: '/api/v1/workspaces/:workspaceId/members', access: 'members.read', tags: ['members'], summary: 'Members and roles',
    params: s.workspaceIdParams, response: z.object({ items: z.array(s.memberSchema) }),
    handler: ({ actor, services }) => services.team.listMembers(actor),
  }),
  route({
    method: 'POST', url: '/api/v1/workspaces/:workspaceId/members', access: 'members.manage', tags: ['members'],
    summary: 'Invite a person (a new user receives a one-time temporary password)',
    params: s.workspaceIdParams, body: s.inviteBody, response: s.inviteResponse, status: 201,
    handler: ({ actor, body, services }) => services.team.inviteMember(actor, body),
  }),
  route({
    method: 'PATCH', url: '/api/v1/workspaces/:workspaceId/members/:userId', access: 'members.manage', tags: ['members'], summary: 'Change a member’s role',
    params: s.memberParams, body: s.changeRoleBody, response: z.object({ member: s.memberSchema }),
    handler: ({ actor, params, body, services }) => services.team.changeRole(actor, params.userId, body.role),
  }),
  route({
    method: 'DELETE', url: '/api/v1/workspaces/:workspaceId/members/:userId', access: 'members.manage', tags: ['members'], summary: 'Remove a member',
    params: s.memberParams, status: 204,
    handler: ({ actor, params, services }) => services.team.removeMember(actor, params.userId),
  }),
  route({
    method: 'GET', url: '/api/v1/workspaces/:workspaceId/tokens', access: 'tokens.manage', tags: ['tokens'], summary: 'API tokens',
    params: s.workspaceIdParams, response: z.object({ items: z.array(s.tokenSchema) }),
    handler: ({ actor, services }) => services.team.listTokens(actor),
  }),
  route({
    method: 'POST', url: '/api/v1/workspaces/:workspaceId/tokens', access: 'tokens.manage', tags: ['tokens'],
    summary: 'Create an API token (the secret is shown once)',
    params: s.workspaceIdParams, body: s.createTokenBody, response: z.object({ token: s.tokenSchema, secret: z.string() }), status: 201,
    handler: ({ actor, body, services }) => services.team.createToken(actor, body),
  }),
  route({
    method: 'DELETE', url: '/api/v1/workspaces/:workspaceId/tokens/:tokenId', access: 'tokens.manage', tags: ['tokens'], summary: 'Revoke an API token',
    params: s.tokenParams, status: 204,
    handler: ({ actor, params, services }) => services.team.revokeToken(actor, params.tokenId),
  }),
  route({
    method: 'GET', url: '/api/v1/workspaces/:workspaceId/audit', access: 'audit.read', tags: ['audit'], summary: 'Audit log (newest first)',
    params: s.workspaceIdParams, query: s.auditQuery,
    response: z.object({ items: z.array(s.auditEntrySchema), nextCursor: z.string().nullable() }),
    handler: ({ actor, query, services }) => services.team.listAudit(actor, query),
  }),
  route({
    method: 'POST', url: '/api/v1/workspaces/:workspaceId/audit/verify', access: 'audit.read', tags: ['audit'],
    summary: 'Check the audit chain for tampering',
    params: s.workspaceIdParams, response: z.object({ ok: z.boolean(), checked: z.number(), brokenAt: z.string().optional() }),
    handler: ({ actor, services }) => services.team.verifyAudit(actor.workspaceId),
  }),
]);
