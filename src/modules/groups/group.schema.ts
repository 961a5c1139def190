import { z } from 'zod';
import { textSchema } from '../../core';
import { EFFECTS } from './group';

export const groupSchema = z.strictObject({
  name: textSchema({ min: 2, max: 120 }),
  description: textSchema({ max: 2000, multiline: true }).default(''),
  estimatedSize: z.number().int().min(0).nullable().default(null),
});
export type GroupInput = z.input<typeof groupSchema>;

export const impactSchema = z.strictObject({
  groupId: z.uuid(),
  effect: z.enum(EFFECTS),
  meaning: textSchema({ max: 3000, multiline: true }).default(''),
  expectation: textSchema({ max: 3000, multiline: true }).default(''),
});
export type ImpactInput = z.input<typeof impactSchema>;
