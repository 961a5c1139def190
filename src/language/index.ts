/**
 * Taalcheck: a Dutch plain-language (B1) checker. Pure functions, no I/O, no dependencies.
 *
 * `checkText` gives a verdict ("B1 of eenvoudiger" / "boven B1"), a score, metrics and findings
 * with spans and a suggestion each; the legitimacy check uses it for rules 1, 2 and 9 and
 * `checkGoalWording` for the vague-goal part of rule 4 (DOMAIN.md). Thresholds and their sources
 * are documented in verdict.ts, readability.ts and docs/language.md. Throws nothing: any string,
 * including an empty one, yields a report.
 */
import * as check from './check';
import type * as types from './types';

/** Language of a text: Dutch gets every check, English only readability and sentence length. */
export type Lang = types.Lang;

/** A range of the input text in UTF-16 code units (JavaScript string offsets), end exclusive. */
export type Span = types.Span;

/**
 * One problem in the text: which rule, where (span and 0-based sentence number), the words
 * themselves (excerpt), what is wrong (message) and what to write instead (suggestion), both in
 * Dutch at B1 level for the civil servant who writes the text.
 */
export type Finding = types.Finding;

/** The rule a finding belongs to. */
export type Rule = types.Rule;

/** Statistics of a text; `fleschDouma` holds Flesch reading ease for English texts. */
export type Metrics = types.Metrics;

/**
 * The result of `checkText`: verdict, its Dutch label, a score 0..100 (higher is easier; B1 from
 * 60), the Dutch reasons for the verdict, metrics and findings sorted by position.
 */
export type LanguageReport = types.LanguageReport;

/** The result of `checkGoalWording`: vague when a vague term has no number, unit or date. */
export type GoalWordingReport = types.GoalWordingReport;

/**
 * Checks a text for plain language. The language is detected from common function words unless
 * `options.lang` is given. Texts under 3 sentences or 40 words are judged on concrete problems
 * only (a sentence over 20 words, nested clauses, two or more hard words), never on averages.
 */
export const checkText: (text: string, options?: { lang?: Lang }) => LanguageReport = check.checkText;

/**
 * Checks the wording of one goal: vague verbs and phrases (verbeteren, stimuleren, zoveel
 * mogelijk, meer, veiliger…) with no number, unit or date anywhere in the statement make it vague.
 * An empty statement is not vague here; rule 4 checks that a goal exists separately.
 */
export const checkGoalWording: (statement: string) => GoalWordingReport = check.checkGoalWording;

/** Splits Dutch text into sentences, surviving abbreviations (bijv., o.a., art. 3) and numbers (3,5; 1.200). */
export { splitSentences } from './sentences';
export type { Sentence } from './sentences';
/** Word tokens with their offsets. */
export { tokenize } from './tokens';
export type { Token } from './tokens';
/** Syllable counts by a vowel-group rule: Dutch (`countSyllables`) and English. */
export { countSyllables, countEnglishSyllables } from './syllables';
/** Flesch-Douma (Dutch) and Flesch reading ease (English); thresholds in readability.ts. */
export { fleschDouma, fleschReadingEase, LONG_SENTENCE, VERY_LONG_SENTENCE } from './readability';
/** True when a word is common Dutch (frequency list, government allow-list, inflection, compounds). */
export { isCommonWord, isGovernmentWord } from './words';
/** Guesses whether a text is Dutch or English. */
export { detectLanguage } from './english';
/** The score at and above which a text counts as B1. */
export { B1_SCORE } from './verdict';
/** Number of entries in the officialese list (words and phrases). */
export { OFFICIALESE_SIZE } from './officialese';
