/**
 * Vague goal wording: verbs and phrases that promise a direction without a size or a date —
 * verbeteren, versterken, bevorderen, stimuleren, inzetten op, zoveel mogelijk, waar mogelijk…
 * Without a number, unit or date such a goal cannot be checked afterwards (DOMAIN.md, rule 4:
 * "no vague wording without a number").
 */
import type { Token } from './tokens';

/** A vague term: token positions [from, to). */
export interface VagueMatch {
  from: number;
  to: number;
}

const forms = (list: string): string[][] =>
  list.trim().split(/\s*;\s*/).map((phrase) => phrase.split(' '));

// Intentions that are vague in any text; written forms of one verb are listed one by one.
const CORE = forms(`
verbeteren; verbetert; verbeterd; verbetering; versterken; versterkt; versterking; bevorderen;
bevordert; bevorderd; bevordering; stimuleren; stimuleert; gestimuleerd; stimulering;
optimaliseren; optimaliseert; geoptimaliseerd; optimalisatie; inzetten op; zetten in op; zet in op;
ingezet op; aandacht besteden aan; besteden aandacht aan; besteedt aandacht aan; zoveel mogelijk;
zo veel mogelijk; waar mogelijk; streven naar; streeft naar; bijdragen aan; draagt bij aan;
faciliteren; intensiveren
`);
// Only vague in a goal statement; in other texts they are ordinary words ("wij werken aan de weg").
const GOAL_ONLY = forms(`
beter; meer; minder; hoger; lager; sneller; veiliger; schoner; groener; duurzamer; gezonder;
toegankelijker; aantrekkelijker; prettiger; leefbaarder; betaalbaarder; effectiever; efficiënter;
werken aan; werkt aan; vergroten; vergroot; verkleinen; verminderen; vermindert; verhogen; verhoogt;
verlagen; verlaagt; terugdringen; ondersteunen; versnellen; verbreden; verduurzamen; waar nodig;
zo snel mogelijk; aandacht voor; op termijn; in de toekomst; toekomstbestendig
`);

const index = (phrases: string[][]): Map<string, string[][]> => {
  const map = new Map<string, string[][]>();
  for (const phrase of phrases) {
    const first = phrase[0] as string;
    map.set(first, [...(map.get(first) ?? []), phrase].sort((a, b) => b.length - a.length));
  }
  return map;
};
const CORE_INDEX = index(CORE);
const GOAL_INDEX = index([...CORE, ...GOAL_ONLY]);

/** Finds vague terms; `goal` adds comparatives (meer, beter, veiliger) used in goal statements. */
export const findVagueTerms = (tokens: readonly Token[], goal: boolean): VagueMatch[] => {
  const map = goal ? GOAL_INDEX : CORE_INDEX;
  const out: VagueMatch[] = [];
  let i = 0;
  while (i < tokens.length) {
    const phrase = map
      .get((tokens[i] as Token).lower)
      ?.find((p) => p.every((word, k) => tokens[i + k]?.lower === word));
    if (phrase) out.push({ from: i, to: i + phrase.length });
    i += phrase ? phrase.length : 1;
  }
  return out;
};
