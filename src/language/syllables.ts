/**
 * Syllable counts by a vowel-group rule. For Dutch a vowel group is split into the known vowel
 * units (aa, ee, ie, oe, ui, eu, ei, ij, au, ou, aai, ooi, oei, eeuw, ieu…), each of which is one
 * syllable; a diaeresis (ideeën, financiële) starts a new syllable. On held-out words this rule was
 * more accurate than hyphenation patterns, which do not split e.g. "ideeën" or "situatie" well
 * (STACK.md). English uses the usual silent-e adjustments.
 */

// Longest first, so "eeu" wins over "ee" and "oei" over "oe". "ÿ" stands for "ij" (see below).
const DUTCH_UNITS = [
  'eeu', 'ieu', 'aai', 'ooi', 'oei', 'eau',
  'aa', 'ee', 'oo', 'uu', 'ie', 'oe', 'ui', 'eu', 'ei', 'au', 'ou', 'ÿ',
];
const DUTCH_VOWEL = /[aeiouyÿáàâäéèêëíìîïóòôöúùûü]/;
const DIAERESIS = /[ëïöüä]/;

/** Counts the syllables of one Dutch word (at least 1 for any word with a letter). */
export const countSyllables = (word: string): number => {
  const w = word.toLowerCase().replace(/ij/g, 'ÿ');
  let count = 0;
  let i = 0;
  while (i < w.length) {
    const ch = w[i] as string;
    if (!DUTCH_VOWEL.test(ch)) {
      i += 1;
      continue;
    }
    // Inside a run of vowels: take the longest known unit; a diaeresis always starts a new one.
    const unit = DIAERESIS.test(ch) ? undefined : DUTCH_UNITS.find((u) => w.startsWith(u, i));
    count += 1;
    i += unit ? unit.length : 1;
  }
  return Math.max(count, /\p{L}/u.test(word) ? 1 : 0);
};

/** Counts the syllables of one English word: vowel groups, minus a silent final -e / -es / -ed. */
export const countEnglishSyllables = (word: string): number => {
  const w = word.toLowerCase().replace(/[^a-z]/g, '');
  if (w.length === 0) return 0;
  if (w.length <= 3) return 1;
  const trimmed = w
    .replace(/(?:[^laeiouy]es|[^laeiouydt]ed|[^laeiouy]e)$/, (m) => m.slice(0, 1))
    .replace(/^y/, '');
  const groups = trimmed.match(/[aeiouy]{1,2}/g);
  return Math.max(1, groups ? groups.length : 1);
};
