/**
 * Short texts (one or two sentences): one-line summaries and "what this means for you" lines. They
 * are judged on concrete problems only, never on averages, so they get their own labelled set.
 */
import type { LabelledText } from './texts-b1';

export const SHORT_TEXTS: LabelledText[] = [
  { id: 's-b1-1', level: 'b1', text: 'Vanaf januari halen wij uw plastic afval elke twee weken op.' },
  { id: 's-b1-2', level: 'b1', text: 'U betaalt voortaan voor parkeren in uw straat. Met een vergunning betaalt u minder.' },
  { id: 's-b1-3', level: 'b1', text: 'De bibliotheek is vanaf 1 maart ook op zondag open.' },
  { id: 's-b1-4', level: 'b1', text: 'Wij maken de stoep in uw straat nieuw. Dat duurt twee weken.' },
  { id: 's-c-1', level: 'above_b1', text: 'Teneinde de verkeersveiligheid te bevorderen, wordt middels fysieke snelheidsremmende maatregelen uitvoering gegeven aan het mobiliteitsbeleid.' },
  { id: 's-c-2', level: 'above_b1', text: 'Belanghebbenden worden derhalve in de gelegenheid gesteld hun zienswijze omtrent het ontwerpbestemmingsplan kenbaar te maken.' },
  { id: 's-c-3', level: 'above_b1', text: 'Het college heeft besloten om in verband met de toegenomen kosten van de bouw en de vertraging die daardoor is ontstaan het plan voor het nieuwe zwembad nog een keer te laten onderzoeken door een extern bureau.' },
];
