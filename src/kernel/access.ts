/** Roles and the one permission matrix: below the modules, so that every module and the HTTP layer can declare access. */

export const ROLES = ['owner', 'leader', 'manager', 'creator', 'community', 'analyst', 'compliance', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  owner: { zh: '所有者', en: 'Owner' },
  leader: { zh: '领导小组', en: 'Leadership' },
  manager: { zh: '运营经理', en: 'Operations manager' },
  creator: { zh: '内容创作', en: 'Content creator' },
  community: { zh: '用户互动', en: 'Community' },
  analyst: { zh: '数据分析', en: 'Analyst' },
  compliance: { zh: '风控与合规', en: 'Risk & compliance' },
  viewer: { zh: '只读成员', en: 'Viewer' },
};

const ALL: readonly Role[] = ROLES;
const STAFF: readonly Role[] = ['owner', 'leader', 'manager', 'creator', 'community', 'analyst', 'compliance'];

/**
 * The one permission matrix. Every route declares one of these keys; API tokens carry a subset.
 * Keys follow the dotted vocabulary `<module>.<verb>`.
 */
export const PERMISSIONS = {
  'workspace.read': ALL,
  'workspace.update': ['owner', 'manager'],
  'members.read': ALL,
  'members.manage': ['owner', 'manager'],
  'tokens.manage': ['owner', 'manager', 'analyst'],
  'audit.read': ['owner', 'leader', 'manager', 'compliance'],

  'accounts.read': ALL,
  'accounts.manage': ['owner', 'manager'],
  'accounts.file': ['owner', 'manager', 'creator', 'community'],
  'accounts.approve_filing': ['owner', 'leader', 'compliance'],

  'content.read': ALL,
  'content.write': ['owner', 'manager', 'creator'],
  'content.schedule': ['owner', 'manager'],
  'media.write': ['owner', 'manager', 'creator'],

  'compliance.check': STAFF,
  'compliance.manage': ['owner', 'compliance'],
  'review.read': ALL,
  'review.decide': ['owner', 'leader', 'manager', 'compliance', 'creator', 'community', 'analyst'],
  'review.configure': ['owner', 'compliance'],

  'publishing.read': ALL,
  'publishing.manage': ['owner', 'manager'],

  'inbox.read': ['owner', 'leader', 'manager', 'community', 'compliance', 'analyst'],
  'inbox.reply': ['owner', 'manager', 'community'],
  'inbox.manage': ['owner', 'manager'],

  'analytics.read': ALL,
  'analytics.import': ['owner', 'manager', 'analyst'],
  'analytics.manage': ['owner', 'manager', 'analyst'],

  'text.analyze': STAFF,
  'text.manage': ['owner', 'manager', 'analyst'],

  'listening.read': ['owner', 'leader', 'manager', 'community', 'compliance', 'analyst'],
  'listening.manage': ['owner', 'manager', 'compliance'],
  'crisis.manage': ['owner', 'leader', 'compliance'],

  'notify.manage': ['owner', 'manager'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

/**
 * Scopes for what a person does outside any workspace. A session holds them all; an API token only
 * those it was given, so a workspace token cannot change its owner's profile or create workspaces.
 */
export const PERSONAL_SCOPES = ['me.update', 'workspaces.create'] as const;
export type PersonalScope = (typeof PERSONAL_SCOPES)[number];
export const isPersonalScope = (p: string): p is PersonalScope => (PERSONAL_SCOPES as readonly string[]).includes(p);

export const isPermission = (p: string): p is Permission => Object.hasOwn(PERMISSIONS, p);

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export function permissionsOf(role: Role): Permission[] {
  return (Object.keys(PERMISSIONS) as Permission[]).filter((p) => can(role, p));
}

/** A token acts with its creator's role, narrowed to the scopes it was given. */
export function tokenCan(role: Role, scopes: readonly string[], permission: Permission): boolean {
  return can(role, permission) && scopes.includes(permission);
}

/** What an actor may do: its role's permissions, narrowed to its scopes when it is a token. */
export function actorCan(actor: Pick<Principal, 'via' | 'scopes'> & { role: Role }, permission: Permission): boolean {
  return actor.via === 'token' ? tokenCan(actor.role, actor.scopes ?? [], permission) : can(actor.role, permission);
}

/** Only an owner may create or demote owners; nobody may remove the last owner. */
export function canAssignRole(actorRole: Role, from: Role | null, to: Role | null): boolean {
  if (actorRole === 'owner') return true;
  if (from === 'owner' || to === 'owner') return false;
  return can(actorRole, 'members.manage');
}

/** Who is calling: a signed-in user (session) or an API token. */
export interface Principal {
  userId: string;
  via: 'session' | 'token';
  sessionHash?: string;
  csrfToken?: string;
  tokenWorkspaceId?: string;
  scopes?: string[];
}

/** A principal inside one workspace, with the role they hold there. */
export interface Actor extends Principal {
  workspaceId: string;
  role: Role;
}
