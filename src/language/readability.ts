/**
 * Readability formulas and the text statistics they need.
 *
 * Flesch-Douma (Douma 1960, the Dutch adaptation of Flesch 1948):
 *   206.84 − 0.93 × words/sentence − 77 × syllables/word.
 * Douma's norm table: 0–30 zeer moeilijk, 30–45 moeilijk, 45–60 tamelijk moeilijk, 60–70 normaal,
 * 70–80 tamelijk gemakkelijk, 80–90 gemakkelijk, 90–100 zeer gemakkelijk (as reproduced on DBNL,
 * "Leesbaarheid", and on nl.wikipedia.org/wiki/Leesbaarheid).
 * Flesch reading ease (English, Flesch 1948): 206.835 − 1.015 × words/sentence − 84.6 × syllables/word.
 */
import type { Sentence } from './sentences';
import type { Token } from './tokens';

/** Flesch-Douma reading ease for Dutch; higher is easier. */
export const fleschDouma = (wordsPerSentence: number, syllablesPerWord: number): number =>
  206.84 - 0.93 * wordsPerSentence - 77 * syllablesPerWord;

/** Flesch reading ease for English; higher is easier. */
export const fleschReadingEase = (wordsPerSentence: number, syllablesPerWord: number): number =>
  206.835 - 1.015 * wordsPerSentence - 84.6 * syllablesPerWord;

/** Sentences longer than this many words are long (Dutch B1 guidance: about 15 on average). */
export const LONG_SENTENCE = 15;
/** Sentences longer than this many words are very long: hard for most readers. */
export const VERY_LONG_SENTENCE = 20;

/** Word count of a sentence: numbers count as words (Flesch does), punctuation does not. */
export const wordCount = (sentence: Sentence): number => sentence.tokens.length;

/** A long word: 4 or more syllables, or more than 13 letters (the definition). */
export const isLongWord = (token: Token, syllables: number): boolean =>
  !token.numeric && (syllables >= 4 || token.text.replace(/[^\p{L}]/gu, '').length > 13);

export interface Counts {
  sentences: number;
  words: number;
  /** Words that carry syllables (numbers excluded: "2025" would otherwise count as one). */
  syllableWords: number;
  syllables: number;
  longSentences: number;
  veryLongSentences: number;
  longWords: number;
  infrequentWords: number;
}

const round = (value: number, digits = 2): number => Math.round(value * 10 ** digits) / 10 ** digits;

/** Rates and averages from raw counts; `formula` is Flesch-Douma or Flesch reading ease. */
export const metricsFrom = (counts: Counts, formula: (wps: number, spw: number) => number) => {
  const sentences = Math.max(counts.sentences, 1);
  const words = Math.max(counts.words, 1);
  const wordsPerSentence = counts.words / sentences;
  const syllablesPerWord = counts.syllableWords === 0 ? 0 : counts.syllables / counts.syllableWords;
  return {
    sentences: counts.sentences,
    words: counts.words,
    syllablesPerWord: round(syllablesPerWord),
    wordsPerSentence: round(wordsPerSentence, 1),
    fleschDouma: counts.words === 0 ? 0 : round(formula(wordsPerSentence, syllablesPerWord), 1),
    longSentenceShare: round(counts.longSentences / sentences),
    longWordShare: round(counts.longWords / words),
    infrequentWordShare: round(counts.infrequentWords / words),
  };
};
