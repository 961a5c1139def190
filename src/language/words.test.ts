import { describe, expect, it } from 'vitest';
import { isCommonWord, isGovernmentWord } from './words';

describe('isCommonWord', () => {
  it.each(['stappen', 'straten', 'werkte', 'gebouwd', 'grootste', 'aangevraagd', 'betaald', 'brieven', 'huizen', 'huisje', 'nieuwe', 'hoeft', 'vastgesteld'])(
    'knows the inflected form %s',
    (word) => expect(isCommonWord(word)).toBe(true),
  );

  it.each(['afvalcontainer', 'fietsenstalling', 'ziekenhuis', 'buurtbewoners', 'e-mail'])('knows the compound %s', (word) =>
    expect(isCommonWord(word)).toBe(true),
  );

  it.each(['teneinde', 'inzamelingssystematiek', 'additionele', 'verwerkingsverantwoordelijke', 'xylofoon'])(
    'does not know %s',
    (word) => expect(isCommonWord(word)).toBe(false),
  );

  it('has the government allow-list', () => {
    for (const word of ['gemeente', 'uitkering', 'digid', 'formulier', 'kwijtschelding']) {
      expect(isGovernmentWord(word)).toBe(true);
      expect(isCommonWord(word)).toBe(true);
    }
  });
});
