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
  verwacht verwachten denken denkt vinden vindt onder boven naast tussen achter straks iedereen ieder iedere elke kunt`.split(/\s+/),
);

/** The form two words are compared in: Snowball stem, final s dropped, double vowels made single. */
export const matchKey = (word: string): string => {
  const stem = stemDutch(word);
  const noS = stem.length > 4 && stem.endsWith('s') ? stem.slice(0, -1) : stem;
  return noS.replace(/(aa|ee|oo|uu)/g, (v) => v[0]!);
};

/** One content word: its match key, and the word as written (lower case) for compound parts. */
interface Term {
  key: string;
  word: string;
}

const termsOf = (text: string): Term[] => {
  const terms = new Map<string, Term>();
  for (const token of tokenize(text)) {
    if (token.numeric) terms.set(token.lower, { key: token.lower, word: token.lower });
    else if (token.lower.length >= 3 && !STOPWORDS.has(token.lower)) {
      const key = matchKey(token.lower);
      if (!terms.has(key)) terms.set(key, { key, word: token.lower });
    }
  }
  return [...terms.values()];
};

/** The distinct match keys of a text's content words (numbers kept as written). */
export const keysOf = (text: string): string[] => termsOf(text).map((t) => t.key);

// Dutch compounds: "stalling" is part of "fietsenstalling", "parkeren" of "parkeerplaatsen". A
// part counts half, and only from four letters, so "bus" does not match "business".
const PART = 0.5;
const MIN_PART = 4;

const isPart = (a: string, b: string): boolean => {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= MIN_PART && !/^\d/.test(short) && (long.startsWith(short) || long.endsWith(short));
};

// Stems of a compound and of its part can differ (Snowball strips "ing" only in R2, so
// "fietsenstalling" → fietsenstall but "stalling" stays), hence parts are also sought in the words
// as written.
const similarity = (a: Term, b: Term): number => {
  if (a.key === b.key) return 1;
  return isPart(a.key, b.key) || isPart(a.word, b.word) ? PART : 0;
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
  const query = termsOf(text);
  if (query.length === 0 || goals.length === 0) return [];
  const goalTerms = goals.map((g) => termsOf(g.text));
  const best = (q: Term, terms: readonly Term[]) => terms.reduce((max, t) => Math.max(max, similarity(q, t)), 0);
  const weight = new Map(query.map((q) => [q.key, Math.log(1 + goals.length / Math.max(1, goalTerms.filter((terms) => best(q, terms) > 0).length))]));
  const total = query.reduce((sum, q) => sum + weight.get(q.key)!, 0);
  return goals
    .map((goal, i) => {
      const hits = query.filter((q) => best(q, goalTerms[i]!) > 0);
      const sum = hits.reduce((s, q) => s + best(q, goalTerms[i]!) * weight.get(q.key)!, 0);
      return { goalId: goal.id, score: Math.round((sum / total) * 1000) / 1000, matched: hits.map((q) => q.key), position: i };
    })
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || a.position - b.position)
    .slice(0, limit)
    .map(({ goalId, score, matched }) => ({ goalId, score, matched }));
};
