import { describe, expect, it } from 'vitest';
import { accessOf, assignableRoles, NO_ACCESS } from './access';

describe('accessOf', () => {
  it('grants nothing without a workspace', () => {
    expect(accessOf(null)).toEqual(NO_ACCESS);
  });

  it.each([
    ['owner', ['workspace.read', 'workspace.update', 'members.read', 'members.manage', 'tokens.manage', 'audit.read'], true, true, true],
    ['viewer', ['workspace.read', 'members.read'], false, false, false],
    ['compliance', ['workspace.read', 'members.read', 'audit.read'], false, false, true],
  ])('%s', (role, permissions, edit, members, audit) => {
    const a = accessOf({ role: role as never, permissions });
    expect(a.canEditWorkspace).toBe(edit);
    expect(a.canManageMembers).toBe(members);
    expect(a.canViewAudit).toBe(audit);
    expect(a.isOwner).toBe(role === 'owner');
  });
});

describe('assignableRoles', () => {
  it('hides owner from non-owners', () => {
    expect(assignableRoles('manager', ['owner', 'viewer'])).toEqual(['viewer']);
    expect(assignableRoles('owner', ['owner', 'viewer'])).toEqual(['owner', 'viewer']);
  });
});
