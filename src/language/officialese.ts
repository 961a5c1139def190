/**
 * Finds officialese words and phrases in a sentence and pairs each with its plain alternative.
 * Longest match wins, so "ten aanzien van" is one finding, not three.
 */
import { OFFICIALESE_WORDS, type OfficialeseEntry } from './officialese-words';
import { OFFICIALESE_PHRASES } from './officialese-phrases';
import type { Token } from './tokens';

interface Compiled {
  forms: ReadonlySet<string>[];
  plain: string;
}

/** A match: token positions [from, to) in the sentence and the plain alternative. */
export interface OfficialeseMatch {
  from: number;
  to: number;
  plain: string;
}

const norm = (word: string): string => word.replace(/\.$/, '');

const compile = (entries: readonly OfficialeseEntry[]): Map<string, Compiled[]> => {
  const index = new Map<string, Compiled[]>();
  for (const [pattern, plain] of entries) {
    const forms = pattern.split(' ').map((token) => new Set(token.split('|').map(norm)));
    for (const first of forms[0] ?? []) {
      const list = index.get(first) ?? [];
      list.push({ forms, plain });
      index.set(first, list);
    }
  }
  for (const list of index.values()) list.sort((a, b) => b.forms.length - a.forms.length);
  return index;
};

const INDEX = compile([...OFFICIALESE_PHRASES, ...OFFICIALESE_WORDS]);

/** Number of distinct entries in the officialese list (words and phrases). */
export const OFFICIALESE_SIZE = OFFICIALESE_WORDS.length + OFFICIALESE_PHRASES.length;

const matchesAt = (tokens: readonly Token[], at: number, entry: Compiled): boolean =>
  entry.forms.every((forms, k) => {
    const token = tokens[at + k];
    return token !== undefined && forms.has(norm(token.lower));
  });

/** All officialese matches in one sentence's tokens, left to right, never overlapping. */
export const findOfficialese = (tokens: readonly Token[]): OfficialeseMatch[] => {
  const out: OfficialeseMatch[] = [];
  let i = 0;
  while (i < tokens.length) {
    const candidates = INDEX.get(norm((tokens[i] as Token).lower));
    const hit = candidates?.find((entry) => matchesAt(tokens, i, entry));
    if (hit) {
      out.push({ from: i, to: i + hit.forms.length, plain: hit.plain });
      i += hit.forms.length;
    } else {
      i += 1;
    }
  }
  return out;
};
