/**
 * Overdracht / Transfer: a whole organization as one JSON document (`helder-organization`,
 * version 1), to move it between installations or keep it outside the database. Export → import
 * → export gives the same document except `exportedAt`. The format is described in docs/transfer.md.
 */
/** The document's name and version, and its zod schema (strict: unknown keys are errors). */
export { DOCUMENT_FORMAT, DOCUMENT_VERSION, organizationDocumentSchema } from './document.schema';
export type { OrganizationDocument } from './document.schema';
/**
 * Exports one organization (by id or slug) with its groups, changes (milestones, goals with every
 * version and their measurements, measures with contributions, impacts, and the expectation
 * register: statements, expectations with their links and response, conflicts), decisions and anchors, in
 * a stable order, read in one snapshot with one query per table. Throws `not_found`.
 */
export { exportOrganization } from './export';
/**
 * Imports a document into this installation, all or nothing, with one `organization.imported`
 * audit entry that starts the organization's chain. A document written before the expectation
 * register (no `statements`, `expectations`, `conflicts` on its changes) imports with it empty. Throws `validation_failed` with one issue per
 * wrong field, its path naming record and field (`changes[2].goals[0].versions[1].unit`), and
 * `conflict` when the slug or id (`organization.slug`, `organization.id`, or a record's path) is
 * already taken here.
 */
export { importOrganization } from './import';
export type { ImportResult } from './import';
/** How many records of each kind a document holds; what `importOrganization` reports. */
export { countsOf } from './insert';
export type { TransferCounts } from './insert';
