import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { AppError, isoDate, type Id } from '../../core';
import type { Db, Deps } from '../../storage';
import { bumpThrottle, pruneGuardState, todaysSalt } from './guard.repository';

/**
 * The citizen-voice guard: what keeps anonymous writes (poll answers, reactions, reports) honest
 * without identifying anyone. Shared by polls and reactions (reactions imports it from polls'
 * index). docs/citizen-voice.md explains the mechanism and what it does not prevent.
 */

/** A salted, daily-rotated hash of a client address; the raw address is never stored. */
export type ClientHash = Id<'ClientHash'>;

/** Limits and timings; every field has a default (VOICE_DEFAULTS). */
export interface VoiceOptions {
  /** A poll token or reaction form older than this is refused (`form_expired`). */
  formMaxAgeMs: number;
  /** Minimum time between fetching a reaction form and posting it (`too_fast`). */
  reactionMinFillMs: number;
  /** Minimum time between fetching a poll token and submitting the poll (`too_fast`). */
  pollMinFillMs: number;
  /** Groups with fewer respondents are never shown apart (DOMAIN.md: "below 10 answers"). */
  minGroupSize: number;
  rules: Record<'pollPerChange' | 'pollPerClient' | 'reaction' | 'reactionDaily' | 'report', ThrottleRule>;
}

