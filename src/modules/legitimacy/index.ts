/**
 * Legitimiteitscheck / Legitimacy check: the twelve rules of DOMAIN.md for one change or a whole
 * organization, each passed/failed/not assessed with a reason (Dutch and English) and the ids to
 * fix, a score, and the verdict "klaar om te communiceren" (ready to communicate).
 */
export type { LegitimacyReport, OrganizationLegitimacyReport, RuleResult, RuleKey, RuleStatus, Fix } from './legitimacy';
/** The twelve rules with their titles, in order. */
export { RULES } from './legitimacy';
/** Assesses one loaded chain (pure; `today` is YYYY-MM-DD). */
export { assessChain } from './rules';
/** Builds the report of one loaded chain (pure). */
export { reportOf } from './legitimacy.service';
/** The report of one change. Throws `not_found`. */
export { checkChange } from './legitimacy.service';
/** The report of every change of an organization (by id or slug), loaded without N+1. Throws `not_found`. */
export { checkOrganization } from './legitimacy.service';
/** The plain-language hook used by rules 1, 2, 9 and the vague-goal part of rule 4. */
export { assessPlainText, isVagueGoalWording } from './plain-language';
