/**
 * Verwachtingen / Expectations: the expectation register of a change. Uitspraken / statements
 * (promises and claims by politicians and the media), verwachtingen / expectations of groups or the
 * public with a status (supported, partly, unfounded, contradicted), the goals or decisions behind
 * or against them and our response, and belangenconflicten / conflicts between groups with their
 * afweging / weighing and the decision that settled it. Feeds legitimacy rules 10 and 11.
 */
export type { Statement, StatementId, SpeakerKind, Expectation, ExpectationId, ExpectationKind, ExpectationSource, ExpectationStatus, ExpectationResponse, Conflict, ConflictId } from './expectation';
/** Closed lists: speaker kinds, expectation kinds (predictive, normative), sources and statuses. */
export { SPEAKER_KINDS, EXPECTATION_KINDS, EXPECTATION_SOURCES, EXPECTATION_STATUSES } from './expectation';
/**
 * Pure rules: whether an expectation needs a response (unfounded, contradicted) and lacks one
 * (rule 11), whether a conflict is weighed and between two given groups (rule 10), and which links
 * a status requires (`linkIssues`, as field issues).
 */
export { needsResponse, lacksResponse, isWeighed, isBetween, linkIssues } from './expectation';
/** Zod schemas for statement, expectation, response, conflict, weighing and suggestion input. */
export { statementSchema, expectationSchema, responseSchema, conflictSchema, weighingSchema, suggestionRequestSchema } from './expectation.schema';
export type { StatementInput, ExpectationInput, ResponseInput, ConflictInput, WeighingInput, SuggestionRequest } from './expectation.schema';
/** Records or corrects a statement. Throw `not_found` (change, statement), `validation_failed`. */
export { recordStatement, updateStatement } from './statement.service';
/** Reads a statement; `getStatement` throws `not_found`. */
export { findStatement, getStatement } from './statement.service';
/**
 * Records or re-assesses an expectation. Throw `not_found` (change, expectation) and
 * `validation_failed`: a status without the links it needs (`goalIds`), an unfounded one with
 * links, a group or decision not of this organization or a statement or goal not of this change
 * (missing or foreign alike), a backing decision that was not adopted.
 */
export { recordExpectation, updateExpectation } from './expectation.service';
/** Records what we communicate about an expectation, where and when. Throws `not_found`, `validation_failed`. */
export { respondToExpectation } from './expectation.service';
/** Reads an expectation with its links; `getExpectation` throws `not_found`. */
export { findExpectation, getExpectation } from './expectation.service';
/**
 * Records a conflict between two groups of a change. Throws `not_found` (change),
 * `validation_failed` (the same group twice, a group or decision not of this organization, missing or foreign alike),
 * `conflict` (this pair already has a conflict in this change).
 */
export { recordConflict } from './conflict.service';
/** Records the weighing of a conflict and its settling decision. Throws `not_found`, `validation_failed`. */
export { weighConflict } from './conflict.service';
/** Reads a conflict; `getConflict` throws `not_found`. */
export { findConflict, getConflict } from './conflict.service';
/** The register of one change, resolved, with a fixed number of queries. Throws `not_found`. */
export { getExpectationRegister } from './register.service';
export type { ExpectationRegister, RegisterExpectation, RegisterConflict, GoalSuggestionWithGoal } from './register.service';
/** The goals a new expectation or statement most likely refers to (Dutch stems). Throws `not_found`, `validation_failed`. */
export { suggestGoals } from './register.service';
/** The pure ranking behind `suggestGoals`, and the Snowball Dutch stemmer it uses. */
export { rankGoals } from './suggest';
export type { GoalSuggestion, RankableGoal } from './suggest';
export { stemDutch } from './stem';
/** Bulk reads for one organization or some changes, one query each (expectations: two). */
export { selectStatements, selectExpectations, selectConflicts } from './expectation.repository';
export type { ExpectationScope } from './expectation.repository';
/** Inserts, for the import of a whole organization (transfer module); an expectation brings its links. */
export { insertStatement, insertExpectation, insertConflict } from './expectation.repository';
