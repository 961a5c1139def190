import { isDecided } from '../changes';
import type { ChangeChain } from '../chains';
import { isBetween, isWeighed, lacksResponse, needsResponse } from '../expectations';
import { INTERVAL_DAYS, measurabilityGaps } from '../goals';
import { opposingPairs } from '../groups';
import { RULES, type Fix, type RuleKey, type RuleResult, type RuleStatus } from './legitimacy';
import { assessPlainText, isVagueGoalWording } from './plain-language';

type Outcome = { status: RuleStatus; nl: string; en: string; fixes?: Fix[] };

const pass = (nl: string, en: string): Outcome => ({ status: 'passed', nl, en });
const fail = (nl: string, en: string, fixes: Fix[]): Outcome => ({ status: 'failed', nl, en, fixes });
const notApplicable = (nl: string, en: string): Outcome => ({ status: 'not_applicable', nl, en });

const DAY = 86_400_000;

const textRule = (chain: ChangeChain, field: 'why' | 'what'): Outcome => {
  const a = assessPlainText(chain.change[field]);
  const label = field === 'why' ? { nl: 'Het waarom', en: 'Why' } : { nl: 'Wat er verandert', en: 'What changes' };
  if (a.ok) return pass(`${label.nl} staat er, in gewone taal.`, `${label.en} is stated in plain language.`);
  const fixes: Fix[] = [{ entity: 'change', id: chain.change.id, field, problem: a.problem ?? 'unclear' }];
  if (a.problem === 'missing') return fail(`${label.nl} ontbreekt.`, `${label.en} is missing.`, fixes);
  if (a.problem === 'too_short') return fail(`${label.nl} is te kort om te begrijpen.`, `${label.en} is too short to follow.`, fixes);
  return fail(`${label.nl} is moeilijker dan taalniveau B1. ${a.reasons.join(' ')}`.trim(), `${label.en} is above B1 reading level.`, fixes);
};

const measurable = (chain: ChangeChain): Outcome => {
  if (chain.goals.length === 0) return notApplicable('Er zijn nog geen doelen.', 'There are no goals yet.');
  const fixes: Fix[] = [];
  for (const { goal } of chain.goals) {
    for (const gap of measurabilityGaps(goal.current)) fixes.push({ entity: 'goal', id: goal.id, problem: gap });
    if (isVagueGoalWording(goal.current.statement)) fixes.push({ entity: 'goal', id: goal.id, field: 'statement', problem: 'vague_wording' });
  }
  if (fixes.length === 0) return pass('Alle doelen hebben een indicator, nulmeting, streefwaarde en deadline.', 'Every goal has an indicator, baseline, target and deadline.');
  const n = new Set(fixes.map((f) => f.id)).size;
  return fail(`${n} van de ${chain.goals.length} doelen ${n === 1 ? 'is' : 'zijn'} niet meetbaar.`, `${n} of ${chain.goals.length} goals are not measurable.`, fixes);
};

const anchored = (chain: ChangeChain): Outcome => {
  if (chain.goals.length === 0) return notApplicable('Er zijn nog geen doelen.', 'There are no goals yet.');
  const fixes: Fix[] = chain.goals
    .filter((g) => !g.anchored)
    .map((g) => ({ entity: 'goal' as const, id: g.goal.id, problem: g.editedAfterAdoption ? 'edited_after_adoption' : 'not_adopted' }));
  if (fixes.length === 0) return pass('Elk doel is vastgesteld in een besluit.', 'Every goal was adopted by a decision.');
  const edited = fixes.filter((f) => f.problem === 'edited_after_adoption').length;
  const nl = `${fixes.length} van de ${chain.goals.length} doelen ${fixes.length === 1 ? 'is' : 'zijn'} niet vastgesteld${edited ? `; ${edited} ${edited === 1 ? 'is' : 'zijn'} gewijzigd na het besluit` : ''}.`;
  return fail(nl, `${fixes.length} of ${chain.goals.length} goals are not anchored${edited ? ` (${edited} edited after adoption)` : ''}.`, fixes);
};

const measuresContribute = (chain: ChangeChain): Outcome => {
  if (chain.measures.length === 0) return notApplicable('Er zijn nog geen maatregelen.', 'There are no measures yet.');
  const fixes: Fix[] = chain.measures
    .filter((m) => !m.contributions.some((c) => c.mechanism.trim()))
    .map((m) => ({ entity: 'measure' as const, id: m.measure.id, problem: 'serves_no_goal' }));
  if (fixes.length === 0) return pass('Bij elke maatregel staat hoe die een doel helpt.', 'Every measure states how it serves a goal.');
  return fail(fixes.length === 1 ? '1 maatregel draagt aan geen enkel doel bij.' : `${fixes.length} maatregelen dragen aan geen enkel doel bij.`, `${fixes.length} measure(s) serve no goal.`, fixes);
};