/** At most `max` successful writes per client (and scope) in a fixed window of `windowMs`. */
export interface ThrottleRule {
  name: string;
  max: number;
  windowMs: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Generous on purpose: mobile carriers put hundreds of people behind one address (CGNAT), so the
 * limits bound abuse from one address without locking out a neighbourhood (docs/citizen-voice.md).
 */
export const VOICE_DEFAULTS: VoiceOptions = {
  formMaxAgeMs: DAY,
  reactionMinFillMs: 3_000,
  pollMinFillMs: 2_000,
  minGroupSize: 10,
  rules: {
    pollPerChange: { name: 'poll', max: 10, windowMs: DAY },
    pollPerClient: { name: 'poll-all', max: 60, windowMs: HOUR },
    reaction: { name: 'reaction', max: 5, windowMs: 10 * 60_000 },
    reactionDaily: { name: 'reaction-day', max: 20, windowMs: DAY },
    report: { name: 'report', max: 20, windowMs: DAY },
  },
};

/**
 * What citizen-voice use cases receive: the usual deps plus the server secret that signs forms and
 * keys the address hashes (HELDER_SECRET; at least 32 characters), and optional limits.
 */
export interface VoiceDeps extends Deps {
  secret: string;
  voice?: Partial<VoiceOptions>;
}

export const voiceOptions = (deps: Pick<VoiceDeps, 'voice'>): VoiceOptions => ({
  ...VOICE_DEFAULTS,
  ...deps.voice,
  rules: { ...VOICE_DEFAULTS.rules, ...deps.voice?.rules },
});

/**
 * Why an anonymous write was refused, for the log line the web layer writes (issue 4: "all
 * rejections leave no row and are counted in logs"). Carried in `AppError.details.reason`.
 */
export const REJECTION_REASONS = [
  'honeypot',
  'too_fast',
  'form_missing',
  'form_invalid',
  'form_expired',
  'token_used',
  'duplicate',
  'rate_limited',
  'invalid_input',
] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

const CODE_OF: Record<RejectionReason, 'validation_failed' | 'conflict' | 'rate_limited'> = {
  honeypot: 'validation_failed',
  too_fast: 'validation_failed',
  form_missing: 'validation_failed',
  form_invalid: 'validation_failed',
  form_expired: 'validation_failed',
  token_used: 'conflict',
  duplicate: 'conflict',
  rate_limited: 'rate_limited',
  invalid_input: 'validation_failed',
};

/** A refusal with a stable reason; `path` names the form field a form handler marks. */
export const rejection = (reason: RejectionReason, message: string, path = 'form'): AppError =>
  new AppError(CODE_OF[reason], message, { issues: [{ path, message }], details: { reason } });

/** The rejection reason of an error thrown by a citizen-voice use case (`invalid_input` for other validation failures). */
export const rejectionReasonOf = (error: unknown): RejectionReason | undefined => {
  if (!(error instanceof AppError)) return undefined;
  const reason = error.details.reason;
  if (typeof reason === 'string' && (REJECTION_REASONS as readonly string[]).includes(reason)) return reason as RejectionReason;
  return error.code === 'validation_failed' ? 'invalid_input' : undefined;
};

const checkSecret = (secret: string): string => {
  // 32 characters of a generated secret carry ≥ 128 bits; shorter is a configuration mistake.
  if (typeof secret !== 'string' || secret.length < 32) throw new AppError('internal', 'the server secret (HELDER_SECRET) must be at least 32 characters');
  return secret;
};

/** Separate keys per purpose, derived from the one secret (NIST SP 800-108 style, HMAC as PRF). */
const subkey = (secret: string, purpose: string): Buffer => createHmac('sha256', checkSecret(secret)).update(`helder:${purpose}:v1`).digest();

// --- client address hashing -------------------------------------------------------------------

const saltCache = new WeakMap<object, { day: string; salt: string }>();

/** Today's random salt, cached per database handle for the day. */
const saltOf = async (deps: Pick<Deps, 'db' | 'clock'>): Promise<string> => {
  const day = isoDate(deps.clock.now());
  const cached = saltCache.get(deps.db);
  if (cached?.day === day) return cached.salt;
  // Forgetting yesterday's salt is the rotation: hashes made with it can never be linked again.
  const salt = await todaysSalt(deps.db, day, randomBytes(32).toString('base64url'));
  saltCache.set(deps.db, { day, salt });
  return salt;
};

/**
 * Hashes a client address (IPv4 or IPv6, as the web layer sees it) with today's random salt,
 * keyed by the server secret: the database alone cannot reverse it, the secret alone neither, and
 * once a day's salt is deleted no one can. Call it at the edge and pass only the hash on.
 */
export const hashClientAddress = async (deps: Pick<VoiceDeps, 'db' | 'clock' | 'secret'>, address: string): Promise<ClientHash> => {
  const salt = await saltOf(deps);
  const mac = createHmac('sha256', subkey(deps.secret, 'client-address')).update(salt).update('\0').update(address.trim().toLowerCase());
  return mac.digest('base64url').slice(0, 32) as ClientHash;
};

// --- signed form tokens -----------------------------------------------------------------------

/** What a form token is for: a poll (one-time), a reaction form or a subscribe form (fill time only). */
export type FormPurpose = 'poll' | 'reaction' | 'subscribe';

export interface FormToken {
  token: string;
  issuedAt: string;
  expiresAt: string;
}

const VERSION = 'v1';

const macOf = (secret: string, payload: string): string => createHmac('sha256', subkey(secret, 'form-token')).update(payload).digest('base64url');

/**
 * A signed token for one form on one change: `v1.<purpose>.<change id>.<issued ms, base 36>.<nonce>.<mac>`
 * with a 128-bit random nonce and an HMAC-SHA256 over the rest. Stateless until used.
 */
export const issueFormToken = (deps: Pick<VoiceDeps, 'clock' | 'secret' | 'voice'>, purpose: FormPurpose, changeId: string): FormToken => {
  const now = deps.clock.now();
  const payload = [VERSION, purpose, changeId, now.getTime().toString(36), randomBytes(16).toString('base64url')].join('.');
  return {
    token: `${payload}.${macOf(deps.secret, payload)}`,
    issuedAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + voiceOptions(deps).formMaxAgeMs).toISOString(),
  };
};

/** A verified token: its nonce (for one-time use) and when it was issued. */
export interface VerifiedToken {
  nonce: string;
  issuedAt: Date;
}

