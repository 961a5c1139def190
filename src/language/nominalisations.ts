/**
 * Nominalisations (naamwoordstijl): a noun made from a verb where the verb itself is clearer —
 * "de verbetering van de weg" (we verbeteren de weg), "het beoordelen van aanvragen" (wij
 * beoordelen aanvragen). Flagged where the pattern is common: an -ing / -atie / -ctie noun or a
 * nominalised infinitive followed by "van" (Vlaamse overheid, schrijfafspraken: "vermijd de
 * naamwoordstijl"; Schrijfwijzer, gebruikercentraal.nl: "actief en concreet").
 */
import type { Token } from './tokens';
import { isCommonWord, isGovernmentWord } from './words';

/** A nominalisation: token positions [from, to) and the verb to use instead. */
export interface NominalisationMatch {
  from: number;
  to: number;
  verb: string;
}

// Everyday nouns in -ing / -atie / -ctie that are not used in place of a verb.
const CONCRETE = new Set(`
woning regering vergadering opleiding rekening mening ervaring richting omgeving verzekering
uitkering leerling koning tekening oefening wandeling vereniging stichting instelling afdeling
voorziening regeling verwarming verlichting leiding verzameling uitnodiging aflevering beslissing
bedoeling verwachting oplossing aanleiding toelichting overtuiging verbinding bevolking samenleving
werking inleiding houding beweging handeling vertaling verzorging vorming kleding betekenis
informatie organisatie situatie relatie natie actie fractie redactie directie sectie reactie
functie collectie inspectie constructie instructie correctie selectie locatie operatie generatie
administratie populatie stations vakantie politie positie traditie conditie ambitie
`.split(/\s+/).filter(Boolean));

// Nominalised infinitives that are ordinary nouns: "het leven van", "het eten van".
const NOUN_INFINITIVES = new Set(['leven', 'eten', 'wezen', 'verleden', 'examen', 'teken', 'wapen', 'volgen']);

const verbFor = (noun: string): string | undefined => {
  if (/ing$/.test(noun)) return noun.slice(0, -3) + 'en';
  if (/atie$/.test(noun)) return noun.slice(0, -4) + 'eren';
  if (/ctie$/.test(noun)) return noun.slice(0, -3) + 'eren';
  return undefined;
};

/** Finds nominalisations followed by "van" in one sentence's tokens. */
export const findNominalisations = (tokens: readonly Token[]): NominalisationMatch[] => {
  const out: NominalisationMatch[] = [];
  tokens.forEach((token, i) => {
    if (tokens[i + 1]?.lower !== 'van') return;
    const word = token.lower;
    const verb = verbFor(word);
    if (verb && word.length >= 7 && !CONCRETE.has(word) && !isGovernmentWord(word)) {
      out.push({ from: i, to: i + 2, verb });
      return;
    }
    const article = tokens[i - 1]?.lower;
    if (article === 'het' && /[^aeiou]en$/.test(word) && !NOUN_INFINITIVES.has(word) && isCommonWord(word)) {
      out.push({ from: i - 1, to: i + 2, verb: word });
    }
  });
  return out;
};
