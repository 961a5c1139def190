/**
 * Validation messages in Dutch. The modules' zod schemas speak English (they serve the API and the
 * CLI too); the editor says the same thing to a civil servant in Dutch, naming the field, as the
 * NL Design System / GOV.UK error message pattern asks ("Vul … in", not "Ongeldige invoer").
 */
import { CONTROL_CHARACTER_MESSAGE, DATE_RANGE, DATE_RANGE_MESSAGE, UNKNOWN_FIELD_MESSAGE } from '../../core';

const EXACT: Record<string, string> = {
  'a goal needs a unit (e.g. "procent", "bezoekers", "dagen")': 'Vul de eenheid in, bijvoorbeeld "procent", "bezoekers" of "dagen"',
  'the deadline must come after the baseline date': 'De einddatum moet na de datum van de nulmeting liggen',
  'a baseline needs both a value and a date': 'Een nulmeting heeft een waarde én een datum nodig',
  'with direction "keep" the target equals the baseline': 'Bij de richting "gelijk houden" is de streefwaarde gelijk aan de nulmeting',
  'the target is not an increase from the baseline': 'De streefwaarde moet hoger zijn dan de nulmeting, want de richting is "stijgen"',
  'the target is not a decrease from the baseline': 'De streefwaarde moet lager zijn dan de nulmeting, want de richting is "dalen"',
  'say in a sentence how the measure helps the goal': 'Schrijf in een zin hoe de maatregel het doel helpt',
  'the end date comes before the start date': 'De einddatum ligt voor de startdatum',
  'give the totals when giving votes per party': 'Vul de totalen in als u stemmen per partij geeft',
  'lies in the future': 'De datum ligt in de toekomst',
  // References that are not of this organization or change, or do not exist (core/reference.ts).
  'choose a group of this organization': 'Kies een doelgroep van deze organisatie',
  'choose a decision of this organization': 'Kies een besluit van deze organisatie',
  'choose a change of this organization': 'Kies een verandering van deze organisatie',
  'choose a goal of this change': 'Kies een doel van deze verandering',
  'choose a statement about this change': 'Kies een uitspraak over deze verandering',
  'a conflict is between two different groups': 'Kies twee verschillende doelgroepen',
  'say in a sentence how it was decided and why': 'Schrijf in een zin hoe er is besloten en waarom',
  'say in a sentence what we tell people': 'Schrijf in een zin wat we mensen vertellen',
  'already in use': 'Deze waarde is al in gebruik',
  'each id only once': 'Kies elk onderdeel maar één keer',
};

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
