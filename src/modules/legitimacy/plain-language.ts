/**
 * The one place the legitimacy check asks "will citizens understand this text?" (rules 1, 2, 9) and
 * "is this goal worded too vaguely to hold anyone to?" (rule 4). Until the Dutch plain-language
 * checker is wired in, it checks presence and a minimal length only.
 */
export interface TextAssessment {
  ok: boolean;
  /** Why not, as a code: `missing`, `too_short`, `above_b1`. */
  problem?: 'missing' | 'too_short' | 'above_b1';
  /** Human-readable reasons from the checker (Dutch). */
  reasons: string[];
}

/** Fewer characters than this cannot say why or what in a way a citizen can follow. */
const MIN_LENGTH = 40;

export const assessPlainText = (text: string, minLength = MIN_LENGTH): TextAssessment => {
  const trimmed = text.trim();
  if (!trimmed) return { ok: false, problem: 'missing', reasons: [] };
  if (trimmed.length < minLength) return { ok: false, problem: 'too_short', reasons: [] };
  return { ok: true, reasons: [] };
};

export const isVagueGoalWording = (_statement: string): boolean => false;
