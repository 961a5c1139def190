import { describe, expect, it } from 'vitest';
import { checkGoalWording, checkText, fleschDouma } from './index';

const B1 = 'Vanaf 1 januari halen wij het afval anders op. U krijgt een nieuwe container voor plastic. De oude container mag u houden voor papier. Wij brengen de nieuwe container in december bij uw huis. U hoeft daar niets voor te doen.';
const HARD =
  'Teneinde de leefbaarheid te bevorderen, wordt met ingang van 1 januari middels een gewijzigde inzamelingssystematiek uitvoering gegeven aan het afvalbeleid. ' +
  'Dit houdt in dat belanghebbenden, indien zij daartoe verzoeken, een additionele container ter beschikking gesteld kan worden. ' +
  'Derhalve wordt men verzocht de desbetreffende aanvraag tijdig in te dienen, alsmede de benodigde gegevens te verstrekken.';

describe('checkText', () => {
  it('judges a plain text B1 with a high score', () => {
    const report = checkText(B1);
    expect(report).toMatchObject({ lang: 'nl', verdict: 'b1', verdictLabel: 'B1 of eenvoudiger' });
    expect(report.score).toBeGreaterThanOrEqual(60);
    expect(report.metrics.sentences).toBe(5);
    expect(report.reasons[0]).toMatch(/Score/);
  });

  it('judges an officialese text above B1 and says why', () => {
    const report = checkText(HARD);
    expect(report).toMatchObject({ verdict: 'above_b1', verdictLabel: 'boven B1' });
    expect(report.score).toBeLessThan(60);
    expect(report.reasons.length).toBeGreaterThan(2);
    const rules = new Set(report.findings.map((f) => f.rule));
    for (const rule of ['officialese', 'passive', 'impersonal', 'long_sentence', 'long_word'] as const) expect(rules).toContain(rule);
  });

  it('gives spans that point at the excerpt in the input', () => {
    const report = checkText(HARD);
    for (const f of report.findings) {
      expect(HARD.slice(f.span.start, f.span.end)).toBe(f.excerpt);
      expect(f.message.length).toBeGreaterThan(0);
      expect(f.suggestion.length).toBeGreaterThan(0);
    }
    expect(report.findings.find((f) => f.excerpt === 'Teneinde')?.suggestion).toBe('Schrijf: om.');
  });

  it('computes Flesch-Douma from the formula', () => {
    expect(fleschDouma(10, 1.5)).toBeCloseTo(206.84 - 9.3 - 115.5);
    const { metrics } = checkText(B1);
    expect(metrics.fleschDouma).toBeCloseTo(fleschDouma(metrics.wordsPerSentence, metrics.syllablesPerWord), 0);
  });

  describe('short texts', () => {
    it('does not fail a one-line summary on statistics alone', () => {
      const report = checkText('De gemeenteraad besluit over de herinrichting van het Marktplein.');
      expect(report.verdict).toBe('b1');
      expect(report.reasons[0]).toMatch(/Korte tekst/);
    });

    it('fails a short text with two officialese terms', () => {
      expect(checkText('Derhalve wordt uw aanvraag middels deze brief afgewezen.').verdict).toBe('above_b1');
    });

    it('fails a short text with a sentence over 20 words', () => {
      const long = 'Wij gaan in de wijk de stoepen en de straten opnieuw maken en daarna planten wij ook nog nieuwe bomen langs alle wegen.';
      expect(checkText(long).verdict).toBe('above_b1');
    });
  });

  it('handles an empty text without throwing', () => {
    const report = checkText('');
    expect(report.metrics.words).toBe(0);
    expect(report.findings).toEqual([]);
  });

  it('checks English texts on reading ease and sentence length only, clearly labelled', () => {
    const text = 'The council will collect your waste on a different day from January. You will get a new bin for plastic. Please put the bin outside before seven in the morning. Heeft u vragen? Call us.';
    const report = checkText(text);
    expect(report.lang).toBe('en');
    expect(report.verdict).toBe('b1');
    expect(report.reasons[0]).toMatch(/Engelse tekst/);
    expect(report.findings.every((f) => f.rule === 'long_sentence' || f.rule === 'very_long_sentence')).toBe(true);
    expect(checkText(B1, { lang: 'en' }).lang).toBe('en');
  });
});

describe('checkGoalWording', () => {
  it.each([
    'We willen de verkeersveiligheid verbeteren.',
    'Zoveel mogelijk inwoners doen mee.',
    'Meer groen in de wijk.',
    'De gemeente zet in op duurzame energie.',
  ])('calls "%s" vague', (goal) => {
    const report = checkGoalWording(goal);
    expect(report.vague).toBe(true);
    expect(report.findings[0]?.rule).toBe('vague_goal');
  });

  it.each([
    'Het aantal verkeersongelukken daalt van 40 naar 20 per jaar vóór 2027.',
    'Vóór 1 juli 2026 verbeteren we de score van 6,1 naar 7.',
    'Zestig procent van de inwoners doet mee.',
    'Elke woning heeft een container voor plastic.',
    '',
  ])('does not call "%s" vague', (goal) => expect(checkGoalWording(goal)).toEqual({ vague: false, findings: [] }));
});
