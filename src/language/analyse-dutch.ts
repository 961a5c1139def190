/**
 * Runs every Dutch detector over every sentence and collects findings and counts. The verdict is
 * decided elsewhere (verdict.ts) from what this returns.
 */
import { findImpersonal } from './addressing';
import { opensSubclause } from './clauses';
import { hasMeasure } from './measure-words';
import { advice } from './messages';
import { findNominalisations } from './nominalisations';
import { findOfficialese } from './officialese';
import { findPassives } from './passive';
import { isLongWord, LONG_SENTENCE, VERY_LONG_SENTENCE, type Counts } from './readability';
import type { Sentence } from './sentences';
import { countSyllables } from './syllables';
import { isAbbreviation, isCapitalised } from './tokens';
import type { Finding, Rule } from './types';
import { findVagueTerms } from './vague-goal';
import { isCommonWord } from './words';

/** Three or more subordinate clauses in one sentence make it nested (ERK B1: "eenvoudige zinnen"). */
export const NESTED_CLAUSES = 3;

export interface Analysis {
  counts: Counts;
  findings: Finding[];
  /** Number of findings per rule. */
  tally: Record<Rule, number>;
}

const emptyTally = (): Record<Rule, number> => ({
  officialese: 0, passive: 0, nominalisation: 0, long_sentence: 0, very_long_sentence: 0,
  nested_sentence: 0, impersonal: 0, long_word: 0, infrequent_word: 0, vague_goal: 0,
});

/** A name: capitalised but not the first word of the sentence (Oosterpark, Jansen). */
const isName = (sentence: Sentence, i: number): boolean => i > 0 && isCapitalised(sentence.tokens[i]!);

/** Analyses Dutch sentences of `text` (the original input, for excerpts). */
export const analyseDutch = (text: string, sentences: readonly Sentence[]): Analysis => {
  const counts: Counts = {
    sentences: sentences.length, words: 0, syllableWords: 0, syllables: 0,
    longSentences: 0, veryLongSentences: 0, longWords: 0, infrequentWords: 0,
  };
  const findings: Finding[] = [];
  const tally = emptyTally();
  const add = (rule: Rule, s: Sentence, from: number, to: number, make: (excerpt: string) => { message: string; suggestion: string }) => {
    const start = s.tokens[from]!.start;
    const end = s.tokens[to - 1]!.end;
    const excerpt = text.slice(start, end);
    findings.push({ rule, span: { start, end }, excerpt, sentence: s.index, ...make(excerpt) });
    tally[rule] += 1;
  };

  for (const s of sentences) {
    const n = s.tokens.length;
    counts.words += n;
    if (n > LONG_SENTENCE) counts.longSentences += 1;
    if (n > VERY_LONG_SENTENCE) counts.veryLongSentences += 1;
    if (n > VERY_LONG_SENTENCE) add('very_long_sentence', s, 0, n, () => advice.veryLongSentence(n));
    else if (n > LONG_SENTENCE) add('long_sentence', s, 0, n, () => advice.longSentence(n));
    const clauses = s.tokens.filter((_, i) => opensSubclause(s.tokens, i)).length;
    if (clauses >= NESTED_CLAUSES) add('nested_sentence', s, 0, n, () => advice.nestedSentence(clauses));

    const covered = new Set<number>();
    for (const m of findOfficialese(s.tokens)) {
      for (let i = m.from; i < m.to; i += 1) covered.add(i);
      add('officialese', s, m.from, m.to, (e) => advice.officialese(e, m.plain));
    }
    for (const m of findPassives(s)) {
      add('passive', s, m.from, m.to, (e) => (m.impersonal ? advice.impersonalPassive(e) : advice.passive(e)));
    }
    for (const m of findNominalisations(s.tokens)) if (!covered.has(m.from)) add('nominalisation', s, m.from, m.to, (e) => advice.nominalisation(e, m.verb));
    for (const m of findImpersonal(s.tokens)) add('impersonal', s, m.from, m.to, (e) => advice.impersonal(e, m.direct));
    if (!hasMeasure(s.tokens, s.text)) {
      for (const m of findVagueTerms(s.tokens, false)) add('vague_goal', s, m.from, m.to, (e) => advice.vagueGoal(e));
    }

    s.tokens.forEach((token, i) => {
      if (token.numeric) return;
      const syllables = countSyllables(token.text);
      counts.syllableWords += 1;
      counts.syllables += syllables;
      const long = isLongWord(token, syllables);
      if (long) counts.longWords += 1;
      if (isName(s, i) || isAbbreviation(token) || isCommonWord(token.lower)) return;
      counts.infrequentWords += 1;
      if (covered.has(i)) return; // already reported as officialese, with a better suggestion
      if (long) add('long_word', s, i, i + 1, (e) => advice.longWord(e, syllables));
      else if (token.lower.length > 3) add('infrequent_word', s, i, i + 1, (e) => advice.infrequentWord(e));
    });
  }
  findings.sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
  return { counts, findings, tally };
};
