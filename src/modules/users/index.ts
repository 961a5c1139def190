/**
 * Gebruikers en toegang / Users and access: accounts with roles per organization (beheerder,
 * redacteur, communicatieadviseur, moderator, auditor), argon2id passwords, TOTP two-factor, login
 * throttling, database sessions and personal API tokens (issue 5).
 */
export type { User, UserId, Membership, Role } from './user';
/** The five roles, their Dutch labels, and the password rule (≥ 12 characters, NIST SP 800-63B). */
export { ROLES, ROLE_LABELS, isRole, passwordProblem, PASSWORD_MIN_LENGTH, requiresTotp, userIdOf, actorOfUser } from './user';
/** Pure policies: who may do what in which organization. Each returns a boolean; callers throw. */
export {
  PERMISSIONS,
  can,
  hasRole,
  rolesIn,
  organizationsOf,
  isSystemActor,
  canReadOrganization,
  canEditChain,
  canEditCitizenTexts,
  canModerate,
  canReadAudit,
  canManageUsers,
} from './user.policy';
export type { Permission } from './user.policy';
/** Zod schemas for user, login, TOTP code and API token input (Dutch messages). */
export { createUserSchema, loginSchema, totpCodeSchema, createTokenSchema } from './user.schema';
export type { CreateUserInput, LoginInput, CreateTokenInput } from './user.schema';
/**
 * Creates a user with roles (admins get a pending TOTP secret). Throws `forbidden` (not an admin of
 * the organization), `conflict` (e-mail taken), `not_found` (organization), `validation_failed`
 * (weak password, bad e-mail).
 */
export { createUser } from './user.service';
/** Grants or revokes one role in one organization (audited there). Throw `forbidden`, `not_found`, `conflict`. */
export { grantRole, revokeRole } from './user.service';
/** Reads users; `getUser` throws `not_found`. `listMembers` gives an organization's users with their roles. */
export { findUser, getUser, listUsers, listMemberships, listMembers } from './user.service';
/**
 * TOTP enrolment of the actor's own account: start (or show the pending secret again), then confirm
 * with a first code. Throw `unauthorized`, `conflict` (already on), `invalid_state`,
 * `validation_failed` (wrong code), `rate_limited`.
 */
export { startTotpEnrolment, pendingTotpEnrolment, confirmTotpEnrolment } from './user.service';
/** Replaces a lost TOTP secret with a new pending one and ends the user's sessions. Throws `not_found`, `forbidden`. */
export { resetTotp } from './user.service';
export type { SessionStage, SessionSettings, Session } from './session';
/** Session timeouts (idle 30 min, absolute 12 h, login steps 10 min). */
export { DEFAULT_SESSION_SETTINGS, SESSION_STAGES } from './session';
/**
 * The login: password step (throttled, same answer for unknown users; throws `unauthorized`,
 * `rate_limited`, `validation_failed`), TOTP step (`unauthorized`, `validation_failed`,
 * `rate_limited`), promotion after enrolment (`unauthorized`, `invalid_state`), session resolution
 * (`undefined` when unknown or expired) and logout. Every step that raises privilege starts a new
 * session id.
 */
export { logIn, verifySecondFactor, promoteSession, resolveSession, logOut, logOutEverywhere } from './login.service';
export type { LoginStep, SessionContext } from './login.service';
/** Throttle rules of the login (5 per address, 50 per client, 5 TOTP codes per 15 minutes). */
export { EMAIL_RULE, IP_RULE, TOTP_RULE } from './throttle';
export type { ApiToken, TokenScope } from './token';
/** API token scopes, which roles may hold each, and their Dutch labels. */
export { TOKEN_SCOPES, SCOPE_ROLES, SCOPE_LABELS, scopesAllowed, TOKEN_PREFIX } from './token';
/**
 * Personal API tokens: create (returned once, stored hashed; throws `unauthorized`, `not_found`,
 * `validation_failed`), revoke (`not_found`), list, and resolve a presented token to an actor with
 * the scopes its owner's current roles still allow (`undefined` when not usable).
 */
export { createApiToken, revokeApiToken, listApiTokens, resolveApiToken } from './token.service';
export type { TokenContext } from './token.service';
/** RFC 6238 helpers for showing enrolment (otpauth URI, grouped secret) and for tests (codes). */
export { otpauthUri, groupSecret, totpCode } from './totp';
/** The audit log of some entities of one organization, for auditors and admins only (throws `forbidden`); actor display names. */
export { readAuditTrail, actorNames } from './audit-trail.service';
export type { AuditLine } from './audit-trail.service';
/**
 * The whole audit log of one organization, a page at a time, newest first, optionally of one entity
 * type; and its hash chain recomputed (`verifyChain`). Auditors and admins only: both throw `forbidden`.
 */
export { readOrganizationAudit, verifyOrganizationChain } from './audit-trail.service';
export type { OrganizationAudit } from './audit-trail.service';
/**
 * TOTP secrets at rest: sealed with AES-256-GCM under a key derived (HKDF) from the server secret.
 * `sealPlainTotpSecrets` seals those stored before (run at start); `rotateTotpSecrets` re-seals all
 * from an old server secret to a new one, all or nothing (`invalid_state` when one does not open).
 */
export { sealPlainTotpSecrets, rotateTotpSecrets } from './totp-vault';
