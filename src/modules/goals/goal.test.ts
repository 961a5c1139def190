import { describe, expect, it } from 'vitest';
import { directionHolds, measurabilityGaps, progressOf, trackStatus, versionedFieldsDiffer, VERSIONED_FIELDS, type GoalContent } from './goal';
import { aGoalContent } from './goal.factory';

describe('measurability (legitimacy rule 4)', () => {
  it('finds no gap in a complete goal', () => {
    expect(measurabilityGaps(aGoalContent())).toEqual([]);
  });

  it('names each missing part', () => {
    expect(measurabilityGaps(aGoalContent({ indicator: '  ' }))).toEqual(['no_indicator']);
    expect(measurabilityGaps(aGoalContent({ unit: '' }))).toEqual(['no_unit']);
    expect(measurabilityGaps(aGoalContent({ baselineValue: null }))).toEqual(['no_baseline']);
    expect(measurabilityGaps(aGoalContent({ baselineDate: null }))).toEqual(['no_baseline']);
    expect(measurabilityGaps(aGoalContent({ targetValue: null }))).toEqual(['no_target']);
    expect(measurabilityGaps(aGoalContent({ targetDate: null }))).toEqual(['no_deadline']);
  });

  it('names every gap of an empty goal at once', () => {
    const empty = aGoalContent({ indicator: '', unit: '', baselineValue: null, baselineDate: null, targetValue: null, targetDate: null });
    expect(measurabilityGaps(empty)).toEqual(['no_indicator', 'no_unit', 'no_baseline', 'no_target', 'no_deadline']);
  });

  it('flags a target on the wrong side of the baseline, or equal to it where a direction is required', () => {
    expect(measurabilityGaps(aGoalContent({ direction: 'increase', targetValue: 30 }))).toEqual(['target_not_in_direction']);
    expect(measurabilityGaps(aGoalContent({ direction: 'increase', targetValue: 40 }))).toEqual(['target_not_in_direction']);
    expect(measurabilityGaps(aGoalContent({ direction: 'decrease', targetValue: 70 }))).toEqual(['target_not_in_direction']);
    expect(measurabilityGaps(aGoalContent({ direction: 'keep', targetValue: 70 }))).toEqual(['target_not_in_direction']);
    expect(measurabilityGaps(aGoalContent({ direction: 'keep', targetValue: 40 }))).toEqual([]);
  });
});

describe('direction', () => {
  it.each([
    ['increase', 10, 20, true],
    ['increase', 10, 10, false],
    ['increase', 10, 5, false],
    ['decrease', 10, 5, true],
    ['decrease', 10, 10, false],
    ['decrease', 10, 20, false],
    ['keep', 10, 10, true],
    ['keep', 10, 11, false],
  ] as const)('%s from %d to %d holds: %s', (direction, baseline, target, holds) => {
    expect(directionHolds(direction, baseline, target)).toBe(holds);
  });
});

describe('progress from baseline to target', () => {
  const up = aGoalContent({ baselineValue: 40, targetValue: 70, direction: 'increase' });
  const down = aGoalContent({ baselineValue: 100, targetValue: 60, direction: 'decrease' });
  const keep = aGoalContent({ baselineValue: 95, targetValue: 95, direction: 'keep' });

  it('is the share of the way from baseline to target', () => {
    expect(progressOf(up, 40)).toBe(0);
    expect(progressOf(up, 55)).toBe(0.5);
    expect(progressOf(up, 70)).toBe(1);
  });

  it('is clamped to 0..1: overshooting is done, going backwards is nothing', () => {
    expect(progressOf(up, 85)).toBe(1);
    expect(progressOf(up, 30)).toBe(0);
  });

  it('counts a fall as progress when the goal is to decrease', () => {
    expect(progressOf(down, 80)).toBe(0.5);
    expect(progressOf(down, 50)).toBe(1);
    expect(progressOf(down, 120)).toBe(0);
  });

  it('for keep, is 1 while the value holds within 1% of the target, else 0', () => {
    expect(progressOf(keep, 95)).toBe(1);
    expect(progressOf(keep, 95.9)).toBe(1);
    expect(progressOf(keep, 94.1)).toBe(1);
    expect(progressOf(keep, 96)).toBe(0);
    expect(progressOf(keep, 90)).toBe(0);
  });

  it('is unknown without a value, a baseline or a target', () => {
    expect(progressOf(up, null)).toBeNull();
    expect(progressOf(up, undefined)).toBeNull();
    expect(progressOf(aGoalContent({ baselineValue: null }), 50)).toBeNull();
    expect(progressOf(aGoalContent({ targetValue: null }), 50)).toBeNull();
  });
});

