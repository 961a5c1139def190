/**
 * Maatregelen / Measures and bijdragen / contributions: what an organization does, and how each
 * measure is meant to serve each goal (mechanism, assumptions, expected effect, evidence).
 */
export type { Measure, MeasureId, MeasureStatus, Contribution, EvidenceStrength } from './measure';
/** Closed lists of measure statuses and evidence strengths (weakest first). */
export { MEASURE_STATUSES, EVIDENCE_STRENGTHS } from './measure';
/** Zod schemas for measure and contribution input. */
export { measureSchema, contributionSchema } from './measure.schema';
export type { MeasureInput, ContributionInput } from './measure.schema';
/** Creates or edits a measure (an edit keeps the fields it leaves out). Throw `not_found`, `validation_failed`. */
export { createMeasure, updateMeasure } from './measure.service';
/** Links a measure to a goal of the same change. Throws `validation_failed` (other change), `conflict`, `not_found`. */
export { addContribution } from './measure.service';
/** Reads a measure; `getMeasure` throws `not_found`. */
export { findMeasure, getMeasure } from './measure.service';
/** Bulk reads for one organization or some changes, one query each. */
export { selectMeasures, selectContributions } from './measure.repository';
export type { MeasureScope } from './measure.repository';
/** Inserts, for the import of a whole organization (transfer module). */
export { insertMeasure, insertContribution } from './measure.repository';
