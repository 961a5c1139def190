/**
 * What makes a goal measurable in words: a number, a unit or a date. "Verbeteren" with "van 40 naar
 * 60 procent vóór 2027" is a goal; "verbeteren" alone is an intention (DOMAIN.md, rule 4).
 */
import type { Token } from './tokens';

const set = (list: string): ReadonlySet<string> => new Set(list.split(/\s+/).filter(Boolean));

const NUMBER_WORDS = set(`
nul twee drie vier vijf zes zeven acht negen tien elf twaalf dertien veertien vijftien zestien
zeventien achttien negentien twintig dertig veertig vijftig zestig zeventig tachtig negentig honderd
duizend miljoen miljard half halve helft kwart derde verdubbelen verdubbeld halveren gehalveerd
`);
const UNIT_WORDS = set(`
procent procentpunt euro eur € % km kilometer meter m2 m² hectare ton kilo kg liter uur uren minuut
minuten seconde seconden dag dagen week weken maand maanden jaar jaren woningen plaatsen
`);
const DATE_WORDS = set(`
januari februari maart april mei juni juli augustus september oktober november december kwartaal
q1 q2 q3 q4 voorjaar najaar zomer winter
`);

/** True when the tokens contain a number (digits or a number word), a unit or a date word. */
export const hasMeasure = (tokens: readonly Token[], text: string): boolean =>
  /\d|%|€/.test(text) ||
  tokens.some((t) => NUMBER_WORDS.has(t.lower) || UNIT_WORDS.has(t.lower) || DATE_WORDS.has(t.lower));