describe('track status', () => {
  // From 40 on 2025-01-01 to 70 on 2028-01-01: halfway in time is about 2026-07-02.
  const goal = aGoalContent();

  it('is not_measurable while the goal has gaps, whatever was measured', () => {
    expect(trackStatus(aGoalContent({ unit: '' }), { date: '2026-01-01', value: 70 })).toBe('not_measurable');
  });

  it('is no_measurement without a measurement', () => {
    expect(trackStatus(goal, undefined)).toBe('no_measurement');
  });

  it('is achieved once the target is reached, even early', () => {
    expect(trackStatus(goal, { date: '2026-01-01', value: 72 })).toBe('achieved');
  });

  it('is on_track at 80% or more of the straight line, behind below it', () => {
    // Halfway in time the straight line expects 0.5; 0.8 of that is 0.4 progress, i.e. value 52.
    expect(trackStatus(goal, { date: '2026-07-02', value: 55 })).toBe('on_track');
    expect(trackStatus(goal, { date: '2026-07-02', value: 53 })).toBe('on_track');
    expect(trackStatus(goal, { date: '2026-07-02', value: 50 })).toBe('behind');
  });

  it('is on_track at the baseline date itself', () => {
    expect(trackStatus(goal, { date: '2025-01-01', value: 40 })).toBe('on_track');
  });

  it('is behind once the deadline has passed without reaching the target', () => {
    expect(trackStatus(goal, { date: '2028-01-01', value: 66 })).toBe('behind');
    expect(trackStatus(goal, { date: '2028-04-01', value: 69 })).toBe('behind');
  });

  it('works the same way for a goal that decreases', () => {
    const down = aGoalContent({ baselineValue: 100, targetValue: 60, direction: 'decrease' });
    expect(trackStatus(down, { date: '2026-07-02', value: 82 })).toBe('on_track');
    expect(trackStatus(down, { date: '2026-07-02', value: 95 })).toBe('behind');
    expect(trackStatus(down, { date: '2026-07-02', value: 60 })).toBe('achieved');
  });
});

describe('which edits make a new goal version', () => {
  it.each(VERSIONED_FIELDS)('a change to %s does', (field) => {
    const a = aGoalContent();
    const changed: Record<(typeof VERSIONED_FIELDS)[number], GoalContent[keyof GoalContent]> = {
      statement: 'Een ander doel met andere woorden',
      level: 'impact',
      indicator: 'Iets anders tellen',
      unit: 'fietsen',
      baselineValue: 41,
      baselineDate: '2025-02-01',
      targetValue: 71,
      targetDate: '2028-02-01',
      direction: 'decrease',
    };
    expect(versionedFieldsDiffer(a, { ...a, [field]: changed[field] })).toBe(true);
  });

  it('administration (owner, data source, reporting interval) does not', () => {
    const a = aGoalContent();
    expect(versionedFieldsDiffer(a, { ...a, owner: 'Team Verkeer', dataSource: 'CBS', reportingInterval: 'yearly' })).toBe(false);
    expect(versionedFieldsDiffer(a, { ...a })).toBe(false);
  });
});
