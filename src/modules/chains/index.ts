/**
 * Legitimiteitsketen / The legitimacy chain of a change, read as one piece: why and what, goals with
 * their anchors in decisions and latest measurement, measures with contributions, decisions, and the
 * groups it affects. Loaded with a fixed number of queries, for one change or a whole organization.
 */
export type { ChangeChain, ChainGoal, ChainMeasure, ChainImpact } from './chain';
/** The outcome that counts per decision, after corrections. */
export { effectiveOutcomes } from './chain';
/** The chain of one change. Throws `not_found`. */
export { getChangeChain } from './chain.loader';
/** The chains of every change of an organization (by id or slug). Throws `not_found`. */
export { getOrganizationChains } from './chain.loader';
