/**
 * The verdict "B1 of eenvoudiger" / "boven B1" and the score behind it.
 *
 * Each criterion maps its measure onto 0..100 so that the B1 threshold lands on exactly 60; the
 * score is their weighted mean and the verdict is B1 when the score is 60 or more. Thresholds:
 * - Flesch-Douma ≥ 60: Douma's band "normaal" (60–70) starts there; below it the text is
 *   "tamelijk moeilijk" (Douma 1960, norm table on DBNL / nl.wikipedia "Leesbaarheid").
 * - ≤ 15 words per sentence on average: Dutch plain-language guidance (about 15 words per sentence;
 *   "korte en duidelijke zinnen", communicatierijk.nl "Taalniveau B1").
 * - ≤ 15% of sentences over 20 words: a B1 text may have the odd long sentence, not many.
 * - ≤ 8% uncommon words: B1 readers know the common words ("makkelijke woorden die bijna iedereen
 *   gebruikt", communicatierijk.nl); names, numbers and abbreviations do not count.
 * - ≤ 1 officialese term per 100 words (same source: betreffende → over, verstrekken → geven).
 * - ≤ 25% of sentences passive ("actieve zinnen", communicatierijk.nl; Schrijfwijzer).
 * - ≤ 1 nominalisation or impersonal reference ("men", "de burger") per 100 words.
 */
import type { Analysis } from './analyse-dutch';
import type { Metrics, Verdict } from './types';

/** The score at and above which a text counts as B1. */
export const B1_SCORE = 60;

export interface Criterion {
  /** The measured value. */
  value: number;
  /** Value scoring 100, value at the B1 threshold (scores 60), value scoring 0. */
  best: number;
  threshold: number;
  worst: number;
  weight: number;
  /** Dutch reason shown when the criterion is below the B1 threshold. */
  reason: string;
}

/** Piecewise-linear: best → 100, threshold → 60, worst → 0 (works for rising and falling scales). */
export const criterionScore = (c: Criterion): number => {
  const along = (from: number, to: number, hi: number, lo: number) =>
    hi + ((lo - hi) * (c.value - from)) / (to - from);
  const between = (a: number, b: number) => (c.value - a) * (c.value - b) <= 0;
  if (between(c.best, c.threshold)) return along(c.best, c.threshold, 100, 60);
  if (between(c.threshold, c.worst)) return along(c.threshold, c.worst, 60, 0);
  return Math.abs(c.value - c.best) < Math.abs(c.value - c.worst) ? 100 : 0;
};

const pct = (share: number) => `${Math.round(share * 100)}%`;

/** The Dutch criteria for a text with these metrics and findings. */
export const dutchCriteria = (m: Metrics, a: Analysis): Criterion[] => {
  const per100 = (n: number) => (m.words === 0 ? 0 : (100 * n) / m.words);
  const veryLongShare = m.sentences === 0 ? 0 : a.counts.veryLongSentences / m.sentences;
  const passiveShare = m.sentences === 0 ? 0 : Math.min(1, a.tally.passive / m.sentences);
  return [
    { value: m.fleschDouma, best: 80, threshold: 60, worst: 30, weight: 0.25, reason: `Flesch-Douma-score ${m.fleschDouma}: onder 60 is een tekst "tamelijk moeilijk" of moeilijker.` },
    { value: m.wordsPerSentence, best: 10, threshold: 15, worst: 25, weight: 0.2, reason: `Gemiddeld ${m.wordsPerSentence} woorden per zin; voor B1 hooguit 15.` },
    { value: veryLongShare, best: 0, threshold: 0.15, worst: 0.5, weight: 0.1, reason: `${pct(veryLongShare)} van de zinnen heeft meer dan 20 woorden.` },
    { value: m.infrequentWordShare, best: 0.02, threshold: 0.08, worst: 0.2, weight: 0.15, reason: `${pct(m.infrequentWordShare)} van de woorden is weinig gebruikt; voor B1 hooguit 8%.` },
    { value: per100(a.tally.officialese), best: 0, threshold: 1, worst: 3, weight: 0.15, reason: `${a.tally.officialese} keer ambtelijke taal (${per100(a.tally.officialese).toFixed(1)} per 100 woorden).` },
    { value: passiveShare, best: 0, threshold: 0.25, worst: 0.6, weight: 0.1, reason: `${a.tally.passive} lijdende vorm(en): ${pct(passiveShare)} van de zinnen.` },
    { value: per100(a.tally.nominalisation + a.tally.impersonal), best: 0, threshold: 1, worst: 3, weight: 0.05, reason: `${a.tally.nominalisation + a.tally.impersonal} keer naamwoordstijl of onpersoonlijk ("men", "de burger").` },
  ];
};

/** Weighted mean of the criteria, 0..100, rounded. */
export const scoreOf = (criteria: readonly Criterion[]): number => {
  const total = criteria.reduce((sum, c) => sum + c.weight, 0);
  return Math.round(criteria.reduce((sum, c) => sum + c.weight * criterionScore(c), 0) / total);
};

/** Below this many sentences or words the statistics say little (one-line summaries, titles). */
export const SHORT_TEXT = { sentences: 3, words: 40 };

/**
 * Short texts are judged on concrete problems only: a sentence over 20 words, nested clauses, or
 * two or more officialese / uncommon words. Statistics over one or two sentences are noise.
 */
export const shortTextVerdict = (a: Analysis): { verdict: Verdict; reasons: string[] } => {
  const reasons: string[] = [];
  if (a.tally.very_long_sentence > 0) reasons.push('Een zin heeft meer dan 20 woorden.');
  if (a.tally.nested_sentence > 0) reasons.push('Een zin heeft veel bijzinnen.');
  const hardWords = a.tally.officialese + a.tally.long_word + a.tally.infrequent_word;
  if (hardWords >= 2) reasons.push(`${hardWords} moeilijke of ambtelijke woorden in een korte tekst.`);
  return { verdict: reasons.length > 0 ? 'above_b1' : 'b1', reasons };
};
