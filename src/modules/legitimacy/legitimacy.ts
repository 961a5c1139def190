/** The twelve rules of DOMAIN.md, in order, with their Dutch and English titles. */
export const RULES = [
  { rule: 1, key: 'why_stated', nl: 'Het waarom is uitgelegd in gewone taal', en: 'Why is stated in plain language' },
  { rule: 2, key: 'what_stated', nl: 'Wat er verandert is uitgelegd in gewone taal', en: 'What changes is stated in plain language' },
  { rule: 3, key: 'has_goals', nl: 'Er is minstens één doel', en: 'There is at least one goal' },
  { rule: 4, key: 'goals_measurable', nl: 'Elk doel is meetbaar', en: 'Every goal is measurable' },
  { rule: 5, key: 'goals_anchored', nl: 'Elk doel is vastgesteld in een besluit', en: 'Every goal is anchored in a decision' },
  { rule: 6, key: 'measures_contribute', nl: 'Elke maatregel draagt bij aan een doel', en: 'Every measure contributes to a goal' },
  { rule: 7, key: 'goals_have_measures', nl: 'Elk doel heeft een maatregel', en: 'Every goal has a measure' },
  { rule: 8, key: 'measurements_current', nl: 'Elk doel heeft een recente meting', en: 'Every goal has a recent measurement' },
  { rule: 9, key: 'groups_informed', nl: 'Elke doelgroep weet wat het voor haar betekent', en: 'Every group is told what it means for them' },
  { rule: 10, key: 'conflicts_weighed', nl: 'Tegengestelde belangen zijn afgewogen', en: 'Opposing interests are weighed' },
  { rule: 11, key: 'expectations_answered', nl: 'Onterechte verwachtingen krijgen een antwoord', en: 'Unfounded expectations get a response' },
  { rule: 12, key: 'published', nl: 'De verandering staat op de website zodra erover besloten is', en: 'Once decided, the change is published' },
] as const;

export type RuleKey = (typeof RULES)[number]['key'];
export type RuleStatus = 'passed' | 'failed' | 'not_assessed' | 'not_applicable';

/** Where to fix a failing rule: the entity, its id, and the problem as a stable code. */
export interface Fix {
  entity: 'change' | 'goal' | 'measure' | 'impact' | 'conflict' | 'expectation';
  id: string;
  problem: string;
  field?: string;
}

export interface RuleResult {
  rule: number;
  key: RuleKey;
  title: { nl: string; en: string };
  status: RuleStatus;
  reason: { nl: string; en: string };
  fixes: Fix[];
}

export interface LegitimacyReport {
  changeId: string;
  organizationId: string;
  slug: string;
  title: string;
  status: string;
  /** Share of assessed rules that pass, 0–100; rules not assessed or not applicable do not count. */
  score: number;
  passed: number;
  failed: number;
  notAssessed: number;
  /** "Klaar om te communiceren": no assessed rule fails. */
  readyToCommunicate: boolean;
  rules: RuleResult[];
}

export interface OrganizationLegitimacyReport {
  organizationId: string;
  slug: string;
  name: string;
  changes: number;
  ready: number;
  /** Mean score over the organization's changes. */
  score: number;
  /** Per rule: how many changes fail it. */
  failuresByRule: { rule: number; key: RuleKey; failed: number }[];
  reports: LegitimacyReport[];
}

export const summarize = (base: Omit<LegitimacyReport, 'score' | 'passed' | 'failed' | 'notAssessed' | 'readyToCommunicate'>): LegitimacyReport => {
  const passed = base.rules.filter((r) => r.status === 'passed').length;
  const failed = base.rules.filter((r) => r.status === 'failed').length;
  const notAssessed = base.rules.filter((r) => r.status === 'not_assessed').length;
  const assessed = passed + failed;
  return {
    ...base,
    score: assessed === 0 ? 0 : Math.round((passed / assessed) * 100),
    passed,
    failed,
    notAssessed,
    readyToCommunicate: failed === 0,
  };
};
