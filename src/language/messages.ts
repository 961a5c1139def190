/**
 * The Dutch texts of the findings: short, B1 themselves, addressed to the civil servant who writes.
 * One function per rule, so wording can change without touching the detectors.
 */
import { LONG_SENTENCE, VERY_LONG_SENTENCE } from './readability';

export interface Advice {
  message: string;
  suggestion: string;
}

const SPLIT_TIP = 'Maak er twee of meer zinnen van. Knip bijvoorbeeld bij "en", "maar", "omdat", "zodat" of "waardoor".';

export const advice = {
  officialese: (excerpt: string, plain: string): Advice => ({
    message: `"${excerpt}" is ambtelijke taal.`,
    suggestion: `Schrijf: ${plain}.`,
  }),
  passive: (excerpt: string): Advice => ({
    message: `"${excerpt}" is een lijdende vorm: de lezer ziet niet wie iets doet.`,
    suggestion: 'Schrijf actief en zeg wie het doet, bijvoorbeeld "wij", "de gemeente" of "u".',
  }),
  impersonalPassive: (excerpt: string): Advice => ({
    message: `"${excerpt}": in deze zin doet niemand iets.`,
    suggestion: 'Zeg wie het doet: "Wij …" of "De gemeente …" in plaats van "Er wordt …".',
  }),
  nominalisation: (excerpt: string, verb: string): Advice => ({
    message: `"${excerpt}" is een zelfstandig naamwoord waar een werkwoord duidelijker is.`,
    suggestion: `Gebruik het werkwoord "${verb}" en zeg wie het doet.`,
  }),
  longSentence: (words: number): Advice => ({
    message: `Lange zin: ${words} woorden. Voor B1 is ${LONG_SENTENCE} woorden of minder beter.`,
    suggestion: SPLIT_TIP,
  }),
  veryLongSentence: (words: number): Advice => ({
    message: `Zeer lange zin: ${words} woorden (meer dan ${VERY_LONG_SENTENCE}). Veel lezers haken hier af.`,
    suggestion: SPLIT_TIP,
  }),
  nestedSentence: (clauses: number): Advice => ({
    message: `Deze zin heeft ${clauses} bijzinnen. De lezer moet veel tegelijk onthouden.`,
    suggestion: 'Zet het belangrijkste vooraan en geef elke bijzin een eigen zin.',
  }),
  impersonal: (excerpt: string, direct: string): Advice => ({
    message: `"${excerpt}" spreekt de lezer niet direct aan.`,
    suggestion: `Schrijf: ${direct}.`,
  }),
  longWord: (word: string, syllables: number): Advice => ({
    message: `"${word}" is een lang woord (${syllables} lettergrepen) dat weinig voorkomt.`,
    suggestion: 'Kies een korter, gewoon woord, knip het woord op of leg het uit.',
  }),
  infrequentWord: (word: string): Advice => ({
    message: `"${word}" kennen veel lezers niet.`,
    suggestion: 'Kies een gewoon woord of leg het woord uit.',
  }),
  vagueGoal: (excerpt: string): Advice => ({
    message: `"${excerpt}" is vaag: er staat geen getal, eenheid of datum bij.`,
    suggestion: 'Zeg hoeveel en wanneer, bijvoorbeeld: "van 40 naar 60 procent vóór 1 januari 2027".',
  }),
};
