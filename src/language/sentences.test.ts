import { describe, expect, it } from 'vitest';
import { splitSentences } from './sentences';

const texts = (input: string) => splitSentences(input).map((s) => s.text);

describe('splitSentences', () => {
  it('survives abbreviations, initials and numbers', () => {
    expect(
      texts('Dhr. J. de Vries woont in nr. 12. Hij krijgt o.a. 3,5 miljoen en 1.200 euro, d.w.z. veel geld. Zie art. 3 van de wet!'),
    ).toEqual([
      'Dhr. J. de Vries woont in nr. 12.',
      'Hij krijgt o.a. 3,5 miljoen en 1.200 euro, d.w.z. veel geld.',
      'Zie art. 3 van de wet!',
    ]);
  });

  it('keeps bijv., mevr., i.p.v. and e.d. inside the sentence', () => {
    expect(texts('Neem bijv. een paspoort mee. Mevr. Bakker komt i.p.v. haar man. Fietsen e.d. mogen binnen.')).toHaveLength(3);
  });

  it('ends a sentence after a list-ending abbreviation when a capital follows', () => {
    expect(texts('Fietsen, scooters e.d. Daarna de auto’s.')).toEqual(['Fietsen, scooters e.d.', 'Daarna de auto’s.']);
  });

  it('treats headings, blank lines and list items as sentence ends', () => {
    expect(texts('Uw afval\nVanaf januari halen wij het anders op.\n\nU heeft nodig:\n- een paspoort\n- een foto')).toEqual([
      'Uw afval',
      'Vanaf januari halen wij het anders op.',
      'U heeft nodig:',
      'een paspoort',
      'een foto',
    ]);
  });

  it('joins a hard-wrapped line with the next one', () => {
    const wrapped = 'Wij gaan in het voorjaar de stoepen in de hele wijk Oosterpark vernieuwen en\nwe planten er nieuwe bomen.';
    expect(texts(wrapped)).toHaveLength(1);
  });

  it('gives offsets into the original text', () => {
    const input = '  Eerste zin. Tweede zin.';
    for (const s of splitSentences(input)) expect(input.slice(s.start, s.end)).toBe(s.text);
    expect(splitSentences(input)[1]?.tokens[0]).toMatchObject({ text: 'Tweede', start: 14, end: 20 });
  });

  it('returns nothing for an empty or blank text', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences('  \n\n ')).toEqual([]);
  });
});
