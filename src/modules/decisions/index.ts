/**
 * Besluiten / Decisions: raadsbesluiten, moties, amendementen, collegebesluiten… with outcome and
 * vote counts (Popolo vote_event/count). Final once the outcome is set: corrections are new records.
 */
export type { Decision, DecisionId, DecisionKind, DecisionOutcome, FollowUp, FollowUpStatus, PartyVote, VoteCounts } from './decision';
/** Closed lists of kinds, outcomes and follow-up statuses. */
export { DECISION_KINDS, DECISION_OUTCOMES, FOLLOW_UP_STATUSES } from './decision';
/** Pure rules: whether a decision is final, whether its kind creates a follow-up obligation. */
export { isFinal, createsObligation } from './decision';
/** Zod schema for decision input (votes per party must add up to the totals). */
export { decisionSchema } from './decision.schema';
export type { DecisionInput } from './decision.schema';
/** Records a decision or a correction. Throws `not_found`, `validation_failed`, `conflict` (already corrected). */
export { recordDecision } from './decision.service';
/** Edits a pending decision. Throws `invalid_state` once its outcome is set or a newer record corrects it, `not_found`, `validation_failed`. */
export { updatePendingDecision } from './decision.service';
/** Reads decisions; `getDecision` throws `not_found`. */
/** The record correcting a decision, if any. */
export { findCorrectionOf } from './decision.service';
export { findDecision, getDecision, listDecisionsByIds, listDecisionsOfOrganization, listDecisionsForChange } from './decision.service';
/** Insert, for the import of a whole organization (transfer module). */
export { insertDecision } from './decision.repository';
