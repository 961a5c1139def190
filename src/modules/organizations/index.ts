/**
 * Organisaties / Organizations: the public bodies hosted by one installation (gemeente, provincie,
 * waterschap, ministerie, uitvoeringsorganisatie), each with its own slug, portal and audit chain.
 */
export type { Organization, OrganizationId, OrganizationKind } from './organization';
/** The kinds of public body, in the order the UI lists them. */
export { ORGANIZATION_KINDS } from './organization';
/** Zod schemas for organization input; `slugSchema` is reused for every public URL segment. */
export { createOrganizationSchema, slugSchema } from './organization.schema';
export type { CreateOrganizationInput } from './organization.schema';
/** Creates an organization and starts its audit chain. Throws `validation_failed`, `conflict` (slug taken). */
export { createOrganization } from './organization.service';
/** Finds an organization by id or slug; `undefined` when absent. */
export { findOrganization } from './organization.service';
/** Gets an organization by id or slug. Throws `not_found`. */
export { getOrganization } from './organization.service';
/** All organizations, by name. */
export { listOrganizations } from './organization.service';
/** Row mapping and insert, for the import of a whole organization (transfer module). */
export { rowToOrganization, insertOrganization } from './organization.repository';
