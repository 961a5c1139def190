import { tokenize } from '../../language';
import { stemDutch } from './stem';

/**
 * Goal suggestions: which goals of the change a new expectation or statement most likely refers
 * to, by shared Dutch word stems, so linking it takes one click (issue 4). Pure, no I/O.
 */

// Function words and words every goal of a change shares ("gemeente", "procent"): they match
// everything, so they would rank nothing.
const STOPWORDS = new Set(
  `aan al alle alles als altijd andere ben bij daar dan dat de der deze die dit doch doen door dus een eens en er ge geen
  geweest haar had heb hebben heeft hem het hier hij hoe hun iemand iets ik in is ja je kan kon kunnen maar me meer men met
  mij mijn moet moeten na naar niet niets nog nu of om omdat ons ook op over reeds te tegen toch toen tot u uit uw van veel
  voor want waren was wat we wel werd wezen wie wij wil worden wordt zal ze zei zelf zich zij zijn zo zonder zou zullen
  gaat gaan komt komen krijgen krijgt blijft blijven per jaar procent gemeente wethouder raad beloofd belooft zegt zeggen
  verwacht verwachten denken denkt vinden vindt`.split(/\s+/),
);

/** The form two words are compared in: Snowball stem, final s dropped, double vowels made single. */
export const matchKey = (word: string): string => {
  const stem = stemDutch(word);
  const noS = stem.length > 4 && stem.endsWith('s') ? stem.slice(0, -1) : stem;
  return noS.replace(/(aa|ee|oo|uu)/g, (v) => v[0]!);
};

/** The distinct match keys of a text's content words (numbers kept as written). */
export const keysOf = (text: string): string[] => {
  const keys = new Set<string>();
  for (const token of tokenize(text)) {
    if (token.numeric) keys.add(token.lower);
    else if (token.lower.length >= 3 && !STOPWORDS.has(token.lower)) keys.add(matchKey(token.lower));
  }
  return [...keys];
};

// Dutch compounds: "stalling" is part of "fietsenstalling", "parkeren" of "parkeerplaatsen". A
// part counts half, and only from four letters, so "bus" does not match "business".
const PART = 0.5;
const MIN_PART = 4;

const similarity = (a: string, b: string): number => {
  if (a === b) return 1;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length >= MIN_PART && !/^\d/.test(short) && (long.startsWith(short) || long.endsWith(short))) return PART;
  return 0;
};

export interface RankableGoal {
  id: string;
  /** Everything that describes the goal: statement, indicator, unit. */
  text: string;
}

export interface GoalSuggestion {
  goalId: string;
  /** Share of the text's (weighted) words found in the goal, 0..1. */
  score: number;
  /** The words of the text that matched, as match keys. */
  matched: string[];
}

/**
 * Ranks goals by how much of `text` they share, best first; goals sharing nothing are left out.
 * Words that occur in fewer goals weigh more (inverse document frequency), so a word every goal of
 * the change uses does not decide. Ties keep the goals' order.
 */
export const rankGoals = (text: string, goals: readonly RankableGoal[], limit = 3): GoalSuggestion[] => {
  const query = keysOf(text);
  if (query.length === 0 || goals.length === 0) return [];
  const goalKeys = goals.map((g) => keysOf(g.text));
  const best = (q: string, keys: readonly string[]) => keys.reduce((max, k) => Math.max(max, similarity(q, k)), 0);
  const weight = new Map(query.map((q) => [q, Math.log(1 + goals.length / Math.max(1, goalKeys.filter((keys) => best(q, keys) > 0).length))]));
  const total = query.reduce((sum, q) => sum + weight.get(q)!, 0);
  return goals
    .map((goal, i) => {
      const matched = query.filter((q) => best(q, goalKeys[i]!) > 0);
      const sum = matched.reduce((s, q) => s + best(q, goalKeys[i]!) * weight.get(q)!, 0);
      return { goalId: goal.id, score: Math.round((sum / total) * 1000) / 1000, matched, position: i };
    })
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || a.position - b.position)
    .slice(0, limit)
    .map(({ goalId, score, matched }) => ({ goalId, score, matched }));
};
