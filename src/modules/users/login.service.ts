import { AppError, parseInput, type Actor } from '../../core';
import { inTransaction, type Deps } from '../../storage';
import { verifyDummyPassword, verifyPassword } from './password';
import { DEFAULT_SESSION_SETTINGS, hashToken, isExpired, needsTouch, newToken, type Session, type SessionSettings, type SessionStage } from './session';
import { deleteSession, deleteSessionsOfUser, deleteStaleSessions, insertSession, selectSession, touchSession } from './session.repository';
import { afterFailure, EMAIL_RULE, emailKey, IP_RULE, ipKey, lockedFor, TOTP_RULE, totpKey, type ThrottleRule } from './throttle';
import { deleteThrottle, saveThrottle, selectThrottle } from './throttle.repository';
import { actorOfUser, normalizeEmail, requiresTotp, type Membership, type User } from './user';
import { claimTotpStep, selectMemberships, selectUserRecord, toUser } from './user.repository';
import { loginSchema, totpCodeSchema, type LoginInput } from './user.schema';
import { verifyTotp } from './totp';
import { revealTotpSecret } from './totp-vault';

/** One message for every failed login: it never says whether the address has an account (OWASP). */
const badCredentials = () => new AppError('unauthorized', 'e-mail address or password is wrong');
const throttled = (seconds: number) => new AppError('rate_limited', 'too many failed attempts', { details: { retryAfterSeconds: seconds } });

/** What the web layer needs after a step of the login: the new cookie value and where to go next. */
export interface LoginStep {
  token: string;
  stage: SessionStage;
  user: User;
}

const fail = async (deps: Deps, key: string, rule: ThrottleRule, now: Date) => saveThrottle(deps.db, key, afterFailure(await selectThrottle(deps.db, key), now, rule));

/** Starts a fresh session: always a new random id, so a planted id is never promoted (session fixation). */
const startSession = async (deps: Deps, user: User, stage: SessionStage, settings: SessionSettings): Promise<string> => {
  const token = newToken();
  const now = deps.clock.now();
  const span = stage === 'active' ? settings.absoluteMs : settings.pendingMs;
  const session: Session = {
    id: hashToken(token),
    userId: user.id,
    stage,
    createdAt: now.toISOString(),
    lastSeenAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + span).toISOString(),
  };
  await insertSession(deps.db, session);
  return token;
};

/**
 * The password step. Throttled per address and per client before any work, with the same answer
 * for unknown addresses; an unknown address still costs one argon2 verification, so timing does not
 * tell either. On success the old session (if the browser sent one) is ended and a new one starts:
 * `totp` when the user has TOTP, `enrol` when an admin still has to set it up, else `active`.
 * Throws `validation_failed`, `unauthorized`, `rate_limited` (details.retryAfterSeconds).
 */
export const logIn = async (
  deps: Deps,
  input: LoginInput & { ip: string; previousToken?: string | undefined },
  settings: SessionSettings = DEFAULT_SESSION_SETTINGS,
): Promise<LoginStep> => {
  const { email, password } = parseInput(loginSchema, input);
  const now = deps.clock.now();
  const keys = { email: emailKey(email), ip: ipKey(input.ip) };
  const wait = Math.max(lockedFor(await selectThrottle(deps.db, keys.email), now), lockedFor(await selectThrottle(deps.db, keys.ip), now));
  if (wait > 0) throw throttled(wait);

  const record = await selectUserRecord(deps.db, { email: normalizeEmail(email) });
  const ok = record ? await verifyPassword(record.passwordHash, password) : await verifyDummyPassword(password);
  if (!record || !ok || record.disabled) {
    await fail(deps, keys.email, EMAIL_RULE, now);
    await fail(deps, keys.ip, IP_RULE, now);
    throw badCredentials();
  }
  await deleteThrottle(deps.db, keys.email);
  const memberships = await selectMemberships(deps.db, { userId: record.id });
  const stage: SessionStage = record.totpEnabled || (record.totpPending && requiresTotp(memberships)) ? 'totp' : requiresTotp(memberships) ? 'enrol' : 'active';
  if (input.previousToken) await deleteSession(deps.db, hashToken(input.previousToken));
  await deleteStaleSessions(deps.db, now.toISOString(), new Date(now.getTime() - settings.idleMs).toISOString());
  const user = toUser(record);
  return { token: await startSession(deps, user, stage, settings), stage, user };
};

/** What a valid session cookie resolves to. */
export interface SessionContext {
  session: Session;
  user: User;
  memberships: Membership[];
  actor: Actor;
}

/**
 * Resolves a session token: `undefined` when unknown, expired (idle or absolute: then it is also
 * deleted) or its user is disabled. Updates `last_seen_at` at most once per `touchMs`.
 */
