/**
 * Clause structure of a sentence, as far as words and punctuation show it: which words start a
 * subordinate clause (omdat, dat, die, waardoor…) and where one clause ends and the next begins.
 * Used by the passive detector (auxiliary and participle must share a clause) and by the
 * nested-sentence rule (several subordinate clauses in one sentence).
 */
import type { Token } from './tokens';

/** Conjunctions and relative words that always open a subordinate clause. */
export const SUBORDINATORS = new Set(
  (
    'omdat doordat zodat hoewel terwijl nadat voordat zodra tenzij indien wanneer mits opdat ' +
    'aangezien ofschoon totdat alsof waardoor waarbij waarin waarmee waarvan waarop waarover ' +
    'waarvoor waaraan waarna welke hetgeen'
  ).split(' '),
);
const COORDINATORS = new Set(['en', 'maar', 'want', 'of', 'dus', 'noch']);
// "dat" and "die" open a clause only when a subject-like word follows ("dat de weg…", "die in de
// wijk…"); before a noun they point ("die regel", "dat huis").
const CLAUSE_FOLLOWERS = new Set(
  'de het een u je jij we wij ze zij hij ik er in op aan met voor bij niet al nog ook zo dit deze uw hun ons onze haar zijn mijn men iedereen niemand iemand alle veel meer minder'.split(' '),
);

/** True when the token at `i` opens a subordinate clause. */
export const opensSubclause = (tokens: readonly Token[], i: number): boolean => {
  const word = tokens[i]?.lower ?? '';
  if (SUBORDINATORS.has(word)) return true;
  if (word === 'als') return i > 0; // "Als u…" at the start is the clause itself; mid-sentence it is one
  if (word === 'dat' || word === 'die') {
    const next = tokens[i + 1]?.lower;
    return i > 0 && next !== undefined && CLAUSE_FOLLOWERS.has(next);
  }
  return false;
};

/** Clause number of each token: a new clause starts at , ; : ( ) – and at conjunctions. */
export const clauseIds = (tokens: readonly Token[], text: string, offset: number): number[] => {
  const ids: number[] = [];
  let clause = 0;
  tokens.forEach((token, i) => {
    const prev = tokens[i - 1];
    if (prev) {
      const gap = text.slice(prev.end - offset, token.start - offset);
      if (/[,;:()–—]/.test(gap) || opensSubclause(tokens, i) || COORDINATORS.has(token.lower)) clause += 1;
    }
    ids.push(clause);
  });
  return ids;
};
