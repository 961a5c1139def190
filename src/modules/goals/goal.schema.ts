import { z } from 'zod';
import { patchSchemaOf, textSchema } from '../../core';
import { isoDateSchema } from '../changes';
import { directionHolds, DIRECTIONS, GOAL_LEVELS, REPORTING_INTERVALS } from './goal';

const goalContentObject = z.strictObject({
  statement: textSchema({ min: 5, max: 500 }),
  level: z.enum(GOAL_LEVELS).default('outcome'),
  indicator: textSchema({ max: 500 }).default(''),
  unit: textSchema({ min: 1, tooShort: 'a goal needs a unit (e.g. "procent", "bezoekers", "dagen")', max: 60 }),
  baselineValue: z.number().finite().nullable().default(null),
  baselineDate: isoDateSchema.nullable().default(null),
  targetValue: z.number().finite().nullable().default(null),
  targetDate: isoDateSchema.nullable().default(null),
  direction: z.enum(DIRECTIONS),
  owner: textSchema({ max: 200 }).default(''),
  dataSource: textSchema({ max: 500 }).default(''),
  reportingInterval: z.enum(REPORTING_INTERVALS).default('yearly'),
});

/** Invariants a goal must meet to be stored at all; gaps in completeness are the legitimacy check's job. */
export const goalContentSchema = goalContentObject.superRefine((g, ctx) => {
  if (g.baselineValue !== null && g.targetValue !== null && !directionHolds(g.direction, g.baselineValue, g.targetValue)) {
    const message =
      g.direction === 'keep'
        ? 'with direction "keep" the target equals the baseline'
        : g.targetValue === g.baselineValue
          ? `the target equals the baseline, but the direction is "${g.direction}"`
          : `the target is not a${g.direction === 'increase' ? 'n increase' : ' decrease'} from the baseline`;
    ctx.addIssue({ code: 'custom', path: ['targetValue'], message });
  }
  if (g.baselineDate && g.targetDate && g.targetDate <= g.baselineDate) {
    ctx.addIssue({ code: 'custom', path: ['targetDate'], message: 'the deadline must come after the baseline date' });
  }
  if ((g.baselineValue === null) !== (g.baselineDate === null)) {
    ctx.addIssue({ code: 'custom', path: ['baselineDate'], message: 'a baseline needs both a value and a date' });
  }
});
export type GoalContentInput = z.input<typeof goalContentSchema>;

/** An edit of a goal: only the fields given change, unknown fields refused (422). */
export const goalPatchSchema = patchSchemaOf(goalContentObject);

export const measurementSchema = z.strictObject({
  date: isoDateSchema,
  value: z.number().finite(),
  source: textSchema({ max: 500 }).default(''),
  note: textSchema({ max: 2000, multiline: true }).default(''),
});
export type MeasurementInput = z.input<typeof measurementSchema>;