export const resolveSession = async (deps: Deps, token: string, settings: SessionSettings = DEFAULT_SESSION_SETTINGS): Promise<SessionContext | undefined> => {
  const id = hashToken(token);
  const session = await selectSession(deps.db, id);
  if (!session) return undefined;
  const now = deps.clock.now();
  const record = await selectUserRecord(deps.db, { id: session.userId });
  if (!record || record.disabled || isExpired(session, now, settings)) {
    await deleteSession(deps.db, id);
    return undefined;
  }
  if (needsTouch(session, now, settings)) {
    await touchSession(deps.db, id, now.toISOString());
    session.lastSeenAt = now.toISOString();
  }
  const memberships = await selectMemberships(deps.db, { userId: record.id });
  const user = toUser(record);
  return { session, user, memberships, actor: actorOfUser(user, memberships) };
};

/** Ends a session server-side: the cookie value is worthless afterwards, wherever it was copied. */
export const logOut = async (deps: Deps, token: string): Promise<void> => {
  await deleteSession(deps.db, hashToken(token));
};

/** Ends every session of a user (after a password change, or when an admin blocks the account). */
export const logOutEverywhere = async (deps: Deps, userId: string): Promise<void> => {
  await deleteSessionsOfUser(deps.db, userId);
};

/**
 * The TOTP step of the login: a valid code for a session in stage `totp` replaces it with a new
 * `active` session (new id again). The first valid code also confirms a pending enrolment (an admin
 * made with `helder user create` scans the printed secret and logs in). Five wrong codes end the
 * pending session. Throws `unauthorized` (no such pending session), `validation_failed` (wrong
 * code), `rate_limited`.
 */
export const verifySecondFactor = async (deps: Deps, token: string, input: { code: string }, settings: SessionSettings = DEFAULT_SESSION_SETTINGS): Promise<LoginStep> => {
  const context = await resolveSession(deps, token, settings);
  if (!context || context.session.stage !== 'totp') throw new AppError('unauthorized', 'log in first');
  const { code } = parseInput(totpCodeSchema, input);
  const record = await selectUserRecord(deps.db, { id: context.user.id });
  if (!record?.totpSecret) throw new AppError('unauthorized', 'log in first');
  const now = deps.clock.now();
  const key = totpKey(record.id);
  const throttle = await selectThrottle(deps.db, key);
  if (lockedFor(throttle, now) > 0) {
    await deleteSession(deps.db, context.session.id);
    throw throttled(lockedFor(throttle, now));
  }
  const step = verifyTotp(await revealTotpSecret(deps, record.id, record.totpSecret), code, now, record.totpLastStep);
  if (step === undefined) {
    const next = afterFailure(throttle, now, TOTP_RULE);
    await saveThrottle(deps.db, key, next);
    if (next.lockedUntil) {
      await deleteSession(deps.db, context.session.id);
      throw throttled(lockedFor(next, now));
    }
    throw new AppError('validation_failed', 'wrong code', { issues: [{ path: 'code', message: 'deze code klopt niet; vul de code in die uw app nu toont' }] });
  }
  return inTransaction(deps.db, async (db) => {
    const tx = { db, clock: deps.clock };
    const won = await claimTotpStep(db, record.id, step, { ...(record.totpEnabled ? {} : { totp_confirmed_at: now.toISOString() }), updated_at: now.toISOString() });
    if (!won) throw new AppError('validation_failed', 'code already used', { issues: [{ path: 'code', message: 'deze code is al gebruikt; wacht op de volgende code' }] });
    await deleteThrottle(db, key);
    await deleteSession(db, context.session.id);
    const user = { ...context.user, totpEnabled: true, totpPending: false };
    return { token: await startSession(tx, user, 'active', settings), stage: 'active' as const, user };
  });
};

/**
 * After an admin in stage `enrol` turned TOTP on, their session becomes a normal one — under a new
 * id, like every change of privilege. Throws `unauthorized`, `invalid_state` (TOTP still off).
 */
export const promoteSession = async (deps: Deps, token: string, settings: SessionSettings = DEFAULT_SESSION_SETTINGS): Promise<LoginStep> => {
  const context = await resolveSession(deps, token, settings);
  if (!context) throw new AppError('unauthorized', 'log in first');
  if (!context.user.totpEnabled && requiresTotp(context.memberships)) throw new AppError('invalid_state', 'turn on two-factor authentication first');
  return inTransaction(deps.db, async (db) => {
    await deleteSession(db, context.session.id);
    return { token: await startSession({ db, clock: deps.clock }, context.user, 'active', settings), stage: 'active' as const, user: context.user };
  });
};
