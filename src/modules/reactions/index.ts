/**
 * Reacties / Reactions: citizens react to a published change (display name, self-declared role,
 * plain text), reply to each other (threads two deep), and the organization answers officially.
 * Pre-moderation by default (`pending → published | rejected`), post-moderation per organization;
 * readers report (spam, offensive, off-topic) and enough distinct reports hide a reaction pending
 * review. Anonymous writes pass the citizen-voice guard of the polls module (docs/citizen-voice.md).
 */
export type { Reaction, ReactionId, ReactionRole, ReactionStatus, ReportReason, ModerationMode, TextSegment } from './reaction';
/** Closed lists with Dutch and English labels, and the limits (2,000 characters, depth 2, 3 reports). */
export {
  REACTION_ROLES,
  REACTION_ROLE_LABELS,
  REACTION_STATUSES,
  REPORT_REASONS,
  REPORT_REASON_LABELS,
  MODERATION_MODES,
  MAX_REACTION_LENGTH,
  MAX_NAME_LENGTH,
  MAX_DEPTH,
  DEFAULT_REPORT_THRESHOLD,
} from './reaction';
/**
 * Pure rules for presenters: whether readers see a reaction, whether its links may be clickable
 * (reviewed by a moderator or written by the organization), and `segmentsOf`, which splits a
 * text into text and link segments (href only when clickable, only http/https) — escape every one.
 */
export { isVisible, linksClickable, segmentsOf } from './reaction';
/** Zod schemas of a reaction (with `token` and the `website` honeypot), an official answer, a report, a decision, the settings. */
export { reactionSchema, officialAnswerSchema, reportSchema, moderationSchema, voiceSettingsSchema } from './reaction.schema';
export type { ReactionInput, OfficialAnswerInput, ReportInput, ModerationInput, VoiceSettingsInput } from './reaction.schema';
/** The reaction form of a published change: a signed token, roles, report reasons, limits, the honeypot's name. Throws `not_found`. */
export { getReactionForm } from './reaction.service';
export type { ReactionForm, ReactionReceipt, ReactionThread } from './reaction.service';
/**
 * Posts a citizen's reaction or reply. Throws `not_found`, `validation_failed` (input, reply to a
 * reply, form missing/forged/expired, too fast, honeypot), `conflict` (duplicate text),
 * `rate_limited`; every refusal writes nothing and carries `details.reason` for the log.
 */
export { postReaction } from './reaction.service';
/** The messages shown after posting: pending ("Even geduld — uw reactie wordt eerst bekeken.") or published, and after reporting. */
export { PENDING_MESSAGE, PUBLISHED_MESSAGE, REPORT_MESSAGE } from './reaction.service';
/** A page of a published change's visible reactions, threaded, oldest first. Throws `not_found`. */
export { listReactions } from './reaction.service';
/** Reads a reaction of any status; `getReaction` throws `not_found`. */
export { findReaction, getReaction } from './reaction.service';
/** A reader's report; one per hashed client per reaction, hidden at the threshold. Throws `not_found`, `validation_failed`, `rate_limited`. */
export { reportReaction } from './reaction.service';
/** Pure policies: moderate (moderators), answer officially (communicators, editors, moderators), settings (admins). */
export { canModerateReactions, canAnswerOfficially, canManageReactionSettings } from './reaction.policy';
/** The moderation queue, oldest first, with counts. Throws `forbidden`, `not_found`. */
export { listModerationQueue } from './moderation.service';
export type { ModerationQueue, AnswerTimes } from './moderation.service';
/** Publish or reject (with reason) a reaction. Throws `forbidden`, `not_found`, `validation_failed`. */
export { moderateReaction } from './moderation.service';
/** An official answer of the organization, published at once. Throws `forbidden`, `not_found`, `validation_failed`. */
export { postOfficialAnswer } from './moderation.service';
/** Time to first official answer on a published change (median, mean, first). Throws `not_found`. */
export { officialAnswerTimes } from './moderation.service';
/** Pre- or post-moderation and the report threshold per organization; setting throws `forbidden`, `not_found`, `validation_failed`. */
export { getReactionSettings, setReactionSettings } from './moderation.service';
export type { VoiceSettings } from './reaction.repository';
