import { z } from 'zod';
import { isoDateSchema } from '../changes';
import { directionHolds, DIRECTIONS, GOAL_LEVELS, REPORTING_INTERVALS } from './goal';

const goalContentObject = z.object({
  statement: z.string().trim().min(5).max(500),
  level: z.enum(GOAL_LEVELS).default('outcome'),
  indicator: z.string().trim().max(500).default(''),
  unit: z.string().trim().min(1, 'a goal needs a unit (e.g. "procent", "bezoekers", "dagen")').max(60),
  baselineValue: z.number().finite().nullable().default(null),
  baselineDate: isoDateSchema.nullable().default(null),
  targetValue: z.number().finite().nullable().default(null),
  targetDate: isoDateSchema.nullable().default(null),
  direction: z.enum(DIRECTIONS),
  owner: z.string().trim().max(200).default(''),
  dataSource: z.string().trim().max(500).default(''),
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

export const measurementSchema = z.object({
  date: isoDateSchema,
  value: z.number().finite(),
  source: z.string().trim().max(500).default(''),
  note: z.string().trim().max(2000).default(''),
});
export type MeasurementInput = z.input<typeof measurementSchema>;
