import { AppError, newId, notFound, parseInput, type Actor } from '../../core';
import { inTransaction, recordAudit, type Deps } from '../../storage';
import { getOrganization } from '../organizations';
import { hashPassword } from './password';
import { newTotpSecret, otpauthUri, verifyTotp } from './totp';
import { afterFailure, lockedFor, TOTP_RULE, totpKey } from './throttle';
import { deleteThrottle, saveThrottle, selectThrottle } from './throttle.repository';
import { requiresTotp, userIdOf, type Membership, type Role, type User } from './user';
import { canManageUsers, isSystemActor } from './user.policy';
import { deleteSessionsOfUser } from './session.repository';
import { claimTotpStep, deleteMembership, insertMembership, insertUser, selectMembersOf, selectMemberships, selectUserRecord, selectUsers, toUser, updateUserRow } from './user.repository';
import { createUserSchema, totpCodeSchema, type CreateUserInput } from './user.schema';
import { revealTotpSecret, sealTotpSecret, totpSealingKey } from './totp-vault';

type Read = Pick<Deps, 'db'>;

const forbidden = (what: string) => new AppError('forbidden', what);

/**
 * Creates a user with their first roles. Only an admin of every organization named (or the
 * installation itself, for the first admin) may do this. An admin gets a TOTP secret right away, so
 * the CLI can print the enrolment hint; it is confirmed by the first code at login. `totpSecret`
 * sets a known secret instead (the demo's documented admin; moving accounts from another system).
 */
export const createUser = async (
  deps: Deps,
  actor: Actor,
  input: CreateUserInput,
  options: { totpSecret?: string } = {},
): Promise<{ user: User; memberships: Membership[]; totpSecret: string | null }> => {
  const data = parseInput(createUserSchema, input);
  if (options.totpSecret !== undefined && !/^[A-Z2-7]{32}$/.test(options.totpSecret)) throw new AppError('validation_failed', 'a TOTP secret is 32 base32 characters');
  for (const m of data.memberships) if (!canManageUsers(actor, m.organizationId)) throw forbidden('only an admin of the organization may add its users');
  // Hashing costs tens of milliseconds: do it before the transaction opens (and the TOTP key's read).
  const passwordHash = await hashPassword(data.password);
  const key = await totpSealingKey(deps);
  return inTransaction(deps.db, async (db) => {
    if (await selectUserRecord(db, { email: data.email })) {
      throw new AppError('conflict', 'a user with this e-mail address exists', { issues: [{ path: 'email', message: 'dit e-mailadres heeft al een account' }] });
    }
    const now = deps.clock.now().toISOString();
    const id = newId<'User'>();
    const unique = [...new Map(data.memberships.map((m) => [`${m.organizationId} ${m.role}`, m])).values()];
    const memberships: Membership[] = [];
    for (const m of unique) {
      const organization = await getOrganization({ db }, m.organizationId);
      memberships.push({ id: newId(), userId: id, organizationId: organization.id, role: m.role, createdAt: now });
    }
    const totpSecret = options.totpSecret ?? (requiresTotp(memberships) ? newTotpSecret() : null);
    await insertUser(db, {
      id,
      email: data.email,
      name: data.name,
      password_hash: passwordHash,
      totp_secret: totpSecret === null ? null : sealTotpSecret(key, id, totpSecret),
      totp_confirmed_at: null,
      totp_last_step: null,
      disabled: 0,
      created_at: now,
      updated_at: now,
    });
    for (const m of memberships) await insertMembership(db, m);
    for (const organizationId of new Set(memberships.map((m) => m.organizationId))) {
      const roles = memberships.filter((m) => m.organizationId === organizationId).map((m) => m.role);
      await recordAudit(db, deps, actor, { organizationId, action: 'user.created', entityType: 'user', entityId: id, data: { email: data.email, name: data.name, roles } });
    }
    const user = await getUser({ db }, id);
    return { user, memberships, totpSecret };
  });
};

