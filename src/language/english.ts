/**
 * English texts get the Flesch reading-ease and sentence-length checks only: the word lists and
 * grammar rules of this library are Dutch. Plain-English guidance asks for an average of 15–20
 * words per sentence (Cutts, Oxford Guide to Plain English); Flesch (1948) calls 60–70 "standard".
 */
import { advice } from './messages';
import { fleschReadingEase, metricsFrom, type Counts } from './readability';
import type { Sentence } from './sentences';
import { countEnglishSyllables } from './syllables';
import type { Finding, Lang, Metrics } from './types';
import type { Criterion } from './verdict';

/** English sentences over this many words are long, over the second very long. */
export const EN_LONG_SENTENCE = 20;
export const EN_VERY_LONG_SENTENCE = 25;

const NL_MARKERS = new Set('de het een en van is dat niet op te zijn voor met die wordt ook aan er worden bij'.split(' '));
const EN_MARKERS = new Set('the and of to is that it for on with are be this you was have by not from will'.split(' '));

/** Guesses the language from common function words; Dutch unless English clearly dominates. */
export const detectLanguage = (text: string): Lang => {
  let nl = 0;
  let en = 0;
  for (const word of text.toLowerCase().match(/\p{L}+/gu) ?? []) {
    if (NL_MARKERS.has(word)) nl += 1;
    if (EN_MARKERS.has(word)) en += 1;
  }
  return en >= 3 && en > 1.5 * nl ? 'en' : 'nl';
};

/** Counts, findings (sentence length only) and criteria for an English text. */
export const analyseEnglish = (text: string, sentences: readonly Sentence[]) => {
  const counts: Counts = {
    sentences: sentences.length, words: 0, syllableWords: 0, syllables: 0,
    longSentences: 0, veryLongSentences: 0, longWords: 0, infrequentWords: 0,
  };
  const findings: Finding[] = [];
  for (const s of sentences) {
    const n = s.tokens.length;
    counts.words += n;
    for (const t of s.tokens) {
      if (t.numeric) continue;
      const syllables = countEnglishSyllables(t.text);
      counts.syllableWords += 1;
      counts.syllables += syllables;
      if (syllables >= 4) counts.longWords += 1;
    }
    if (n <= EN_LONG_SENTENCE) continue;
    counts.longSentences += 1;
    const veryLong = n > EN_VERY_LONG_SENTENCE;
    if (veryLong) counts.veryLongSentences += 1;
    const { message, suggestion } = veryLong ? advice.veryLongSentence(n) : advice.longSentence(n);
    findings.push({
      rule: veryLong ? 'very_long_sentence' : 'long_sentence',
      span: { start: s.start, end: s.end },
      excerpt: text.slice(s.start, s.end),
      sentence: s.index,
      message: `Engelse tekst: ${message.replace(/Voor B1 is 15 woorden of minder beter\./, `In het Engels is ${EN_LONG_SENTENCE} woorden of minder beter.`)}`,
      suggestion,
    });
  }
  const metrics: Metrics = metricsFrom(counts, fleschReadingEase);
  const criteria: Criterion[] = [
    { value: metrics.fleschDouma, best: 80, threshold: 60, worst: 30, weight: 0.6, reason: `Engelse tekst: Flesch reading ease ${metrics.fleschDouma}; onder 60 is de tekst moeilijk.` },
    { value: metrics.wordsPerSentence, best: 12, threshold: 20, worst: 30, weight: 0.4, reason: `Engelse tekst: gemiddeld ${metrics.wordsPerSentence} woorden per zin; hooguit 20 is beter.` },
  ];
  return { counts, findings, metrics, criteria };
};
