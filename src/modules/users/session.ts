import { createHash, randomBytes } from 'node:crypto';
import type { UserId } from './user';

/**
 * Login sessions live in the database (ARCHITECTURE.md: stateless app servers). The cookie holds a
 * random token; the database holds only its SHA-256, so a copy of the database logs nobody in.
 */
export const SESSION_STAGES = ['totp', 'enrol', 'active'] as const;
/** `totp`: password accepted, code pending. `enrol`: an admin must set up TOTP first. `active`: in. */
export type SessionStage = (typeof SESSION_STAGES)[number];

export interface Session {
  /** SHA-256 of the token, hex. */
  id: string;
  userId: UserId;
  stage: SessionStage;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
}

export interface SessionSettings {
  /** Ends a session nobody used for this long (OWASP Session Management: 15–30 minutes). */
  idleMs: number;
  /** Ends every session this long after login, however active. */
  absoluteMs: number;
  /** How long the TOTP or enrolment step may take. */
  pendingMs: number;
  /** Write `last_seen_at` at most this often: one write per minute, not one per request. */
  touchMs: number;
}

export const DEFAULT_SESSION_SETTINGS: SessionSettings = {
  idleMs: 30 * 60_000,
  absoluteMs: 12 * 60 * 60_000,
  pendingMs: 10 * 60_000,
  touchMs: 60_000,
};

/** A new session token: 256 random bits, base64url (cookie-safe). */
export const newToken = (): string => randomBytes(32).toString('base64url');

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** Whether a session is over at `now`: past its absolute end, or idle too long. */
export const isExpired = (session: Pick<Session, 'lastSeenAt' | 'expiresAt'>, now: Date, settings: SessionSettings): boolean =>
  now.toISOString() >= session.expiresAt || now.getTime() - new Date(session.lastSeenAt).getTime() >= settings.idleMs;

export const needsTouch = (session: Pick<Session, 'lastSeenAt'>, now: Date, settings: SessionSettings): boolean =>
  now.getTime() - new Date(session.lastSeenAt).getTime() >= settings.touchMs;