const goalsHaveMeasures = (chain: ChangeChain): Outcome => {
  if (chain.goals.length === 0) return notApplicable('Er zijn nog geen doelen.', 'There are no goals yet.');
  const served = new Set(chain.measures.flatMap((m) => m.contributions.map((c) => c.goalId as string)));
  const fixes: Fix[] = chain.goals.filter((g) => !served.has(g.goal.id)).map((g) => ({ entity: 'goal' as const, id: g.goal.id, problem: 'no_measure' }));
  if (fixes.length === 0) return pass('Voor elk doel is er minstens één maatregel.', 'Every goal has at least one measure.');
  return fail(fixes.length === 1 ? '1 doel heeft geen maatregel.' : `${fixes.length} doelen hebben geen maatregel.`, `${fixes.length} goal(s) without a measure.`, fixes);
};

const measurementsCurrent = (chain: ChangeChain, today: string): Outcome => {
  if (!['in_progress', 'completed'].includes(chain.change.status)) {
    return notApplicable('De uitvoering is nog niet begonnen.', 'Implementation has not started yet.');
  }
  if (chain.goals.length === 0) return notApplicable('Er zijn nog geen doelen.', 'There are no goals yet.');
  const now = Date.parse(today);
  const fixes: Fix[] = chain.goals
    .filter((g) => !g.latestMeasurement || now - Date.parse(g.latestMeasurement.date) > INTERVAL_DAYS[g.goal.current.reportingInterval] * DAY)
    .map((g) => ({ entity: 'goal' as const, id: g.goal.id, problem: g.latestMeasurement ? 'measurement_outdated' : 'no_measurement' }));
  if (fixes.length === 0) return pass('Elk doel heeft een meting binnen de afgesproken termijn.', 'Every goal has a measurement within its reporting interval.');
  return fail(fixes.length === 1 ? '1 doel heeft geen recente meting.' : `${fixes.length} doelen hebben geen recente meting.`, `${fixes.length} goal(s) without a recent measurement.`, fixes);
};

const groupsInformed = (chain: ChangeChain): Outcome => {
  if (chain.impacts.length === 0) {
    return fail('Er staat niet bij voor wie dit verandert.', 'No affected groups are recorded.', [{ entity: 'change', id: chain.change.id, problem: 'no_groups' }]);
  }
  const fixes: Fix[] = chain.impacts.flatMap(({ impact }) => {
    const a = assessPlainText(impact.meaning, 20);
    return a.ok ? [] : [{ entity: 'impact' as const, id: impact.id, field: 'meaning', problem: a.problem ?? 'unclear' }];
  });
  if (fixes.length === 0) return pass('Elke doelgroep leest wat de verandering voor haar betekent.', 'Every group is told what the change means for them.');
  const names = chain.impacts.filter(({ impact }) => fixes.some((f) => f.id === impact.id)).map(({ group }) => group.name);
  return fail(`Nog niet uitgelegd voor: ${names.join(', ')}.`, `Not yet explained for: ${names.join(', ')}.`, fixes);
};

/**
 * Rule 10: every pair of groups where one gains and another loses has a conflict recorded for this
 * change with its weighing (afweging). Once the change is decided, the conflict also names the
 * decision that settled it (DOMAIN.md "Conflict": "with the decision that settled it"); before
 * that a weighing alone suffices, since the weighing is usually proposed before the vote.
 */
