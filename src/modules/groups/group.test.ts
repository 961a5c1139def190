import { describe, expect, it } from 'vitest';
import { opposingPairs } from './group';
import { anImpact } from './group.factory';

describe('opposing interests (legitimacy rule 10)', () => {
  it('pairs every group that gains with every group that loses', () => {
    const shops = anImpact({ effect: 'gains' });
    const cyclists = anImpact({ effect: 'gains' });
    const residents = anImpact({ effect: 'loses' });
    const pairs = opposingPairs([shops, residents, cyclists]);
    expect(pairs).toEqual([
      [shops, residents],
      [cyclists, residents],
    ]);
  });

  it('finds no conflict when nobody loses, or nobody gains', () => {
    expect(opposingPairs([anImpact({ effect: 'gains' }), anImpact({ effect: 'gains' })])).toEqual([]);
    expect(opposingPairs([anImpact({ effect: 'loses' }), anImpact({ effect: 'neutral' })])).toEqual([]);
    expect(opposingPairs([])).toEqual([]);
  });

  it('does not treat mixed or neutral effects as opposing', () => {
    expect(opposingPairs([anImpact({ effect: 'mixed' }), anImpact({ effect: 'loses' }), anImpact({ effect: 'neutral' })])).toEqual([]);
  });
});
