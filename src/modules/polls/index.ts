/**
 * Peilingen / Polls and gepercipieerd succes / perceived success (DOMAIN.md "Polls and perceived
 * success"): the same short anonymous poll on every published change — understanding why (Q1) and
 * what (Q2), expectation (Q3), experience once under way (Q4), group (Q5) — kept as individual
 * responses plus incremental aggregates per change × group × question × answer, and turned into
 * figures per group (small groups merged into "overig") and plain Dutch sentences.
 *
 * Also home of the citizen-voice guard that reactions share: salted daily address hashes, signed
 * form tokens, throttles and rejection reasons (docs/citizen-voice.md).
 */
export type { Poll, PollQuestion, PollOption, PollResponse, QuestionId, UnderstandingAnswer, ScaleAnswer, GroupKey } from './poll';
/** The answer lists, question ids, and the Q5 keys for "geen van deze" and "not answered". */
export { UNDERSTANDING_ANSWERS, SCALE, QUESTION_IDS, NO_GROUP, UNKNOWN_GROUP } from './poll';
/** Pure rules: whether Q4 is asked in a status, the questions for a status and groups, the aggregate rows one response adds. */
export { asksExperience, questionsFor, aggregatesOf } from './poll';
/** The zod schema of one submission (JSON or form fields; `website` is the honeypot). */
export { pollSubmissionSchema } from './poll.schema';
export type { PollSubmission } from './poll.schema';
/** The actor anonymous citizens write as (`system:citizen`); it holds no roles. */
export { CITIZEN } from './poll.service';
/** The poll of a published change with a fresh one-time token. Throws `not_found`. */
export { getPoll } from './poll.service';
/**
 * Records one submission. Throws `not_found`, `validation_failed` (answers, token, honeypot, too
 * fast), `conflict` (token already used), `rate_limited`; every refusal writes nothing and carries
 * `details.reason`.
 */
export { submitPollAnswers } from './poll.service';
export type { PollReceipt } from './poll.service';
/** Figures per change and group from the aggregates only. Throws `not_found`. */
export { getPerception } from './poll.service';
/** A number that changes only when an answer to the change's poll is accepted: a cache key for rendered figures. */
export { pollVersion } from './poll.service';
/** Recount from the individual responses, compared with the aggregates (auditors, tests). Throws `not_found`. */
export { verifyPollAggregates } from './poll.service';
/** The pure figures: small groups merged into "overig", remainders that would reveal one suppressed. */
export { perceptionOf } from './perception';
export type { Perception, PerceptionFigures, GroupPerception, PollAggregates } from './perception';
/** Plain sentences ("8 van de 10 mensen begrijpen waarom…") for the portal, Dutch or English. */
export { describePerception, describeFigures } from './describe';
export type { PerceptionText } from './describe';
/**
 * The citizen-voice guard. `hashClientAddress` turns a raw address into today's salted hash (call
 * it at the edge; never store the address). `issueFormToken`/`verifyFormToken` sign and check a
 * form (`validation_failed` with reason `form_missing`, `form_invalid`, `form_expired`,
 * `too_fast`). `throttle` counts a write in the caller's transaction (`rate_limited`).
 * `rejection` builds a refusal with a reason; `rejectionReasonOf` reads it back for the log.
 * `pruneVoiceGuard` deletes expired throttle windows and used tokens (run hourly).
 */
export { hashClientAddress, issueFormToken, verifyFormToken, throttle, rejection, rejectionReasonOf, pruneVoiceGuard, voiceOptions, VOICE_DEFAULTS, REJECTION_REASONS } from './guard';
export type { ClientHash, VoiceDeps, VoiceOptions, ThrottleRule, RejectionReason, FormPurpose, FormToken, VerifiedToken } from './guard';
