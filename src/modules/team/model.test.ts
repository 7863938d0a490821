import { describe, expect, it } from 'vitest';
import {
  GENESIS_HASH, PERMISSIONS, ROLES, auditHash, can, canAssignRole, canonicalJson, checkPasswordStrength, permissionsOf, tokenCan, verifyAuditChain,
} from './model.js';

describe('permission matrix', () => {
  it.each([
    ['owner', 'members.manage', true],
    ['manager', 'members.manage', true],
    ['creator', 'members.manage', false],
    ['viewer', 'content.write', false],
    ['creator', 'content.write', true],
    ['compliance', 'review.configure', true],
    ['community', 'inbox.reply', true],
    ['analyst', 'inbox.reply', false],
    ['leader', 'crisis.manage', true],
    ['viewer', 'workspace.read', true],
  ] as const)('%s → %s is %s', (role, permission, expected) => {
    expect(can(role, permission)).toBe(expected);
  });

  it('grants every permission to the owner and only reads to the viewer', () => {
    expect(permissionsOf('owner')).toEqual(Object.keys(PERMISSIONS));
    expect(permissionsOf('viewer').every((p) => p.endsWith('.read'))).toBe(true);
  });

  it('narrows a token to its scopes and to its creator’s role', () => {
    expect(tokenCan('manager', ['members.read'], 'members.read')).toBe(true);
    expect(tokenCan('manager', ['members.read'], 'members.manage')).toBe(false);
    expect(tokenCan('viewer', ['members.manage'], 'members.manage')).toBe(false);
  });

  it('lets only owners hand out or take away ownership', () => {
    expect(canAssignRole('owner', null, 'owner')).toBe(true);
    expect(canAssignRole('manager', null, 'owner')).toBe(false);
    expect(canAssignRole('manager', 'owner', 'viewer')).toBe(false);
    expect(canAssignRole('manager', 'creator', 'viewer')).toBe(true);
    expect(canAssignRole('creator', 'viewer', 'analyst')).toBe(false);
    for (const r of ROLES) expect(typeof canAssignRole(r, null, 'viewer')).toBe('boolean');
  });
});

describe('password strength', () => {
  it.each([
    ['short1!', 'too_short'],
    ['alllowercaseletters', 'too_simple'],
    ['Lowercase and Upper', null],
    ['zhangwei-Pass1', 'contains_email'],
    ['Str0ng!Passw0rd', null],
  ])('%s → %s', (pw, expected) => {
    expect(checkPasswordStrength(pw, 'zhangwei@example.cn')).toBe(expected);
  });
});

describe('audit chain', () => {
  const entry = (seq: number) => ({ workspaceId: 'w', seq, at: `2026-11-2${seq}T00:00:00.000Z`, actorId: 'u', action: 'x.done', targetType: 't', targetId: null, details: { n: seq, b: 'z' } });
  const chain = () => {
    let prev = GENESIS_HASH;
    return [1, 2, 3].map((seq) => {
      const e = entry(seq);
      const hash = auditHash(prev, e);
      const row = { ...e, prevHash: prev, hash };
      prev = hash;
      return row;
    });
  };

  it('verifies an intact chain', () => {
    expect(verifyAuditChain(chain())).toEqual({ ok: true, checked: 3 });
  });

  it('finds an edited entry, a removed entry and a re-ordered key set', () => {
    const edited = chain();
    edited[1]!.details = { n: 99, b: 'z' };
    expect(verifyAuditChain(edited)).toMatchObject({ ok: false, brokenAt: 2 });
    const removed = chain();
    removed.splice(1, 1);
    expect(verifyAuditChain(removed)).toMatchObject({ ok: false, brokenAt: 3 });
    const reordered = chain();
    reordered[0]!.details = { b: 'z', n: 1 } as never; // same content, other key order: still valid
    expect(verifyAuditChain(reordered).ok).toBe(true);
  });

  it('serialises canonically', () => {
    expect(canonicalJson({ b: 1, a: [true, null, { d: 'x', c: undefined }] })).toBe('{"a":[true,null,{"d":"x"}],"b":1}');
  });
});