const conflictsWeighed = (chain: ChangeChain): Outcome => {
  const pairs = opposingPairs(chain.impacts.map((i) => i.impact));
  if (pairs.length === 0) return notApplicable('Geen groepen met tegengestelde belangen.', 'No groups with opposing interests.');
  const nameOf = new Map(chain.impacts.map(({ group }) => [group.id as string, group.name]));
  const decided = isDecided(chain.change.status);
  const fixes: Fix[] = [];
  const open: string[] = [];
  for (const [gain, loss] of pairs) {
    const label = `${nameOf.get(gain.groupId) ?? gain.groupId} – ${nameOf.get(loss.groupId) ?? loss.groupId}`;
    const conflict = chain.conflicts.find((c) => isBetween(c, gain.groupId, loss.groupId));
    let fix: Fix | undefined;
    if (!conflict) fix = { entity: 'impact', id: loss.id, problem: 'conflict_not_recorded' };
    else if (!isWeighed(conflict)) fix = { entity: 'conflict', id: conflict.id, field: 'weighing', problem: 'not_weighed' };
    else if (decided && !conflict.decisionId) fix = { entity: 'conflict', id: conflict.id, field: 'decisionId', problem: 'no_settling_decision' };
    if (!fix) continue;
    open.push(label);
    if (!fixes.some((f) => f.id === fix.id && f.problem === fix.problem)) fixes.push(fix);
  }
  if (open.length === 0) {
    return pass(
      `${pairs.length === 1 ? 'Het tegengestelde belang is' : `Alle ${pairs.length} tegengestelde belangen zijn`} afgewogen.`,
      `${pairs.length === 1 ? 'The opposing interest is' : `All ${pairs.length} opposing interests are`} weighed.`,
    );
  }
  return fail(`Nog geen afweging${decided ? ' met besluit' : ''} tussen: ${open.join('; ')}.`, `No weighing${decided ? ' with its decision' : ''} yet between: ${open.join('; ')}.`, fixes);
};

/**
 * Rule 11: every unfounded or contradicted expectation has a response. Without any recorded
 * expectation the rule does not apply (like rules 4–7 without goals or measures): an empty register
 * is not a passed check. With expectations but none unfounded or contradicted, it passes.
 */
const expectationsAnswered = (chain: ChangeChain): Outcome => {
  if (chain.expectations.length === 0) return notApplicable('Er zijn nog geen verwachtingen vastgelegd.', 'No expectations are recorded yet.');
  const flagged = chain.expectations.filter(needsResponse).length;
  const fixes: Fix[] = chain.expectations.filter(lacksResponse).map((e) => ({ entity: 'expectation' as const, id: e.id, field: 'response', problem: 'no_response' }));
  if (flagged === 0) return pass('Geen verwachtingen die onterecht zijn of door een doel worden tegengesproken.', 'No expectation is unfounded or contradicted.');
  if (fixes.length === 0) return pass('Elke onterechte verwachting krijgt een antwoord.', 'Every unfounded or contradicted expectation has a response.');
  return fail(
    `${fixes.length} van de ${flagged} onterechte verwachtingen ${fixes.length === 1 ? 'heeft' : 'hebben'} nog geen antwoord.`,
    `${fixes.length} of ${flagged} unfounded or contradicted expectations have no response.`,
    fixes,
  );
};

const published = (chain: ChangeChain): Outcome => {
  if (!isDecided(chain.change.status)) return notApplicable('Er is nog geen besluit genomen.', 'Not decided yet.');
  if (chain.change.publishedAt) return pass('De verandering staat op de website.', 'The change is published.');
  return fail('Het besluit is genomen, maar de verandering staat nog niet op de website.', 'Decided, but not published.', [
    { entity: 'change', id: chain.change.id, field: 'publishedAt', problem: 'not_published' },
  ]);
};

/** Assesses one chain against the twelve rules. `today` is YYYY-MM-DD (rule 8 depends on it). Pure. */
export const assessChain = (chain: ChangeChain, today: string): RuleResult[] => {
  const outcomes: Record<RuleKey, () => Outcome> = {
    why_stated: () => textRule(chain, 'why'),
    what_stated: () => textRule(chain, 'what'),
    has_goals:
      () => (chain.goals.length > 0 ? pass(chain.goals.length === 1 ? '1 doel.' : `${chain.goals.length} doelen.`, `${chain.goals.length} goal(s).`) : fail('Er is nog geen doel.', 'There is no goal yet.', [{ entity: 'change', id: chain.change.id, problem: 'no_goals' }])),
    goals_measurable: () => measurable(chain),
    goals_anchored: () => anchored(chain),
    measures_contribute: () => measuresContribute(chain),
    goals_have_measures: () => goalsHaveMeasures(chain),
    measurements_current: () => measurementsCurrent(chain, today),
    groups_informed: () => groupsInformed(chain),
    conflicts_weighed: () => conflictsWeighed(chain),
    expectations_answered: () => expectationsAnswered(chain),
    published: () => published(chain),
  };
  return RULES.map((r) => {
    const o = outcomes[r.key]();
    return { rule: r.rule, key: r.key, title: { nl: r.nl, en: r.en }, status: o.status, reason: { nl: o.nl, en: o.en }, fixes: o.fixes ?? [] };
  });
};
