/**
 * Accounts and access (issue 5). Timestamps are ISO 8601 text, flags are integers 0/1, so the same
 * queries run on SQLite and PostgreSQL. No secret is stored in a form that logs someone in: passwords
 * are argon2id hashes, session and API tokens are stored as their SHA-256.
 */
export interface UserTable {
  id: string;
  /** Lower case; unique. */
  email: string;
  name: string;
  /** argon2id PHC string (`$argon2id$v=19$m=…`). */
  password_hash: string;
  /** Base32 TOTP secret (RFC 6238); set when enrolment starts, confirmed by the first valid code. */
  totp_secret: string | null;
  totp_confirmed_at: string | null;
  /** The last accepted 30-second step: a code is never accepted twice (RFC 6238 section 5.2). */
  totp_last_step: number | null;
  /** 1 when the account may not log in. */
  disabled: number;
  created_at: string;
  updated_at: string;
}

/** One role of one user in one organization. */
export interface MembershipTable {
  id: string;
  user_id: string;
  organization_id: string;
  role: string;
  created_at: string;
}

/** A login session, server side; `id` is the SHA-256 of the cookie value. */
export interface SessionTable {
  id: string;
  user_id: string;
  /** `totp` (password ok, code pending), `enrol` (admin must set up TOTP first), `active`. */
  stage: string;
  created_at: string;
  last_seen_at: string;
  /** The absolute end, whatever the activity. */
  expires_at: string;
}

/** Failed attempts per key (`email:<sha256>`, `ip:<address>`, `totp:<user id>`), for throttling. */
export interface LoginThrottleTable {
  key: string;
  failures: number;
  window_start: string;
  locked_until: string | null;
}

/** A personal API token for the write API, scoped to one organization; `token_hash` is SHA-256. */
export interface ApiTokenTable {
  id: string;
  user_id: string;
  organization_id: string;
  name: string;
  token_hash: string;
  /** The first characters of the token, to recognise it in a list. */
  prefix: string;
  /** Space-separated scopes. */
  scopes: string;
  created_at: string;
  last_used_at: string | null;
  expires_at: string | null;
  revoked_at: string | null;
}
