import { describe, expect, it } from 'vitest';
import { stemDutch } from './stem';
import { keysOf, matchKey, rankGoals } from './suggest';

describe('the Snowball Dutch stemmer', () => {
  it('gives singular and plural one stem', () => {
    for (const [a, b] of [['straten', 'straat'], ['vestigingen', 'vestiging'], ['bibliotheken', 'bibliotheek'], ['bewoners', 'bewoner'], ['maanden', 'maand'], ['gemeenten', 'gemeente']]) {
      expect(stemDutch(a!)).toBe(stemDutch(b!));
    }
  });

  it('strips derivations in R2 (lijk, heid, ing) as Snowball does', () => {
    expect(stemDutch('lichamelijk')).toBe('licham');
    expect(stemDutch('lichamelijke')).toBe('licham');
    expect(stemDutch('veiligheid')).toBe('veilig');
    expect(stemDutch('mogelijkheden')).toBe('mogelijk');
  });

  it('folds accents and keeps short words', () => {
    expect(stemDutch('café')).toBe(stemDutch('cafe'));
    expect(stemDutch('ov')).toBe('ov');
  });
});

describe('match keys', () => {
  it('match where the stemmer alone does not (fiets/fietsen, parkeerplaats/parkeerplaatsen)', () => {
    expect(stemDutch('fiets')).not.toBe(stemDutch('fietsen'));
    expect(matchKey('fiets')).toBe(matchKey('fietsen'));
    expect(matchKey('parkeerplaats')).toBe(matchKey('parkeerplaatsen'));
  });

  it('drop function words and keep numbers as written', () => {
    expect(keysOf('De wethouder zegt dat er 2000 plekken komen')).toEqual(['2000', matchKey('plekken')]);
  });
});

describe('goal suggestions', () => {
  const goals = [
    { id: 'stoep', text: 'Op de stoep bij het station staan nog maar 100 fietsen' },
    { id: 'stalling', text: 'Er zijn 2000 plaatsen in de fietsenstalling onder het plein' },
    { id: 'tevreden', text: 'Reizigers zijn tevreden over de bereikbaarheid van het station' },
  ];

  it('ranks the goal that shares the most (and rarest) words first', () => {
    const ranked = rankGoals('Iedereen kan straks zijn fiets kwijt in de stalling onder het plein', goals);
    expect(ranked.map((r) => r.goalId)).toEqual(['stalling', 'stoep']);
    expect(ranked[0]!.score).toBeGreaterThan(ranked[1]!.score);
    expect(ranked[0]!.matched).toEqual(expect.arrayContaining([matchKey('stalling'), matchKey('plein')]));
  });

  it('matches a part of a Dutch compound at half weight', () => {
    const [only] = rankGoals('stalling', [{ id: 'x', text: 'fietsenstalling' }]);
    const [exact] = rankGoals('stalling', [{ id: 'x', text: 'stalling' }]);
    expect(only?.score).toBeLessThan(exact!.score);
    expect(only?.score).toBeGreaterThan(0);
  });

  it('suggests nothing for a text that shares no content word, an empty text or no goals', () => {
    expect(rankGoals('Het wordt vast mooi weer', goals)).toEqual([]);
    expect(rankGoals('', goals)).toEqual([]);
    expect(rankGoals('fietsen', [])).toEqual([]);
  });

  it('keeps the order of the goals on a tie and honours the limit', () => {
    const same = [{ id: 'a', text: 'fietsen' }, { id: 'b', text: 'fietsen' }, { id: 'c', text: 'fietsen' }];
    expect(rankGoals('fiets', same, 2).map((r) => r.goalId)).toEqual(['a', 'b']);
  });
});
