import type { Actor } from '../../core';
import { isRole, type Role } from './user';

/**
 * Who may do what, as small pure functions (STYLE.md, after outline's policies). Everything is per
 * organization: a role in organization B gives nothing in organization A. System actors (the CLI,
 * the seed) act for the installation and are not people: they have no roles and are allowed where
 * the installation itself acts (bootstrapping the first admin).
 */
export const PERMISSIONS = {
  /** See the organization's register in the editor, drafts included. */
  'organization.read': ['admin', 'editor', 'communicator', 'moderator', 'auditor'],
  /** Changes, goals, measures, decisions, measurements. Admins too: the editor lets them (docs/editor.md), and their tokens must not be weaker than their pages. */
  'chain.edit': ['editor', 'admin'],
  /** Citizen texts, updates, responses to expectations. */
  'texts.edit': ['editor', 'communicator', 'admin'],
  /** The publication workflow (modules/changes): editors ask for review, communicators publish or withdraw, both send back. */
  'changes.request_review': ['editor', 'admin'],
  'changes.publish': ['communicator', 'admin'],
  'changes.send_back': ['editor', 'communicator', 'admin'],
  'reactions.moderate': ['moderator', 'admin'],
  'audit.read': ['auditor', 'admin'],
  'users.manage': ['admin'],
  'settings.manage': ['admin'],
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof PERMISSIONS;

export const isSystemActor = (actor: Pick<Actor, 'id'>): boolean => actor.id.startsWith('system:');

/** The roles an actor holds in one organization. */
export const rolesIn = (actor: Pick<Actor, 'roles'>, organizationId: string): Role[] =>
  (actor.roles ?? []).filter((r) => r.organizationId === organizationId).map((r) => r.role).filter(isRole);

export const hasRole = (actor: Pick<Actor, 'roles'>, organizationId: string, roles: readonly Role[]): boolean =>
  rolesIn(actor, organizationId).some((r) => roles.includes(r));

export const can = (actor: Pick<Actor, 'roles'>, permission: Permission, organizationId: string): boolean =>
  hasRole(actor, organizationId, PERMISSIONS[permission]);

/** The organizations an actor has any role in (the editor's organization switcher). */
export const organizationsOf = (actor: Pick<Actor, 'roles'>): string[] => [...new Set((actor.roles ?? []).map((r) => r.organizationId))];

export const canReadOrganization = (actor: Pick<Actor, 'roles'>, organizationId: string): boolean => can(actor, 'organization.read', organizationId);
export const canEditChain = (actor: Pick<Actor, 'roles'>, organizationId: string): boolean => can(actor, 'chain.edit', organizationId);
export const canEditCitizenTexts = (actor: Pick<Actor, 'roles'>, organizationId: string): boolean => can(actor, 'texts.edit', organizationId);
export const canModerate = (actor: Pick<Actor, 'roles'>, organizationId: string): boolean => can(actor, 'reactions.moderate', organizationId);
export const canReadAudit = (actor: Pick<Actor, 'roles'>, organizationId: string): boolean => can(actor, 'audit.read', organizationId);

/** Admins manage the users of their organization; the installation (CLI) bootstraps the first one. */
export const canManageUsers = (actor: Actor, organizationId: string): boolean => isSystemActor(actor) || can(actor, 'users.manage', organizationId);
