/** Response types, inferred from the server's zod schemas (type-only: nothing of the server is bundled). */
import type { z } from 'zod';
import type * as team from '../../../src/modules/team/schema';

export type User = z.infer<typeof team.userSchema>;
export type Me = z.infer<typeof team.meResponse>;
export type MyWorkspace = Me['workspaces'][number];
export type Role = z.infer<typeof team.roleSchema>;
export type Workspace = z.infer<typeof team.workspaceSchema>;
export type WorkingHours = z.infer<typeof team.workingHoursSchema>;
export type Holiday = z.infer<typeof team.holidaySchema>;
export type UpdateWorkspaceBody = z.input<typeof team.updateWorkspaceBody>;
export type Member = z.infer<typeof team.memberSchema>;
export type InviteBody = z.input<typeof team.inviteBody>;
export type InviteResponse = z.infer<typeof team.inviteResponse>;
export type ApiToken = z.infer<typeof team.tokenSchema>;
export type CreateTokenBody = z.input<typeof team.createTokenBody>;
export type AuditQuery = z.infer<typeof team.auditQuery>;
export type AuditEntry = z.infer<typeof team.auditEntrySchema>;
export type LoginResponse = z.infer<typeof team.loginResponse>;

export const ROLE_KEYS: readonly Role[] = ['owner', 'leader', 'manager', 'creator', 'community', 'analyst', 'compliance', 'viewer'];

export interface RoleInfo {
  key: Role;
  labelZh: string;
  labelEn: string;
  permissions: string[];
}

export interface ScopeInfo {
  key: string;
  labelZh: string;
  labelEn: string;
}
