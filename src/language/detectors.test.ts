import { describe, expect, it } from 'vitest';
import { findImpersonal } from './addressing';
import { findNominalisations } from './nominalisations';
import { findOfficialese, OFFICIALESE_SIZE } from './officialese';
import { findPassives, isParticiple } from './passive';
import { splitSentences } from './sentences';
import { tokenize } from './tokens';
import { findVagueTerms } from './vague-goal';

const words = (text: string, from: number, to: number) =>
  tokenize(text).slice(from, to).map((t) => t.text).join(' ');
const sentence = (text: string) => splitSentences(text)[0]!;
const passives = (text: string) => findPassives(sentence(text)).map((m) => words(text, m.from, m.to));

describe('officialese', () => {
  it('has at least 150 entries', () => expect(OFFICIALESE_SIZE).toBeGreaterThanOrEqual(150));

  it('finds words and the longest phrase, with the plain alternative', () => {
    const text = 'Teneinde u te informeren over de kosten ten aanzien van uw aanvraag, sturen wij derhalve deze brief.';
    const found = findOfficialese(tokenize(text)).map((m) => [words(text, m.from, m.to), m.plain]);
    expect(found).toEqual([
      ['Teneinde', 'om'],
      ['ten aanzien van', 'over'],
      ['derhalve', 'daarom'],
    ]);
  });

  it('matches inflected forms and dotted abbreviations', () => {
    const text = 'Wij hebben getracht de gegevens m.b.t. uw huis te verstrekken.';
    expect(findOfficialese(tokenize(text)).map((m) => m.plain)).toEqual(['proberen', 'over', 'geven']);
  });

  it('leaves plain text alone', () => {
    expect(findOfficialese(tokenize('Wij sturen u een brief over de kosten van uw aanvraag.'))).toEqual([]);
  });
});

describe('passive', () => {
  it.each([
    ['De weg wordt volgend jaar opnieuw aangelegd.', 'wordt volgend jaar opnieuw aangelegd'],
    ['Uw aanvraag is goedgekeurd.', 'is goedgekeurd'],
    ['Er wordt gewerkt aan een nieuwe regeling.', 'Er wordt gewerkt'],
    ['Wij weten dat de brief al verstuurd is.', 'verstuurd is'],
    ['Het besluit werd door de raad genomen.', 'werd door de raad genomen'],
    ['De vergunning kan worden aangevraagd via de website.', 'worden aangevraagd'],
  ])('finds the passive in "%s"', (text, span) => expect(passives(text)).toEqual([span]));

  it.each([
    'Wij leggen de weg volgend jaar opnieuw aan.',
    'Zijn vader heeft het huis gebouwd.',
    'De prijs is gestegen.',
    'Het park is bekend in de hele stad.',
    'Dat is het gebied waar wij bouwen.',
    'Hij is gisteren naar huis gegaan.',
    'De gemeente wordt groter.',
  ])('finds no passive in "%s"', (text) => expect(passives(text)).toEqual([]));

  it('recognises participles by shape', () => {
    for (const w of ['gebouwd', 'aangelegd', 'betaald', 'besloten', 'opgehaald', 'geschreven']) expect(isParticiple(w)).toBe(true);
    for (const w of ['gebied', 'beleid', 'gemeente', 'regering', 'verbod']) expect(isParticiple(w)).toBe(false);
  });
});

describe('nominalisations', () => {
  it('finds -ing / -atie nouns and nominalised infinitives before "van"', () => {
    const text = 'De verbetering van de weg en het beoordelen van aanvragen vragen om de realisatie van plannen.';
    expect(findNominalisations(tokenize(text)).map((m) => [words(text, m.from, m.to), m.verb])).toEqual([
      ['verbetering van', 'verbeteren'],
      ['het beoordelen van', 'beoordelen'],
      ['realisatie van', 'realiseren'],
    ]);
  });

  it('ignores ordinary nouns in -ing', () => {
    expect(findNominalisations(tokenize('De woning van mijn moeder en de uitkering van mijn buurman.'))).toEqual([]);
  });
});

describe('addressing the reader', () => {
  it('finds "men", "de burger" and "belanghebbenden"', () => {
    const text = 'Men kan bezwaar maken. De burger en belanghebbenden krijgen een brief.';
    expect(findImpersonal(tokenize(text)).map((m) => words(text, m.from, m.to))).toEqual(['Men', 'De burger', 'belanghebbenden']);
  });
});

describe('vague terms', () => {
  it('finds core terms in any text and comparatives only in goals', () => {
    const text = 'We willen zoveel mogelijk de veiligheid verbeteren en meer groen.';
    expect(findVagueTerms(tokenize(text), false).map((m) => words(text, m.from, m.to))).toEqual(['zoveel mogelijk', 'verbeteren']);
    expect(findVagueTerms(tokenize(text), true).map((m) => words(text, m.from, m.to))).toEqual(['zoveel mogelijk', 'verbeteren', 'meer']);
  });
});
