/**
 * Veranderingen / Changes: what an organization changes, with why (waarom), what (wat), when
 * (milestones), a citizen summary, themes and a lifecycle draft → proposed → decided →
 * in_progress → completed | stopped.
 */
export type { Change, ChangeId, ChangeKind, ChangeStatus, Milestone, MilestoneId } from './change';
/** Closed lists of kinds and statuses, in lifecycle order. */
export { CHANGE_KINDS, CHANGE_STATUSES } from './change';
/** Pure lifecycle rules: whether a status may follow another, and whether a status is decided. */
export { canMoveTo, isDecided } from './change';
/** Zod schemas for change and milestone input; `isoDateSchema` is the calendar date every module uses. */
export { createChangeSchema, updateChangeSchema, milestoneSchema, isoDateSchema } from './change.schema';
export type { CreateChangeInput, UpdateChangeInput, MilestoneInput, ListChangesFilter } from './change.schema';
/** Creates a change (slug derived from the title when absent). Throws `not_found` (organization), `conflict` (slug), `validation_failed`. */
export { createChange } from './change.service';
/** Edits the texts of a change. Throws `not_found`, `validation_failed`. */
export { updateChange } from './change.service';
/** Moves a change along its lifecycle. Throws `not_found`, `invalid_state` (transition not allowed). */
export { setChangeStatus } from './change.service';
/** The installation (seed, import) publishes or withdraws a change directly. Throws `not_found`, `forbidden` (a person: people use the workflow). */
export { setChangePublished } from './change.service';
/** Reads one change; `find…` returns undefined, `get…` throws `not_found`. */
export { findChange, getChange, findChangeBySlug } from './change.service';
/** A page of an organization's changes, filtered by status, theme and publication. Throws `not_found`, `validation_failed`. */
export { listChanges } from './change.service';
/** Milestones of a change's timeline. Throw `not_found`, `validation_failed`. */
export { addMilestone, updateMilestone, listMilestones } from './change.service';
/** Reads one milestone (undefined when there is none). */
export { findMilestone } from './change.service';
/** Row mapping and inserts, for the import of a whole organization (transfer module). */
export { rowToChange, rowToMilestone, insertChange, insertMilestone, selectChangesOf } from './change.repository';
/** The scope of bulk reads (an organization or some changes), and its `change_id` filter for other modules' repositories. */
export { changeIdsOf, isEmptyScope } from './change.scope';
export type { ChangeScope } from './change.scope';
/** The publication workflow draft → ready for review → published, with who and when. */
export type { Publication, PublicationState } from './publication';
/** Who may ask for review (editors, admins), publish (communicators, admins; never who asked: four eyes) and send back. */
export { canRequestReview, canPublish, canSendBack, isFourEyes, REVIEW_ROLES, PUBLISH_ROLES, SEND_BACK_ROLES } from './publication';
/** The names of the workflow's steps, shared by the editor and the write API. */
export { PUBLICATION_STEPS } from './publication';
export type { PublicationStep } from './publication';
/** Where a change stands in the publication workflow. Throws `not_found`. */
export { getPublication } from './publication.service';
/** The steps: ask for review, publish, back to draft (send back or withdraw). Throw `not_found`, `forbidden`, `invalid_state`. */
export { requestReview, publishChange, returnToDraft } from './publication.service';
/** Takes a step by its name (the editor's page and the write API). Throws `not_found`, `forbidden`, `invalid_state`, `validation_failed` (no such step). */
export { takePublicationStep } from './publication.service';
