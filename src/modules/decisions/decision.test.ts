import { describe, expect, it } from 'vitest';
import { createsObligation, DECISION_KINDS, isFinal } from './decision';

describe('decision rules', () => {
  it('calls a decision final once its outcome is set, and only then', () => {
    expect(isFinal({ outcome: 'pending' })).toBe(false);
    for (const outcome of ['adopted', 'rejected', 'withdrawn'] as const) expect(isFinal({ outcome })).toBe(true);
  });

  it('lets only a motie or a toezegging create a follow-up obligation', () => {
    expect(DECISION_KINDS.filter(createsObligation)).toEqual(['motie', 'toezegging']);
  });
});
