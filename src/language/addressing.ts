/**
 * Addressing the reader: "men", "de burger", "belanghebbende", "de aanvrager" keep the reader at a
 * distance; writing to "u" (or "je") says who must act (Schrijfwijzer, gebruikercentraal.nl:
 * "spreek je lezer direct aan"; Rijksoverheid.nl writes to "u").
 */
import type { Token } from './tokens';

/** An impersonal reference: token positions [from, to) and the direct form to use. */
export interface ImpersonalMatch {
  from: number;
  to: number;
  direct: string;
}

// Words that refer to the reader in the third person, with what to write instead.
const IMPERSONAL: Record<string, string> = {
  men: 'u (of: wij, als de gemeente het doet)',
  burger: 'u',
  burgers: 'u, inwoners',
  belanghebbende: 'u',
  belanghebbenden: 'u',
  betrokkene: 'u',
  betrokkenen: 'u',
  aanvrager: 'u',
  aanvragers: 'u',
  verzoeker: 'u',
  verzoekster: 'u',
  ondergetekende: 'ik, u',
  cliënt: 'u',
};

/** Finds third-person references to the reader in one sentence's tokens. */
export const findImpersonal = (tokens: readonly Token[]): ImpersonalMatch[] => {
  const out: ImpersonalMatch[] = [];
  tokens.forEach((token, i) => {
    const direct = IMPERSONAL[token.lower];
    if (direct === undefined) return;
    // "de burger" / "de aanvrager": include the article in the span, so the fix is one replacement.
    const withArticle = i > 0 && ['de', 'een', 'elke', 'iedere'].includes(tokens[i - 1]?.lower ?? '');
    out.push({ from: withArticle ? i - 1 : i, to: i + 1, direct });
  });
  return out;
};
