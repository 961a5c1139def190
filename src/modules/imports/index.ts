/**
 * Importeren / Imports: measurements from spreadsheets (CSV with `;` or `,`, Dutch decimal comma,
 * with or without a UTF-8 byte-order mark) with a preview and an all-or-nothing commit, and
 * decisions from Popolo JSON (issue 5, docs/imports-exports.md).
 */
/** CSV helpers: delimiter detection, RFC 4180 records with line numbers, Dutch numbers and dates. */
export { parseCsv, detectDelimiter, parseDecimal, parseDate } from './csv';
export type { Delimiter, CsvRecord, CsvTable } from './csv';
/**
 * Measurements from CSV. `previewMeasurementImport` writes nothing and reports per row (`new`,
 * `replace`, `unchanged`, `invalid`) with every issue as `line N.field`; throws `not_found`
 * (organization). `commitMeasurementImport` writes all rows in one transaction or nothing; throws
 * `validation_failed` (every bad row as an issue), `not_found`.
 */
export { previewMeasurementImport, commitMeasurementImport, MEASUREMENT_COLUMNS, MAX_IMPORT_ROWS, MAX_IMPORT_BYTES } from './measurements';
export type { MeasurementImportPreview, MeasurementImportRow, MeasurementImportResult, RowOutcome } from './measurements';
/**
 * Decisions from Popolo JSON (motions, vote events, counts — the format behind Open
 * Raadsinformatie). `previewDecisionImport` writes nothing and reports per motion (`new`,
 * `present`, `invalid`) with every issue at its JSON path (`motions[3].date`,
 * `vote_events[1].counts[0].option`); throws `not_found` (organization). `commitDecisionImport`
 * records every new motion through `recordDecision` in one transaction, or nothing; throws
 * `validation_failed` (every problem as an issue), `not_found`.
 */
export { previewDecisionImport, commitDecisionImport } from './decisions';
export type { DecisionImportPreview, DecisionImportRow, DecisionImportResult, MotionOutcome } from './decisions';
/** Pure reading of a Popolo document into decision inputs, and Popolo dates as Dutch calendar dates. */
export { readPopolo, popoloDate } from './popolo';
export type { PopoloDocument, PopoloMotion } from './popolo';