/**
 * Verifies a form token for this purpose and change: signature (constant-time compare), purpose,
 * change, age. Throws `form_missing`, `form_invalid` (forged, altered, another change or purpose,
 * issued in the future), `form_expired`, `too_fast` (sent sooner than `minFillMs` after issue).
 */
export const verifyFormToken = (
  deps: Pick<VoiceDeps, 'clock' | 'secret' | 'voice'>,
  purpose: FormPurpose,
  changeId: string,
  token: string | undefined,
  minFillMs: number,
): VerifiedToken => {
  if (!token) throw rejection('form_missing', 'Het formulier is niet compleet. Laad de pagina opnieuw.', 'token');
  const parts = token.split('.');
  const invalidForm = rejection('form_invalid', 'Dit formulier is niet geldig. Laad de pagina opnieuw.', 'token');
  if (parts.length !== 6 || token.length > 300) throw invalidForm;
  const [version, p, c, issued, nonce, mac] = parts as [string, string, string, string, string, string];
  const expected = Buffer.from(macOf(deps.secret, parts.slice(0, 5).join('.')));
  const given = Buffer.from(mac);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalidForm;
  if (version !== VERSION || p !== purpose || c !== changeId) throw invalidForm;
  const issuedAt = new Date(parseInt(issued, 36));
  const age = deps.clock.now().getTime() - issuedAt.getTime();
  // A minute of clock skew between app servers is tolerated; more is not a token we issued.
  if (Number.isNaN(age) || age < -60_000) throw invalidForm;
  if (age > voiceOptions(deps).formMaxAgeMs) throw rejection('form_expired', 'Het formulier is verlopen. Laad de pagina opnieuw.', 'token');
  if (age < minFillMs) throw rejection('too_fast', 'U was erg snel. Wacht een paar seconden en verstuur het opnieuw.', 'token');
  return { nonce, issuedAt };
};

// --- throttling -------------------------------------------------------------------------------

/**
 * Counts this write against a rule for one client (and optional scope, e.g. a change id) in the
 * caller's transaction, and refuses it with `rate_limited` past the maximum. The refusal rolls the
 * transaction back, increment included: only accepted writes count.
 */
export const throttle = async (db: Db, now: Date, rule: ThrottleRule, client: ClientHash, scope = ''): Promise<void> => {
  const { key, windowStart } = throttleWindow(now, rule, client, scope);
  const count = await bumpThrottle(db, key, windowStart);
  if (count > rule.max) throw rateLimited();
};

/** The refusal of a write past a throttle rule's maximum. */
export const rateLimited = (): AppError => rejection('rate_limited', 'U heeft dit te vaak gedaan. Probeer het later opnieuw.');

/** The row a write counts in for a rule: the client's (and scope's) key and the fixed window `now` falls in. */
export const throttleWindow = (now: Date, rule: ThrottleRule, client: ClientHash, scope = ''): { key: string; windowStart: string } => ({
  key: `${rule.name}:${client}${scope ? `:${scope}` : ''}`,
  windowStart: new Date(Math.floor(now.getTime() / rule.windowMs) * rule.windowMs).toISOString(),
});

/**
 * Deletes guard state that no longer matters: throttle windows older than a day and used poll
 * tokens older than the form lifetime (an expired token is refused anyway). Run it hourly.
 */
export const pruneVoiceGuard = (deps: Pick<VoiceDeps, 'db' | 'clock' | 'voice'>): Promise<{ windows: number; tokens: number }> => {
  const now = deps.clock.now().getTime();
  const longestWindow = Math.max(...Object.values(voiceOptions(deps).rules).map((r) => r.windowMs));
  return pruneGuardState(
    deps.db,
    new Date(now - 2 * longestWindow).toISOString(),
    new Date(now - voiceOptions(deps).formMaxAgeMs - 3_600_000).toISOString(),
  );
};
