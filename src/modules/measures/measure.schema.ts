import { z } from 'zod';
import { patchSchemaOf, textSchema, urlSchema } from '../../core';
import { isoDateSchema } from '../changes';
import { EVIDENCE_STRENGTHS, MEASURE_STATUSES } from './measure';

const measureObject = z.strictObject({
  title: textSchema({ min: 3, max: 200 }),
  description: textSchema({ max: 5000, multiline: true }).default(''),
  status: z.enum(MEASURE_STATUSES).default('planned'),
  cost: z.number().finite().min(0).nullable().default(null),
  startDate: isoDateSchema.nullable().default(null),
  endDate: isoDateSchema.nullable().default(null),
});

export const measureSchema = measureObject.refine((m) => !m.startDate || !m.endDate || m.endDate >= m.startDate, { path: ['endDate'], message: 'the end date comes before the start date' });
export type MeasureInput = z.input<typeof measureSchema>;

/** An edit of a measure: only the fields given change, unknown fields refused (422). */
export const measurePatchSchema = patchSchemaOf(measureObject);

export const contributionSchema = z.strictObject({
  goalId: z.uuid(),
  mechanism: textSchema({ min: 10, tooShort: 'say in a sentence how the measure helps the goal', max: 2000, multiline: true }),
  assumptions: textSchema({ max: 2000, multiline: true }).default(''),
  expectedEffect: z.number().finite().nullable().default(null),
  evidenceStrength: z.enum(EVIDENCE_STRENGTHS).default('assumed'),
  evidenceLinks: z.array(urlSchema()).max(20).default([]),
});
export type ContributionInput = z.input<typeof contributionSchema>;
