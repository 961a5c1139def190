import { z } from 'zod';
import { slugSchema } from '../organizations';
import { CHANGE_KINDS, CHANGE_STATUSES } from './change';

export const isoDateSchema = z.iso.date();

const changeFields = {
  title: z.string().trim().min(3).max(200),
  kind: z.enum(CHANGE_KINDS),
  summary: z.string().trim().max(600).default(''),
  why: z.string().trim().max(10_000).default(''),
  what: z.string().trim().max(10_000).default(''),
  themes: z.array(z.string().trim().min(1).max(60)).max(20).default([]),
};

export const createChangeSchema = z.object({
  ...changeFields,
  slug: slugSchema.optional(),
  status: z.enum(CHANGE_STATUSES).default('draft'),
});
export type CreateChangeInput = z.input<typeof createChangeSchema>;

export const updateChangeSchema = z.object(changeFields).partial();
export type UpdateChangeInput = z.input<typeof updateChangeSchema>;

export const milestoneSchema = z.object({
  title: z.string().trim().min(2).max(200),
  description: z.string().trim().max(2000).default(''),
  date: isoDateSchema,
  done: z.boolean().default(false),
});
export type MilestoneInput = z.input<typeof milestoneSchema>;

export const listChangesSchema = z.object({
  status: z.enum(CHANGE_STATUSES).optional(),
  theme: z.string().max(60).optional(),
  publishedOnly: z.boolean().default(false),
});
export type ListChangesFilter = z.input<typeof listChangesSchema>;
