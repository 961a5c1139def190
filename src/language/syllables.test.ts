import { describe, expect, it } from 'vitest';
import { countEnglishSyllables, countSyllables } from './syllables';

describe('countSyllables (Dutch vowel groups)', () => {
  it.each([
    ['gemeente', 3], ['uitkering', 3], ['formulier', 3], ['informatie', 4], ['bijvoorbeeld', 3],
    ['nieuw', 1], ['eeuw', 1], ['mooie', 2], ['draaien', 2], ['groeien', 2], ['materiaal', 4],
    ['ideeën', 3], ['financiële', 5], ['situatie', 4], ['geïnteresseerd', 5], ['verantwoordelijkheid', 6],
    ['huis', 1], ['auto', 2], ['oud', 1], ['systeem', 2], ['DigiD', 2], ['e', 1], ['gebruik', 2],
  ])('%s has %i syllables', (word, n) => {
    expect(countSyllables(word)).toBe(n);
  });

  it('gives 0 for a token without letters', () => expect(countSyllables('123')).toBe(0));
});

describe('countEnglishSyllables', () => {
  it.each([['the', 1], ['make', 1], ['council', 2], ['information', 4], ['wanted', 2], ['bins', 1]])(
    '%s has %i syllables',
    (word, n) => expect(countEnglishSyllables(word)).toBe(n),
  );
});
