import { z } from 'zod';
import { EFFECTS } from './group';

export const groupSchema = z.object({
  name: z.string().trim().min(2).max(120),
  description: z.string().trim().max(2000).default(''),
  estimatedSize: z.number().int().min(0).nullable().default(null),
});
export type GroupInput = z.input<typeof groupSchema>;

export const impactSchema = z.object({
  groupId: z.uuid(),
  effect: z.enum(EFFECTS),
  meaning: z.string().trim().max(3000).default(''),
  expectation: z.string().trim().max(3000).default(''),
});
export type ImpactInput = z.input<typeof impactSchema>;
