/**
 * Citizen voice (issue 4): poll answers with their incremental aggregates, reactions with reports,
 * per-organization moderation settings, and the anti-abuse state (used poll tokens, throttle
 * windows, daily salts). Flags are integers 0/1 and timestamps ISO 8601 text, like every table.
 * No table holds a raw IP address: throttle keys and reporters are salted hashes (docs/citizen-voice.md).
 */

/** One submitted poll: one row per respondent, kept for auditability (a recount must equal the aggregates). */
export interface PollResponseTable {
  id: string;
  change_id: string;
  /** A group id of the change, `none` ("geen van deze") or `unknown` (Q5 not answered). */
  group_key: string;
  /** `ja` | `deels` | `nee`. */
  q1: string;
  q2: string;
  /** 1 (much worse) … 5 (much better). */
  q3: number;
  /** Null before the change is in progress. */
  q4: number | null;
  /** The day only (YYYY-MM-DD): an exact time would help link an answer to a web server log line. */
  submitted_on: string;
}

/** How many respondents gave `answer` to `question` (q1…q4), per change and group. */
export interface PollCountTable {
  change_id: string;
  group_key: string;
  question: string;
  answer: string;
  count: number;
}

/** What perceived success needs, per change and group, kept up to date with every submission. */
export interface PollTotalTable {
  change_id: string;
  group_key: string;
  respondents: number;
  /** Respondents who answered both Q3 and Q4. */
  with_both: number;
  /** Of those, how many experience at least what they expected (Q4 ≥ Q3). */
  met: number;
  /** Sum of Q4 − Q3 over `with_both`. */
  gap_sum: number;
}

/** A poll token that was used: the SHA-256 of its nonce, unique, so one token counts once. */
export interface PollTokenUsedTable {
  nonce_hash: string;
  change_id: string;
  used_at: string;
}

/** A reaction (reactie) on a change, optionally on one of its updates, or a reply to another reaction. */
export interface ReactionTable {
  id: string;
  organization_id: string;
  change_id: string;
  /** Updates (berichten) come later; kept so reactions on them need no migration. */
  update_id: string | null;
  parent_id: string | null;
  /** 1 for a reaction, 2 for a reply (the maximum). */
  depth: number;
  display_name: string;
  /** Self-declared: inwoner, ondernemer, medewerker, extern, anders. */
  role: string;
  /** As given (trimmed, line ends normalized): never HTML-escaped in storage. */
  text: string;
  /** SHA-256 of the normalized text, for the duplicate check. */
  text_hash: string;
  /** `pending` | `published` | `rejected`. */
  status: string;
  rejection_reason: string | null;
  /** 1 for an answer by the organization (posted by a signed-in member). */
  official: number;
  /** The actor id of the member behind an official answer; null for citizens. */
  author_actor_id: string | null;
  /** 1 when reports hid it pending review. */
  hidden: number;
  /** Distinct reports since the last review. */
  report_count: number;
  /** When a moderator last decided on it; null while unreviewed (links stay unclickable). */
  reviewed_at: string | null;
  reviewed_by: string | null;
  /** When the first official reply to it was posted (time to first official answer). */
  first_official_answer_at: string | null;
  created_at: string;
  published_at: string | null;
}

/** One reader's report of a reaction; the reporter is a salted, daily-rotated hash. */
export interface ReactionReportTable {
  reaction_id: string;
  reporter_hash: string;
  /** `spam` | `offensive` | `off_topic`. */
  reason: string;
  created_at: string;
}

/** Per-organization settings for reactions; absent row = defaults (pre-moderation, 3 reports). */
export interface VoiceSettingsTable {
  organization_id: string;
  /** `pre` | `post`. */
  moderation: string;
  report_threshold: number;
  updated_at: string;
}

/** A fixed-window counter per hashed client and rule (`<rule>:<hash>[:<scope>]`). */
export interface VoiceThrottleTable {
  key: string;
  window_start: string;
  count: number;
}

/** The random salt of one day; deleted after two days, so old hashes can never be linked again. */
export interface VoiceSaltTable {
  day: string;
  salt: string;
}
