import { checkGoalWording, checkText } from '../../language';

/**
 * The one place the legitimacy check asks "will citizens understand this text?" (rules 1, 2, 9) and
 * "is this goal worded too vaguely to hold anyone to?" (rule 4), through the Dutch plain-language
 * checker (src/language).
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
  const report = checkText(trimmed);
  if (report.verdict === 'b1') return { ok: true, reasons: [] };
  return { ok: false, problem: 'above_b1', reasons: report.reasons };
};

/** Vague goal wording ("verbeteren", "zoveel mogelijk"…) without a number, unit or date. */
export const isVagueGoalWording = (statement: string): boolean => checkGoalWording(statement).vague;
