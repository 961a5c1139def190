import { describe, expect, it } from 'vitest';
import { assertTransition, canMoveTo, CHANGE_STATUSES, isDecided, type ChangeStatus } from './change';

describe('the change lifecycle', () => {
  it.each([
    ['draft', 'proposed'],
    ['proposed', 'decided'],
    ['proposed', 'draft'],
    ['decided', 'in_progress'],
    ['in_progress', 'completed'],
  ] as const)('lets a change go from %s to %s', (from, to) => {
    expect(canMoveTo(from, to)).toBe(true);
    expect(() => assertTransition(from, to)).not.toThrow();
  });

  it.each(['draft', 'proposed', 'decided', 'in_progress'] as const)('lets an unfinished change (%s) be stopped', (from) => {
    expect(canMoveTo(from, 'stopped')).toBe(true);
  });

  it.each([
    ['draft', 'decided'],
    ['draft', 'in_progress'],
    ['proposed', 'completed'],
    ['decided', 'proposed'],
    ['in_progress', 'decided'],
  ] as const)('refuses to skip or reverse a step: %s to %s', (from, to) => {
    expect(canMoveTo(from, to)).toBe(false);
    expect(() => assertTransition(from, to)).toThrow(expect.objectContaining({ code: 'invalid_state', details: expect.objectContaining({ from, to }) }));
  });

  it.each(['completed', 'stopped'] as const)('lets nothing leave %s, because citizens were told it ended', (from) => {
    for (const to of CHANGE_STATUSES.filter((s) => s !== from)) {
      expect(canMoveTo(from, to)).toBe(false);
      expect(() => assertTransition(from, to)).toThrow(expect.objectContaining({ code: 'invalid_state' }));
    }
  });

  it('treats staying in the same status as no transition', () => {
    for (const status of CHANGE_STATUSES) expect(() => assertTransition(status, status)).not.toThrow();
  });

  it('counts decided, in progress and completed as decided, and nothing before or stopped', () => {
    const decided = CHANGE_STATUSES.filter((s: ChangeStatus) => isDecided(s));
    expect(decided).toEqual(['decided', 'in_progress', 'completed']);
  });
});
