/**
 * Doelen / Goals: what a change must achieve, measurably (IATI result/indicator/baseline/target),
 * versioned on every edit a council adopts; verankering / anchors ("decision D adopted version V")
 * and metingen / measurements of the indicator.
 */
export type { Goal, GoalId, GoalVersion, GoalVersionId, GoalContent, GoalLevel, Direction, ReportingInterval, Anchor, Measurement, TrackStatus } from './goal';
/** Closed lists, and the days a measurement stays current per reporting interval. */
export { GOAL_LEVELS, DIRECTIONS, REPORTING_INTERVALS, INTERVAL_DAYS, VERSIONED_FIELDS } from './goal';
/** Pure rules: what keeps a goal from being measurable, progress from baseline to target, track status. */
export { measurabilityGaps, directionHolds, progressOf, trackStatus } from './goal';
/** Zod schemas: goal content (unit required, target on the stated side of the baseline) and measurement. */
export { goalContentSchema, measurementSchema } from './goal.schema';
export type { GoalContentInput, MeasurementInput } from './goal.schema';
/** Creates a goal with version 1. Throws `not_found` (change), `validation_failed`. */
export { createGoal } from './goal.service';
/** Edits a goal; adopted fields make a new version. Throws `not_found`, `validation_failed`. */
export { reviseGoal } from './goal.service';
/** Reads goals with their current version; `getGoal`/`getGoalVersion`/`listGoalVersions` throw `not_found`. */
export { findGoal, getGoal, listGoals, listGoalVersions, getGoalVersion } from './goal.service';
/** Anchors a goal version to an adopted decision. Throws `invalid_state` (not adopted), `validation_failed` (a decision not of this organization: missing or foreign alike), `conflict`, `not_found` (goal, version). */
export { anchorGoal } from './anchor.service';
/** Records (or with `replace`, corrects) a measurement. Throws `validation_failed` (date), `conflict` (same date), `not_found`. */
export { recordMeasurement, listMeasurementsOfGoal } from './measurement.service';
/** Bulk reads for one organization or some changes, one query each (no N+1). */
export { selectAnchors, selectAnchorsOfGoals, selectMeasurements, selectLatestMeasurements, selectAllVersions } from './goal.repository';
export type { GoalScope, AnchorOfGoal } from './goal.repository';
/** Inserts, for the import of a whole organization (transfer module). */
export { insertGoalRow, insertVersion, insertAnchor, insertMeasurement } from './goal.repository';
