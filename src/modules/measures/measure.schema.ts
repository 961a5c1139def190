import { z } from 'zod';
import { isoDateSchema } from '../changes';
import { EVIDENCE_STRENGTHS, MEASURE_STATUSES } from './measure';

export const measureSchema = z
  .object({
    title: z.string().trim().min(3).max(200),
    description: z.string().trim().max(5000).default(''),
    status: z.enum(MEASURE_STATUSES).default('planned'),
    cost: z.number().finite().min(0).nullable().default(null),
    startDate: isoDateSchema.nullable().default(null),
    endDate: isoDateSchema.nullable().default(null),
  })
  .refine((m) => !m.startDate || !m.endDate || m.endDate >= m.startDate, { path: ['endDate'], message: 'the end date comes before the start date' });
export type MeasureInput = z.input<typeof measureSchema>;

export const contributionSchema = z.object({
  goalId: z.uuid(),
  mechanism: z.string().trim().min(10, 'say in a sentence how the measure helps the goal').max(2000),
  assumptions: z.string().trim().max(2000).default(''),
  expectedEffect: z.number().finite().nullable().default(null),
  evidenceStrength: z.enum(EVIDENCE_STRENGTHS).default('assumed'),
  evidenceLinks: z.array(z.url()).max(20).default([]),
});
export type ContributionInput = z.input<typeof contributionSchema>;
