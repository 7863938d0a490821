/**
 * The one access map of the console, derived from /api/v1/me (the role and `permissions` of the
 * current workspace). Routes (modules.tsx `access`) and buttons both read it.
 */
import type { MyWorkspace } from './api/types';

export interface Access {
  isOwner: boolean;
  canViewWorkspace: boolean;
  canEditWorkspace: boolean;
  canViewMembers: boolean;
  canManageMembers: boolean;
  canManageTokens: boolean;
  canViewAudit: boolean;
  canReadInbox: boolean;
  canCheckCompliance: boolean;
  canAnalyzeText: boolean;
  canFileAccounts: boolean;
  canManageAccounts: boolean;
  canConfigureReview: boolean;
  canWriteContent: boolean;
}

export type AccessKey = keyof Access;

export const NO_ACCESS: Access = {
  isOwner: false,
  canViewWorkspace: false,
  canEditWorkspace: false,
  canViewMembers: false,
  canManageMembers: false,
  canManageTokens: false,
  canViewAudit: false,
  canReadInbox: false,
  canCheckCompliance: false,
  canAnalyzeText: false,
  canFileAccounts: false,
  canManageAccounts: false,
  canConfigureReview: false,
  canWriteContent: false,
};

export function accessOf(workspace: Pick<MyWorkspace, 'role' | 'permissions'> | null | undefined): Access {
  if (!workspace) return NO_ACCESS;
  const granted = new Set(workspace.permissions);
  const has = (permission: string) => granted.has(permission);
  return {
    isOwner: workspace.role === 'owner',
    canViewWorkspace: has('workspace.read'),
    canEditWorkspace: has('workspace.update'),
    canViewMembers: has('members.read'),
    canManageMembers: has('members.manage'),
    canManageTokens: has('tokens.manage'),
    canViewAudit: has('audit.read'),
    canReadInbox: has('inbox.read'),
    canCheckCompliance: has('compliance.check'),
    canAnalyzeText: has('text.analyze'),
    canFileAccounts: has('accounts.file'),
    canManageAccounts: has('accounts.manage'),
    canConfigureReview: has('review.configure'),
    canWriteContent: has('content.write'),
  };
}

/** Owners may assign any role; others may not create or touch owners (mirrors the server's rule). */
export function assignableRoles<R extends string>(actorRole: string, roles: readonly R[]): R[] {
  return actorRole === 'owner' ? [...roles] : roles.filter((r) => r !== 'owner');
}
