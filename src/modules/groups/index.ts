/**
 * Doelgroepen / Citizen groups and gevolgen / impacts: who is affected by a change, whether they
 * gain or lose, and in plain language what it means for them and what they can expect, when.
 */
export type { CitizenGroup, GroupId, Impact, Effect } from './group';
/** The closed list of effects. */
export { EFFECTS } from './group';
/** Pairs of impacts in one change where one group gains and another loses (legitimacy rule 10). */
export { opposingPairs } from './group';
/** Zod schemas for group and impact input. */
export { groupSchema, impactSchema } from './group.schema';
export type { GroupInput, ImpactInput } from './group.schema';
/** Creates a citizen group. Throws `not_found` (organization), `conflict` (name), `validation_failed`. */
export { createGroup } from './group.service';
/** Creates or replaces a change's impact on a group. Throws `not_found` (change), `validation_failed` (a group not of this organization: missing or foreign alike). */
export { setImpact } from './group.service';
/** Reads groups; `getGroup` throws `not_found`. */
export { findGroup, getGroup, listGroups } from './group.service';
/** Bulk read of impacts for one organization or some changes, one query. */
export { selectImpacts, insertGroup, insertImpact } from './group.repository';
export type { ImpactScope } from './group.repository';
