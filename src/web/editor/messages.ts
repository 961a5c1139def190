/**
 * Validation messages in Dutch. The modules' zod schemas speak English (they serve the API and the
 * CLI too); the editor says the same thing to a civil servant in Dutch, naming the field, as the
 * NL Design System / GOV.UK error message pattern asks ("Vul … in", not "Ongeldige invoer").
 */
import { CONTROL_CHARACTER_MESSAGE, DATE_RANGE, DATE_RANGE_MESSAGE, UNKNOWN_FIELD_MESSAGE } from '../../core';
import { DUTCH_MESSAGES as EXACT } from '../messages';

const PATTERNS: [RegExp, (label: string, m: RegExpExecArray) => string][] = [
  [new RegExp(`^${CONTROL_CHARACTER_MESSAGE.replace(/[()]/g, '\\$&')}$`), (l) => `Gebruik bij ${l} gewone tekst: er staat een onzichtbaar stuurteken in (bijvoorbeeld uit een gekopieerde tekst)`],
  [new RegExp(`^${DATE_RANGE_MESSAGE}$`), (l) => `Vul bij ${l} een datum tussen ${DATE_RANGE.min.slice(0, 4)} en ${DATE_RANGE.max.slice(0, 4)} in`],
  [new RegExp(`^${UNKNOWN_FIELD_MESSAGE}$`), (l) => `Het formulier stuurde een onbekend veld mee (${l})`],
  [/^Too small: expected string to have >=1 character/, (l) => `Vul ${l} in`],
  [/^Too small: expected string to have >=(\d+) characters/, (l, m) => `Vul bij ${l} minstens ${m[1]} tekens in`],
  [/^Too big: expected string to have <=(\d+) characters/, (l, m) => `${cap(l)} is te lang: hoogstens ${m[1]} tekens`],
  [/^Too small: expected number to be >=(\S+)/, (l, m) => `${cap(l)} moet ${m[1]} of meer zijn`],
  [/^Too big: expected number to be <=(\S+)/, (l, m) => `${cap(l)} moet ${m[1]} of minder zijn`],
  [/^Too big: expected array to have <=(\d+)/, (l, m) => `Bij ${l} passen hoogstens ${m[1]} regels`],
  [/^Invalid (ISO )?date/, (l) => `Vul bij ${l} een datum in, bijvoorbeeld 2026-06-01`],
  [/expected number|expected int|Invalid input: expected nonoptional/, (l) => `Vul bij ${l} een getal in`],
  [/^Invalid option|^Invalid enum/, (l) => `Kies een waarde bij ${l}`],
  [/^Invalid UUID/, (l) => `Kies ${l}`],
  [/^Invalid URL|web address/, (l) => `Vul bij ${l} een webadres in dat begint met https://`],
  [/^must be on or after (\S+)/, (_l, m) => `De datum ligt voor de nulmeting (${m[1]})`],
  [/^party votes (\w+) add up to (\d+), not (\d+)/, (_l, m) => `De stemmen ${VOTE_WORDS[m[1]!] ?? m[1]} per partij tellen op tot ${m[2]}, niet tot ${m[3]}`],
  [/^the target equals the baseline/, () => 'De streefwaarde is gelijk aan de nulmeting, maar de richting is stijgen of dalen'],
];

const VOTE_WORDS: Record<string, string> = { for: 'voor', against: 'tegen', abstain: 'onthouden' };

const cap = (s: string): string => (s ? s[0]!.toUpperCase() + s.slice(1) : s);

/** One schema message, in Dutch, for the field with this (lower-case) label. */
export const dutchIssue = (label: string, message: string): string => {
  const exact = Object.hasOwn(EXACT, message) ? EXACT[message] : undefined;
  if (exact) return exact;
  for (const [pattern, say] of PATTERNS) {
    const m = pattern.exec(message);
    if (m) return say(label, m);
  }
  return `Controleer ${label}`;
};
