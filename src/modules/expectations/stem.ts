/**
 * A Dutch stemmer: the Snowball "Dutch" algorithm (M. F. Porter,
 * https://snowballstem.org/algorithms/dutch/stemmer.html), which maps inflections onto one stem
 * (straten, straat → strat; bewoners, bewoner → bewon). The language checker (src/language)
 * exports tokens but no stemmer; this one serves goal suggestions only, where a slightly
 * aggressive stem is fine because it is only compared with other stems.
 */

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y', 'è']);
const isVowel = (ch: string | undefined): boolean => ch !== undefined && VOWELS.has(ch);

const ACCENTS: Record<string, string> = { ä: 'a', ë: 'e', ï: 'i', ö: 'o', ü: 'u', á: 'a', é: 'e', í: 'i', ó: 'o', ú: 'u' };

/** The position after the first non-vowel that follows a vowel at or after `from` (Snowball R1/R2). */
const regionAfter = (word: string, from: number): number => {
  for (let i = from + 1; i < word.length; i += 1) {
    if (!isVowel(word[i]) && isVowel(word[i - 1])) return i + 1;
  }
  return word.length;
};

const undouble = (word: string): string => (/(kk|dd|tt)$/.test(word) ? word.slice(0, -1) : word);

/** A valid en-ending: a non-vowel, and not "gem" (so "gemeen"/"gemen" keep their stem). */
const validEnEnding = (stem: string): boolean => stem.length > 0 && !isVowel(stem.at(-1)) && !stem.endsWith('gem');
/** A valid s-ending: a non-vowel other than j. */
const validSEnding = (stem: string): boolean => stem.length > 0 && !isVowel(stem.at(-1)) && stem.at(-1) !== 'j';

/** Stems one lower-case Dutch word. Words of up to two letters are returned as they are. */
export const stemDutch = (input: string): string => {
  let word = [...input.toLowerCase()].map((ch) => ACCENTS[ch] ?? ch).join('');
  if (word.length <= 2) return word;
  // Initial y, y after a vowel, and i between vowels are consonants: mark them upper case.
  let marked = '';
  for (let i = 0; i < word.length; i += 1) {
    const ch = word[i]!;
    const prev = marked.at(-1);
    if (ch === 'y' && (i === 0 || isVowel(prev))) marked += 'Y';
    else if (ch === 'i' && isVowel(prev) && isVowel(word[i + 1])) marked += 'I';
    else marked += ch;
  }
  word = marked;
  // R2 is found from where R1 starts before its adjustment to three letters (Snowball mark_regions).
  const r1Raw = regionAfter(word, 0);
  const r1 = Math.max(3, r1Raw);
  const r2 = regionAfter(word, r1Raw);
  const inR1 = (suffix: string) => word.length - suffix.length >= r1;
  const inR2 = (suffix: string) => word.length - suffix.length >= r2;

  // Step 1: heden → heid; en/ene after a valid en-ending; s/se after a valid s-ending.
  if (word.endsWith('heden')) {
    if (inR1('heden')) word = word.slice(0, -5) + 'heid';
  } else if (word.endsWith('ene') || word.endsWith('en')) {
    const suffix = word.endsWith('ene') ? 'ene' : 'en';
    const stem = word.slice(0, -suffix.length);
    if (inR1(suffix) && validEnEnding(stem)) word = undouble(stem);
  } else if (word.endsWith('se') || word.endsWith('s')) {
    const suffix = word.endsWith('se') ? 'se' : 's';
    const stem = word.slice(0, -suffix.length);
    if (inR1(suffix) && validSEnding(stem)) word = stem;
  }

  // Step 2: a final e after a non-vowel.
  let eRemoved = false;
  if (word.endsWith('e') && inR1('e') && !isVowel(word.at(-2))) {
    word = undouble(word.slice(0, -1));
    eRemoved = true;
  }

  // Step 3a: heid, not after c; then a preceding en as in step 1.
  if (word.endsWith('heid') && inR2('heid') && word.at(-5) !== 'c') {
    word = word.slice(0, -4);
    if (word.endsWith('en') && inR1('en') && validEnEnding(word.slice(0, -2))) word = undouble(word.slice(0, -2));
  }

  // Step 3b: derivational suffixes, longest first.
  if ((word.endsWith('end') || word.endsWith('ing')) && inR2('ing')) {
    word = word.slice(0, -3);
    if (word.endsWith('ig') && inR2('ig') && word.at(-3) !== 'e') word = word.slice(0, -2);
    else word = undouble(word);
  } else if (word.endsWith('ig') && inR2('ig') && word.at(-3) !== 'e') {
    word = word.slice(0, -2);
  } else if (word.endsWith('lijk') && inR2('lijk')) {
    word = word.slice(0, -4);
    if (word.endsWith('e') && inR1('e') && !isVowel(word.at(-2))) word = undouble(word.slice(0, -1));
  } else if (word.endsWith('baar') && inR2('baar')) {
    word = word.slice(0, -4);
  } else if (word.endsWith('bar') && inR2('bar') && eRemoved) {
    word = word.slice(0, -3);
  }

  // Step 4: undouble a vowel before a final consonant (maan → man, straat → strat).
  const m = /([^aeiouyè])(aa|ee|oo|uu)([^aeiouyèI])$/.exec(word);
  if (m) word = word.slice(0, -3) + m[2]![0] + m[3];

  return word.replace(/I/g, 'i').replace(/Y/g, 'y');
};