/** Gives a user one more role in an organization. Throws `forbidden`, `not_found`, `conflict`. */
export const grantRole = async (deps: Deps, actor: Actor, userId: string, organizationId: string, role: Role): Promise<Membership> => {
  if (!canManageUsers(actor, organizationId)) throw forbidden('only an admin of the organization may change roles');
  return inTransaction(deps.db, async (db) => {
    const user = await getUser({ db }, userId);
    const organization = await getOrganization({ db }, organizationId);
    const existing = await selectMemberships(db, { userId: user.id });
    if (existing.some((m) => m.organizationId === organization.id && m.role === role)) throw new AppError('conflict', 'the user already has this role');
    const membership: Membership = { id: newId(), userId: user.id, organizationId: organization.id, role, createdAt: deps.clock.now().toISOString() };
    await insertMembership(db, membership);
    await recordAudit(db, deps, actor, { organizationId: organization.id, action: 'membership.granted', entityType: 'user', entityId: user.id, data: { role } });
    return membership;
  });
};

/** Takes a role away; it stops working on the next request (roles are read per request). Throws `forbidden`, `not_found`. */
export const revokeRole = async (deps: Deps, actor: Actor, userId: string, organizationId: string, role: Role): Promise<void> => {
  if (!canManageUsers(actor, organizationId)) throw forbidden('only an admin of the organization may change roles');
  await inTransaction(deps.db, async (db) => {
    const result = await deleteMembership(db, userId, organizationId, role);
    if (Number(result.numDeletedRows) === 0) throw notFound('membership', `${userId}/${organizationId}/${role}`);
    await recordAudit(db, deps, actor, { organizationId, action: 'membership.revoked', entityType: 'user', entityId: userId, data: { role } });
  });
};

export const findUser = async (deps: Read, idOrEmail: string): Promise<User | undefined> => {
  const record = await selectUserRecord(deps.db, idOrEmail.includes('@') ? { email: idOrEmail.trim().toLowerCase() } : { id: idOrEmail });
  return record && toUser(record);
};

export const getUser = async (deps: Read, idOrEmail: string): Promise<User> => {
  const user = await findUser(deps, idOrEmail);
  if (!user) throw notFound('user', idOrEmail);
  return user;
};

export const listUsers = (deps: Read): Promise<User[]> => selectUsers(deps.db);
export const listMemberships = (deps: Read, userId: string): Promise<Membership[]> => selectMemberships(deps.db, { userId });
export const listMembers = (deps: Read, organizationId: string) => selectMembersOf(deps.db, organizationId);

const self = async (deps: Read, actor: Actor) => {
  const id = userIdOf(actor);
  const record = id && (await selectUserRecord(deps.db, { id }));
  if (!record) throw new AppError('unauthorized', 'log in first');
  return record;
};

/**
 * Starts (or shows again) TOTP enrolment for the actor's own account: a secret that is stored but
 * not yet in force. Calling it twice gives the same secret, so a reload does not invalidate what
 * the user already scanned. Throws `unauthorized`, `conflict` (TOTP is already on).
 */
export const startTotpEnrolment = async (deps: Deps, actor: Actor): Promise<{ secret: string; uri: string }> => {
  const user = await self(deps, actor);
  if (user.totpEnabled) throw new AppError('conflict', 'two-factor authentication is already on');
  let secret = user.totpSecret ? await revealTotpSecret(deps, user.id, user.totpSecret) : null;
  if (!secret) {
    secret = newTotpSecret();
    await updateUserRow(deps.db, user.id, { totp_secret: sealTotpSecret(await totpSealingKey(deps), user.id, secret), updated_at: deps.clock.now().toISOString() });
  }
  return { secret, uri: otpauthUri(secret, user.email) };
};

