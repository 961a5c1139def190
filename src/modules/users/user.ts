import type { Actor, Id } from '../../core';
import type { OrganizationId } from '../organizations';

export type UserId = Id<'User'>;

/**
 * The five roles, per organization (issue 5): admin (users, settings), editor (changes, goals,
 * measures, decisions), communicator (citizen texts, updates, responses to expectations), moderator
 * (reactions), auditor (reads everything, including the audit log).
 */
export const ROLES = ['admin', 'editor', 'communicator', 'moderator', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

/** Dutch names of the roles, for the editor (DOMAIN.md: UI Dutch first). */
export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Beheerder',
  editor: 'Redacteur',
  communicator: 'Communicatieadviseur',
  moderator: 'Moderator',
  auditor: 'Auditor',
};

export interface User {
  id: UserId;
  email: string;
  name: string;
  /** TOTP is on once the first code confirmed the secret. */
  totpEnabled: boolean;
  /** A secret was generated but no code confirmed it yet. */
  totpPending: boolean;
  disabled: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface Membership {
  id: string;
  userId: UserId;
  organizationId: OrganizationId;
  role: Role;
  createdAt: string;
}

export const isRole = (value: unknown): value is Role => typeof value === 'string' && (ROLES as readonly string[]).includes(value);

/** E-mail addresses compare case-insensitively in practice; Helder stores and looks them up in lower case. */
export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

/** The actor id of a user in the audit log. */
export const userActorId = (id: string): string => `user:${id}`;

/** The user id inside an actor id, when the actor is a person. */
export const userIdOf = (actor: Pick<Actor, 'id'>): UserId | undefined =>
  actor.id.startsWith('user:') ? (actor.id.slice('user:'.length) as UserId) : undefined;

/** The actor a logged-in user acts as: their roles travel with them so policies can decide without a query. */
export const actorOfUser = (user: Pick<User, 'id' | 'name'>, memberships: readonly Pick<Membership, 'organizationId' | 'role'>[]): Actor => ({
  id: userActorId(user.id),
  label: user.name,
  roles: memberships.map((m) => ({ organizationId: m.organizationId, role: m.role })),
});

/**
 * TOTP is required for anyone who is admin somewhere (issue 5): an admin account can grant every
 * other role, so a stolen password alone must not be enough.
 */
export const requiresTotp = (memberships: readonly Pick<Membership, 'role'>[]): boolean => memberships.some((m) => m.role === 'admin');

export const PASSWORD_MIN_LENGTH = 12;
/** argon2 hashes any length, but a megabyte password is a denial-of-service attempt, not a password. */
export const PASSWORD_MAX_LENGTH = 256;

/**
 * Why a password is refused, or `undefined`. Length over composition rules, following NIST SP
 * 800-63B section 5.1.1.2 (at least 8; Helder asks 12), plus refusing the obvious: the e-mail
 * address itself and one character repeated.
 */
export const passwordProblem = (password: string, email = ''): string | undefined => {
  if (password.length < PASSWORD_MIN_LENGTH) return `kies een wachtwoord van minstens ${PASSWORD_MIN_LENGTH} tekens`;
  if (password.length > PASSWORD_MAX_LENGTH) return `een wachtwoord heeft hoogstens ${PASSWORD_MAX_LENGTH} tekens`;
  if (email && password.toLowerCase().includes(normalizeEmail(email))) return 'gebruik uw e-mailadres niet in uw wachtwoord';
  if (new Set(password).size < 4) return 'kies een wachtwoord met meer verschillende tekens';
  return undefined;
};
