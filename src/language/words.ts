/**
 * Word frequency: is a word among the common Dutch words (or the government allow-list)? Dutch
 * inflects and compounds freely, so a word is looked up after stripping regular endings
 * (stappen → stap, straten → straat, werkte → werken, gebouwd → bouwen, grootste → groot) and,
 * failing that, as a compound of two known words (afval + container).
 */
import { COMMON_WORDS, GOVERNMENT_WORDS } from './frequency-data';

const words = (list: string): string[] => list.split(/\s+/).filter((w) => w.length > 0);
const GOVERNMENT = new Set(words(GOVERNMENT_WORDS));
const LEXICON = new Set([...words(COMMON_WORDS), ...GOVERNMENT]);

// Separable-verb particles that sit before "ge" in a participle: aan-ge-vraagd, op-ge-haald.
const PARTICLES = ['aan', 'af', 'bij', 'door', 'in', 'mee', 'na', 'om', 'onder', 'op', 'over', 'terug', 'toe', 'uit', 'vast', 'voor', 'weg', 'samen', 'goed', 'kennis'];
const SUFFIXES = ['tjes', 'pjes', 'etjes', 'jes', 'tje', 'pje', 'je', 'sten', 'ste', 'st', 'ere', 'er', 'ten', 'den', 'te', 'de', 'en', "'s", 's', 'e', 't', 'd'];

/** Stem variants: undoubled consonant (stapp → stap), doubled vowel (strat → straat), v → f, z → s. */
const stemVariants = (stem: string): string[] => {
  const out = [stem];
  if (/([bdfgklmnprst])\1$/.test(stem)) out.push(stem.slice(0, -1));
  if (/(?:^|[^aeiou])[aeou][^aeiouwj]$/.test(stem)) out.push(stem.slice(0, -2) + stem.at(-2) + stem.slice(-2));
  if (stem.endsWith('v')) out.push(stem.slice(0, -1) + 'f');
  if (stem.endsWith('z')) out.push(stem.slice(0, -1) + 's');
  return out;
};

/** Infinitives a stem may belong to: werk → werken, betaal → betalen, leef → leven, reis → reizen. */
const infinitives = (stem: string): string[] => {
  const base = stem.replace(/(aa|ee|oo|uu)([^aeiou])$/, (_, v: string, c: string) => v[0] + c);
  const voiced = base.replace(/f$/, 'v').replace(/s$/, 'z');
  const doubled = /(?:^|[^aeiou])[aeiou][bdfgklmnprst]$/.test(stem) ? [stem + stem.slice(-1) + 'en'] : [];
  return [...new Set([stem + 'en', base + 'en', voiced + 'en', stem + 'n', ...doubled])];
};

const knownStem = (stem: string): boolean =>
  stem.length >= 2 &&
  stemVariants(stem).some((s) => LEXICON.has(s) || infinitives(s).some((i) => LEXICON.has(i)));

/** Known as written or after removing one regular ending or a participle's ge-. */
const knownInflected = (w: string): boolean => {
  if (LEXICON.has(w)) return true;
  for (const suffix of SUFFIXES) {
    if (w.length > suffix.length + 1 && w.endsWith(suffix) && knownStem(w.slice(0, -suffix.length))) return true;
  }
  for (const particle of ['', ...PARTICLES]) {
    const prefix = particle + 'ge';
    if (w.length > prefix.length + 2 && w.startsWith(prefix)) {
      const rest = w.slice(prefix.length).replace(/[dt]$|en$/, '');
      if (stemVariants(rest).some((s) => infinitives(s).some((i) => LEXICON.has(particle + i)))) return true;
    }
  }
  return false;
};

// Linking sounds between compound parts: stad-s-deel, fiets-en-stalling, zieke-n-huis.
const headKnown = (head: string): boolean =>
  LEXICON.has(head) ||
  (head.endsWith('s') && LEXICON.has(head.slice(0, -1))) ||
  (head.endsWith('en') && LEXICON.has(head.slice(0, -2))) ||
  (head.endsWith('e') && LEXICON.has(head.slice(0, -1)));

const knownCompound = (w: string, depth: number): boolean => {
  for (let i = 3; i <= w.length - 3; i += 1) {
    const tail = w.slice(i);
    if (headKnown(w.slice(0, i)) && (knownInflected(tail) || (depth > 0 && knownCompound(tail, depth - 1)))) return true;
  }
  return false;
};

const cache = new Map<string, boolean>();
const CACHE_LIMIT = 20_000;

/**
 * True when a (lower-case) word is common Dutch: in the frequency list or the government
 * allow-list, directly, inflected, or as a compound of known words. Hyphenated words are known
 * when every part is.
 */
export const isCommonWord = (lower: string): boolean => {
  const cached = cache.get(lower);
  if (cached !== undefined) return cached;
  const parts = lower.split(/[-']/).filter((p) => p.length > 1);
  const known = parts.length === 0 || parts.every((p) => knownInflected(p) || knownCompound(p, 1));
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(lower, known);
  return known;
};

/** True for words on the government allow-list (gemeente, uitkering, DigiD…). */
export const isGovernmentWord = (lower: string): boolean => GOVERNMENT.has(lower);
