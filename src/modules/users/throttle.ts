import { createHash } from 'node:crypto';
import { normalizeEmail } from './user';

/**
 * Login throttling, kept in the database so every app server sees the same counts. Keys are per
 * e-mail address (hashed: the table is not a list of who tried to log in), per client address and
 * per user for the TOTP step. An unknown address is counted exactly like a known one, so the
 * throttle does not reveal which accounts exist (OWASP Authentication Cheat Sheet).
 */
export interface ThrottleState {
  failures: number;
  windowStart: string;
  lockedUntil: string | null;
}

export interface ThrottleRule {
  /** Failures allowed within the window; the next one locks. */
  limit: number;
  windowMs: number;
  lockMs: number;
}

/** Five wrong passwords for one address in 15 minutes lock that address for 15 minutes. */
export const EMAIL_RULE: ThrottleRule = { limit: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };
/** Password spraying from one client: 50 failures in 15 minutes lock that client. */
export const IP_RULE: ThrottleRule = { limit: 50, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };
/** Guessing six digits: five wrong codes end the attempt. */
export const TOTP_RULE: ThrottleRule = { limit: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };

export const emailKey = (email: string): string => `email:${createHash('sha256').update(normalizeEmail(email)).digest('hex')}`;
export const ipKey = (ip: string): string => `ip:${ip}`;
export const totpKey = (userId: string): string => `totp:${userId}`;

/** Seconds until the lock ends, or 0 when not locked. */
export const lockedFor = (state: ThrottleState | undefined, now: Date): number => {
  if (!state?.lockedUntil) return 0;
  const ms = new Date(state.lockedUntil).getTime() - now.getTime();
  return ms > 0 ? Math.ceil(ms / 1000) : 0;
};

/** The state after one more failure: a new window when the old one passed, a lock at the limit. */
export const afterFailure = (state: ThrottleState | undefined, now: Date, rule: ThrottleRule): ThrottleState => {
  const fresh = !state || now.getTime() - new Date(state.windowStart).getTime() >= rule.windowMs || (state.lockedUntil !== null && lockedFor(state, now) === 0);
  const failures = fresh ? 1 : state.failures + 1;
  const windowStart = fresh ? now.toISOString() : state.windowStart;
  return { failures, windowStart, lockedUntil: failures >= rule.limit ? new Date(now.getTime() + rule.lockMs).toISOString() : null };
};
