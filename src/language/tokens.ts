/**
 * Word tokens with their UTF-16 offsets, so every finding can point at the exact span of the input.
 */
export interface Token {
  /** The word as written. */
  text: string;
  /** Lower case, curly apostrophes folded to straight ones: the form every lookup uses. */
  lower: string;
  start: number;
  end: number;
  /** True for numbers such as 3,5 or 1.200: they count as words but carry no syllables. */
  numeric: boolean;
}

// One alternative per kind of token, longest first: abbreviations written with dots (o.a., d.w.z.),
// numbers with Dutch separators (3,5; 1.200; 2025), words with inner apostrophes or hyphens
// (auto's, zo'n, B1-niveau, e-mail).
const TOKEN =
  /\p{L}(?:\.\p{L})+\.?|\d+(?:[.,:]\d+)*(?:e|ste|de)?|[\p{L}\p{M}\d](?:[\p{L}\p{M}\d]|['’-](?=[\p{L}\d]))*/gu;

/** Splits `text` into word tokens; offsets are relative to `base` (the start of a sentence). */
export const tokenize = (text: string, base = 0): Token[] => {
  const out: Token[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const word = match[0];
    const start = base + (match.index ?? 0);
    out.push({
      text: word,
      lower: word.toLowerCase().replace(/’/g, "'"),
      start,
      end: start + word.length,
      numeric: /^\d/.test(word),
    });
  }
  return out;
};

/** True when the token starts with a capital letter (a name or the first word of a sentence). */
export const isCapitalised = (token: Token): boolean => /^\p{Lu}/u.test(token.text);

/** True for abbreviations and acronyms (DigiD, WMO, o.a.): not judged on length or frequency. */
export const isAbbreviation = (token: Token): boolean =>
  token.text.includes('.') || /\p{Lu}.*\p{Lu}/u.test(token.text) || /\d/.test(token.text);
