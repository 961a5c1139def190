import type { DecisionOutcome } from '../decisions';

/**
 * A code as Popolo, Open Raadsinformatie and council systems write it, reduced to its words: a URI
 * or compact URI keeps its last segment (`http://www.w3.org/ns/opengov#ResultPassed`,
 * `opengov:ResultPassed` → "resultpassed"), everything is lower case with single spaces.
 */
export const codeOf = (value: string): string => {
  const trimmed = value.trim();
  const uri = /^(https?:\/\/\S+|[a-z]+:[a-z]\w*)$/i.test(trimmed);
  return (uri ? trimmed.replace(/^.*[#/:]/, '') : trimmed).toLowerCase().replace(/[\s_.,;:!()]+/g, ' ').trim();
};

/**
 * The words of a result and the outcome each stands for: Popolo's code list (pass, fail), ORI's
 * result URIs (opengov ResultPassed/ResultFailed, meeting ResultKept/…), and what iBabs and other
 * council systems write — "Motie aangenomen", "Aangenomen met algemene stemmen", "Amendement
 * verworpen", "Hamerstuk" (adopted without a vote), "Vervallen" (lapsed: no longer on the table,
 * like a withdrawal), "Aangehouden" (held over: still to be decided).
 */
const WORDS: [RegExp, DecisionOutcome][] = [
  [/\b(pass|passed|adopted|resultpassed|aangenomen|hamerstuk|conform)\b/, 'adopted'],
  [/\b(fail|failed|rejected|resultfailed|verworpen|afgewezen)\b/, 'rejected'],
  [/\b(withdrawn|resultwithdrawn|resultexpired|ingetrokken|vervallen)\b/, 'withdrawn'],
  [/\b(pending|resultkept|resultpostponed|aangehouden|uitgesteld)\b/, 'pending'],
];

/**
 * The outcome a result string states, or undefined when it states none or more than one ("niet
 * aangenomen" is rejected; "voor kennisgeving aangenomen" — taken note of — decides nothing; a tie,
 * "staking van stemmen", is not ours to resolve).
 */
export const outcomeOf = (value: string): DecisionOutcome | undefined => {
  const words = codeOf(value).replace(/\bniet aangenomen\b/g, 'verworpen');
  if (/\bvoor kennisgeving\b/.test(words)) return undefined;
  const found = new Set(WORDS.filter(([pattern]) => pattern.test(words)).map(([, outcome]) => outcome));
  return found.size === 1 ? [...found][0] : undefined;
};

/** What the import says when it does not recognise a result: the value as written, and what it knows. */
export const unknownResult = (value: string): string =>
  `"${value}" is geen uitslag die we kennen: aangenomen, verworpen, ingetrokken, vervallen of aangehouden (of Popolo pass, fail)`;
