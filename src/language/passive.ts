/**
 * Passive voice: a form of "worden" (or "zijn") with a past participle in the same clause —
 * "De weg wordt aangelegd", "omdat het geld al betaald is", "Er wordt gewerkt aan…". Writing
 * guides ask for active sentences that say who acts (Schrijfwijzer, gebruikercentraal.nl: "gebruik
 * zo min mogelijk het hulpwerkwoord worden"). A participle that belongs to "hebben" is active.
 */
import { clauseIds, SUBORDINATORS } from './clauses';
import {
  ADJECTIVES, DETERMINERS, HEBBEN, NOT_PARTICIPLES, PARTICLE_PREFIX, STRONG_PARTICIPLES, WORDEN, ZIJN, ZIJN_VERBS,
} from './passive-words';
import type { Sentence } from './sentences';

/** A passive construction: token positions [from, to) and whether it starts with "er". */
export interface PassiveMatch {
  from: number;
  to: number;
  impersonal: boolean;
}

const REGULAR = new RegExp(
  `^${PARTICLE_PREFIX}ge\\p{L}{2,}(?:d|t|en)$|^${PARTICLE_PREFIX}(?:be|ver|ont|her|er|onder|over|mis)\\p{L}{2,}[dt]$`,
  'u',
);
// In a main clause the participle closes the clause, so it can stand far from "wordt".
const MAX_DISTANCE = 15;

/** True when a lower-case word has the shape of a past participle (gebouwd, aangelegd, besloten). */
export const isParticiple = (word: string): boolean =>
  !NOT_PARTICIPLES.has(word) &&
  !/(?:heid|teit|schap|ment|uur|ing)$/.test(word) &&
  (STRONG_PARTICIPLES.has(word) || REGULAR.test(word));

// "ons", "haar", "hun" after a preposition are pronouns ("door ons ontvangen"), not determiners.
const PRONOUN_OR_DETERMINER = new Set(['ons', 'haar', 'hun']);
const PREPOSITIONS = new Set(['door', 'voor', 'aan', 'bij', 'met', 'van', 'naar', 'over', 'tegen']);
const nounFollows = (prev: string | undefined, beforePrev: string | undefined): boolean =>
  prev !== undefined && DETERMINERS.has(prev) && !(PRONOUN_OR_DETERMINER.has(prev) && PREPOSITIONS.has(beforePrev ?? ''));

type Aux = 'worden' | 'zijn' | 'hebben';
const auxOf = (word: string): Aux | undefined =>
  WORDEN.has(word) ? 'worden' : ZIJN.has(word) ? 'zijn' : HEBBEN.has(word) ? 'hebben' : undefined;

/** Finds the passive constructions in one sentence. */
export const findPassives = (sentence: Sentence): PassiveMatch[] => {
  const { tokens } = sentence;
  const clause = clauseIds(tokens, sentence.text, sentence.start);
  const out: PassiveMatch[] = [];
  const usedAux = new Set<number>();
  tokens.forEach((token, p) => {
    const word = token.lower;
    if (!isParticiple(word) || auxOf(word) || SUBORDINATORS.has(word)) return;
    if (nounFollows(tokens[p - 1]?.lower, tokens[p - 2]?.lower)) return;
    let best: { at: number; aux: Aux } | undefined;
    tokens.forEach((other, a) => {
      const aux = auxOf(other.lower);
      if (!aux || clause[a] !== clause[p] || Math.abs(a - p) > MAX_DISTANCE) return;
      if (!best || Math.abs(a - p) < Math.abs(best.at - p)) best = { at: a, aux };
    });
    if (!best || best.aux === 'hebben' || usedAux.has(best.at)) return;
    if (best.aux === 'zijn' && (ZIJN_VERBS.has(word) || ADJECTIVES.has(word))) return;
    usedAux.add(best.at);
    const impersonal = tokens[best.at - 1]?.lower === 'er' || tokens[best.at + 1]?.lower === 'er';
    const from = Math.min(best.at, p) - (tokens[best.at - 1]?.lower === 'er' && best.at < p ? 1 : 0);
    out.push({ from, to: Math.max(best.at, p) + 1, impersonal });
  });
  return out;
};
