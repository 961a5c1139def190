import { describe, expect, it } from 'vitest';
import { sectorsOf } from './iati-sectors';

describe('IATI sectors from themes', () => {
  it('splits 100 % exactly, counts a DAC code once and a theme once however it is written', () => {
    const sectors = sectorsOf(['Openbare_ruimte', 'openbare ruimte', 'afval', 'Duurzaamheid', 'milieu']);
    expect(sectors.filter((s) => s.vocabulary === '1')).toEqual([
      { vocabulary: '1', code: '43030', percentage: '33.34' },
      { vocabulary: '1', code: '14050', percentage: '33.33' },
      { vocabulary: '1', code: '41010', percentage: '33.33' },
    ]);
    expect(sectors.filter((s) => s.vocabulary === '99').map((s) => [s.code, s.percentage, s.narrative])).toEqual([
      ['openbare-ruimte', '25', 'Openbare_ruimte'],
      ['afval', '25', 'afval'],
      ['duurzaamheid', '25', 'Duurzaamheid'],
      ['milieu', '25', 'milieu'],
    ]);
    const seven = sectorsOf(['a', 'b', 'c', 'd', 'e', 'f', 'g']).filter((s) => s.vocabulary === '99');
    expect(seven.reduce((sum, s) => sum + Math.round(Number(s.percentage) * 100), 0)).toBe(10_000);
  });
});
