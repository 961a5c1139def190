import { describe, expect, it } from 'vitest';
import { systemActor, type Actor } from '../../core';
import { ROLES, type Role } from './user';
import {
  canEditChain,
  canEditCitizenTexts,
  canManageUsers,
  canModerate,
  canReadAudit,
  canReadOrganization,
  organizationsOf,
  rolesIn,
} from './user.policy';

const A = 'org-a';
const B = 'org-b';
const person = (roles: [string, Role][]): Actor => ({ id: 'user:1', label: 'Anna', roles: roles.map(([organizationId, role]) => ({ organizationId, role })) });

describe('user policies', () => {
  const expected: Record<Role, Record<string, boolean>> = {
    admin: { read: true, chain: true, texts: true, moderate: true, audit: true, users: true },
    editor: { read: true, chain: true, texts: true, moderate: false, audit: false, users: false },
    communicator: { read: true, chain: false, texts: true, moderate: false, audit: false, users: false },
    moderator: { read: true, chain: false, texts: false, moderate: true, audit: false, users: false },
    auditor: { read: true, chain: false, texts: false, moderate: false, audit: true, users: false },
  };

  it.each(ROLES)('gives a %s exactly the rights of the role, in its own organization only', (role) => {
    const actor = person([[A, role]]);
    const row = {
      read: canReadOrganization(actor, A),
      chain: canEditChain(actor, A),
      texts: canEditCitizenTexts(actor, A),
      moderate: canModerate(actor, A),
      audit: canReadAudit(actor, A),
      users: canManageUsers(actor, A),
    };
    expect(row).toEqual(expected[role]);
    // Nothing at all in another organization.
    expect([canReadOrganization, canEditChain, canEditCitizenTexts, canModerate, canReadAudit, canManageUsers].map((f) => f(actor, B))).toEqual([false, false, false, false, false, false]);
  });

  it('combines roles in several organizations without mixing them', () => {
    const actor = person([[A, 'editor'], [B, 'auditor']]);
    expect(canEditChain(actor, A)).toBe(true);
    expect(canEditChain(actor, B)).toBe(false);
    expect(canReadAudit(actor, B)).toBe(true);
    expect(canReadAudit(actor, A)).toBe(false);
    expect(organizationsOf(actor)).toEqual([A, B]);
    expect(rolesIn(actor, A)).toEqual(['editor']);
  });

  it('ignores unknown role names and gives an actor without roles nothing', () => {
    const odd: Actor = { id: 'user:2', label: 'x', roles: [{ organizationId: A, role: 'superuser' }] };
    const none: Actor = { id: 'user:3', label: 'y' };
    expect(canReadOrganization(odd, A)).toBe(false);
    expect(canReadOrganization(none, A)).toBe(false);
  });

  it('lets the installation (a system actor) manage users, and nothing else', () => {
    const cli = systemActor('cli');
    expect(canManageUsers(cli, A)).toBe(true);
    expect(canEditChain(cli, A)).toBe(false);
    expect(canManageUsers({ id: 'user:9', label: 'system:cli' }, A)).toBe(false);
  });
});