/** The pending enrolment of the actor, if any (for showing it again without writing). */
export const pendingTotpEnrolment = async (deps: Pick<Deps, 'db' | 'secret'>, actor: Actor): Promise<{ secret: string; uri: string } | undefined> => {
  const user = await self(deps, actor);
  if (!user.totpSecret || user.totpEnabled) return undefined;
  const secret = await revealTotpSecret(deps, user.id, user.totpSecret);
  return { secret, uri: otpauthUri(secret, user.email) };
};

/**
 * Confirms enrolment with a first valid code, which turns TOTP on (audited in each organization of
 * the user). Wrong codes count towards the TOTP throttle. Throws `unauthorized`, `invalid_state`
 * (no enrolment started), `validation_failed` (wrong code), `rate_limited`.
 */
export const confirmTotpEnrolment = async (deps: Deps, actor: Actor, input: { code: string }): Promise<void> => {
  const { code } = parseInput(totpCodeSchema, input);
  const user = await self(deps, actor);
  if (user.totpEnabled) throw new AppError('conflict', 'two-factor authentication is already on');
  if (!user.totpSecret) throw new AppError('invalid_state', 'start enrolment first');
  const now = deps.clock.now();
  const key = totpKey(user.id);
  const throttle = await selectThrottle(deps.db, key);
  if (lockedFor(throttle, now) > 0) throw new AppError('rate_limited', 'too many wrong codes', { details: { retryAfterSeconds: lockedFor(throttle, now) } });
  const step = verifyTotp(await revealTotpSecret(deps, user.id, user.totpSecret), code, now, user.totpLastStep);
  if (step === undefined) {
    await saveThrottle(deps.db, key, afterFailure(throttle, now, TOTP_RULE));
    throw new AppError('validation_failed', 'wrong code', { issues: [{ path: 'code', message: 'deze code klopt niet; kijk of de tijd op uw telefoon goed staat' }] });
  }
  await inTransaction(deps.db, async (db) => {
    if (!(await claimTotpStep(db, user.id, step, { totp_confirmed_at: now.toISOString(), updated_at: now.toISOString() }))) {
      throw new AppError('validation_failed', 'code already used', { issues: [{ path: 'code', message: 'deze code is al gebruikt; wacht op de volgende code' }] });
    }
    await deleteThrottle(db, key);
    for (const organizationId of new Set((await selectMemberships(db, { userId: user.id })).map((m) => m.organizationId))) {
      await recordAudit(db, deps, actor, { organizationId, action: 'user.totp_enabled', entityType: 'user', entityId: user.id, data: {} });
    }
  });
};


/**
 * Recovery when an admin lost their authenticator: a new pending secret (confirmed by the first code
 * at the next login), every session of the user ended, audited in each of their organizations. Only
 * the installation (`helder user reset-totp`) or an admin of every organization of the user may.
 * Throws `not_found`, `forbidden`.
 */
export const resetTotp = async (deps: Deps, actor: Actor, userId: string): Promise<{ secret: string; uri: string }> => {
  const key = await totpSealingKey(deps);
  return inTransaction(deps.db, async (db) => {
    const user = await getUser({ db }, userId);
    const organizations = [...new Set((await selectMemberships(db, { userId: user.id })).map((m) => m.organizationId as string))];
    if (!organizations.every((o) => canManageUsers(actor, o)) || (organizations.length === 0 && !isSystemActor(actor))) throw forbidden('only an admin of every organization of the user may reset two-factor authentication');
    const secret = newTotpSecret();
    const now = deps.clock.now().toISOString();
    await updateUserRow(db, user.id, { totp_secret: sealTotpSecret(key, user.id, secret), totp_confirmed_at: null, totp_last_step: null, updated_at: now });
    await deleteSessionsOfUser(db, user.id);
    for (const organizationId of organizations) await recordAudit(db, deps, actor, { organizationId, action: 'user.totp_reset', entityType: 'user', entityId: user.id, data: {} });
    return { secret, uri: otpauthUri(secret, user.email) };
  });
};
