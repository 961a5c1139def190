import { describe, expect, it } from 'vitest';
import { evaluateOfficialese, evaluatePassive, evaluateVerdict, HOLDOUT_SENTENCES, TEXTS } from './evaluate';

// Floors, not targets: docs/language.md reports the measured figures. The set is written for
// Helder, spans many topics and styles, and the checker was not tuned to any one text in it.
describe('evaluation set', () => {
  it('has enough texts of both levels', () => {
    expect(TEXTS.filter((t) => t.level === 'b1').length).toBeGreaterThanOrEqual(15);
    expect(TEXTS.filter((t) => t.level === 'above_b1').length).toBeGreaterThanOrEqual(15);
  });

  it('gets the verdict right for at least 80% of the texts', () => {
    const result = evaluateVerdict();
    expect(result.accuracy).toBeGreaterThanOrEqual(0.8);
    expect(result.precision).toBeGreaterThanOrEqual(0.8);
    expect(result.recall).toBeGreaterThanOrEqual(0.8);
  });

  it('detects passives with precision and recall of at least 0.75', () => {
    const result = evaluatePassive();
    expect(result.precision).toBeGreaterThanOrEqual(0.75);
    expect(result.recall).toBeGreaterThanOrEqual(0.75);
  });

  it('detects officialese with precision of at least 0.8 and recall of at least 0.6', () => {
    const result = evaluateOfficialese();
    expect(result.precision).toBeGreaterThanOrEqual(0.8);
    expect(result.recall).toBeGreaterThanOrEqual(0.6);
  });

  it('keeps its precision on the held-out sentences', () => {
    const passive = evaluatePassive(HOLDOUT_SENTENCES);
    const officialese = evaluateOfficialese(HOLDOUT_SENTENCES);
    expect(passive.precision).toBeGreaterThanOrEqual(0.8);
    expect(passive.recall).toBeGreaterThanOrEqual(0.7);
    expect(officialese.precision).toBeGreaterThanOrEqual(0.8);
    expect(officialese.recall).toBeGreaterThanOrEqual(0.5);
  });
});
